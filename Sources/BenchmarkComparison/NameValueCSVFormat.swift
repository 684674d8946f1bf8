// NameValueCSVFormat.swift: plain CSV with one row per run: benchmark name, value.
import DataInput
import ResampleCore

/// Reads a CSV of runs, one row per run: a benchmark name and a measured value.
///
/// With a header row (detected when the second field of the first row is not a number), the
/// columns called `name` and `value` are used if present, else the first two. Without a
/// header, the first two columns are used. Values are unitless (`""`); the ratio new/base does
/// not depend on the unit. Parsing is DataInput's strict RFC 4180 reader.
enum NameValueCSVFormat {
  static func parse(_ bytes: [UInt8], source: String) throws -> BenchmarkSet {
    let raw = try CSVTable.parse(bytes, source: source, hasHeader: false)
    guard let first = raw.rows.first else {
      throw InputError.invalidData(source: source, reason: "no rows")
    }
    guard first.count >= 2 else {
      throw InputError.invalidData(
        source: "\(source) line \(raw.rowLines[0])",
        reason: "expected at least two columns: name, value")
    }
    let hasHeader = (try? NumericText.parseFinite(first[1], source: source)) == nil
    var nameColumn = 0
    var valueColumn = 1
    if hasHeader {
      let header = first.map { $0.trimmingBlanks().lowercased() }
      if let n = header.firstIndex(of: "name"), let v = header.firstIndex(of: "value") {
        nameColumn = n
        valueColumn = v
      }
    }
    var acc = SampleAccumulator()
    for (r, row) in raw.rows.enumerated() where !(hasHeader && r == 0) {
      let location = "\(source) line \(raw.rowLines[r])"
      let name = row[nameColumn]
      guard !name.isEmpty else {
        throw InputError.invalidData(source: location, reason: "empty benchmark name")
      }
      let v = try NumericText.parseFinite(row[valueColumn], source: location, what: "value")
      try acc.append(v, to: name, unit: "", location: location)
    }
    return BenchmarkSet(source: source, format: .csv, benchmarks: acc.samples)
  }
}

// NameValueCSVFormat.swift: plain CSV with one row per run: benchmark name, value.
import DataInput
import ResampleCore

/// Reads a CSV of runs, one row per run: a benchmark name and a measured value.
///
/// With a header row (detected when the second field of the first row is not a number), the
/// columns called `name` and `value` are used if present, else the first two. Without a
/// header, the first two columns are used. A `unit` column (header `name,value,unit`, or a
/// third column of time units without a header) is honoured: ns, us/µs, ms and s are converted
/// to seconds, so files (and rows) in different units compare correctly; any other unit, or
/// an empty one, is refused. Without a unit column values are unitless (`""`) and both files
/// must use the same unit. Parsing is DataInput's strict RFC 4180 reader.
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
    var unitColumn: Int? = nil
    if hasHeader {
      let header = first.map { $0.trimmingBlanks().lowercased() }
      if let n = header.firstIndex(of: "name"), let v = header.firstIndex(of: "value") {
        nameColumn = n
        valueColumn = v
      }
      unitColumn = header.firstIndex(of: "unit")
    } else if first.count >= 3, secondsPerUnit(first[2].trimmingBlanks()) != nil {
      unitColumn = 2
    }
    var acc = SampleAccumulator()
    for (r, row) in raw.rows.enumerated() where !(hasHeader && r == 0) {
      let location = "\(source) line \(raw.rowLines[r])"
      let name = row[nameColumn]
      guard !name.isEmpty else {
        throw InputError.invalidData(source: location, reason: "empty benchmark name")
      }
      var v = try NumericText.parseFinite(row[valueColumn], source: location, what: "value")
      var unit = ""
      if let unitColumn {
        let unitName = unitColumn < row.count ? row[unitColumn].trimmingBlanks() : ""
        guard let scale = secondsPerUnit(unitName) else {
          throw InputError.invalidData(
            source: location,
            reason: "benchmark '\(name)': unknown unit '\(unitName)' (read as csv; the unit column "
              + "takes ns, us, µs, ms or s)")
        }
        v *= scale
        unit = "s"
      }
      try acc.append(v, to: name, unit: unit, location: location)
    }
    return BenchmarkSet(source: source, format: .csv, benchmarks: acc.samples)
  }
}

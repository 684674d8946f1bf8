// GoogleBenchmarkCSVFormat.swift: Google Benchmark's CSV reporter output, and its console output.
import DataInput
import ResampleCore

/// Reads Google Benchmark CSV (`--benchmark_format=csv`).
///
/// The header is `name,iterations,real_time,cpu_time,time_unit,bytes_per_second,
/// items_per_second,label,error_occurred,error_message` followed by user counters. Each
/// repetition row is one run; the value is `real_time` (or `cpu_time`) in `time_unit`,
/// never `iterations`. Aggregate rows `<name>_mean`, `_median`, `_stddev`, `_cv` (recognised
/// because `<name>` has runs in the file, or because both `<name>_mean` and `<name>_median`
/// appear) are skipped; in an aggregates-only file the `_median` rows are read as summaries.
/// Rows with `error_occurred` are skipped. Lines before the header (the context the tool
/// writes to standard error, when it was redirected too) are ignored.
///
/// Schema: google/benchmark `src/csv_reporter.cc` (1.5 – 1.8).
enum GoogleBenchmarkCSVFormat {
  static let header = Array("name,iterations,real_time,cpu_time,time_unit".utf8)
  static let aggregateSuffixes = ["_mean", "_median", "_stddev", "_cv"]

  /// The offset of the header line, if `bytes` contain one at the start of a line.
  static func headerOffset(_ bytes: [UInt8]) -> Int? {
    var start = 0
    while start < bytes.count {
      if bytes[start...].starts(with: header) { return start }
      guard let nl = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) else { return nil }
      start = nl + 1
    }
    return nil
  }

  /// Whether `bytes` look like the console reporter's table (`Benchmark  Time  CPU  Iterations`).
  static func looksLikeConsole(_ bytes: [UInt8]) -> Bool {
    let text = String(decoding: bytes.prefix(1 << 16), as: UTF8.self)
    return text.split(separator: "\n").contains { line in
      let words = line.split(separator: " ", omittingEmptySubsequences: true)
      return words.count >= 4 && words[0] == "Benchmark" && words[1] == "Time"
        && words[2] == "CPU" && words[3] == "Iterations"
    }
  }

  static func parse(_ bytes: [UInt8], source: String, options: BenchmarkReadOptions) throws
    -> BenchmarkSet
  {
    guard let offset = headerOffset(bytes) else {
      throw InputError.invalidData(
        source: source,
        reason: "no Google Benchmark CSV header 'name,iterations,real_time,cpu_time,time_unit' "
          + "(read as google-benchmark-csv)")
    }
    let table = try CSVTable.parse(Array(bytes[offset...]), source: source, hasHeader: false)
    guard let head = table.rows.first else {
      throw InputError.invalidData(source: source, reason: "no rows (read as google-benchmark-csv)")
    }
    let headerLine = offset == 0 ? 0 : bytes[..<offset].filter { $0 == UInt8(ascii: "\n") }.count
    func column(_ name: String) -> Int? { head.firstIndex(of: name) }
    let valueName: String
    if let metric = options.metric {
      valueName = metric
    } else {
      valueName = options.googleBenchmarkTime == .real ? "real_time" : "cpu_time"
    }
    guard let nameCol = column("name"), let valueCol = column(valueName),
      let unitCol = column("time_unit")
    else {
      throw InputError.invalidData(
        source: source,
        reason: "no column '\(valueName)' in the header (read as google-benchmark-csv; columns: "
          + head.joined(separator: ", ") + ")")
    }
    let errorCol = column("error_occurred")
    let rows = table.rows.dropFirst()
    let names = Set(rows.map { $0[nameCol] })
    func aggregatePrefix(_ name: String) -> String? {
      for suffix in aggregateSuffixes where name.hasSuffix(suffix) {
        let prefix = String(name.dropLast(suffix.count))
        if names.contains(prefix)
          || (names.contains(prefix + "_mean") && names.contains(prefix + "_median"))
        {
          return prefix
        }
      }
      return nil
    }
    var (acc, medians) = try GoogleBenchmarkFormat.accumulators(options)
    var aggregates = 0
    var errors = 0
    for (k, row) in table.rows.enumerated().dropFirst() {
      let location = "\(source) line \(headerLine + table.rowLines[k])"
      guard row.count > max(nameCol, valueCol, unitCol) else {
        throw InputError.invalidData(
          source: location,
          reason: "expected \(head.count) fields, found \(row.count) (read as google-benchmark-csv)"
        )
      }
      if let errorCol, errorCol < row.count, row[errorCol] == "true" {
        errors += 1
        continue
      }
      let name = row[nameCol]
      let aggregate = aggregatePrefix(name)
      if aggregate != nil { aggregates += 1 }
      if let prefix = aggregate, !name.hasSuffix("_median") || names.contains(prefix) { continue }
      let what = "benchmark '\(name)' \(valueName) (read as google-benchmark-csv)"
      guard !row[valueCol].isEmpty else {
        throw InputError.invalidData(source: location, reason: "\(what) is empty")
      }
      var value = try NumericText.parseFinite(row[valueCol], source: location, what: what)
      var unit = valueName
      if options.metric == nil {
        guard let scale = secondsPerUnit(row[unitCol]) else {
          throw InputError.invalidData(
            source: location, reason: "unknown time_unit '\(row[unitCol])'")
        }
        value *= scale
        unit = "s"
      }
      if let prefix = aggregate {
        try medians.append(value, to: prefix, unit: unit, location: location)
      } else {
        try acc.append(value, to: name, unit: unit, location: location)
      }
    }
    return GoogleBenchmarkFormat.assemble(
      source: source, format: .googleBenchmarkCSV, runs: acc, medians: medians, errors: errors,
      aggregates: aggregates, ignoredNote: "aggregate rows (_mean, _median, _stddev, _cv) ignored")
  }
}

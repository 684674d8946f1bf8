// GoBenchmarkFormat.swift: the Go benchmark data format (go test -bench output).
import DataInput
import ResampleCore

/// Reads Go benchmark text.
///
/// Every result line `Benchmark<Name> <iterations> <value> <unit> …`
/// is one run of `Benchmark<Name>` (the name is kept whole, with its `-GOMAXPROCS` suffix, as
/// benchstat shows it). The `ns/op` value (or `sec/op`, benchfmt v2) is used, in seconds; with
/// a metric (`B/op`, `allocs/op`, `MB/s`, a custom `b.ReportMetric` unit) that value is read
/// instead. Configuration lines (`goos: linux`), `PASS`,
/// `ok …` and log output are skipped. The same name under two different `pkg:` values is an
/// error rather than a silent merge.
///
/// Reference: Go proposal 14313, "Benchmark data format" (Austin Clements, 2016).
enum GoBenchmarkFormat {
  static func parse(
    _ bytes: [UInt8], source: String, options: BenchmarkReadOptions = BenchmarkReadOptions(),
    format: BenchmarkInputFormat = .go
  ) throws -> BenchmarkSet {
    try parse(
      text: String(decoding: bytes, as: UTF8.self), source: source, options: options,
      format: format)
  }

  static func parse(
    text: String, source: String, options: BenchmarkReadOptions, format: BenchmarkInputFormat
  ) throws -> BenchmarkSet {
    var acc = SampleAccumulator()
    acc.higherIsBetter = try options.metricHigherIsBetter()
    var package = ""
    var packageOf: [String: String] = [:]
    var withoutTime = Set<String>()
    var lineNumber = 0
    for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
      lineNumber += 1
      let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
      if line.hasPrefix("pkg:") {
        package = String(line.dropFirst(4)).trimmingBlanks()
        continue
      }
      guard let result = resultLine(line) else { continue }
      let location = "\(source) line \(lineNumber)"
      if let previous = packageOf[result.name], previous != package {
        throw InputError.invalidData(
          source: location,
          reason: "benchmark '\(result.name)' appears in packages '\(previous)' and '\(package)'; "
            + "compare one package at a time")
      }
      packageOf[result.name] = package
      var seconds: Double? = nil
      var k = 0
      while k + 1 < result.fields.count {
        let unit = result.fields[k + 1]
        if let metric = options.metric, unit == metric {
          seconds = try NumericText.parseFinite(
            result.fields[k], source: location, what: "benchmark '\(result.name)' \(unit)")
          break
        }
        if options.metric == nil, unit == "ns/op" || unit == "sec/op" {
          let v = try NumericText.parseFinite(
            result.fields[k], source: location, what: "benchmark '\(result.name)' \(unit)")
          seconds = unit == "ns/op" ? v * 1e-9 : v
          break
        }
        k += 2
      }
      guard let seconds else {
        withoutTime.insert(result.name)
        continue
      }
      try acc.append(seconds, to: result.name, unit: options.metric ?? "s", location: location)
    }
    var notes: [String] = []
    let skipped = withoutTime.subtracting(acc.names).sorted()
    if !skipped.isEmpty {
      notes.append(
        "no \(options.metric ?? "ns/op") measurement for \(skipped.joined(separator: ", ")); "
          + "skipped")
    }
    return BenchmarkSet(source: source, format: format, benchmarks: acc.samples, notes: notes)
  }

  /// Splits a result line: `Benchmark…` name, a positive iteration count, then value/unit pairs.
  static func resultLine(_ line: Substring) -> (name: String, fields: [Substring])? {
    guard line.hasPrefix("Benchmark") else { return nil }
    let parts = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
    guard parts.count >= 4, let iterations = Int(parts[1]), iterations > 0 else { return nil }
    // The name: "Benchmark" alone or followed by a non-lowercase character (the spec's rule).
    let name = parts[0]
    if name.count > 9, let next = name.dropFirst(9).first, next.isLowercase { return nil }
    return (String(name), Array(parts[2...]))
  }

  /// Whether `bytes` contain at least one Go benchmark result line.
  static func looksLikeGo(_ bytes: [UInt8]) -> Bool {
    let text = String(decoding: bytes.prefix(1 << 20), as: UTF8.self)
    for line in text.split(separator: "\n") {
      let l = line.hasSuffix("\r") ? line.dropLast() : line
      if resultLine(l) != nil { return true }
    }
    return false
  }
}

extension StringProtocol {
  /// Without leading and trailing spaces and tabs.
  func trimmingBlanks() -> String {
    var s = Substring(self)
    while let f = s.first, f == " " || f == "\t" { s = s.dropFirst() }
    while let l = s.last, l == " " || l == "\t" { s = s.dropLast() }
    return String(s)
  }
}

// CargoCriterionFormat.swift: cargo-criterion's machine-readable messages (JSON lines).
import ResampleCore

/// Reads cargo-criterion's JSON messages.
///
/// `cargo criterion --message-format=json` writes one JSON object per line; each
/// `"reason": "benchmark-complete"` message is one benchmark named by `id`, whose samples are
/// `measured_values[i] / iteration_count[i]` in `unit` (converted to seconds for time units).
/// Other messages (`group-complete`) and blank lines are skipped.
///
/// Schema: cargo-criterion `src/message_formats/json.rs`.
enum CargoCriterionFormat {
  static func parse(_ bytes: [UInt8], source: String) throws -> BenchmarkSet {
    var acc = SampleAccumulator()
    var lineNumber = 0
    for line in bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
      lineNumber += 1
      let location = "\(source) line \(lineNumber)"
      let trimmed = line.filter { $0 != UInt8(ascii: "\r") }
      if trimmed.allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }) { continue }
      let message = try JSONNode.parse(Array(trimmed), source: location)
      guard try message.optionalMember("reason")?.string() == "benchmark-complete" else {
        continue
      }
      let name = try message.member("id").string()
      guard !acc.contains(name) else {
        throw InputError.invalidData(
          source: location, reason: "benchmark '\(name)' is reported twice")
      }
      let unitName = try message.member("unit").string()
      let scale = secondsPerUnit(unitName)
      let counts = try message.member("iteration_count").numbers()
      let measured = try message.member("measured_values").numbers()
      guard counts.count == measured.count else {
        throw InputError.invalidData(
          source: location,
          reason: "iteration_count has \(counts.count) entries but measured_values has "
            + "\(measured.count)")
      }
      for (n, v) in zip(counts, measured) {
        guard n > 0 else {
          throw InputError.invalidData(source: location, reason: "iteration_count \(n) ≤ 0")
        }
        let value = scale.map { v / n * $0 } ?? v / n
        try acc.append(value, to: name, unit: scale == nil ? unitName : "s", location: location)
      }
    }
    return BenchmarkSet(source: source, format: .cargoCriterion, benchmarks: acc.samples)
  }
}

// GoJSONFormat.swift: `go test -json -bench` output (test2json events).
import ResampleCore

/// Reads `go test -json -bench` output.
///
/// test2json writes one JSON event per line; the benchmark text is carried, possibly split
/// across events, in the `Output` of `"Action": "output"` events. The outputs are joined per
/// package, in order, and read as Go benchmark text (``GoBenchmarkFormat``), so names, units
/// and metrics are the same as for `go test -bench`.
///
/// Schema: `go doc test2json` (Go 1.10 – 1.22).
enum GoJSONFormat {
  static func parse(_ bytes: [UInt8], source: String, options: BenchmarkReadOptions) throws
    -> BenchmarkSet
  {
    var outputs: [String: String] = [:]
    var packages: [String] = []
    var lineNumber = 0
    for line in bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
      lineNumber += 1
      let trimmed = line.filter { $0 != UInt8(ascii: "\r") }
      if trimmed.allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }) { continue }
      let event = try JSONNode.parse(
        Array(trimmed), source: "\(source) line \(lineNumber) (read as go-json)")
      guard try event.optionalMember("Action")?.string() == "output",
        let output = try event.optionalMember("Output")?.string()
      else { continue }
      let package = try event.optionalMember("Package")?.string() ?? ""
      if outputs[package] == nil { packages.append(package) }
      outputs[package, default: ""] += output
    }
    // Each package's text starts with its own "pkg:" line, so names stay separated by package.
    let text = packages.map { outputs[$0] ?? "" }.joined(separator: "\n")
    return try GoBenchmarkFormat.parse(
      text: text, source: source, options: options, format: .goJSON)
  }
}

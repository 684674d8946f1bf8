// HyperfineFormat.swift: hyperfine's --export-json results.
import ResampleCore

/// Reads `hyperfine --export-json` output: one benchmark per `results[]` entry, named by its
/// `command` (the `--command-name` when one was given), with the run times `times` in seconds.
///
/// Schema: hyperfine's `src/export/json.rs` (`{"results": [{"command", "mean", …, "times"}]}`).
enum HyperfineFormat {
  static func parse(_ bytes: [UInt8], source: String) throws -> BenchmarkSet {
    let root = try JSONNode.parse(bytes, source: source)
    var acc = SampleAccumulator()
    for result in try root.member("results").array() {
      let name = try result.member("command").string()
      guard !acc.contains(name) else {
        throw InputError.invalidData(
          source: source,
          reason: "command '\(name)' appears twice in results; give each a distinct "
            + "--command-name")
      }
      let times = try result.member("times").numbers()
      for t in times { try acc.append(t, to: name, unit: "s", location: source) }
    }
    return BenchmarkSet(source: source, format: .hyperfine, benchmarks: acc.samples)
  }
}

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

extension BenchmarkInput {
  /// One hyperfine file of several commands (`hyperfine './old' './new'`) as a comparison:
  /// the base command against each other one.
  ///
  /// Every other command `c` becomes a benchmark named `c` whose base runs are those of the
  /// base command, so the suite comparison tests each command against the base one (with the
  /// usual adjustment across them).
  /// - Parameters:
  ///   - set: a hyperfine file with at least two commands.
  ///   - baseCommand: the command (or `--command-name`) to compare against; default the first.
  /// - Throws: `InputError.invalidParameter` for an unknown base command or fewer than two.
  public static func splitCommands(_ set: BenchmarkSet, baseCommand: String?) throws
    -> (base: BenchmarkSet, new: BenchmarkSet)
  {
    guard set.benchmarks.count >= 2 else {
      throw InputError.invalidData(
        source: set.source, reason: "needs two or more commands to compare within one file")
    }
    let chosen = baseCommand ?? set.benchmarks[0].name
    guard let reference = set.benchmark(named: chosen) else {
      throw InputError.invalidParameter(
        name: "base-command", value: chosen,
        expected: "one of " + set.benchmarks.map { "'\($0.name)'" }.joined(separator: ", "))
    }
    let others = set.benchmarks.filter { $0.name != chosen }
    var base = set
    var new = set
    base.source = "\(set.source) [\(chosen)]"
    new.source = "\(set.source) [\(others.map(\.name).joined(separator: ", "))]"
    base.benchmarks = others.map { other in
      var b = reference
      b.name = other.name
      return b
    }
    new.benchmarks = others
    base.notes.append("every command is compared with the base command '\(chosen)'")
    return (base, new)
  }
}

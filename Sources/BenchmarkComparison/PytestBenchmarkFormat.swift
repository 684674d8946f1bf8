// PytestBenchmarkFormat.swift: pytest-benchmark JSON (--benchmark-json, or a saved run).
import ResampleCore

/// Reads pytest-benchmark JSON.
///
/// Each entry of `benchmarks` is one benchmark named by `name` (by `fullname`, such as
/// `test_x.py::test_sort`, when two share a name); its runs are `stats.data`, the time of each
/// round divided by its iterations, in seconds. Files without `stats.data` (a
/// `--benchmark-save` run without `--benchmark-save-data`) keep only summaries: the
/// `stats.median` is then read as a summary (``BenchmarkSamples/summaryOnly``), compared without
/// an interval or a test, and a note says how to keep the rounds.
///
/// Schema: pytest-benchmark `src/pytest_benchmark/stats.py` (`Metadata.as_dict`), 3.x – 5.x.
enum PytestBenchmarkFormat {
  static func parse(_ bytes: [UInt8], source: String, options: BenchmarkReadOptions) throws
    -> BenchmarkSet
  {
    if let metric = options.metric {
      throw InputError.invalidData(
        source: source,
        reason: "pytest-benchmark files hold times only; there is no metric '\(metric)'")
    }
    let root = try JSONNode.parse(bytes, source: source)
    let entries = try root.member("benchmarks").array()
    let names = try entries.map { try $0.member("name").string() }
    let useFullName = Set(names).count != names.count
    var acc = SampleAccumulator()
    var summaries = SampleAccumulator()
    summaries.summaryOnly = true
    for (entry, shortName) in zip(entries, names) {
      let name = useFullName ? try entry.member("fullname").string() : shortName
      guard !acc.contains(name), !summaries.contains(name) else {
        throw InputError.invalidData(
          source: source, reason: "benchmark '\(name)' appears twice (read as pytest-benchmark)")
      }
      let stats = try entry.member("stats")
      if let data = stats.optionalMember("data") {
        for v in try data.numbers() {
          try acc.append(v, to: name, unit: "s", location: "\(source) \(data.path)")
        }
      } else {
        let median = try stats.member("median").number()
        try summaries.append(median, to: name, unit: "s", location: "\(source) \(stats.path)")
      }
    }
    var notes: [String] = []
    if !summaries.names.isEmpty {
      notes.append(
        "no stats.data for \(summaries.names.joined(separator: ", ")): their medians are "
          + "compared without an interval or a test; save the rounds with --benchmark-json=FILE "
          + "or --benchmark-save-data")
    }
    return BenchmarkSet(
      source: source, format: .pytestBenchmark, benchmarks: acc.samples + summaries.samples,
      notes: notes)
  }
}

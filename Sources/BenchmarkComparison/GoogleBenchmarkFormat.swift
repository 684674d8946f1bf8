// GoogleBenchmarkFormat.swift: Google Benchmark's JSON reporter output.
import ResampleCore

/// Reads Google Benchmark JSON.
///
/// In `--benchmark_format=json` / `--benchmark_out` output, each
/// repetition (`run_type: "iteration"`) is one run of the benchmark named by `run_name`
/// (`name` for old files without it); `aggregate` rows (mean, median, stddev, cv, BigO) and
/// rows with `error_occurred` are skipped and counted in the notes. Times are per iteration in
/// `time_unit` (ns, us, ms, s), converted to seconds. A counter (`bytes_per_second`, a user
/// counter) is read instead with `metric`. A file written with
/// `--benchmark_report_aggregates_only` has no repetitions: each benchmark's `median` row is
/// read as a summary (``BenchmarkSamples/summaryOnly``), compared without a test.
///
/// Schema: google/benchmark `src/json_reporter.cc` (1.5 – 1.8).
enum GoogleBenchmarkFormat {
  static func parse(_ bytes: [UInt8], source: String, options: BenchmarkReadOptions) throws
    -> BenchmarkSet
  {
    let root = try JSONNode.parse(bytes, source: source)
    var (acc, medians) = try accumulators(options)
    var aggregates = 0
    var errors = 0
    for row in try root.member("benchmarks").array() {
      let runType = try row.optionalMember("run_type")?.string() ?? "iteration"
      if row.optionalMember("error_occurred")?.bool() == true {
        errors += 1
        continue
      }
      let name = try (row.optionalMember("run_name") ?? row.member("name")).string()
      if runType != "iteration" {
        aggregates += 1
        if try row.optionalMember("aggregate_name")?.string() == "median" {
          let (value, unit) = try measurement(row, source: source, options: options)
          try medians.append(value, to: name, unit: unit, location: "\(source) \(row.path)")
        }
        continue
      }
      let (value, unit) = try measurement(row, source: source, options: options)
      try acc.append(value, to: name, unit: unit, location: "\(source) \(row.path)")
    }
    return assemble(
      source: source, format: .googleBenchmark, runs: acc, medians: medians, errors: errors,
      aggregates: aggregates, ignoredNote: "aggregate rows ignored")
  }

  /// Empty accumulators for the repetition runs and for the `median` aggregate rows (read as
  /// summaries), both in the direction of `options`' metric.
  static func accumulators(_ options: BenchmarkReadOptions) throws -> (
    runs: SampleAccumulator, medians: SampleAccumulator
  ) {
    var runs = SampleAccumulator()
    runs.higherIsBetter = try options.metricHigherIsBetter()
    var medians = runs
    medians.summaryOnly = true
    return (runs, medians)
  }

  /// The benchmark set of one Google Benchmark file (JSON or CSV reporter): the repetition
  /// runs, then the `median` rows of benchmarks written only as aggregates (read as summaries),
  /// with notes counting the skipped error and aggregate rows.
  ///
  /// - Parameters:
  ///   - runs: the repetitions, by benchmark.
  ///   - medians: the `median` aggregate rows, by benchmark.
  ///   - errors: rows skipped for `error_occurred`.
  ///   - aggregates: aggregate rows seen.
  ///   - ignoredNote: the note after the count of ignored aggregate rows.
  /// - Complexity: O(b) for b benchmarks.
  static func assemble(
    source: String, format: BenchmarkInputFormat, runs: SampleAccumulator,
    medians: SampleAccumulator, errors: Int, aggregates: Int, ignoredNote: String
  ) -> BenchmarkSet {
    var notes: [String] = []
    if errors > 0 { notes.append("\(errors) rows with error_occurred skipped") }
    let onlyAggregated = medians.samples.filter { !runs.contains($0.name) }
    if !onlyAggregated.isEmpty {
      notes.append(
        "aggregates only (--benchmark_report_aggregates_only) for "
          + onlyAggregated.map(\.name).joined(separator: ", ")
          + ": their medians are compared without an interval or a test; rerun without "
          + "--benchmark_report_aggregates_only (with --benchmark_repetitions) to test them")
    } else if aggregates > 0 {
      notes.append("\(aggregates) \(ignoredNote)")
    }
    return BenchmarkSet(
      source: source, format: format, benchmarks: runs.samples + onlyAggregated, notes: notes)
  }

  /// The time (seconds) or the chosen counter of one row, with its unit.
  private static func measurement(
    _ row: JSONNode, source: String, options: BenchmarkReadOptions
  ) throws -> (Double, String) {
    if let metric = options.metric {
      guard let node = row.optionalMember(metric) else {
        throw InputError.invalidData(
          source: source,
          reason: "\(row.path): no counter '\(metric)' (read as google-benchmark)")
      }
      return (try node.number(), metric)
    }
    let key = options.googleBenchmarkTime == .real ? "real_time" : "cpu_time"
    let unitName = try row.optionalMember("time_unit")?.string() ?? "ns"
    guard let scale = secondsPerUnit(unitName) else {
      throw InputError.invalidData(
        source: source, reason: "\(row.path).time_unit: unknown unit '\(unitName)'")
    }
    return (try row.member(key).number() * scale, "s")
  }
}

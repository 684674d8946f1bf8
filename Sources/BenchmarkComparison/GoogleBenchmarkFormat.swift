// GoogleBenchmarkFormat.swift: Google Benchmark's JSON reporter output.
import ResampleCore

/// Reads Google Benchmark JSON.
///
/// In `--benchmark_format=json` / `--benchmark_out` output, each
/// repetition (`run_type: "iteration"`) is one run of the benchmark named by `run_name`
/// (`name` for old files without it); `aggregate` rows (mean, median, stddev, cv, BigO) and
/// rows with `error_occurred` are skipped and counted in the notes. Times are per iteration in
/// `time_unit` (ns, us, ms, s), converted to seconds.
///
/// Schema: google/benchmark `src/json_reporter.cc` (1.5 – 1.8).
enum GoogleBenchmarkFormat {
  static func parse(
    _ bytes: [UInt8], source: String, time: BenchmarkReadOptions.GoogleBenchmarkTime
  )
    throws -> BenchmarkSet
  {
    let root = try JSONNode.parse(bytes, source: source)
    var acc = SampleAccumulator()
    var aggregates = 0
    var errors = 0
    let key = time == .real ? "real_time" : "cpu_time"
    for row in try root.member("benchmarks").array() {
      let runType = try row.optionalMember("run_type")?.string() ?? "iteration"
      if runType != "iteration" {
        aggregates += 1
        continue
      }
      if row.optionalMember("error_occurred")?.bool() == true {
        errors += 1
        continue
      }
      let name = try (row.optionalMember("run_name") ?? row.member("name")).string()
      let unitName = try row.optionalMember("time_unit")?.string() ?? "ns"
      guard let scale = secondsPerUnit(unitName) else {
        throw InputError.invalidData(
          source: source, reason: "\(row.path).time_unit: unknown unit '\(unitName)'")
      }
      let value = try row.member(key).number() * scale
      try acc.append(value, to: name, unit: "s", location: "\(source) \(row.path)")
    }
    var notes: [String] = []
    if aggregates > 0 { notes.append("\(aggregates) aggregate rows ignored") }
    if errors > 0 { notes.append("\(errors) rows with error_occurred skipped") }
    return BenchmarkSet(
      source: source, format: .googleBenchmark, benchmarks: acc.samples, notes: notes)
  }
}

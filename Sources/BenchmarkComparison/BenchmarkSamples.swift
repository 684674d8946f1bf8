// BenchmarkSamples.swift: the measurements read from one benchmark results file.
import ResampleCore

/// The tool that wrote a benchmark results file.
public enum BenchmarkInputFormat: String, Sendable, CaseIterable, Codable {
  /// `hyperfine --export-json`: `results[].command` and `results[].times` (seconds).
  case hyperfine
  /// Google Benchmark JSON (`--benchmark_format=json` or `--benchmark_out`): the repetitions
  /// (`run_type: iteration`) of each `run_name`; aggregate rows (mean, median, …) are ignored
  /// (aggregates-only files: the `median` rows, compared without a test).
  case googleBenchmark = "google-benchmark"
  /// Google Benchmark CSV (`--benchmark_format=csv`): one row per repetition; `real_time`
  /// (or `cpu_time`) in `time_unit`; `_mean`/`_median`/`_stddev`/`_cv` aggregate rows skipped.
  case googleBenchmarkCSV = "google-benchmark-csv"
  /// criterion.rs: a `target/criterion` folder (every `<id>/new/sample.json`) or one
  /// `sample.json`; each sample is `times[i] / iters[i]` nanoseconds.
  case criterion
  /// `cargo criterion --message-format=json`: `benchmark-complete` messages, each sample
  /// `measured_values[i] / iteration_count[i]` in `unit`.
  case cargoCriterion = "cargo-criterion"
  /// Go benchmark text (`go test -bench`): `BenchmarkName-8  N  1726 ns/op`, one line per run.
  case go
  /// `go test -json -bench`: test2json events whose `Output` carries Go benchmark lines.
  case goJSON = "go-json"
  /// pyperf JSON (or `.json.gz`): the `values` of every run of every benchmark (seconds).
  case pyperf
  /// pytest-benchmark JSON (`--benchmark-json`, or a saved run): `stats.data`, seconds per round.
  case pytestBenchmark = "pytest-benchmark"
  /// asv results (`asv run --record-samples`): the `samples` of every benchmark (and parameter).
  case asv
  /// CSV with a benchmark name and a value per row (one row per run), header optional.
  case csv
}

/// The runs of one benchmark on one side of a comparison.
public struct BenchmarkSamples: Sendable, Equatable {
  /// The benchmark's name, as the tool wrote it; benchmarks are matched across files by name.
  public var name: String
  /// One value per run (per repetition, per sample), in ``unit``.
  public var values: [Double]
  /// The unit of ``values``.
  ///
  /// `"s"` when the values are times in seconds (every time-based format is converted to
  /// seconds); otherwise the unit the file states (e.g. pyperf's `"byte"`), or `""` if none.
  public var unit: String
  /// Whether a larger value is better (throughput such as `bytes_per_second` or `MB/s`).
  public var higherIsBetter: Bool
  /// Whether ``values`` is a single summary (a median written by the tool) rather than runs:
  /// such a benchmark gets a ratio but no interval and no test.
  public var summaryOnly: Bool

  public init(
    name: String, values: [Double], unit: String, higherIsBetter: Bool = false,
    summaryOnly: Bool = false
  ) {
    self.name = name
    self.values = values
    self.unit = unit
    self.higherIsBetter = higherIsBetter
    self.summaryOnly = summaryOnly
  }
}

/// The benchmarks read from one results file, in the order they first appear.
public struct BenchmarkSet: Sendable, Equatable {
  /// The file (or folder) read.
  public var source: String
  /// Its format (detected or forced).
  public var format: BenchmarkInputFormat
  /// The benchmarks, with unique names, in order of first appearance.
  public var benchmarks: [BenchmarkSamples]
  /// What the reader skipped and why.
  ///
  /// For example "12 aggregate rows ignored".
  public var notes: [String]

  public init(
    source: String, format: BenchmarkInputFormat, benchmarks: [BenchmarkSamples],
    notes: [String] = []
  ) {
    self.source = source
    self.format = format
    self.benchmarks = benchmarks
    self.notes = notes
  }

  /// The benchmark called `name`, if present.
  public func benchmark(named name: String) -> BenchmarkSamples? {
    benchmarks.first { $0.name == name }
  }
}

/// Reader options for formats that record more than one measurement.
public struct BenchmarkReadOptions: Sendable, Equatable {
  /// Which time of Google Benchmark to use.
  public enum GoogleBenchmarkTime: String, Sendable, CaseIterable, Codable {
    case real
    case cpu
  }
  /// Google Benchmark: `real_time` (default, as compare.py) or `cpu_time`.
  public var googleBenchmarkTime: GoogleBenchmarkTime
  /// The saved criterion measurement to read from folders.
  ///
  /// `new` is the latest run; a baseline name given to `--save-baseline` (such as `base`)
  /// reads that baseline.
  public var criterionBaseline: String
  /// The measurement to read instead of the time: a counter the format carries (Google
  /// Benchmark `bytes_per_second`, Go `B/op`, `allocs/op`, `MB/s`, criterion `throughput`, …);
  /// `nil` reads the time.
  public var metric: String?
  /// The direction of ``metric`` when the tool does not imply one: `nil` uses the known
  /// direction of standard metrics (see ``MetricDirection``) and refuses unknown ones.
  public var higherIsBetter: Bool?

  public init(
    googleBenchmarkTime: GoogleBenchmarkTime = .real, criterionBaseline: String = "new",
    metric: String? = nil, higherIsBetter: Bool? = nil
  ) {
    self.googleBenchmarkTime = googleBenchmarkTime
    self.criterionBaseline = criterionBaseline
    self.metric = metric
    self.higherIsBetter = higherIsBetter
  }

  /// The direction of ``metric`` (false for times).
  ///
  /// - Throws: `InputError.invalidParameter` for a metric of unknown direction without
  ///   ``higherIsBetter``.
  func metricHigherIsBetter() throws -> Bool {
    guard let metric else { return false }
    if let higherIsBetter { return higherIsBetter }
    if let known = MetricDirection.higherIsBetter(metric) { return known }
    throw InputError.invalidParameter(
      name: "metric", value: metric,
      expected: "a metric of known direction, or --higher-is-better / --lower-is-better to say "
        + "which way is better")
  }
}

/// Collects runs by benchmark name, keeping the order of first appearance.
struct SampleAccumulator {
  private(set) var names: [String] = []
  private var values: [String: [Double]] = [:]
  private var units: [String: String] = [:]
  /// The direction given to every benchmark.
  var higherIsBetter = false
  /// Whether the values are tool-written summaries rather than runs.
  var summaryOnly = false

  /// Appends one run; values must be finite and ≥ 0 (`location` names the offending place).
  mutating func append(_ value: Double, to name: String, unit: String, location: String) throws {
    guard value.isFinite, value >= 0 else {
      throw InputError.invalidData(
        source: location,
        reason: "benchmark '\(name)': measurement \(value) is not a finite number ≥ 0")
    }
    if values[name] == nil {
      names.append(name)
      values[name] = []
      units[name] = unit
    } else if units[name] != unit {
      throw InputError.invalidData(
        source: location,
        reason: "benchmark '\(name)' mixes units '\(units[name] ?? "")' and '\(unit)'")
    }
    values[name, default: []].append(value)
  }

  /// Whether `name` has been seen.
  func contains(_ name: String) -> Bool { values[name] != nil }

  var samples: [BenchmarkSamples] {
    names.map {
      BenchmarkSamples(
        name: $0, values: values[$0] ?? [], unit: units[$0] ?? "", higherIsBetter: higherIsBetter,
        summaryOnly: summaryOnly)
    }
  }
}

/// Seconds per unit for the time units the tools write.
func secondsPerUnit(_ unit: String) -> Double? {
  switch unit {
  case "ns": return 1e-9
  case "us", "µs", "μs": return 1e-6
  case "ms": return 1e-3
  case "s", "sec", "second", "seconds": return 1
  default: return nil
  }
}

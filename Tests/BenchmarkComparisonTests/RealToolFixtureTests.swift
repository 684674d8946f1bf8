// Issue 16's wrong answers, each on files the real tools wrote (Tests/Fixtures/benchmarks,
// generate.sh): every new reader matches Python's extraction (expected.py), and each trap is
// now read right or refused with a message naming the format.
import Foundation
import ResampleCore
import Testing
import _TestSupport

@testable import BenchmarkComparison

private func path(_ name: String) -> String { fixtureURL("benchmarks/\(name)").path }

private func message(_ body: () throws -> Void) -> String {
  do { try body() } catch { return "\(error)" }
  return ""
}

@Test func everyRealToolFileParsesToPythonsSamples() throws {
  let files = try expectedSamples("benchmarks")
  #expect(files.count == 20)
  for (key, want) in files.sorted(by: { $0.key < $1.key }) {
    let parts = key.split(separator: "#", maxSplits: 1).map(String.init)
    let options = BenchmarkReadOptions(metric: parts.count == 2 ? parts[1] : nil)
    let set = try BenchmarkInput.read(path: path(parts[0]), options: options)
    #expect(set.format.rawValue == want.format, "\(key)")
    #expect(set.benchmarks.map(\.name) == want.benchmarks.map(\.name), "\(key)")
    for (got, ref) in zip(set.benchmarks, want.benchmarks) {
      #expect(got.unit == want.unit, "\(key) \(got.name)")
      #expect(!got.summaryOnly, "\(key) \(got.name)")
      #expect(got.values.count == ref.values.count, "\(key) \(got.name)")
      for (a, b) in zip(got.values, ref.values) {
        #expect(isClose(a, b, relative: 1e-15), "\(key) \(got.name): \(a) vs \(b)")
      }
    }
  }
}

/// Trap 1: Google Benchmark CSV read `iterations` as the value and the aggregates as benchmarks.
@Test func googleBenchmarkCSVReadsTimesNotIterationsAndSkipsAggregates() throws {
  let set = try BenchmarkInput.read(path: path("gbench_base.csv"))
  #expect(set.format == .googleBenchmarkCSV)
  #expect(set.benchmarks.map(\.name) == ["BM_Sum/4096", "BM_Copy"])
  #expect(set.benchmarks.allSatisfy { $0.values.count == 6 && $0.unit == "s" })
  // BM_Copy is in microseconds: its real_time 0.1…0.2 us, not 645636 iterations.
  #expect(set.benchmarks[1].values.allSatisfy { $0 > 1e-8 && $0 < 1e-5 })
  #expect(set.notes.contains { $0.contains("aggregate rows") })
  let cpu = try BenchmarkInput.read(
    path: path("gbench_base.csv"), options: BenchmarkReadOptions(googleBenchmarkTime: .cpu))
  #expect(cpu.benchmarks[0].values != set.benchmarks[0].values)
  // The new build's BM_Sum does twice the work: slower on CPU time, found.
  let new = try BenchmarkInput.read(
    path: path("gbench_new.csv"), options: BenchmarkReadOptions(googleBenchmarkTime: .cpu))
  let r = try BenchDiff.compare(
    base: cpu, new: new, configuration: BenchDiffConfiguration(replicates: 999))
  #expect(r.benchmarks[0].name == "BM_Sum/4096" && r.benchmarks[0].verdict == .slower)
  #expect(r.benchmarks[0].ratio > 1.5)
}

/// Aggregates-only files: medians compared, stated, without a test.
@Test func googleBenchmarkAggregatesOnlyComparesMediansWithoutATest() throws {
  for ext in ["json", "csv"] {
    let base = try BenchmarkInput.read(path: path("gbench_aggregates_base.\(ext)"))
    let new = try BenchmarkInput.read(path: path("gbench_aggregates_new.\(ext)"))
    #expect(base.benchmarks.map(\.name) == ["BM_Sum/4096", "BM_Copy"], "\(ext)")
    #expect(base.benchmarks.allSatisfy { $0.summaryOnly && $0.values.count == 1 }, "\(ext)")
    #expect(base.notes.contains { $0.contains("aggregates only") }, "\(ext)")
    let r = try BenchDiff.compare(
      base: base, new: new, configuration: BenchDiffConfiguration(replicates: 99))
    #expect(r.benchmarks.allSatisfy { $0.verdict == .notTested && $0.pValue.isNaN }, "\(ext)")
    #expect(r.benchmarks.allSatisfy { $0.ratio.isFinite && $0.ratio > 0 }, "\(ext)")
    let gate = try #require(r.gate(allowMissing: false))
    #expect(gate.nothingCompared, "\(ext)")
  }
}

@Test func googleBenchmarkConsoleOutputIsRefusedWithTheFlagToUse() {
  let m = message { _ = try BenchmarkInput.read(path: path("gbench_console.txt")) }
  #expect(m.contains("console output") && m.contains("--benchmark_format=json"))
}

/// Trap 2: the unit column was ignored (ns vs ms: "-100 %").
@Test func csvUnitColumnIsHonouredAndUnknownUnitsRefused() throws {
  let base = try BenchmarkInput.read(path: path("csv_units_base.csv"))
  let new = try BenchmarkInput.read(path: path("csv_units_new.csv"))
  let r = try BenchDiff.compare(
    base: base, new: new, configuration: BenchDiffConfiguration(replicates: 999))
  #expect(r.benchmarks[0].ratio > 1.5 && r.benchmarks[0].ratio < 5)
  #expect(r.benchmarks[0].verdict == .slower)
  let m = message { _ = try BenchmarkInput.read(path: path("csv_units_unknown.csv")) }
  #expect(m.contains("unknown unit 'msec'") && m.contains("csv"))
}

/// Trap 3: throughput counters, higher is better.
@Test func throughputLossIsARegression() throws {
  let options = BenchmarkReadOptions(metric: "bytes_per_second")
  let base = try BenchmarkInput.read(path: path("gbench_counters_base.json"), options: options)
  let new = try BenchmarkInput.read(path: path("gbench_counters_new.json"), options: options)
  #expect(base.benchmarks.allSatisfy { $0.higherIsBetter && $0.unit == "bytes_per_second" })
  let r = try BenchDiff.compare(
    base: base, new: new, configuration: BenchDiffConfiguration(replicates: 999))
  let sum = try #require(r.benchmarks.first { $0.name == "BM_Sum/4096" })
  #expect(sum.ratio < 0.7)
  #expect(sum.verdict == .slower)
  #expect(r.hasRegression)
  // An unknown counter needs a stated direction.
  #expect(throws: InputError.self) {
    try BenchmarkInput.read(
      path: path("gbench_counters_base.json"), options: BenchmarkReadOptions(metric: "label"))
  }
  // Go B/op (lower is better) doubles in the new build.
  let goOptions = BenchmarkReadOptions(metric: "B/op")
  let goBase = try BenchmarkInput.read(path: path("go_base.txt"), options: goOptions)
  let goNew = try BenchmarkInput.read(path: path("go_new.txt"), options: goOptions)
  let aligned = try BenchmarkMatching.align(base: goBase, new: goNew)
  let g = try BenchDiff.compare(
    base: aligned.base, new: aligned.new, configuration: BenchDiffConfiguration(replicates: 999))
  let alloc = try #require(g.benchmarks.first { $0.name == "BenchmarkAlloc" })
  #expect(alloc.ratio == 2 && alloc.verdict == .slower)
  // 0 B/op on both sides (BenchmarkFib, BenchmarkSum) is identical, not a failure.
  #expect(g.notCompared.isEmpty)
  #expect(g.warnings.contains { $0.contains("every run is 0 on both sides") })
  // Go MB/s: higher is better.
  let mb = try BenchmarkInput.read(
    path: path("go_base.txt"), options: BenchmarkReadOptions(metric: "MB/s"))
  #expect(mb.benchmarks.map(\.name) == ["BenchmarkSum-2"] && mb.benchmarks[0].higherIsBetter)
}

/// Trap 4: no names match (Go's -N suffix changed), or a benchmark disappeared.
@Test func goCPUSuffixIsMatchedAndTheGateFailsWhenNothingMatches() throws {
  let base = try BenchmarkInput.read(path: path("go_base.txt"))
  let new = try BenchmarkInput.read(path: path("go_new.txt"))
  let exact = try BenchDiff.compare(
    base: base, new: new, configuration: BenchDiffConfiguration(replicates: 99))
  #expect(exact.benchmarks.isEmpty)
  #expect(exact.gate(allowMissing: true)?.nothingCompared == true)
  let aligned = try BenchmarkMatching.align(base: base, new: new)
  #expect(
    aligned.base.benchmarks.map(\.name) == ["BenchmarkFib", "BenchmarkSum", "BenchmarkAlloc"])
  #expect(aligned.notes.contains { $0.contains("BenchmarkFib-2 with BenchmarkFib-4") })
  var fewer = aligned.new
  fewer.benchmarks.removeLast()
  let r = try BenchDiff.compare(
    base: aligned.base, new: fewer, configuration: BenchDiffConfiguration(replicates: 99))
  #expect(r.onlyInBase == ["BenchmarkAlloc"])
  #expect(r.gate(allowMissing: false)?.message.contains("missing from the new results") == true)
  // --rename and --match-regex.
  let renamed = try BenchmarkMatching.align(
    base: base, new: new, renames: ["BenchmarkFib-2=BenchmarkFib-4"])
  #expect(renamed.base.benchmarks[0].name == "BenchmarkFib-4")
  let regex = try BenchmarkMatching.align(base: base, new: new, pattern: "^(Benchmark[A-Za-z]+)")
  #expect(regex.new.benchmarks.map(\.name) == ["BenchmarkFib", "BenchmarkSum", "BenchmarkAlloc"])
  #expect(throws: InputError.self) {
    try BenchmarkMatching.align(base: base, new: new, renames: ["x"])
  }
  // Hyperfine names ending in -N are never stripped.
  #expect(BenchmarkMatching.stripGoSuffix("BenchmarkFib-16") == "BenchmarkFib")
}

/// Trap 5: criterion baselines: --save-baseline main, then --baseline main.
@Test func criterionReadsEachSidesBaseline() throws {
  let folder = path("criterion_baselines")
  let main = try BenchmarkInput.read(
    path: folder, options: BenchmarkReadOptions(criterionBaseline: "main"))
  let new = try BenchmarkInput.read(path: folder)
  #expect(main.benchmarks.map(\.name) == ["fib 15", "throughput/sum"])
  #expect(main.benchmarks[0].values != new.benchmarks[0].values)
  let r = try BenchDiff.compare(
    base: main, new: new, configuration: BenchDiffConfiguration(replicates: 999))
  #expect(r.benchmarks[0].ratio > 1.2)  // fib 16 against fib 15
  let m = message {
    _ = try BenchmarkInput.read(path: folder, options: BenchmarkReadOptions(criterionBaseline: "x"))
  }
  #expect(m.contains("main, new"))
  // criterion throughput (Throughput::Bytes): bytes/s, higher is better.
  let t = try BenchmarkInput.read(
    path: folder, options: BenchmarkReadOptions(metric: "throughput"))
  #expect(t.benchmarks.map(\.name) == ["throughput/sum"])
  #expect(t.benchmarks[0].unit == "bytes/s" && t.benchmarks[0].higherIsBetter)
  #expect(t.notes.contains { $0.contains("fib 15") })
  let tMain = try BenchmarkInput.read(
    path: folder, options: BenchmarkReadOptions(criterionBaseline: "main", metric: "throughput"))
  let tr = try BenchDiff.compare(
    base: tMain, new: t, configuration: BenchDiffConfiguration(replicates: 999))
  // bytes/s = 4096 / time per iteration: the reciprocal of the time ratio, to rounding.
  let timeRatio = r.benchmarks[1].ratio
  #expect(tr.benchmarks[0].ratio < 1)
  #expect(isClose(tr.benchmarks[0].ratio, 1 / timeRatio, relative: 0.05))
}

/// The formats that were refused as another: go test -json, pytest-benchmark, asv, pyperf gz.
@Test func formatsAreDetectedByContentAndNamedInErrors() throws {
  let cases: [(String, BenchmarkInputFormat)] = [
    ("go_base.jsonl", .goJSON), ("pytest_base.json", .pytestBenchmark), ("asv_base.json", .asv),
    ("pyperf_base.json.gz", .pyperf), ("gbench_base.csv", .googleBenchmarkCSV),
    ("hyperfine_two.json", .hyperfine),
  ]
  for (file, format) in cases {
    #expect(try BenchmarkInput.read(path: path(file)).format == format, "\(file)")
  }
  // An error names the detected format.
  let bad = Array(#"{"machine_info": {}, "commit_info": {}, "benchmarks": [{"name": "a"}]}"#.utf8)
  let m = message { _ = try BenchmarkInput.parse(bad, source: "p.json") }
  #expect(m.contains("pytest-benchmark"), "\(m)")
  // A saved pytest-benchmark run without stats.data: medians only, stated.
  let saved = try BenchmarkInput.read(path: path("pytest_saved_nodata.json"))
  #expect(saved.benchmarks.allSatisfy { $0.summaryOnly })
  #expect(saved.notes.contains { $0.contains("--benchmark-save-data") })
  // A corrupt gzip file is refused.
  var gz = try Array(Data(contentsOf: URL(fileURLWithPath: path("pyperf_base.json.gz"))))
  gz[gz.count / 2] ^= 0xFF
  #expect(throws: InputError.self) { try BenchmarkInput.parse(gz, source: "x.json.gz") }
}

@Test func oneHyperfineFileOfSeveralCommandsComparesEachWithTheBase() throws {
  let set = try BenchmarkInput.read(path: path("hyperfine_three.json"))
  let (base, new) = try BenchmarkInput.splitCommands(set, baseCommand: nil)
  #expect(new.benchmarks.map(\.name) == ["slow", "same"])
  let r = try BenchDiff.compare(
    base: base, new: new, configuration: BenchDiffConfiguration(replicates: 999))
  #expect(r.benchmarks[0].verdict == .slower)
  #expect(r.benchmarks[1].verdict != .slower && r.benchmarks[1].verdict != .faster)
  let (b2, n2) = try BenchmarkInput.splitCommands(set, baseCommand: "slow")
  #expect(
    n2.benchmarks.map(\.name) == ["fast", "same"]
      && b2.benchmarks[0].values == set.benchmarks[1].values)
  #expect(throws: InputError.self) { try BenchmarkInput.splitCommands(set, baseCommand: "none") }
}

/// Zeros on either side are treated alike; one run gets no interval; subnormal times compare.
@Test func zerosSingleRunsAndSubnormalTimes() throws {
  let zero = try BenchmarkInput.read(path: path("csv_zero.csv"))
  let real = try BenchmarkInput.read(path: path("csv_real.csv"))
  let c = BenchDiffConfiguration(replicates: 999)
  let asBase = try BenchDiff.compare(base: zero, new: real, configuration: c)
  let asNew = try BenchDiff.compare(base: real, new: zero, configuration: c)
  for r in [asBase, asNew] {
    #expect(r.benchmarks.isEmpty && r.notCompared.map(\.name) == ["sleep"])
    #expect(r.notCompared[0].reason.contains("its median is 0 in"))
    #expect(r.gate(allowMissing: false)?.nothingCompared == true)
  }
  let one = try BenchDiff.compare(
    base: BenchmarkInput.read(path: path("hyperfine_one_run_base.json")),
    new: BenchmarkInput.read(path: path("hyperfine_one_run_new.json")), configuration: c)
  #expect(one.benchmarks[0].verdict == .notTested)
  #expect(one.benchmarks[0].ratioInterval.lower.isNaN)
  #expect(one.benchmarks[0].warnings[0].contains("needs ≥ 2 runs"))
  // Subnormal (about 1e-310 s) times: the same ratio as the normal-range runs, finite, slower.
  let tiny = try BenchDiff.compare(
    base: BenchmarkInput.read(path: path("csv_subnormal_base.csv")),
    new: BenchmarkInput.read(path: path("csv_subnormal_new.csv")), configuration: c)
  let normal = try BenchDiff.compare(
    base: BenchmarkInput.read(path: path("csv_units_base.csv")),
    new: BenchmarkInput.read(path: path("csv_units_new.csv")), configuration: c)
  #expect(tiny.benchmarks[0].ratio.isFinite && tiny.benchmarks[0].ratioInterval.upper.isFinite)
  #expect(isClose(tiny.benchmarks[0].ratio, normal.benchmarks[0].ratio, relative: 1e-6))
  #expect(tiny.benchmarks[0].verdict == .slower && tiny.hasRegression)
  // A ratio beyond the double range is not compared (and fails the gate), never null.
  let huge = BenchmarkSet(
    source: "h", format: .csv,
    benchmarks: [BenchmarkSamples(name: "a", values: [1e300, 2e300], unit: "")])
  let sub = BenchmarkSet(
    source: "t", format: .csv,
    benchmarks: [BenchmarkSamples(name: "a", values: [1e-310, 2e-310], unit: "")])
  let over = try BenchDiff.compare(base: sub, new: huge, configuration: c)
  #expect(over.notCompared.map(\.name) == ["a"] && over.gate(allowMissing: false) != nil)
}

/// Every prefix of the real files (gzip, test2json, Google Benchmark CSV, asv) and single-byte
/// corruptions are read or refused with an `InputError`, never a trap.
@Test func truncatedAndCorruptedRealFilesAreRefusedCleanly() throws {
  for file in ["pyperf_new.json.gz", "go_new.jsonl", "gbench_new.csv", "asv_new.json"] {
    let bytes = try Array(Data(contentsOf: URL(fileURLWithPath: path(file))))
    var cuts = Array(stride(from: 0, to: bytes.count, by: max(1, bytes.count / 60)))
    cuts.append(bytes.count - 1)
    for cut in cuts {
      do { _ = try BenchmarkInput.parse(Array(bytes[..<cut]), source: file) } catch is InputError {
      }
      var flipped = bytes
      flipped[cut] ^= 0x5A
      do { _ = try BenchmarkInput.parse(flipped, source: file) } catch is InputError {}
    }
  }
}

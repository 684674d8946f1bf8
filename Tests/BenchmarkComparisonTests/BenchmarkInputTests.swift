// Tests for BenchmarkInput: every fixture (made by the real tools where installable) parses to
// the samples Python's json/csv modules extract (expected.py), and formats are detected.
import Foundation
import ResampleCore
import Testing
import _TestSupport

@testable import BenchmarkComparison

@Test func everyFixtureParsesToTheReferenceSamples() throws {
  let files = try expectedSamples("benchdiff")
  #expect(files.count == 14)
  // The newer formats have their fixtures in benchmarks/ (RealToolFixtureTests).
  #expect(
    Set(files.values.map(\.format)).isSubset(of: BenchmarkInputFormat.allCases.map(\.rawValue)))
  for (file, want) in files.sorted(by: { $0.key < $1.key }) {
    let path = fixtureURL("benchdiff/\(file)").path
    let set = try BenchmarkInput.read(path: path)
    #expect(set.format.rawValue == want.format, "\(file)")
    #expect(set.benchmarks.map(\.name) == want.benchmarks.map(\.name), "\(file)")
    for (got, ref) in zip(set.benchmarks, want.benchmarks) {
      #expect(got.unit == want.unit, "\(file) \(got.name)")
      #expect(got.values.count == ref.values.count, "\(file) \(got.name)")
      for (a, b) in zip(got.values, ref.values) {
        #expect(isClose(a, b, relative: 1e-15), "\(file) \(got.name): \(a) vs \(b)")
      }
    }
    // Forcing the detected format gives the same result.
    let forced = try BenchmarkInput.read(path: path, format: set.format)
    #expect(forced == set, "\(file)")
  }
}

@Test func googleBenchmarkAggregatesAreIgnoredAndCPUTimeSelectable() throws {
  let path = fixtureURL("benchdiff/gbench_base.json").path
  let real = try BenchmarkInput.read(path: path)
  #expect(real.notes.contains { $0.contains("aggregate rows ignored") })
  let cpu = try BenchmarkInput.read(
    path: path, options: BenchmarkReadOptions(googleBenchmarkTime: .cpu))
  #expect(cpu.benchmarks.map(\.name) == real.benchmarks.map(\.name))
  #expect(cpu.benchmarks[0].values != real.benchmarks[0].values)
  #expect(cpu.benchmarks.allSatisfy { $0.values.count == 6 })
}

@Test func criterionSingleSampleFileIsNamedByItsBenchmarkJSON() throws {
  let path = fixtureURL("benchdiff/criterion_base/sum/new/sample.json").path
  let set = try BenchmarkInput.read(path: path)
  #expect(set.format == .criterion)
  #expect(set.benchmarks.map(\.name) == ["sum"])
  let folder = try BenchmarkInput.read(path: fixtureURL("benchdiff/criterion_base").path)
  #expect(folder.benchmark(named: "sum") == set.benchmarks[0])
}

@Test func criterionFolderWithOtherBaselineOrNoneThrows() {
  let folder = fixtureURL("benchdiff/criterion_base").path
  #expect(throws: InputError.self) {
    try BenchmarkInput.read(path: folder, options: BenchmarkReadOptions(criterionBaseline: "base"))
  }
  #expect(throws: InputError.self) { try BenchmarkInput.read(path: folder, format: .go) }
}

@Test func detectionRules() throws {
  func detect(_ s: String) throws -> BenchmarkInputFormat {
    try BenchmarkInput.detectFormat(Array(s.utf8), source: "t")
  }
  #expect(try detect(#"{"results": []}"#) == .hyperfine)
  #expect(try detect(#" {"context": {}, "benchmarks": []}"#) == .googleBenchmark)
  #expect(
    try detect(#"{"benchmarks": [{"name": "a", "run_type": "iteration"}]}"#) == .googleBenchmark)
  #expect(try detect(#"{"version": "1.0", "benchmarks": [{"runs": []}]}"#) == .pyperf)
  #expect(try detect(#"{"sampling_mode": "Linear", "iters": [1], "times": [2]}"#) == .criterion)
  #expect(try detect("{\"reason\": \"group-complete\"}\n{\"reason\": \"x\"}\n") == .cargoCriterion)
  #expect(try detect("goos: linux\nBenchmarkX-8   100   12 ns/op\n") == .go)
  #expect(try detect("name,value\na,1\n") == .csv)
  #expect(try detect("\u{FEFF}a,1\n") == .csv)
  #expect(throws: InputError.self) { try detect("") }
  #expect(throws: InputError.self) { try detect(" \n\t") }
  #expect(throws: InputError.self) { try detect(#"{"something": 1}"#) }
  #expect(throws: InputError.self) { try detect("{not json") }
  #expect(throws: InputError.self) {
    try BenchmarkInput.parse([0x1F, 0x8B, 0x08], source: "t.gz")
  }
}

@Test func errorsNameTheFile() {
  expectError(InputError.self, mentioning: "h.json: ", "results[0].times[1]") {
    try BenchmarkInput.parse(
      Array(#"{"results": [{"command": "a", "times": [1, "x"]}]}"#.utf8), source: "h.json")
  }
  #expect(throws: InputError.self) {
    try BenchmarkInput.read(path: "/nonexistent/base.json")
  }
  // A file with no benchmark at all.
  #expect(throws: InputError.self) {
    try BenchmarkInput.parse(Array(#"{"results": []}"#.utf8), source: "h.json")
  }
  // Negative or non-finite measurements.
  #expect(throws: InputError.self) {
    try BenchmarkInput.parse(Array("a,-1\n".utf8), source: "c.csv")
  }
}

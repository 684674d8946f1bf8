// Tests for GoBenchmarkFormat: result lines, units, packages and noise.
import ResampleCore
import Testing
import _TestSupport

@testable import BenchmarkComparison

@Test func goReadsNsPerOpAndSkipsNoise() throws {
  let text = """
    goos: linux
    pkg: example.com/a
    BenchmarkFib-8   \t 1000\t 1726 ns/op\t 128 B/op\t 2 allocs/op
    some log line
    BenchmarkFib-8   \t 1000\t 1800.5 ns/op
    Benchmarking is fun
    BenchmarkSum/n=10-8 500 2.5e3 ns/op
    BenchmarkAllocs-8 100 16 B/op
    BenchmarkV2 10 1.5e-6 sec/op
    PASS
    ok  \texample.com/a\t1.2s

    """
  let set = try GoBenchmarkFormat.parse(Array(text.utf8), source: "g.txt")
  #expect(set.benchmarks.map(\.name) == ["BenchmarkFib-8", "BenchmarkSum/n=10-8", "BenchmarkV2"])
  #expect(set.benchmarks[0].values == [1726 * 1e-9, 1800.5 * 1e-9])
  #expect(set.benchmarks[1].values == [2.5e3 * 1e-9])
  #expect(set.benchmarks[2].values == [1.5e-6])
  #expect(set.notes.contains { $0.contains("BenchmarkAllocs-8") })
}

@Test func goBadValueNamesTheLine() {
  let text = "BenchmarkA 10 12 ns/op\nBenchmarkA 10 x12 ns/op\n"
  expectError(InputError.self, mentioning: "g.txt line 2: ") {
    try GoBenchmarkFormat.parse(Array(text.utf8), source: "g.txt")
  }
}

@Test func goSameNameInTwoPackagesThrows() {
  let text = "pkg: a\nBenchmarkA 10 12 ns/op\npkg: b\nBenchmarkA 10 13 ns/op\n"
  #expect(throws: InputError.self) { try GoBenchmarkFormat.parse(Array(text.utf8), source: "g") }
}

@Test func goNameRule() {
  #expect(GoBenchmarkFormat.resultLine("BenchmarkX 10 1 ns/op") != nil)
  #expect(GoBenchmarkFormat.resultLine("Benchmark 10 1 ns/op") != nil)
  #expect(GoBenchmarkFormat.resultLine("Benchmarks 10 1 ns/op") == nil)
  #expect(GoBenchmarkFormat.resultLine("BenchmarkX 0 1 ns/op") == nil)
  #expect(GoBenchmarkFormat.resultLine("BenchmarkX 10") == nil)
}

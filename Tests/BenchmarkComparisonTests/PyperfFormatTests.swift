// Tests for PyperfFormat: names from metadata, calibration runs, units.
import ResampleCore
import Testing

@testable import BenchmarkComparison

@Test func pyperfSingleBenchmarkFileTakesTheCommonName() throws {
  let json =
    #"{"version": "1.0", "metadata": {"name": "timeit", "unit": "second"},"#
    + #" "benchmarks": [{"runs": [{"warmups": [[1, 0.1]]}, {"values": [0.5, 0.75]},"#
    + #" {"values": [1.0]}]}]}"#
  let set = try PyperfFormat.parse(Array(json.utf8), source: "p.json")
  #expect(set.benchmarks == [BenchmarkSamples(name: "timeit", values: [0.5, 0.75, 1], unit: "s")])
}

@Test func pyperfOtherUnitsAndErrors() throws {
  let json =
    #"{"benchmarks": [{"metadata": {"name": "mem", "unit": "byte"},"#
    + #" "runs": [{"values": [100, 200]}]}]}"#
  let set = try PyperfFormat.parse(Array(json.utf8), source: "p.json")
  #expect(set.benchmarks[0].unit == "byte")
  let unnamed = #"{"benchmarks": [{"runs": [{"values": [1]}]}]}"#
  #expect(throws: InputError.self) { try PyperfFormat.parse(Array(unnamed.utf8), source: "p") }
  #expect(throws: InputError.self) { try PyperfFormat.parse([0x1F, 0x8B, 0], source: "p.gz") }
}

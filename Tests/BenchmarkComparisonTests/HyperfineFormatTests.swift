// Tests for HyperfineFormat: names, times and duplicates.
import ResampleCore
import Testing

@testable import BenchmarkComparison

@Test func hyperfineReadsCommandsAndTimes() throws {
  let json =
    #"{"results": [{"command": "a", "mean": 1, "times": [0.5, 0.25]},"#
    + #" {"command": "b", "times": [1e-3]}]}"#
  let set = try HyperfineFormat.parse(Array(json.utf8), source: "h")
  #expect(
    set.benchmarks == [
      BenchmarkSamples(name: "a", values: [0.5, 0.25], unit: "s"),
      BenchmarkSamples(name: "b", values: [1e-3], unit: "s"),
    ])
}

@Test func hyperfineDuplicateCommandsAndMissingTimesThrow() {
  let dup = #"{"results": [{"command": "a", "times": [1]}, {"command": "a", "times": [2]}]}"#
  #expect(throws: InputError.self) { try HyperfineFormat.parse(Array(dup.utf8), source: "h") }
  let missing = #"{"results": [{"command": "a", "mean": 1}]}"#
  #expect(throws: InputError.self) { try HyperfineFormat.parse(Array(missing.utf8), source: "h") }
}

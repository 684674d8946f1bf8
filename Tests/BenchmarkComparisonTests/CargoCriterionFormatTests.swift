// Tests for CargoCriterionFormat and CriterionFormat edge cases.
import ResampleCore
import Testing
import _TestSupport

@testable import BenchmarkComparison

@Test func cargoCriterionConvertsUnitsAndSkipsOtherMessages() throws {
  let text = """
    {"reason":"benchmark-complete","id":"a","iteration_count":[2,4],"measured_values":[10,30],"unit":"us"}
    {"reason":"group-complete","group_name":"g","benchmarks":["a"]}

    {"reason":"benchmark-complete","id":"b","iteration_count":[1],"measured_values":[7],"unit":"cycles"}
    """
  let set = try CargoCriterionFormat.parse(Array(text.utf8), source: "m.jsonl")
  #expect(
    set.benchmarks == [
      BenchmarkSamples(name: "a", values: [10.0 / 2 * 1e-6, 30.0 / 4 * 1e-6], unit: "s"),
      BenchmarkSamples(name: "b", values: [7], unit: "cycles"),
    ])
}

@Test func cargoCriterionErrorsNameTheLine() {
  let text = "{\"reason\":\"group-complete\"}\n{\"reason\": \"benchmark-complete\", \"id\": 3}\n"
  expectError(InputError.self, mentioning: "m.jsonl line 2: ") {
    try CargoCriterionFormat.parse(Array(text.utf8), source: "m.jsonl")
  }
}

@Test func criterionSampleFileChecksLengthsAndIterations() {
  let bad = #"{"iters": [1, 2], "times": [3]}"#
  #expect(throws: InputError.self) {
    try CriterionFormat.parseSampleFile(Array(bad.utf8), source: "s", name: "x")
  }
  let zero = #"{"iters": [0], "times": [3]}"#
  #expect(throws: InputError.self) {
    try CriterionFormat.parseSampleFile(Array(zero.utf8), source: "s", name: "x")
  }
}

// Tests for NameValueCSVFormat: header detection and column choice.
import ResampleCore
import Testing
import _TestSupport

@testable import BenchmarkComparison

@Test func csvWithNamedColumnsInAnyOrder() throws {
  let text = "value,host,name\n1.5,x,a\n2.5,y,a\n3,x,b\n"
  let set = try NameValueCSVFormat.parse(Array(text.utf8), source: "c.csv")
  #expect(
    set.benchmarks == [
      BenchmarkSamples(name: "a", values: [1.5, 2.5], unit: ""),
      BenchmarkSamples(name: "b", values: [3], unit: ""),
    ])
}

@Test func csvWithoutHeaderUsesTheFirstTwoColumns() throws {
  let set = try NameValueCSVFormat.parse(Array("a,1\nb,2\na,3\n".utf8), source: "c.csv")
  #expect(set.benchmarks.map(\.name) == ["a", "b"])
  #expect(set.benchmarks[0].values == [1, 3])
}

@Test func csvErrorsNameTheLine() {
  expectError(InputError.self, mentioning: "c.csv line 3: ", "oops") {
    try NameValueCSVFormat.parse(Array("name,value\na,1\na,oops\n".utf8), source: "c.csv")
  }
  #expect(throws: InputError.self) { try NameValueCSVFormat.parse(Array("a\n".utf8), source: "c") }
  #expect(throws: InputError.self) {
    try NameValueCSVFormat.parse(Array("a,1\n,2\n".utf8), source: "c")
  }
}

// ExpectedSamples.swift: the one decoder for the `expected.json` files that expected.py writes
// beside both fixture sets (Tests/Fixtures/benchdiff and Tests/Fixtures/benchmarks).
import _TestSupport

/// What Python's json/csv modules extract from one fixture file: its format, unit and samples.
struct ExpectedFile: Decodable {
  struct Bench: Decodable {
    var name: String
    var values: [Double]
  }
  var format: String
  var unit: String
  var benchmarks: [Bench]
}

/// Decodes `Tests/Fixtures/<set>/expected.json`, keyed by fixture file name.
func expectedSamples(_ set: String) throws -> [String: ExpectedFile] {
  try decodeFixture([String: ExpectedFile].self, "\(set)/expected.json")
}

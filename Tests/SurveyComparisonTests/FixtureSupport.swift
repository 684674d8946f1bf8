// FixtureSupport.swift: the decoded Tests/Fixtures/survey/survey.json (made by makeFixtures.py).
import Foundation
import SurveyComparison
import Testing
import _TestSupport

struct SurveyFixture: Decodable {
  struct Table: Decodable {
    var n: [Int]
    var x: [Int]
    var pValue: Double
  }
  struct Enumeration: Decodable {
    var percent: [String]
    var decimals: Int
    var alpha: Double
    var rounding: String
    var minN: Int
    var total: Int?
    var n: [Int]?
    var consistentTables: Int
    var pValueMin: Double?
    var pValueMax: Double?
    var shareSignificant: Double?
    var tables: [Table]
  }
  struct Grim: Decodable {
    var percent: String
    var decimals: Int
    var n: Int
    var counts: [Int]
  }
  struct Three: Decodable {
    var percent: [String]
    var decimals: Int
    var total: Int
    var consistentTables: Int
  }
  struct PairedTableRow: Decodable {
    var a: Int
    var b: Int
    var both: Int
    var discordant: [Int]
    var pValue: Double
  }
  struct Paired: Decodable {
    var percent: [String]
    var n: Int
    var decimals: Int
    var alpha: Double
    var feasibleTables: Int
    var pValueMin: Double
    var pValueMax: Double
    var shareSignificant: Double
    var tables: [PairedTableRow]
  }
  struct Deff: Decodable {
    var x: [Int]
    var n: [Int]
    var deff: Double
    var pearson: Double
    var pearsonP: Double
    var adjustedStatistic: Double
    var adjustedP: Double
    var newcombe: [Double]
    var newcombeAdjusted: [Double]
  }
  struct PowerRow: Decodable {
    var n: Int
    var power: Double
  }
  struct PowerPair: Decodable {
    var n: [Int]
    var power: Double
  }
  struct Power: Decodable {
    var p1: Double
    var p2: Double
    var alpha: Double
    var pooledZExact: [PowerRow]
    var pooledZExactUnequal: [PowerPair]
    var fisherExact: [PowerPair]
    var analyticNPerGroup: Double
    var analyticPower: [PowerRow]
  }
  var enumeration: [Enumeration]
  var noTable: Enumeration
  var grim: [Grim]
  var threeSegments: [Three]
  var paired: [Paired]
  var designEffect: [Deff]
  var power: Power

}

/// Decodes `Tests/Fixtures/survey/<name>` with snake-case keys mapped to camel case.
func decodeSurveyFixture<T: Decodable>(_ type: T.Type, _ name: String = "survey.json") throws -> T {
  let decoder = JSONDecoder()
  decoder.keyDecodingStrategy = .convertFromSnakeCase
  return try decoder.decode(T.self, from: Data(contentsOf: fixtureURL("survey/" + name)))
}

func loadSurveyFixture() throws -> SurveyFixture {
  try decodeSurveyFixture(SurveyFixture.self)
}

/// The Ardour (2013) example the CLI embeds (`resample compare` without input): group-owned 61 %
/// vs decentralised 43 % of 156 companies, and performance good 51 % vs image good 38 %.
///
/// Read from the one committed copy, `Tests/Fixtures/survey/ardour.json` (a `--spec` file), which
/// `CompareCLITests` also checks against the CLI's embedded example.
enum TestExamples {
  static func ardourSpec() throws -> SurveySpec {
    try SurveySpec.read(path: fixtureURL("survey/ardour.json").path)
  }

  static func ardourQuestion() throws -> SurveyQuestion {
    let questions = try ardourSpec().questions
    try #require(questions.count == 1)
    return questions[0]
  }

  static func ardourPaired() throws -> PairedPercentages {
    try #require(try ardourSpec().paired)
  }
}

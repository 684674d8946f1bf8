// FixtureSupport.swift: the decoded Tests/Fixtures/survey/survey.json (made by makeFixtures.py).
import Foundation
import SurveyComparison
import Testing
import _TestSupport

struct SurveyFixture: Decodable {
  struct Table: Decodable {
    var n, x: [Int]
    var pValue: Double
  }
  struct Enumeration: Decodable {
    var percent: [String]
    var decimals, minN, consistentTables: Int
    var alpha: Double
    var rounding: String
    var total: Int?
    var n: [Int]?
    var pValueMin, pValueMax, shareSignificant: Double?
    var tables: [Table]
  }
  struct Grim: Decodable {
    var percent: String
    var decimals, n: Int
    var counts: [Int]
  }
  struct Three: Decodable {
    var percent: [String]
    var decimals, total, consistentTables: Int
  }
  struct PairedTableRow: Decodable {
    var a, b, both: Int
    var discordant: [Int]
    var pValue: Double
  }
  struct Paired: Decodable {
    var percent: [String]
    var n, decimals, feasibleTables: Int
    var alpha, pValueMin, pValueMax, shareSignificant: Double
    var tables: [PairedTableRow]
  }
  struct Deff: Decodable {
    var x, n: [Int]
    var deff, pearson, pearsonP, adjustedStatistic, adjustedP: Double
    var newcombe, newcombeAdjusted: [Double]
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
    var p1, p2, alpha, analyticNPerGroup: Double
    var pooledZExact: [PowerRow]
    var pooledZExactUnequal, fisherExact: [PowerPair]
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
  try decodeFixture(T.self, "survey/" + name, keys: .snakeCase)
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

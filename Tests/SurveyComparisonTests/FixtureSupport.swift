// FixtureSupport.swift: the decoded Tests/Fixtures/survey/survey.json (made by make_fixtures.py).
import Foundation
import _TestSupport

struct SurveyFixture: Decodable {
  struct Table: Decodable {
    var n: [Int]
    var x: [Int]
    var p_value: Double
  }
  struct Enumeration: Decodable {
    var percent: [String]
    var decimals: Int
    var alpha: Double
    var rounding: String
    var min_n: Int
    var total: Int?
    var n: [Int]?
    var consistent_tables: Int
    var p_value_min: Double?
    var p_value_max: Double?
    var share_significant: Double?
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
    var consistent_tables: Int
  }
  struct PairedTableRow: Decodable {
    var a: Int
    var b: Int
    var both: Int
    var discordant: [Int]
    var p_value: Double
  }
  struct Paired: Decodable {
    var percent: [String]
    var n: Int
    var decimals: Int
    var alpha: Double
    var feasible_tables: Int
    var p_value_min: Double
    var p_value_max: Double
    var share_significant: Double
    var tables: [PairedTableRow]
  }
  struct Deff: Decodable {
    var x: [Int]
    var n: [Int]
    var deff: Double
    var pearson: Double
    var pearson_p: Double
    var adjusted_statistic: Double
    var adjusted_p: Double
    var newcombe: [Double]
    var newcombe_adjusted: [Double]
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
    var pooled_z_exact: [PowerRow]
    var pooled_z_exact_unequal: [PowerPair]
    var fisher_exact: [PowerPair]
    var analytic_n_per_group: Double
    var analytic_power: [PowerRow]
  }
  var enumeration: [Enumeration]
  var no_table: Enumeration
  var grim: [Grim]
  var three_segments: [Three]
  var paired: [Paired]
  var design_effect: [Deff]
  var power: Power

  static let shared: SurveyFixture? = try? decodeFixture(SurveyFixture.self, "survey/survey.json")
}

func loadSurveyFixture() throws -> SurveyFixture {
  try decodeFixture(SurveyFixture.self, "survey/survey.json")
}

// StatisticalFilesCLITests.swift: `--data` SPSS (.sav, .zsav), Stata (.dta) and SAS (.sas7bdat)
// files (Tests/Fixtures/data-files/generate_statistical.py) against R's chisq.test(table(...)) of
// the same data as CSV: value labels are the categories, user-missing answers are left out and
// counted; compare reads a .dta exactly as its CSV; an unreadable file is one line, exit 64.
import Foundation
import Testing
import _TestSupport

private func path(_ name: String) -> String { fixtureURL("data-files/" + name).path }

private struct Reference: Decodable {
  struct Test: Decodable {
    var statistic, pValue: Double
    var df: Int
    var n, refused: Int?
  }
  var partyVote, partyVoteCodes, regionParty: Test
}

@Suite struct StatisticalFilesCLITests {
  fileprivate let reference: Reference

  init() throws {
    let decoder = JSONDecoder()
    decoder.keyDecodingStrategy = .convertFromSnakeCase
    reference = try decoder.decode(
      Reference.self, from: Data(contentsOf: fixtureURL("data-files/ballot-r.json")))
  }

  private func chisq(_ file: String, _ rows: String, _ cols: String) throws -> [String: Any] {
    try runCLIJSON(["chisq", "--data", path(file), "--rows", rows, "--cols", cols])
  }

  private func expectMatches(_ j: [String: Any], _ r: Reference.Test, _ what: String) {
    #expect(isClose(fixtureNumber(j["statistic"]), r.statistic, relative: 1e-9), "\(what)")
    #expect(isClose(fixtureNumber(j["p_value"]), r.pValue, relative: 1e-9), "\(what)")
    #expect(j["df"] as? Int == r.df, "\(what)")
  }

  @Test func spssLabelsAndUserMissingMatchR() throws {
    for file in ["ballot.sav", "ballot.zsav"] {
      let j = try chisq(file, "party", "vote")
      expectMatches(j, reference.partyVote, file)
      #expect(Set(j["row_labels"] as? [String] ?? []) == ["Democrat", "Republican", "Independent"])
      let data = try #require(j["data"] as? [String: Any])
      #expect(data["respondents"] as? Int == reference.partyVote.n)
      let excluded = try #require(data["excluded"] as? [[String: Any]])
      #expect(excluded.count == 1 && excluded[0]["label"] as? String == "Refused")
      #expect(excluded.first?["count"] as? Int == reference.partyVote.refused)
      expectMatches(try chisq(file, "region", "party"), reference.regionParty, file)
    }
  }

  @Test func stataAndSASMatchR() throws {
    expectMatches(try chisq("ballot.dta", "party", "vote"), reference.partyVote, "dta")
    expectMatches(try chisq("ballot.dta", "region", "party"), reference.regionParty, "dta")
    // The .sas7bdat keeps the codes only (ReadStat writes no labels or user-missing values).
    expectMatches(try chisq("ballot.sas7bdat", "party", "vote"), reference.partyVoteCodes, "sas")
  }

  @Test func compareReadsADtaAsItsCSV() throws {
    func run(_ file: String) throws -> String {
      let r = try runCLI([
        "compare", "--data", path(file), "--segment", "party", "--questions", "vote=Yes",
        "--replicates", "199", "--simulations", "200", "--seed", "5", "--format", "csv",
      ])
      #expect(r.status == 0, "\(r.stderr)")
      return r.stdout
    }
    let dta = try run("ballot.dta")
    #expect(dta.contains("Democrat"))
    #expect(dta == (try run("ballot-dta.csv")))
  }

  @Test func unreadableFileIsOneLineNamingIt() throws {
    let corrupt = try writeTemporaryFile("corrupt.sav", "this is not an SPSS file\n")
    for file in [corrupt, path("absent.dta")] {
      let r = try runCLI(["chisq", "--data", file, "--rows", "party", "--cols", "vote"])
      #expect(r.status == 64)
      #expect(r.stderr.split(separator: "\n").count == 1, "\(r.stderr)")
      #expect(r.stderr.contains(file) && r.stderr.contains("cannot read as"), "\(r.stderr)")
    }
  }
}

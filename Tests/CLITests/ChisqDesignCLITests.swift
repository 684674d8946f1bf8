// ChisqDesignCLITests.swift: `resample chisq --data F --rows A --cols B` with a survey design
// against R survey's svychisq (Tests/Fixtures/survey-design/chisq/generate.R), and the refusals.
import Foundation
import Testing
import _TestSupport

@Suite struct ChisqDesignCLITests {
  @Test(arguments: ["weights-only", "strata-clusters", "strata-fpc", "zero-cell", "jk1-replicates"])
  func raoScottMatchesSvychisq(name: String) throws {
    let (ref, path, options) = try designCase("chisq", name)
    let j = try runCLIJSON(
      [
        "chisq", "--data", path, "--rows", try #require(ref["rows"] as? String),
        "--cols", try #require(ref["cols"] as? String),
        // R's factor levels are sorted; ours follow first appearance unless ordered.
        "--row-order", (ref["row_labels"] as? [String] ?? []).joined(separator: ","),
        "--col-order", (ref["col_labels"] as? [String] ?? []).joined(separator: ","),
      ] + options)
    let close = { (ours: Any?, theirs: Any?, what: String) in
      expectMatchesR(ours, theirs, "\(name) \(what)")
    }
    let second = try #require(j["rao_scott"] as? [String: Any])
    let rSecond = try #require(ref["rao_scott"] as? [String: Any])
    for key in ["statistic", "ndf", "ddf", "p_value"] { close(second[key], rSecond[key], key) }
    let first = try #require(j["rao_scott_first_order"] as? [String: Any])
    let rFirst = try #require(ref["rao_scott_first_order"] as? [String: Any])
    close(first["statistic"], rFirst["adjusted_statistic"], "first-order statistic")
    close(first["pearson"], rFirst["pearson"], "pearson")
    close(first["df"], rFirst["df"], "df")
    close(first["p_value"], rFirst["p_value"], "first-order p")
    // svychisq(statistic = "Wald" / "adjWald"): the delta-method Wald tests of the interaction
    // contrasts, from the design covariance of the cell totals.
    for key in ["wald", "adj_wald"] {
      let ours = try #require(j[key] as? [String: Any], "\(key)")
      let theirs = try #require(ref[key] as? [String: Any])
      for field in ["statistic", "ndf", "ddf", "p_value"] {
        close(ours[field], theirs[field], "\(key) \(field)")
      }
    }
    let weighted = fixtureNumbers(ref["weighted"])
    let ours = (j["weighted_table"] as? [[Any]] ?? []).flatMap { $0.map { fixtureNumber($0) } }
    #expect(ours.count == weighted.count)
    for (x, y) in zip(ours, weighted) {
      #expect(isClose(x, y, relative: 1e-9, absolute: 1e-9), "\(name) weighted \(x) vs \(y)")
    }
    #expect(j["row_labels"] as? [String] == ref["row_labels"] as? [String])
    #expect(j["column_labels"] as? [String] == ref["col_labels"] as? [String])
  }

  @Test func designOptionsAreRefusedWhereTheyCannotApply() throws {
    let path = fixtureURL("survey-design/apistrat.csv").path
    let data = ["--data", path, "--rows", "stype", "--cols", "awards"]
    for args in [
      ["fisher"] + data + ["--weight", "pw"],
      ["chisq", "--table", "1,2;3,4", "--weight", "pw"],
      ["chisq"] + data + ["--weight", "pw", "--monte-carlo", "100"],
    ] {
      let r = try runCLI(args)
      #expect(r.status == 64, "\(args): \(r.stderr)")
      #expect(r.stderr.split(separator: "\n").count <= 3, "\(args): \(r.stderr)")
    }
    let fisher = try runCLI(["fisher"] + data + ["--weight", "pw"])
    #expect(fisher.stderr.contains("chisq"))
  }

  @Test func textAndCSVNameTheTest() throws {
    let path = fixtureURL("survey-design/apistrat.csv").path
    let args = ["chisq", "--data", path, "--rows", "stype", "--cols", "awards", "--weight", "pw"]
    let text = try runCLI(args)
    #expect(text.status == 0, "\(text.stderr)")
    #expect(text.stdout.contains("Rao–Scott F"))
    #expect(text.stdout.contains("weighted counts"))
    let csv = try runCLI(args + ["--format", "csv"])
    #expect(csv.stdout.hasPrefix("statistic,ndf,ddf,p_value"))
  }
}

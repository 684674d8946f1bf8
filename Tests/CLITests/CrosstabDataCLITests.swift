// CrosstabDataCLITests.swift: `chisq`/`fisher --data F --rows A --cols B` (issue 13 item 1):
// tables tallied from respondent rows or long data with --freq-weight, against R's chisq.test /
// fisher.test of table()/xtabs() on the same rows (Tests/Fixtures/contingency/crosstab/
// from_data.R); labels kept, order stated, non-answers left out and counted.
import Foundation
import Testing
import _TestSupport

private struct Case: Decodable {
  var name: String
  var args: [String]
  var n, df: Int
  var rowLabels, columnLabels: [String]
  var counts, expected: [[Double]]
  var statistic, pValue: Double
  var fisherPValue: Double?
}

private func file(_ name: String) -> String {
  fixtureURL("contingency/crosstab/" + name).path
}

/// Our index of each of R's labels (numbers compare as numbers: R prints 1, the file has 1.0).
private func positions(_ ours: [String], _ theirs: [String]) -> [Int?] {
  theirs.map { t in
    ours.firstIndex { $0 == t || (Double($0) != nil && Double($0) == Double(t)) }
  }
}

@Suite struct CrosstabDataCLITests {
  @Test func tablesFromRowsMatchR() throws {
    let cases = try snakeCaseFixtureCases(
      Case.self, "contingency/crosstab/from_data.json", count: 5)
    for c in cases {
      let data =
        c.name.hasPrefix("anes")
        ? "anes96_respondents.csv"
        : c.name.hasPrefix("UCB")
          ? "ucb_long.csv"
          : c.name.hasPrefix("housing") ? "housing_long.csv" : "codes_respondents.csv"
      let base = ["--data", file(data)] + c.args + ["--format", "json"]
      let j = try runCLIJSON(["chisq"] + base)
      let rows = try #require(j["row_labels"] as? [String])
      let cols = try #require(j["column_labels"] as? [String])
      #expect(rows.count == c.rowLabels.count && cols.count == c.columnLabels.count, "\(c.name)")
      let ri = positions(rows, c.rowLabels)
      let ci = positions(cols, c.columnLabels)
      #expect(!ri.contains(nil) && !ci.contains(nil), "\(c.name): \(rows) \(cols)")
      if c.args.contains("--row-order") {
        #expect(rows == c.rowLabels && cols == c.columnLabels, "\(c.name): declared order")
      }
      let table = try #require(j["table"] as? [[Any]])
      let expected = try #require(j["expected"] as? [[Any]])
      for (a, i) in ri.enumerated() {
        for (b, k) in ci.enumerated() {
          guard let i, let k else { continue }
          #expect(fixtureNumber(table[i][k]) == c.counts[a][b], "\(c.name) count")
          #expect(
            isClose(fixtureNumber(expected[i][k]), c.expected[a][b], relative: 1e-12),
            "\(c.name) expected")
        }
      }
      #expect(isClose(fixtureNumber(j["statistic"]), c.statistic, relative: 1e-9), "\(c.name)")
      #expect(j["df"] as? Int == c.df)
      #expect(isClose(fixtureNumber(j["p_value"]), c.pValue, relative: 1e-9), "\(c.name) p")
      let d = try #require(j["data"] as? [String: Any])
      #expect(d["respondents"] as? Int == c.n)
      if let fp = c.fisherPValue {
        let f = try runCLIJSON(["fisher"] + base)
        #expect(isClose(fixtureNumber(f["p_value"]), fp, relative: 1e-9), "\(c.name) fisher")
        #expect((f["row_labels"] as? [String]) == rows)
      }
    }
  }

  @Test func orderAndExclusionsAreStated() throws {
    let j = try runCLIJSON([
      "chisq", "--data", file("codes_respondents.csv"), "--rows", "q1", "--cols", "q2",
      "--missing", "-9,DK", "--format", "json",
    ])
    let d = try #require(j["data"] as? [String: Any])
    #expect(d["row_order"] as? String == "numeric")
    let excluded = try #require(d["excluded"] as? [[String: Any]])
    let byLabel = Dictionary(
      excluded.map { ("\($0["column"] ?? "")=\($0["label"] ?? "")", $0["count"] as? Int ?? 0) },
      uniquingKeysWith: +)
    // 9 "-9" and 5 empty q1, 6 "DK" q2 were written; a row with two non-answers counts once.
    #expect(byLabel.values.reduce(0, +) == 400 - 381)
    #expect(byLabel.keys.contains("q1=-9") && byLabel.keys.contains("q1="))
    let text = try runCLI([
      "chisq", "--data", file("codes_respondents.csv"), "--rows", "q1", "--cols", "q2",
      "--missing", "-9,DK",
    ])
    #expect(text.stdout.contains("numerically") && text.stdout.contains("left out"))
  }

  /// `--order` declares only the categories a variable has (a listed category nobody answered
  /// adds no empty row); `--row-order` keeps every category it lists.
  @Test func orderDeclaresOnlyTheCategoriesPresent() throws {
    let base = ["chisq", "--data", file("anes96_respondents.csv"), "--rows", "party"]
    let listed = "Republican,Independent,Democrat,Green"
    let j = try runCLIJSON(base + ["--cols", "selfLR", "--order", listed, "--format", "json"])
    #expect(j["row_labels"] as? [String] == ["Republican", "Independent", "Democrat"])
    #expect((j["data"] as? [String: Any])?["row_order"] as? String == "declared")
    // The order changes neither the table's content nor the statistic.
    let plain = try runCLIJSON(base + ["--cols", "selfLR", "--format", "json"])
    #expect(
      isClose(fixtureNumber(j["statistic"]), fixtureNumber(plain["statistic"]), relative: 1e-12))
    let own = try runCLIJSON(
      base + ["--cols", "selfLR", "--row-order", listed, "--format", "json"])
    #expect((own["row_labels"] as? [String])?.last == "Green")
  }

  @Test(arguments: [
    (["--rows", "party"], "--cols"),
    (["--rows", "party", "--cols", "nope"], "nope"),
    (["--rows", "party", "--cols", "selfLR", "--row-order", "Democrat,Republican"], "Independent"),
    (["--rows", "party", "--cols", "selfLR", "--order", "a,b"], "--order"),
    (
      [
        "--rows", "party", "--cols", "selfLR", "--row-order", "Republican,Independent,Democrat",
        "--order", "Republican,Independent,Democrat",
      ], "--order"
    ),
    (["--rows", "party", "--cols", "selfLR", "--freq-weight", "party"], "Republican"),
    (["--rows", "party", "--cols", "selfLR", "--table", "1,2;3,4"], "one of"),
  ])
  func badInputIsOneLine(_ extra: [String], _ mention: String) throws {
    let r = try runCLI(["chisq", "--data", file("anes96_respondents.csv")] + extra)
    #expect(r.status == 64, "\(extra)")
    #expect(r.stderr.contains(mention), "\(extra): \(r.stderr)")
    #expect(r.stderr.split(separator: "\n").count == 1)
  }
}

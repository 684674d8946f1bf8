// `chisq`/`fisher --table-file` on crosstab CSVs written by pandas and R (issue 13 regression):
// a header of numeric codes must be read as labels, never as a row of counts.
import Foundation
import Testing
import _TestSupport

private func crosstab(_ name: String) -> String {
  fixtureURL("contingency/crosstab/\(name)").path
}

private struct Expected: Decodable {
  struct Table: Decodable {
    let file: String
    let rows, cols, n, df: Int
    let rowLabels, columnLabels: [String]
    let statistic, pValue: Double
    let fisherPValue: Double?
  }
  struct Wrong: Decodable {
    let n, df: Int
    let statistic: Double
  }
  let tables: [Expected.Table]
  let headerAsCounts: Wrong
}

@Suite struct CrosstabFileCLITests {
  private static func expected() throws -> Expected {
    try decodeFixture(Expected.self, "contingency/crosstab/expected.json", keys: .snakeCase)
  }

  @Test func pandasAndRCrosstabsMatchRChisqTest() throws {
    // R chisq.test(correct = FALSE) on the same tables (generate.R); 1e-9 relative.
    for e in try Self.expected().tables {
      let j = try runCLIJSON(["chisq", "--table-file", crosstab(e.file), "--correction", "none"])
      let table = try #require(j["table"] as? [[Int]], "\(e.file)")
      #expect(table.count == e.rows && table.first?.count == e.cols, "\(e.file)")
      #expect(table.joined().reduce(0, +) == e.n, "\(e.file)")
      #expect(j["df"] as? Int == e.df, "\(e.file)")
      #expect(isClose(try #require(j["statistic"] as? Double), e.statistic, relative: 1e-9))
      #expect(isClose(try #require(j["p_value"] as? Double), e.pValue, relative: 1e-9))
      #expect(j["row_labels"] as? [String] == e.rowLabels, "\(e.file)")
      // Labels are kept as written: pandas writes a float column's codes as 1.0, 2.0, ….
      let columns = try #require(j["column_labels"] as? [String], "\(e.file)")
      #expect(
        columns.map { Double($0) ?? .nan } == e.columnLabels.map { Double($0) ?? .nan }
          || columns == e.columnLabels, "\(e.file)")
      #expect((j["labels_from_file"] as? String)?.contains("as column labels") == true)
    }
  }

  @Test func issue13HeaderOfCodesIsNotARowOfCounts() throws {
    // Before: 4×7, N = 972, X² = 412.4, df 18 (the header 1..7 read as counts), exit 0.
    let e = try Self.expected()
    let right = try #require(e.tables.first { $0.file == "anes_party_selflr_pandas.csv" })
    let j = try runCLIJSON(["chisq", "--table-file", crosstab(right.file)])
    #expect(j["df"] as? Int == 12 && (j["table"] as? [[Int]])?.count == 3)
    #expect(isClose(try #require(j["statistic"] as? Double), 381.108944055292, relative: 1e-9))
    #expect(j["column_labels"] as? [String] == ["1", "2", "3", "4", "5", "6", "7"])
    // --header no reproduces the old reading, so the figures above are the ones it replaced.
    let old = try runCLIJSON(["chisq", "--table-file", crosstab(right.file), "--header", "no"])
    #expect(old["df"] as? Int == e.headerAsCounts.df)
    #expect(
      isClose(
        try #require(old["statistic"] as? Double), e.headerAsCounts.statistic, relative: 1e-9))
    let text = try runCLI(["chisq", "--table-file", crosstab(right.file)])
    #expect(text.stdout.contains("3×7 table, N = 944"))
    #expect(text.stdout.contains("labels: row 1 as column labels (1, 2, 3, 4, 5, 6, 7)"))
    #expect(text.stdout.contains("  Democrat "))
  }

  @Test func fisherReadsTheSameLabels() throws {
    let e = try #require(
      try Self.expected().tables.first { $0.file == "mtcars_cyl_gear_write_csv.csv" })
    let j = try runCLIJSON(["fisher", "--table-file", crosstab(e.file)])
    #expect(
      isClose(
        try #require(j["p_value"] as? Double), try #require(e.fisherPValue),
        relative: 1e-9))
    #expect(j["row_labels"] as? [String] == ["4", "6", "8"])
    #expect(j["column_labels"] as? [String] == ["3", "4", "5"])
  }

  @Test(arguments: [
    "anes_party_selflr_noindex.csv", "anes_party_selflr_write_csv_norownames.csv",
    "anes_party_selflr_write_table.csv",
  ])
  func ambiguousFilesAreRefusedNotGuessed(_ name: String) throws {
    for command in ["chisq", "fisher"] {
      let r = try runCLI([command, "--table-file", crosstab(name)])
      #expect(r.status == 64, "\(name): \(r.stderr)")
      #expect(r.stdout.isEmpty)
      #expect(r.stderr.split(separator: "\n").count == 1)
      if !name.contains("write_table") { #expect(r.stderr.contains("--header yes or --header no")) }
    }
    if !name.contains("write_table") {
      let settled = try runCLIJSON(["chisq", "--table-file", crosstab(name), "--header", "yes"])
      #expect((settled["table"] as? [[Int]])?.joined().reduce(0, +) == 944)
    }
  }

  @Test func headerOptionsNeedATableFile() throws {
    let r = try runCLI(["chisq", "--table", "1,2;3,4", "--header", "yes"])
    #expect(r.status == 64 && r.stderr.contains("--table-file"))
  }
}

// Tests for StatisticalFile: the SPSS, Stata and SAS files of Tests/Fixtures/data-files/
// (generate_statistical.py: pyreadstat and the readstat command) read to the same tallies as the
// CSV of the same data, value labels as categories and user-missing values declared.
import DataInput
import Foundation
import ResampleCore
import Testing
import _TestSupport

@testable import StatisticalFiles

private func path(_ name: String) -> String { fixtureURL("data-files/" + name).path }

@Suite struct StatisticalFileTests {
  @Test func spssValueLabelsAndUserMissing() throws {
    for name in ["ballot.sav", "ballot.zsav"] {
      let file = try StatisticalFile.columns(
        path: path(name), numeric: ["age"], labels: ["party", "vote", "region"])
      #expect(file.rowCount == 80)
      let party = try file.labels("party")
      #expect(Set(party.values) == ["Democrat", "Republican", "Independent"], "\(name)")
      let vote = try file.labels("vote")
      #expect(vote.declaredMissing == ["Refused"], "\(name)")
      let csv = try CSVColumns.read(
        path: path("ballot.csv"), numeric: ["age"], labels: ["party", "vote", "region"],
        dialect: CSVDialect())
      #expect(try file.numeric("age") == csv.numeric("age"))
      for column in ["party", "vote", "region"] {
        let a = try file.labels(column)
        let b = try csv.labels(column)
        #expect(a.codes.indices.map { a[$0] } == b.codes.indices.map { b[$0] }, "\(column)")
      }
      let ours = try RespondentCrosstab.tally(file, rows: "party", columns: "vote")
      let theirs = try RespondentCrosstab.tally(
        csv, rows: "party", columns: "vote", missing: ["Refused"])
      #expect(ours == theirs, "\(name)")
      #expect(ours.excluded.map(\.label) == ["Refused"] && ours.excluded[0].count == 8)
    }
  }

  @Test func stataAndSASReadAsTheirCSV() throws {
    let dta = try StatisticalFile.columns(
      path: path("ballot.dta"), numeric: [], labels: ["party", "vote"])
    let dtaCSV = try CSVColumns.read(
      path: path("ballot-dta.csv"), numeric: [], labels: ["party", "vote"], dialect: CSVDialect())
    #expect(
      try RespondentCrosstab.tally(dta, rows: "party", columns: "vote")
        == RespondentCrosstab.tally(dtaCSV, rows: "party", columns: "vote"))
    let sas = try StatisticalFile.columns(
      path: path("ballot.sas7bdat"), numeric: [], labels: ["party", "vote"])
    let codes = try CSVColumns.read(
      path: path("ballot-codes.csv"), numeric: [], labels: ["party", "vote"],
      dialect: CSVDialect())
    #expect(
      try RespondentCrosstab.tally(sas, rows: "party", columns: "vote")
        == RespondentCrosstab.tally(codes, rows: "party", columns: "vote"))
  }

  @Test func tableHoldsEveryVariableAsText() throws {
    let table = try StatisticalFile.table(path: path("ballot.dta"))
    let csv = try CSVTable.read(path: path("ballot-dta.csv"), dialect: CSVDialect())
    #expect(table.header == csv.header)
    #expect(table.rows == csv.rows)
  }

  /// `table(path:keep:)` keeps the picked variables of the whole table, in file order, for
  /// every format; what `keep` throws is thrown.
  @Test func keptVariablesAreThoseOfTheWholeTable() throws {
    for name in ["ballot.sav", "ballot.zsav", "ballot.dta", "ballot.sas7bdat"] {
      let whole = try StatisticalFile.table(path: path(name))
      let last = whole.columnCount - 1
      var seen: [String] = []
      let some = try StatisticalFile.table(path: path(name)) { names in
        seen = names
        return [last, 0]
      }
      #expect(seen == whole.header, "\(name)")
      #expect(some.header == [whole.header[0], whole.header[last]], "\(name)")
      #expect(some.rows == whole.rows.map { [$0[0], $0[last]] }, "\(name)")
      struct Refused: Error {}
      #expect(throws: Refused.self) {
        try StatisticalFile.table(path: path(name)) { _ in throw Refused() }
      }
    }
  }

  @Test func columnErrorsAreDeferredAndNamed() throws {
    let file = try StatisticalFile.columns(path: path("ballot.sav"), numeric: ["vote", "x"])
    #expect(throws: InputError.self) { try file.numeric("x") }
    do {
      _ = try file.numeric("vote")
      Issue.record("a user-missing value is not a number")
    } catch let InputError.invalidData(source, reason) {
      #expect(source.hasSuffix("ballot.sav row 6") || source.contains("ballot.sav row"))
      #expect(reason.contains("missing value"))
    }
  }

  @Test func unreadableFilesAreOneNamedError() throws {
    let corrupt = try writeTemporaryFile("corrupt.sav", "not an SPSS file at all\n")
    for p in [corrupt, path("absent.dta")] {
      do {
        _ = try StatisticalFile.columns(path: p, numeric: [], labels: ["party"])
        Issue.record("\(p) was read")
      } catch let InputError.invalidData(source, reason) {
        #expect(source == p)
        #expect(reason.hasPrefix("cannot read as"), "\(reason)")
      }
    }
    #expect(StatisticalFile.Kind(path: "a.ZSAV") == .spss)
    #expect(StatisticalFile.Kind(path: "a.csv") == nil)
    #expect(StatisticalFile.Kind(path: "sav") == nil)
  }
}

// TableWarningTests.swift: warning messages are one line and name what they are about.
import Contingency
import Testing

@Test func messagesNameRowsAndColumnsOneBased() {
  let w = TableWarning.emptyMargins(rows: [1], columns: [0, 2])
  #expect(w.description.contains("row 2") && w.description.contains("column 1, 3"))
  #expect(!w.description.contains("\n"))
  #expect(TableWarning.exactTooLarge(limit: 5).description.contains("Monte Carlo"))
  #expect(
    TableWarning.smallExpectedCounts(cells: 2, of: 4, minimum: 1.25).description
      .contains("1.25"))
}

// Tests for CrosstabFile: header rows and label columns of crosstab CSVs as pandas and R write them.
import DataInput
import ResampleCore
import Testing

private func records(_ text: String) -> [[String]] {
  text.split(separator: "\n", omittingEmptySubsequences: false).map {
    $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
  }
}

private func read(
  _ text: String, header: LabelPresence = .auto, rowLabels: LabelPresence = .auto
) throws -> CrosstabFile {
  try CrosstabFile.read(
    records: records(text), source: "t.csv", header: header, rowLabels: rowLabels)
}

@Suite struct CrosstabFileTests {
  @Test func pandasHeaderOfCodesUnderATextCorner() throws {
    // pandas.crosstab(party, selfLR).to_csv(): the header row is codes, not a row of counts.
    let f = try read("party,1,2,3\nDemocrat,15,96,127\nRepublican,0,3,11\n")
    #expect(f.counts == [[15, 96, 127], [0, 3, 11]])
    #expect(f.columnLabels == ["1", "2", "3"])
    #expect(f.rowLabels == ["Democrat", "Republican"])
    #expect(f.corner == "party")
    #expect(
      f.labelNote == "row 1 as column labels (1, 2, 3); column 1 'party' as row labels "
        + "(Democrat, Republican)")
    let floats = try read("party,1.0,2.0\nDemocrat,15,96\nRepublican,0,3\n")
    #expect(floats.counts == [[15, 96], [0, 3]] && floats.columnLabels == ["1.0", "2.0"])
  }

  @Test func numericCodesOnBothMargins() throws {
    // pandas with a numeric index: `PID,1,2` then `0,…`; R write.csv: `"","3","4"` then `"4",…`.
    let pid = try read("PID,1,2\n0,7,61\n1,5,23\n2,3,9\n")
    #expect(pid.counts == [[7, 61], [5, 23], [3, 9]] && pid.rowLabels == ["0", "1", "2"])
    let r = try read(",3,4,5\n4,1,8,2\n6,2,4,1\n8,12,0,2\n")
    #expect(r.counts == [[1, 8, 2], [2, 4, 1], [12, 0, 2]])
    #expect(r.rowLabels == ["4", "6", "8"] && r.columnLabels == ["3", "4", "5"])
    #expect(r.corner == nil)
  }

  @Test func writeTableHeaderWithoutCorner() throws {
    let f = try read("1,2,3\nDemocrat,15,96,127\nRepublican,0,3,11\n")
    #expect(f.counts == [[15, 96, 127], [0, 3, 11]] && f.columnLabels == ["1", "2", "3"])
    #expect(f.rowLabels == ["Democrat", "Republican"])
  }

  @Test func textHeadersAndPlainCounts() throws {
    let text = try read("Brown,Blue\n68,20\n119,84\n")
    #expect(text.counts == [[68, 20], [119, 84]] && text.rowLabels == nil)
    #expect(text.columnLabels == ["Brown", "Blue"])
    let plain = try read("12,5,9\n7,14,3\n\n")
    #expect(plain.counts == [[12, 5, 9], [7, 14, 3]] && plain.labelNote == nil)
    let labelled = try read("yes,12,12\nno,7,5\n")  // repeated numbers: not a header of codes
    #expect(labelled.counts == [[12, 12], [7, 5]] && labelled.columnLabels == nil)
    #expect(labelled.rowLabels == ["yes", "no"])
    let uncoded = try read("5,7\n1,15\n2,0\n")  // neither margin reads as codes
    #expect(uncoded.counts == [[5, 7], [1, 15], [2, 0]])
  }

  @Test(arguments: [
    ("1,2,3\n15,96,127\n0,3,11\n", "--header yes or --header no"),  // codes or counts?
    ("0,1\n15,96\n0,3\n", "--header yes or --header no"),
    ("2,3\nDemocrat,15\nRepublican,0\n", "--header yes or --header no"),
    ("Democrat,15,96\nRepublican,0,3\n", "--header yes or --header no"),  // corner or label?
    ("Dem,Rep\n1,15\n2,0\n", "--row-labels yes or --row-labels no"),
    ("a,b\n5,x\n2,3\n", "line 2 column 2"),
    ("a,b\n5,3\n2,3,4\n", "ragged"),
    ("\n\n", "empty"),
  ])
  func ambiguousOrBadFilesAreRefused(_ text: String, _ expected: String) throws {
    do {
      let f = try read(text)
      Issue.record("expected an error, got \(f)")
    } catch let e as InputError {
      #expect(e.description.contains(expected), "\(e.description)")
    }
  }

  @Test func declaredHeaderAndLabelsSettleAmbiguity() throws {
    let codes = "1,2,3\n15,96,127\n0,3,11\n"
    #expect(try read(codes, header: .yes).counts == [[15, 96, 127], [0, 3, 11]])
    #expect(try read(codes, header: .no).counts == [[1, 2, 3], [15, 96, 127], [0, 3, 11]])
    let rowCodes = "Dem,Rep\n1,15\n2,0\n"
    #expect(try read(rowCodes, rowLabels: .no).counts == [[1, 15], [2, 0]])
    let byRow = try read("x,Dem,Rep\n1,15,3\n2,0,4\n", rowLabels: .yes)
    #expect(byRow.counts == [[15, 3], [0, 4]] && byRow.corner == "x")
    #expect(throws: InputError.self) { try read("a,b,c,d\n1,2\n", header: .yes) }
  }
}

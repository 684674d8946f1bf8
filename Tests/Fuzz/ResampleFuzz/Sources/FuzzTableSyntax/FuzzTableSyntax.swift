// FuzzTableSyntax: the contingency-table literal of `--table "12,5,9;7,14,3"` and its CSV form.
import Resample

/// libFuzzer's entry point.
///
/// It parses `data` as a `--table` literal and, read as CSV, as a table of
/// count cells. Every count returned must be in 0...maximumCount and every row equally long.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTableSyntax(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
  let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: count)) } ?? []
  func check(_ rows: [[Int]]) {
    precondition(rows.allSatisfy { $0.count == rows[0].count }, "ragged table")
    precondition(
      rows.joined().allSatisfy { (0...TableSyntax.maximumCount).contains($0) }, "bad count")
  }
  if let rows = try? TableSyntax.parse(String(decoding: bytes, as: UTF8.self)) { check(rows) }
  if let table = try? CSVTable.parse(bytes, source: "fuzz", hasHeader: false),
    let rows = try? TableSyntax.counts(
      cells: TableSyntax.countCells(fromRecords: table.rows), source: "fuzz")
  {
    check(rows)
  }
  return 0
}

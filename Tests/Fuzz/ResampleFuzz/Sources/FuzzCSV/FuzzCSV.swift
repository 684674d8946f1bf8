// FuzzCSV: the RFC 4180 reader (CSVTable) and its numeric columns on arbitrary bytes.
import Resample

/// libFuzzer's entry point.
///
/// It parses `data` as CSV with and without a header, comma- and
/// tab-separated, then reads every column as numbers. Any outcome but a trap is fine: malformed
/// input must end in a thrown `InputError`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSV(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
  let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: count)) } ?? []
  for (hasHeader, delimiter) in [(true, UInt8(ascii: ",")), (false, UInt8(ascii: "\t"))] {
    guard
      let table = try? CSVTable.parse(
        bytes, source: "fuzz", hasHeader: hasHeader, delimiter: delimiter)
    else { continue }
    for c in 0..<table.columnCount {
      _ = try? table.numericColumn(at: c)
      if c < table.header.count { _ = try? table.column(named: table.header[c]) }
    }
  }
  return 0
}

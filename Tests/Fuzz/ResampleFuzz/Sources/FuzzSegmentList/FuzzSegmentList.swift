// FuzzSegmentList: `compare`'s segment lists (--percent a=61,b=43; --counts a=50/82; --n a=70..90).
import Resample

/// libFuzzer's entry point.
///
/// It reads `data` as the text of a command-line option and parses it as
/// each kind of segment list (percentages with 0–3 decimals, counts, sizes). Results must
/// satisfy the documented invariants.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSegmentList(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
  let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: count)) } ?? []
  let text = String(decoding: bytes, as: UTF8.self)
  _ = try? SegmentList.percentages(text, decimals: bytes.count % 4)
  if let counts = try? SegmentList.counts(text) {
    precondition(counts.allSatisfy { $0.n > 0 && 0 <= $0.x && $0.x <= $0.n }, "bad counts")
  }
  if let sizes = try? SegmentList.sizes(text) {
    precondition(sizes.allSatisfy { $0.sizes.lowerBound > 0 }, "bad sizes")
  }
  return 0
}

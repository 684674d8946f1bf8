// FuzzNumberList: the whitespace/comma/newline-separated number files (`--data FILE`).
import Resample

/// libFuzzer's entry point: parses `data` as a number list; every value it returns must be finite.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzNumberList(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
  let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: count)) } ?? []
  if let values = try? NumberList.parse(bytes, source: "fuzz") {
    precondition(values.allSatisfy(\.isFinite), "NumberList returned a non-finite value")
  }
  return 0
}

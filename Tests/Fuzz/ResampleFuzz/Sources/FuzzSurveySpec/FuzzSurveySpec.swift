// FuzzSurveySpec: `resample compare --spec FILE` (a JSON list of questions and segments).
import Resample

/// libFuzzer's entry point: parses `data` as a compare spec file.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSurveySpec(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
  let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: count)) } ?? []
  _ = try? SurveySpec.parse(bytes, source: "fuzz")
  return 0
}

// FuzzBenchmarkInput: bench-diff's format detection and every benchmark format reader.
import Resample

/// libFuzzer's entry point.
///
/// It parses `data` once with format detection and once forced to each
/// format (`BenchmarkInputFormat.allCases`, so readers added later are fuzzed too). Every value
/// read must be finite and ≥ 0, as `BenchmarkInput.parse` documents.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzBenchmarkInput(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
  let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: count)) } ?? []
  _ = try? BenchmarkInput.detectFormat(bytes, source: "fuzz")
  for format in [nil] + BenchmarkInputFormat.allCases.map(Optional.some) {
    guard let set = try? BenchmarkInput.parse(bytes, source: "fuzz", format: format) else {
      continue
    }
    for b in set.benchmarks {
      precondition(b.values.allSatisfy { $0.isFinite && $0 >= 0 }, "bad value in \(b.name)")
    }
  }
  return 0
}

// HugePageArray.swift: zero-filled arrays of replicates whose pages are backed by huge pages.
import _Platform

extension Array where Element: BitwiseCopyable {
  /// A zero-filled array of `count` elements; when it spans several megabytes, its memory is
  /// advised as transparent huge pages (`madvise(MADV_HUGEPAGE)`) before it is first touched.
  ///
  /// Replicate arrays (B values, B × m statistics) are written once, so their cost in a fresh
  /// process is mostly page faults: 12 MiB of 4 KiB pages is ≈ 3,000 faults (≈ 5 ms on the
  /// reference machine), 2 MiB pages make it six. Where huge pages are off or unsupported the
  /// advice is ignored and nothing else changes.
  ///
  /// For `count` 0 this is `[]`: `init(unsafeUninitializedCapacity: 0)` would store the count
  /// into Swift's shared empty-array singleton, a write that races (and that the thread
  /// sanitizer reports) when two bootstraps run at once.
  ///
  /// - Parameter count: the number of elements (≥ 0).
  /// - Complexity: O(count).
  init(zeroedHugePageCount count: Int) {
    guard count > 0 else {
      self.init()
      return
    }
    self.init(unsafeUninitializedCapacity: count) { buffer, initialized in
      let raw = UnsafeMutableRawBufferPointer(buffer)
      #if os(Linux)
        let page = 4096
        let huge = 2 << 20
        if raw.count >= 2 * huge, let base = raw.baseAddress {
          let start = (Int(bitPattern: base) + page - 1) & ~(page - 1)
          let end = (Int(bitPattern: base) + raw.count) & ~(page - 1)
          if end > start, let p = UnsafeMutableRawPointer(bitPattern: start) {
            _ = madvise(p, end - start, MADV_HUGEPAGE)
          }
        }
      #endif
      if let base = raw.baseAddress { memset(base, 0, raw.count) }
      initialized = count
    }
  }
}

// Platform.swift: the Linux-only paths (/proc) behind one small interface.

/// What the operating system tells the process about itself, where it differs between Linux
/// and other systems.
///
/// Linux exposes both facts as files under `/proc`. On macOS (and any system without `/proc`)
/// ``selfExecutablePath`` is `nil` and ``cpuInfoPath`` is `nil`, so ``cpuFlags(cpuInfoPath:)``
/// returns an empty set: the CLI's BLAS kernel policy (re-executing with `OPENBLAS_CORETYPE`,
/// which only Debian's OpenBLAS on recent Intel CPUs needs) then does nothing, and
/// `resample doctor` reports no recommended kernel.
package enum Platform {
  /// A path that executes this very program again: `/proc/self/exe` on Linux (exact even when
  /// the program was found through `PATH` or by a relative path); `nil` elsewhere.
  package static var selfExecutablePath: String? {
    #if os(Linux)
      return "/proc/self/exe"
    #else
      return nil
    #endif
  }

  /// The file describing the CPUs: `/proc/cpuinfo` on Linux; `nil` elsewhere.
  package static var cpuInfoPath: String? {
    #if os(Linux)
      return "/proc/cpuinfo"
    #else
      return nil
    #endif
  }

  /// The instruction-set flags of the first CPU listed in `cpuInfoPath` (its `flags` line on
  /// x86, `Features` on ARM), or an empty set when there is no such file or it cannot be read.
  ///
  /// - Parameter cpuInfoPath: the file to read (default ``cpuInfoPath``).
  /// - Complexity: reads the file up to the first flags line.
  package static func cpuFlags(cpuInfoPath path: String? = cpuInfoPath) -> Set<String> {
    guard let path, let f = fopen(path, "r") else { return [] }
    defer { fclose(f) }
    var line: UnsafeMutablePointer<CChar>? = nil
    var capacity = 0
    defer { free(line) }
    while getline(&line, &capacity, f) > 0 {
      guard let line else { break }
      let s = String(cString: line)
      guard s.hasPrefix("flags") || s.hasPrefix("Features"),
        let colon = s.firstIndex(of: ":")
      else { continue }
      return Set(
        s[s.index(after: colon)...].split(whereSeparator: { $0 == " " || $0 == "\n" })
          .map(String.init))
    }
    return []
  }
}

// Traits.swift: the tags and conditions the test suites share (not public API).
import Foundation
import Testing

extension Tag {
  /// Slow statistical-property tests (coverage, level under the null, family-wise error, large
  /// simulations).
  ///
  /// `scripts/test.sh` runs them in their own pass; see `scripts/test-suites.sh`.
  @Tag public static var statistical: Self
}

/// The full path of the executable `name` on `PATH` (or in `/usr/bin`, `/usr/local/bin`), or nil.
///
/// Use it in a trait so a test that needs the tool shows as skipped, with the reason, when it is
/// missing: `@Test(.enabled(if: installedExecutable("hyperfine") != nil, "hyperfine is not installed"))`.
public func installedExecutable(_ name: String) -> String? {
  let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
  let folders = path.split(separator: ":").map(String.init) + ["/usr/bin", "/usr/local/bin"]
  return folders.map { URL(fileURLWithPath: $0).appendingPathComponent(name).path }
    .first { FileManager.default.isExecutableFile(atPath: $0) }
}

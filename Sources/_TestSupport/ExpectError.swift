// ExpectError.swift: one check for "this call throws, and the message says where and why"
// (not public API).
import Testing

/// Expects `body` to throw an `E` whose description contains every one of `fragments`, records an
/// issue at the caller otherwise (nothing thrown, another error type, a fragment missing), and
/// returns the error for any further check.
///
/// `InputError.invalidData(source:reason:)` describes itself as `"source: reason"`, so
/// `expectError(InputError.self, mentioning: "c.csv line 3: ", "oops") { … }` checks both parts.
@discardableResult
public func expectError<E: Error & CustomStringConvertible, R>(
  _ type: E.Type, mentioning fragments: String...,
  sourceLocation: SourceLocation = #_sourceLocation,
  performing body: () throws -> R
) -> E? {
  let error = #expect(throws: type, sourceLocation: sourceLocation) { _ = try body() }
  guard let error else { return nil }
  for fragment in fragments where !error.description.contains(fragment) {
    Issue.record(
      "the error \"\(error.description)\" does not mention \"\(fragment)\"",
      sourceLocation: sourceLocation)
  }
  return error
}

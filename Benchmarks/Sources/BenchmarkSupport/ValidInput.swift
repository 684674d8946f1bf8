// ValidInput.swift: constructing benchmark inputs whose arguments are constants known to be valid.

/// The value of a constructor whose arguments are constants known to be valid.
///
/// - Parameter make: the throwing constructor.
/// - Returns: its value; an error is a mistake in the benchmark and stops it
///   (`preconditionFailure` with the error).
@inlinable
public func valid<T>(_ make: () throws -> T) -> T {
  do { return try make() } catch { preconditionFailure("invalid benchmark input: \(error)") }
}

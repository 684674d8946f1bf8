// InputError.swift: the one error type for invalid arguments and data at public entry points.

/// An argument or data value that a public entry point cannot accept.
///
/// Every statistical entry point validates its inputs first and throws this error, naming the
/// parameter (or data source) and what was expected, in the style of SciPy's
/// "`n_resamples` must be a non-negative integer". The CLI prints ``description`` on one line
/// to standard error and exits with status 64 (`EX_USAGE`).
///
/// Degenerate but valid data is *not* an error: results carry diagnostics instead.
public enum InputError: Error, Equatable, Sendable, CustomStringConvertible {
  /// A parameter has a value outside its domain.
  ///
  /// - Parameters:
  ///   - name: the parameter's name as the caller spells it (`"df"`, `"--table"`).
  ///   - value: the offending value, rendered for a human.
  ///   - expected: what would have been accepted (`"a finite number > 0"`).
  case invalidParameter(name: String, value: String, expected: String)

  /// Data read from a source (a file, a table literal) is malformed.
  ///
  /// - Parameters:
  ///   - source: where the data came from (`"data.csv line 7"`, `"--table row 2"`).
  ///   - reason: what is wrong with it.
  case invalidData(source: String, reason: String)

  /// A computation was asked for something too large to do within the stated limits.
  case tooLarge(what: String, limit: String)

  public var description: String {
    switch self {
    case .invalidParameter(let name, let value, let expected):
      return "invalid \(name) '\(value)': expected \(expected)"
    case .invalidData(let source, let reason):
      return "\(source): \(reason)"
    case .tooLarge(let what, let limit):
      return "\(what) is too large (limit: \(limit))"
    }
  }
}

extension InputError {
  /// Throws unless `value` is finite.
  @inlinable
  public static func requireFinite(_ value: Double, _ name: String) throws {
    guard value.isFinite else {
      throw InputError.invalidParameter(name: name, value: "\(value)", expected: "a finite number")
    }
  }

  /// Throws unless `value` is finite and strictly positive.
  @inlinable
  package static func requirePositive(_ value: Double, _ name: String) throws {
    guard value.isFinite, value > 0 else {
      throw InputError.invalidParameter(
        name: name, value: "\(value)", expected: "a finite number > 0")
    }
  }

  /// Throws unless `value` is a probability in [0, 1].
  @inlinable
  public static func requireProbability(_ value: Double, _ name: String) throws {
    guard value >= 0, value <= 1 else {
      throw InputError.invalidParameter(
        name: name, value: "\(value)", expected: "a probability in [0, 1]")
    }
  }

  /// Throws unless the integer `value` lies in `range` (for counts, sizes and indices).
  ///
  /// - Parameter rangeText: how the range reads in the message (default `lo...hi`), e.g. `"0...2^53"`.
  @inlinable
  package static func requireInteger(
    _ value: Int, in range: ClosedRange<Int>, _ name: String, rangeText: String? = nil
  ) throws {
    guard range.contains(value) else {
      let text =
        rangeText
        ?? (range.upperBound == Int.max
          ? "≥ \(range.lowerBound)" : "in \(range.lowerBound)...\(range.upperBound)")
      throw InputError.invalidParameter(
        name: name, value: "\(value)", expected: "an integer \(text)")
    }
  }

  /// The integer a `Double` from user input stands for: the one checked conversion from `Double`
  /// to `Int` on every path that input reaches (`Int(someDouble)` traps on NaN, ±∞ and values
  /// beyond ±2⁶³).
  ///
  /// - Parameters:
  ///   - value: the number, e.g. a count read from text.
  ///   - name: the input's name for the message (`"--table row 2"`).
  ///   - range: the accepted integers (default: every `Int`).
  /// - Returns: the integer equal to `value`.
  /// - Throws: `InputError.invalidParameter` unless `value` is a whole number in `range`.
  @inlinable
  public static func checkedInt(
    _ value: Double, _ name: String, in range: ClosedRange<Int> = Int.min...Int.max
  ) throws -> Int {
    guard let i = Int(exactly: value), range.contains(i) else {
      let text =
        range == Int.min...Int.max
        ? "a whole number within ±9.2e18"
        : "a whole number in \(range.lowerBound)...\(range.upperBound)"
      throw InputError.invalidParameter(name: name, value: "\(value)", expected: text)
    }
    return i
  }

  /// Throws `invalidParameter` unless `value` is a replicate count B of at least `minimum`.
  @inlinable
  public static func requireReplicates(_ value: Int, minimum: Int = 1) throws {
    guard value >= minimum else {
      throw InputError.invalidParameter(
        name: "replicates", value: "\(value)", expected: "an integer ≥ \(minimum)")
    }
  }

  /// Throws unless `value` is a confidence level in (0, 1).
  @inlinable
  public static func requireLevel(_ value: Double, _ name: String = "level") throws {
    guard value > 0, value < 1 else {
      throw InputError.invalidParameter(
        name: name, value: "\(value)", expected: "a confidence level strictly between 0 and 1")
    }
  }

  /// Throws `invalidParameter` unless `value` is a significance level strictly between 0 and 1.
  ///
  /// - Parameters:
  ///   - value: the significance level α.
  ///   - name: the parameter's name in the message (default `alpha`).
  public static func requireSignificanceLevel(_ value: Double, _ name: String = "alpha") throws {
    guard value > 0, value < 1 else {
      throw InputError.invalidParameter(
        name: name, value: "\(value)", expected: "a significance level in (0, 1)")
    }
  }
}

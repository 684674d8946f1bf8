// TestResult.swift: the vocabulary every test and interval result of the library shares.

/// The result of a hypothesis test, in the words every test of the library uses.
///
/// Each test keeps its own result type (a struct with the test's specific quantities: residuals,
/// odds ratios, null distributions); conforming to this protocol gives every one of them the same
/// five names, so that code reporting "a test" (the CLI, a notebook, a simulation study) needs no
/// per-test switch:
///
/// - ``testStatistic``: the value of the statistic the p-value is computed from (NaN for tests
///   without one, such as Fisher's exact test, whose p-value is a sum over tables);
/// - ``pValue`` for ``alternative``;
/// - ``method``: a closed enum naming how the p-value was computed (its `rawValue` is the name
///   used in JSON output);
/// - ``diagnostics``: typed conditions the user should know about (never free strings), each with
///   a one-line `description`.
///
/// Adjusted p-values, where a result has them, are called `pAdjusted` everywhere.
public protocol HypothesisTestResult: Sendable {
  /// How the p-value was computed.
  associatedtype Method: RawRepresentable & Sendable where Method.RawValue == String
  /// The kind of condition the test reports.
  associatedtype Diagnostic: CustomStringConvertible & Sendable

  /// The observed value of the test statistic (NaN when the test has none, or it is undefined).
  var testStatistic: Double { get }
  /// The p-value for ``alternative``.
  var pValue: Double { get }
  /// The alternative hypothesis the p-value is for.
  var alternative: Alternative { get }
  /// How the p-value was computed.
  var method: Method { get }
  /// Conditions worth reporting with the result (small expected counts, undefined statistics).
  var diagnostics: [Diagnostic] { get }
}

/// A confidence interval, in the words every interval of the library uses: its ``level``, its
/// bounds ``lower`` ≤ ``upper`` (an infinite bound for a one-sided interval), and the ``method``
/// that computed it.
public protocol IntervalEstimate: Sendable {
  /// How the interval was computed.
  associatedtype Method: RawRepresentable & Sendable where Method.RawValue == String

  /// The confidence level, in (0, 1).
  var level: Double { get }
  /// The lower bound (−∞ for an interval open below).
  var lower: Double { get }
  /// The upper bound (+∞ for an interval open above).
  var upper: Double { get }
  /// How the interval was computed.
  var method: Method { get }
}

extension IntervalEstimate {
  /// True when `value` lies in the closed interval.
  public func covers(_ value: Double) -> Bool { value >= lower && value <= upper }
}

/// The diagnostic type of a test that reports none (it has no cases).
public enum NoDiagnostic: CustomStringConvertible, Sendable, Equatable, Hashable {
  public var description: String {
    switch self {}
  }
}

// MonteCarloPrinting.swift: how every command prints a Monte Carlo p-value, as an estimate ± its
// standard error, or, when no simulated statistic was as extreme as the observed one, as the
// bound p < 1/(B + 1) it really is (issue 13).
import Resample

/// How a printed p-value is to be read.
enum PValueBound: String {
  /// The p-value is only known to be below the printed value.
  case upper

  /// `.upper` for a p-value that is only an upper bound, else nil.
  init?(isUpperBound: Bool) {
    guard isUpperBound else { return nil }
    self = .upper
  }

  /// The JSON field `"p_value_bound"`: `"upper"`, or null for an estimate (or no Monte Carlo).
  static func field(_ bound: PValueBound?) -> (String, JSON) {
    ("p_value_bound", bound.map { .string($0.rawValue) } ?? .null)
  }

  /// The CSV cell under `mc_p_value_bound`: `upper` or empty.
  static func csv(_ bound: PValueBound?) -> String { bound?.rawValue ?? "" }

  /// A p-value in text: `< 1.000e-05` when it is a bound, else as ``fmtP(_:)`` prints it.
  static func text(_ p: Double, _ bound: PValueBound?) -> String {
    bound == .upper ? "< \(fmtP(p))" : fmtP(p)
  }
}

/// A Monte Carlo p-value as the CLI prints it: the conventional `(1 + k)/(B + 1)`, its Monte Carlo
/// standard error, and whether it is only an upper bound (k = 0).
struct MonteCarloPrinting {
  /// The conventional p-value (for a bound, the bound itself).
  var pValue: Double
  /// √(p(1 − p)/B).
  var standardError: Double
  /// B.
  var replicates: Int
  /// `.upper` when no simulated statistic was as extreme as the observed one, else nil.
  var bound: PValueBound?
  /// The bound is `sides/(B + 1)`: 2 for a two-sided permutation p (twice the one-sided).
  var sides = 1

  /// The printing of a Monte Carlo p-value of chisq or fisher.
  init(_ mc: MonteCarloPValue) {
    pValue = mc.pValue
    standardError = mc.standardError
    replicates = mc.replicates
    bound = PValueBound(isUpperBound: mc.isUpperBound)
  }

  /// The printing of a permutation test's p-value (never a bound when exact).
  init(_ r: PermutationTestResult) {
    pValue = r.pValue
    standardError = r.monteCarloError
    replicates = r.replicates
    bound = PValueBound(isUpperBound: r.isUpperBound)
    sides = r.alternative == .twoSided ? 2 : 1
  }

  /// Text: `< 1.000e-05` for a bound, else `p ± se`.
  var text: String {
    bound == .upper
      ? PValueBound.text(pValue, bound) : "\(fmtP(pValue)) ± \(fmt(standardError, digits: 2))"
  }

  /// The warning that says the bound in words, or nil for an estimate.
  ///
  /// - Parameters:
  ///   - drawn: what was simulated, singular (`"table"`, `"arrangement"`).
  ///   - option: the option that sets B (`"--monte-carlo"`, `"--replicates"`).
  func warning(drawn: String, option: String) -> String? {
    guard bound == .upper else { return nil }
    return "no simulated \(drawn) was as extreme as the observed one in B = \(replicates): "
      + "p < \(sides)/(B+1) = \(fmtP(pValue)); raise \(option) for a sharper bound"
  }
}

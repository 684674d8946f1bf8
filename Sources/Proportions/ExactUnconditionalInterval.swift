// ExactUnconditionalInterval.swift: Chan and Zhang's exact unconditional interval for p₁ − p₂
// and Barnard's exact unconditional score test of p₁ = p₂ (SciPy's barnard_exact, pooled).
import Distributions
import ResampleCore
import SpecialFunctions
import _Platform

/// An exact unconditional interval for p₁ − p₂ or test of p₁ = p₂, with how the nuisance
/// proportion was maximized.
public struct ExactUnconditionalResult: Sendable, Equatable, Hashable {
  /// Chan and Zhang's interval (two one-sided exact score tests, each at (1 − level)/2; one-sided
  /// for a one-sided alternative).
  public var interval: ProportionInterval
  /// Barnard's exact unconditional p-value of p₁ = p₂ with the pooled score statistic, for the
  /// alternative (SciPy `barnard_exact(pooled=True)`).
  public var pValue: Double
  /// The alternative of ``pValue`` and of a one-sided ``interval``.
  public var alternative: Alternative
  /// Number of evenly spaced nuisance values tried before the best is refined by golden-section
  /// search.
  public var nuisanceGrid: Int
}

/// Limits of ``exactUnconditional(x1:n1:x2:n2:level:alternative:)``.
public enum ExactUnconditionalDefaults {
  /// Evenly spaced values of the nuisance proportion p₂ tried before refining the best one.
  public static let nuisanceGrid = 1_000
  /// The largest number of tables (n₁ + 1)(n₂ + 1) enumerated (seconds of work); larger samples
  /// get no exact unconditional result (the asymptotic score interval is then accurate).
  public static let maximumTables = 40_000
}

/// Chan and Zhang's exact unconditional confidence interval for p₁ − p₂ and Barnard's exact
/// unconditional test of p₁ = p₂.
///
/// For a null difference δ, every table (y₁, y₂) gets the score statistic z(δ) of Farrington and
/// Manning (Miettinen–Nurminen without the N/(N − 1) factor; 0 where its variance is 0 and its
/// numerator too). The exact p-value of the upper tail is the largest, over the nuisance p₂ with
/// p₂ and p₂ + δ in [0, 1], of P(z(δ) ≥ z_obs(δ)) under two binomials (the lower tail alike,
/// and the two-sided test uses |z|); a table whose statistic equals the observed one to a
/// relative 10⁻¹⁰ counts as at least as extreme. The maximum is taken over
/// ``ExactUnconditionalDefaults/nuisanceGrid`` evenly spaced p₂ and refined by golden-section
/// search around the best one: like every implementation (R `exact2x2`, StatXact), it is a
/// numerical maximum of a polynomial, not a closed form. The lower limit is where the upper
/// tail's p-value crosses (1 − level)/2 (found by bisection in δ, to 10⁻¹²), the upper limit
/// where the lower tail's does (Chan and Zhang's "two one-sided tests"). Barnard's p-value is
/// the test at δ = 0, where the statistic is the pooled z of SciPy's `barnard_exact`.
///
/// - Parameters:
///   - x1, n1: successes and trials of the first sample.
///   - x2, n2: successes and trials of the second sample.
///   - level: confidence level, in (0, 1).
///   - alternative: `greater` gives [lower, 1] at 1 − level and tests p₁ > p₂; `less` gives
///     [−1, upper] and tests p₁ < p₂.
/// - Returns: the interval and Barnard's p-value.
/// - Throws: `InputError` for counts outside 0 ≤ x ≤ n, n ≥ 1, a level outside (0, 1), or more
///   than ``ExactUnconditionalDefaults/maximumTables`` tables.
/// - Complexity: O(n₁n₂) statistics per δ plus O(G (n₁ + n₂)) per nuisance search (G the grid),
///   about 45 δ per limit.
///
/// References: Chan, I. S. F. and Zhang, Z. (1999), Test-based exact confidence intervals for
/// the difference of two binomial proportions, *Biometrics* 55, 1202–1209; Barnard, G. A.
/// (1945), A new test for 2×2 tables, *Nature* 156, 177; Farrington, C. P. and Manning, G.
/// (1990), *Statistics in Medicine* 9, 1447–1454; Fagerland, M. W., Lydersen, S. and Laake, P.
/// (2015), *Statistical Methods in Medical Research* 24, 224–254.
public func exactUnconditional(
  x1: Int, n1: Int, x2: Int, n2: Int, level: Double = 0.95, alternative: Alternative = .twoSided
) throws -> ExactUnconditionalResult {
  try validateUnconditional(x1, n1, x2, n2)
  try InputError.requireLevel(level)
  let space = UnconditionalTableSpace(x1: x1, n1: n1, x2: x2, n2: n2)
  let alpha = tailProbability(level: level, alternative: alternative)
  let d = Double(x1) / Double(n1) - Double(x2) / Double(n2)
  var lower = -1.0
  var upper = 1.0
  if alternative != .less {
    lower = space.limit(from: d, towards: -1, alpha: alpha, tail: .upper)
  }
  if alternative != .greater {
    upper = space.limit(from: d, towards: 1, alpha: alpha, tail: .lower)
  }
  return ExactUnconditionalResult(
    interval: ProportionInterval(lower: lower, upper: upper, level: level),
    pValue: space.barnardPValue(alternative), alternative: alternative,
    nuisanceGrid: ExactUnconditionalDefaults.nuisanceGrid)
}

/// Barnard's exact unconditional test of p₁ = p₂ with the pooled score statistic (SciPy's
/// `barnard_exact(pooled=True)`): the largest, over the common proportion, of the probability of
/// the tables at least as extreme as the observed; the p-value of
/// ``exactUnconditional(x1:n1:x2:n2:level:alternative:)`` without its interval.
///
/// - Parameters:
///   - x1, n1, x2, n2: the counts.
///   - alternative: `greater` is p₁ > p₂, `less` p₁ < p₂.
/// - Returns: the p-value.
/// - Throws: `InputError` as ``exactUnconditional(x1:n1:x2:n2:level:alternative:)``.
/// - Complexity: O(n₁n₂ + G (n₁ + n₂)) for the nuisance grid G.
public func barnardExactTest(
  x1: Int, n1: Int, x2: Int, n2: Int, alternative: Alternative = .twoSided
) throws -> Double {
  try validateUnconditional(x1, n1, x2, n2)
  return UnconditionalTableSpace(x1: x1, n1: n1, x2: x2, n2: n2).barnardPValue(alternative)
}

/// Checks the counts and the size of the enumeration.
private func validateUnconditional(_ x1: Int, _ n1: Int, _ x2: Int, _ n2: Int) throws {
  try validateCounts(x1, n1, "x1", "n1")
  try validateCounts(x2, n2, "x2", "n2")
  let tables = (n1 + 1).multipliedReportingOverflow(by: n2 + 1)
  guard !tables.overflow, tables.partialValue <= ExactUnconditionalDefaults.maximumTables else {
    throw InputError.tooLarge(
      what: "the exact unconditional enumeration of (n1 + 1)(n2 + 1) tables for n1 = \(n1), "
        + "n2 = \(n2)",
      limit: "\(ExactUnconditionalDefaults.maximumTables) tables")
  }
}

/// Every 2×2 table of two binomial samples of sizes n₁, n₂, with the observed one: the score
/// statistic of each, the tail sets and their largest probability over the nuisance parameter.
struct UnconditionalTableSpace {
  /// Which tables count as at least as extreme as the observed one.
  enum Tail { case upper, lower, both }

  let x1: Int
  let n1: Int
  let x2: Int
  let n2: Int
  /// log C(n₁, k) and log C(n₂, k).
  let logChoose1: [Double]
  let logChoose2: [Double]

  init(x1: Int, n1: Int, x2: Int, n2: Int) {
    (self.x1, self.n1, self.x2, self.n2) = (x1, n1, x2, n2)
    func logChoose(_ n: Int) -> [Double] {
      let lf = SpecialFunctions.logFactorialTable(through: n)
      return (0...n).map { k in lf[n] - lf[k] - lf[n - k] }
    }
    logChoose1 = logChoose(n1)
    logChoose2 = logChoose(n2)
  }

  /// Farrington and Manning's z(δ) for (y₁, y₂): 0 for 0/0, ±∞ for a non-zero numerator over a
  /// zero variance.
  func statistic(_ y1: Int, _ y2: Int, delta: Double) -> Double {
    let z = miettinenNurminenStatistic(
      x1: Double(y1), n1: Double(n1), x2: Double(y2), n2: Double(n2), delta: delta,
      varianceCorrection: false)
    if !z.isNaN { return z }
    let numerator = Double(y1) / Double(n1) - Double(y2) / Double(n2) - delta
    return numerator == 0 ? 0 : numerator > 0 ? .infinity : -.infinity
  }

  /// For each y₂, the runs [start, end] of y₁ whose table is at least as extreme as the observed.
  func tailRuns(delta: Double, tail: Tail) -> [[ClosedRange<Int>]] {
    let observed = statistic(x1, x2, delta: delta)
    let tolerance = 1e-10 * max(1, abs(observed.isFinite ? observed : 0))
    func extreme(_ z: Double) -> Bool {
      switch tail {
      case .upper: return z >= observed - tolerance
      case .lower: return z <= observed + tolerance
      case .both: return abs(z) >= abs(observed) - tolerance
      }
    }
    return (0...n2).map { y2 in
      var runs: [ClosedRange<Int>] = []
      var start: Int? = nil
      for y1 in 0...n1 {
        if extreme(statistic(y1, y2, delta: delta)) {
          if start == nil { start = y1 }
        } else if let s = start {
          runs.append(s...(y1 - 1))
          start = nil
        }
      }
      if let s = start { runs.append(s...n1) }
      return runs
    }
  }

  /// Fills `into` with the Binomial(n, p) probabilities of 0...n from the log binomial
  /// coefficients.
  static func binomial(_ logChoose: [Double], _ p: Double, into out: inout [Double]) {
    let n = logChoose.count - 1
    if p <= 0 || p >= 1 {
      for k in 0...n { out[k] = 0 }
      out[p <= 0 ? 0 : n] = 1
      return
    }
    let lp = log(p)
    let lq = log1p(-p)
    for k in 0...n { out[k] = exp(logChoose[k] + Double(k) * lp + Double(n - k) * lq) }
  }

  /// Reusable buffers of ``probability(_:p2:delta:scratch:)``.
  struct Scratch {
    var b1: [Double]
    var b2: [Double]
    var cumulative: [Double]
    init(n1: Int, n2: Int) {
      b1 = [Double](repeating: 0, count: n1 + 1)
      b2 = [Double](repeating: 0, count: n2 + 1)
      cumulative = [Double](repeating: 0, count: n1 + 2)
    }
  }

  /// P(tail) when p₂ = `p2` and p₁ = p₂ + δ.
  func probability(
    _ runs: [[ClosedRange<Int>]], p2: Double, delta: Double, scratch: inout Scratch
  ) -> Double {
    Self.binomial(logChoose1, min(1, max(0, p2 + delta)), into: &scratch.b1)
    Self.binomial(logChoose2, p2, into: &scratch.b2)
    for k in 0...n1 { scratch.cumulative[k + 1] = scratch.cumulative[k] + scratch.b1[k] }
    var total = 0.0
    for y2 in 0...n2 where !runs[y2].isEmpty {
      var inner = 0.0
      for run in runs[y2] {
        inner += scratch.cumulative[run.upperBound + 1] - scratch.cumulative[run.lowerBound]
      }
      total += scratch.b2[y2] * inner
    }
    return total
  }

  /// Barnard's p-value: the test at δ = 0 (the pooled statistic), at most 1.
  func barnardPValue(_ alternative: Alternative) -> Double {
    let tail: Tail =
      switch alternative {
      case .twoSided: .both
      case .greater: .upper
      case .less: .lower
      }
    return min(1, pValue(delta: 0, tail: tail))
  }

  /// The largest P(tail) over the nuisance p₂ ∈ [max(0, −δ), min(1, 1 − δ)]: the best of the
  /// grid, refined by golden-section search between its neighbours.
  func pValue(delta: Double, tail: Tail) -> Double {
    let runs = tailRuns(delta: delta, tail: tail)
    var scratch = Scratch(n1: n1, n2: n2)
    func probability(_ p2: Double) -> Double {
      self.probability(runs, p2: p2, delta: delta, scratch: &scratch)
    }
    let a = max(0, -delta)
    let b = min(1, 1 - delta)
    let g = ExactUnconditionalDefaults.nuisanceGrid
    var best = -1.0
    var bestIndex = 0
    for j in 0..<g {
      let p = a + (b - a) * Double(j) / Double(g - 1)
      let v = probability(p)
      if v > best { (best, bestIndex) = (v, j) }
    }
    var lo = a + (b - a) * Double(max(0, bestIndex - 1)) / Double(g - 1)
    var hi = a + (b - a) * Double(min(g - 1, bestIndex + 1)) / Double(g - 1)
    let ratio = (5.0.squareRoot() - 1) / 2
    var c = hi - ratio * (hi - lo)
    var e = lo + ratio * (hi - lo)
    var fc = probability(c)
    var fe = probability(e)
    for _ in 0..<60 {
      if fc > fe {
        (hi, e, fe) = (e, c, fc)
        c = hi - ratio * (hi - lo)
        fc = probability(c)
      } else {
        (lo, c, fc) = (c, e, fe)
        e = lo + ratio * (hi - lo)
        fe = probability(e)
      }
    }
    return max(best, fc, fe)
  }

  /// The confidence limit between the estimate `d` and `bound`: the δ where the one-sided exact
  /// p-value (`tail`) crosses `alpha`, to 10⁻¹² (`bound` when no δ is rejected).
  ///
  /// The crossing is bracketed between an accepted δ (p > alpha) and a rejected one, and the
  /// bracket shrinks by false position with the Illinois modification, falling back to bisection
  /// whenever a step removes less than half of it (the p-value jumps where the tail set changes):
  /// about a dozen evaluations instead of bisection's forty.
  func limit(from d: Double, towards bound: Double, alpha: Double, tail: Tail) -> Double {
    if d == bound { return bound }
    // The bound itself is degenerate (p₂ and p₁ fixed at 0 or 1): test next to it.
    let nearBound = bound + (d - bound) * 1e-12
    var (r, fr) = (nearBound, pValue(delta: nearBound, tail: tail) - alpha)
    if fr > 0 { return bound }
    var (a, fa) = (d, pValue(delta: d, tail: tail) - alpha)
    if fa <= 0 { return d }
    var side = 0
    while abs(a - r) > 1e-12 {
      let width = abs(a - r)
      var m = a - fa * (r - a) / (fr - fa)
      if !(abs(m - a) < width && abs(m - r) < width) { m = (a + r) / 2 }
      let fm = pValue(delta: m, tail: tail) - alpha
      if fm > 0 {
        (a, fa) = (m, fm)
        if side == 1 { fr /= 2 }
        side = 1
      } else {
        (r, fr) = (m, fm)
        if side == -1 { fa /= 2 }
        side = -1
      }
      if abs(a - r) > width / 2 {
        let mid = (a + r) / 2
        let fmid = pValue(delta: mid, tail: tail) - alpha
        if fmid > 0 { (a, fa) = (mid, fmid) } else { (r, fr) = (mid, fmid) }
        side = 0
      }
    }
    return a
  }
}

// FisherExact2x2.swift: Fisher's exact test on a 2×2 table with the conditional MLE odds ratio.
import ResampleCore
import SpecialFunctions
import _Platform

/// The conditional maximum-likelihood odds ratio of a 2×2 table and its exact confidence
/// interval (R's `fisher.test` estimate and `conf.int`, solved to full double precision).
public struct ConditionalOddsRatio: Sendable, Equatable, Hashable {
  /// The conditional MLE: the θ whose noncentral hypergeometric mean equals the observed a
  /// (0 when a is the smallest possible value, +∞ when it is the largest).
  public var estimate: Double
  /// Lower limit: P_θ(X ≥ a) = (1 − level)/2 (0 when a is the smallest possible value); for a
  /// one-sided interval P_θ(X ≥ a) = 1 − level (`greater`), or 0 (`less`).
  public var lower: Double
  /// Upper limit: P_θ(X ≤ a) = (1 − level)/2 (+∞ when a is the largest possible value); for a
  /// one-sided interval P_θ(X ≤ a) = 1 − level (`less`), or +∞ (`greater`).
  public var upper: Double
  /// The confidence level.
  public var level: Double
}

/// The noncentral hypergeometric distribution of the top-left cell of a 2×2 table given its
/// margins, with the log-weights kept relative to the mode for accuracy.
struct NoncentralHypergeometric {
  /// Smallest and largest possible top-left count.
  let lo: Int
  let hi: Int
  /// log of the central (θ = 1) probabilities up to a common constant, for lo...hi.
  let logWeights: [Double]
  /// Whether the log-weights are concave in the count (the hypergeometric's are), so that the
  /// most probable count at any θ is found by bisection instead of a scan of the support.
  var isLogConcave = false

  /// - Parameters: `m` first-column total, `n` second-column total, `k` first-row total.
  init(m: Int, n: Int, k: Int) {
    lo = max(0, k - n)
    hi = min(k, m)
    // Ratio of consecutive hypergeometric terms, accumulated in logs from the mode, so every
    // weight is accurate relative to the largest one (no cancellation of big log-factorials).
    let count = hi - lo + 1
    var w = [Double](repeating: 0, count: count)
    let mode = min(hi, max(lo, Int((Double(k + 1) * Double(m + 1) / Double(m + n + 2)))))
    var acc = 0.0
    var s = mode
    while s < hi {
      let num = Double(m - s) * Double(k - s)
      let den = Double(s + 1) * Double(n - k + s + 1)
      acc += log(num / den)
      s += 1
      w[s - lo] = acc
    }
    acc = 0
    s = mode
    while s > lo {
      // d[s−1]/d[s] = s (n − k + s) / ((m − s + 1)(k − s + 1))
      let num = Double(s) * Double(n - k + s)
      let den = Double(m - s + 1) * Double(k - s + 1)
      acc += log(num / den)
      s -= 1
      w[s - lo] = acc
    }
    logWeights = w
    isLogConcave = true
  }

  /// Probabilities for lo...hi at log odds ratio `t`.
  /// - Complexity: O(hi − lo).
  func probabilities(logTheta t: Double) -> [Double] {
    let w = windowedProbabilities(logTheta: t)
    var d = [Double](repeating: 0, count: logWeights.count)
    for (i, v) in w.values.enumerated() { d[w.first + i] = v }
    return d
  }

  /// The probabilities at log odds ratio `t` that can be non-zero, from support index `first` on.
  ///
  /// They are those whose log-weight is within 746 of the largest (e⁻⁷⁴⁶ underflows to zero in
  /// double precision). Sums over them equal sums over the whole support, and a total of 10⁷ or
  /// more costs a few hundred thousand `exp`s instead of 10⁷ (the support's width grows like N,
  /// the window like √N).
  /// - Complexity: O(window + log(hi − lo)) for log-concave weights (the hypergeometric's), else
  ///   O(hi − lo) additions and comparisons; O(window) exponentials.
  func windowedProbabilities(logTheta t: Double) -> (first: Int, values: [Double]) {
    func value(_ i: Int) -> Double { logWeights[i] + t * Double(lo + i) }
    var first = 0
    var last = logWeights.count - 1
    var mx = -Double.infinity
    if isLogConcave {
      // The first count whose successor is not larger is the mode; its neighbours are checked
      // too, in case rounding flattened the peak.
      var a = 0
      var b = logWeights.count - 1
      while a < b {
        let m = (a + b) / 2
        if value(m + 1) > value(m) { a = m + 1 } else { b = m }
      }
      for i in max(0, a - 2)...min(logWeights.count - 1, a + 2) { mx = max(mx, value(i)) }
      let floor = mx - 746
      first = a
      while first > 0 && value(first - 1) >= floor { first -= 1 }
      last = a
      while last < logWeights.count - 1 && value(last + 1) >= floor { last += 1 }
    } else {
      for i in logWeights.indices { mx = max(mx, value(i)) }
      let floor = mx - 746
      while first < last && value(first) < floor { first += 1 }
      while last > first && value(last) < floor { last -= 1 }
    }
    var d = [Double](repeating: 0, count: last - first + 1)
    var total = 0.0
    for i in d.indices {
      d[i] = exp(logWeights[first + i] + t * Double(lo + first + i) - mx)
      total += d[i]
    }
    for i in d.indices { d[i] /= total }
    return (first, d)
  }

  /// Mean and variance at log odds ratio `t`.
  func moments(logTheta t: Double) -> (mean: Double, variance: Double) {
    let (first, d) = windowedProbabilities(logTheta: t)
    var mean = 0.0
    for i in d.indices { mean += Double(lo + first + i) * d[i] }
    var v = 0.0
    for i in d.indices {
      let z = Double(lo + first + i) - mean
      v += z * z * d[i]
    }
    return (mean, v)
  }

  /// P(X ≥ x) (upper = true) or P(X ≤ x), and its derivative in t.
  func tail(_ x: Int, upper: Bool, logTheta t: Double) -> (value: Double, slope: Double) {
    let (first, d) = windowedProbabilities(logTheta: t)
    var mean = 0.0
    for i in d.indices { mean += Double(lo + first + i) * d[i] }
    var p = 0.0
    var sx = 0.0
    for i in d.indices where upper ? lo + first + i >= x : lo + first + i <= x {
      p += d[i]
      sx += Double(lo + first + i) * d[i]
    }
    // d/dt E[1{A}] = E[X 1{A}] − P(A) E[X]
    return (p, sx - p * mean)
  }

  /// The conditional maximum-likelihood odds ratio given the observed count `a`, and its exact
  /// interval (R's `fisher.test` and `mantelhaen.test(exact = TRUE)`).
  ///
  /// - Parameters:
  ///   - a: the observed count, in lo...hi.
  ///   - level: the confidence level, in (0, 1).
  ///   - alternative: one-sided intervals put 1 − level in their one tail.
  /// - Complexity: O(hi − lo) per evaluation; the root-finding takes a few dozen evaluations.
  func conditionalOddsRatio(observed a: Int, level: Double, alternative: Alternative)
    -> ConditionalOddsRatio
  {
    let alpha = alternative == .twoSided ? (1 - level) / 2 : 1 - level
    let estimate: Double
    if a == lo {
      estimate = 0
    } else if a == hi {
      estimate = .infinity
    } else {
      let t = solveIncreasing(
        { t in
          let m = moments(logTheta: t)
          return (m.mean, m.variance)
        }, target: Double(a))
      estimate = exp(t)
    }
    let lower: Double
    if a == lo || alternative == .less {
      lower = 0
    } else {
      lower = exp(solveIncreasing({ t in tail(a, upper: true, logTheta: t) }, target: alpha))
    }
    let upper: Double
    if a == hi || alternative == .greater {
      upper = .infinity
    } else {
      let t = solveIncreasing(
        { t in
          let (v, s) = tail(a, upper: false, logTheta: t)
          return (-v, -s)
        }, target: -alpha)
      upper = exp(t)
    }
    return ConditionalOddsRatio(estimate: estimate, lower: lower, upper: upper, level: level)
  }
}

/// Solves f(t) = target for an increasing f, by Newton steps kept inside a bracket that
/// bisection shrinks, to the last bits of t.
func solveIncreasing(_ f: (Double) -> (value: Double, slope: Double), target: Double) -> Double {
  var lo = -1.0
  var hi = 1.0
  var flo = f(lo).value
  while flo > target && lo > -1e4 {
    hi = lo
    lo *= 2
    flo = f(lo).value
  }
  var fhi = f(hi).value
  while fhi < target && hi < 1e4 {
    lo = hi
    hi *= 2
    fhi = f(hi).value
  }
  var t = (lo + hi) / 2
  for _ in 0..<300 {
    let (v, s) = f(t)
    if v == target { return t }
    if v < target { lo = t } else { hi = t }
    if hi - lo <= 2 * max(abs(lo), abs(hi)).ulp { break }
    var next = s > 0 ? t - (v - target) / s : .nan
    if !(next > lo && next < hi) { next = lo + (hi - lo) / 2 }
    if next == t { break }
    t = next
  }
  return t
}

/// Fisher's exact test on a 2×2 table (two-sided: the sum of the probabilities of tables no
/// more probable than the observed, with R's relative tolerance 1 + 10⁻⁷; one-sided: the
/// hypergeometric tail P(X ≤ a) for `less`, P(X ≥ a) for `greater`, odds ratio < 1 or > 1 as
/// R), with the conditional MLE odds ratio and its exact interval (one-sided for a one-sided
/// alternative: [0, upper] or [lower, +∞) with 1 − level in the one tail, as R).
///
/// - Parameters:
///   - table: a 2×2 table.
///   - level: confidence level of the odds-ratio interval, in (0, 1).
///   - alternative: the alternative hypothesis about the odds ratio.
/// - Returns: the p-value and the odds ratio.
/// - Complexity: O(s) per evaluation for s = the support size of the top-left cell; the
///   root-finding takes a few dozen evaluations.
///
/// References: Fisher, R. A. (1935), The logic of inductive inference, *JRSS* 98, 39–82;
/// Cornfield, J. (1956), A statistical problem arising from retrospective studies, *Proc. Third
/// Berkeley Symp.* 4, 135–148 (conditional MLE and exact interval); Agresti, A. (2013),
/// *Categorical Data Analysis*, 3rd ed., §3.5.
func fisherExact2x2(
  _ table: ContingencyTable, level: Double, alternative: Alternative = .twoSided
) -> (
  pValue: Double, oddsRatio: ConditionalOddsRatio
) {
  let a = table[0, 0]
  let m = table.columnSums[0]
  let n = table.columnSums[1]
  let k = table.rowSums[0]
  let dist = NoncentralHypergeometric(m: m, n: n, k: k)
  // Only the window can be non-zero: the sums equal those over the whole support.
  let (first, d) = dist.windowedProbabilities(logTheta: 0)
  let start = dist.lo + first
  var p = 0.0
  switch alternative {
  case .twoSided:
    let observed = (d.indices.contains(a - start) ? d[a - start] : 0) * (1 + 1e-7)
    for v in d where v <= observed { p += v }
  case .less:
    for i in d.indices where start + i <= a { p += d[i] }
  case .greater:
    for i in d.indices where start + i >= a { p += d[i] }
  }
  p = min(1, p)

  return (p, dist.conditionalOddsRatio(observed: a, level: level, alternative: alternative))
}

/// Fisher's exact test for many 2×2 tables `[[x₁, n₁ − x₁], [x₂, n₂ − x₂]]` with totals up to
/// one capacity: the batch path of ``fisherExact2x2(_:level:)``'s p-value, for the enumerations
/// that evaluate thousands of tables (every table consistent with published percentages, exact
/// power, required sizes).
///
/// The log-factorials of `0...capacity` are computed once
/// (``SpecialFunctions/logFactorialTable(through:)``), so each hypergeometric term is nine table
/// look-ups instead of nine log-gamma calls. Two-sided rule, as ``fisherExact2x2(_:level:)`` and
/// R's `fisher.test`: the sum of the probabilities of all tables with the same margins whose
/// probability is at most the observed one times `1 + 10⁻⁷`.
///
/// Reference: R. A. Fisher (1935), "The logic of inductive inference", *JRSS* 98, 39–82;
/// A. Agresti (2013), *Categorical Data Analysis*, 3rd ed., §3.5.
package struct FisherExact2x2Kernel: Sendable {
  /// `logFactorial[k] = log(k!)` for k in 0...capacity.
  package let logFactorial: [Double]

  /// The relative tolerance for "as probable as the observed table" (R's `relErr`).
  package static let relativeTolerance = 1 + 1e-7

  /// - Parameter capacity: the largest table total that will be evaluated.
  /// - Complexity: O(capacity).
  package init(capacity: Int) {
    logFactorial = SpecialFunctions.logFactorialTable(through: capacity)
  }

  /// The largest table total the kernel evaluates.
  package var capacity: Int { logFactorial.count - 1 }

  /// log P(X = k) for the hypergeometric distribution of cell (1,1) given the margins
  /// (row sizes n₁, n₂ and first-column total m).
  @inline(__always)
  package func logProbability(_ k: Int, n1: Int, n2: Int, m: Int) -> Double {
    let lf = logFactorial
    let total = n1 + n2
    return lf[n1] - lf[k] - lf[n1 - k] + lf[n2] - lf[m - k] - lf[n2 - m + k]
      + lf[m] + lf[total - m] - lf[total]
  }

  /// The two-sided p-value for `x1` of `n1` against `x2` of `n2`.
  /// - Precondition: `0 ≤ x1 ≤ n1`, `0 ≤ x2 ≤ n2`, `n1 + n2 ≤ capacity` (callers validate).
  /// - Complexity: O(min(n1, n2) + 1).
  package func twoSidedP(x1: Int, n1: Int, x2: Int, n2: Int) -> Double {
    precondition(x1 >= 0 && x1 <= n1 && x2 >= 0 && x2 <= n2 && n1 + n2 <= capacity)
    let m = x1 + x2
    let lo = max(0, m - n2)
    let hi = min(n1, m)
    if lo == hi { return 1 }
    let observed = logProbability(x1, n1: n1, n2: n2, m: m)
    let threshold = observed + log(Self.relativeTolerance)
    var p = 0.0
    for k in lo...hi {
      let lp = logProbability(k, n1: n1, n2: n2, m: m)
      if lp <= threshold { p += exp(lp) }
    }
    return min(1, p)
  }
}

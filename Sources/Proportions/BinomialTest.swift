// BinomialTest.swift: the exact binomial test of a proportion against p0 (R's binom.test).
import Distributions
import ResampleCore
import _Platform

/// The exact binomial test of H₀: p = p₀ for x successes in n trials, as R's `binom.test` and
/// SciPy's `binomtest`.
///
/// One-sided p-values are tails: `less` P(X ≤ x), `greater` P(X ≥ x). The two-sided p-value
/// orders outcomes by likelihood: the total probability of the outcomes no more probable than the
/// observed one (relative tolerance 1 + 10⁻⁷, R's `relErr`), found on the far side of the mean
/// n·p₀ by bisection, since the probabilities fall monotonically away from the mode; 1 when
/// x = n·p₀.
///
/// - Parameters:
///   - successes: x, in 0...n.
///   - trials: n ≥ 1.
///   - probability: p₀, in [0, 1].
///   - alternative: the alternative hypothesis (p < p₀, p > p₀ or p ≠ p₀).
/// - Returns: the p-value, at most 1.
/// - Throws: `InputError` for counts out of range or p₀ outside [0, 1].
/// - Complexity: O(log n) probability evaluations and two binomial tails.
///
/// References: Clopper, C. J. and Pearson, E. S. (1934), *Biometrika* 26, 404–413; R Core Team,
/// `binom.test` (stats package); Hollander, M., Wolfe, D. A. and Chicken, E. (2014),
/// *Nonparametric Statistical Methods*, 3rd ed., §2.1.
public func binomialTestPValue(
  successes x: Int, trials n: Int, probability p0: Double, alternative: Alternative = .twoSided
) throws -> Double {
  try validateCounts(x, n, "x", "n")
  guard p0 >= 0, p0 <= 1 else {
    throw InputError.invalidParameter(
      name: "p0", value: "\(p0)", expected: "a probability in [0, 1]")
  }
  let dist = try Binomial(trials: n, probability: p0)
  switch alternative {
  case .less: return min(1, dist.cdf(x))
  case .greater: return x == 0 ? 1 : min(1, dist.sf(x - 1))
  case .twoSided: break
  }
  let relErr = 1 + 1e-7
  let d = dist.pmf(x)
  let m = Double(n) * p0
  if Double(x) == m { return 1 }
  let threshold = d * relErr
  if Double(x) < m {
    // y = #{i ≥ ⌈m⌉ : f(i) ≤ threshold}; f is non-increasing on ⌈m⌉...n.
    let start = Int(m.rounded(.up))
    let first = firstIndex(in: start, n + 1) { dist.pmf($0) <= threshold }
    let y = n + 1 - first
    return min(1, dist.cdf(x) + (y > 0 ? dist.sf(n - y) : 0))
  } else {
    // y = #{i ≤ ⌊m⌋ : f(i) ≤ threshold}; f is non-decreasing on 0...⌊m⌋.
    let end = Int(m.rounded(.down))
    let first = firstIndex(in: 0, end + 1) { dist.pmf($0) > threshold }
    let y = first
    return min(1, (y > 0 ? dist.cdf(y - 1) : 0) + dist.sf(x - 1))
  }
}

/// The first index in `lo..<hi` where a monotone predicate turns true (`hi` if never).
/// - Complexity: O(log(hi − lo)) evaluations.
private func firstIndex(in lo: Int, _ hi: Int, _ isTrue: (Int) -> Bool) -> Int {
  var a = lo
  var b = hi
  while a < b {
    let mid = a + (b - a) / 2
    if isTrue(mid) { b = mid } else { a = mid + 1 }
  }
  return a
}

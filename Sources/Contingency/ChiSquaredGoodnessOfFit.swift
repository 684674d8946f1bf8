// ChiSquaredGoodnessOfFit.swift: the χ² goodness-of-fit test of counts against given
// probabilities or expected counts (R chisq.test(x, p =), SciPy chisquare/power_divergence),
// any member of the power-divergence family, ddof, and a multinomial Monte Carlo p-value.
import Distributions
import RandomStreams
import ResampleCore

/// The null distribution of a goodness-of-fit test.
public enum GoodnessOfFitNull: Sendable, Equatable {
  /// Every category equally likely (R's and SciPy's default).
  case uniform
  /// Category probabilities summing to 1 within √ε ≈ 1.5e-8 (R `chisq.test(x, p =)`'s check).
  case probabilities([Double])
  /// Non-negative weights divided by their sum (R's `rescale.p = TRUE`).
  case rescaledProbabilities([Double])
  /// Expected counts summing to the observed total within √ε relative (SciPy's `f_exp` check).
  case expected([Double])
}

/// The result of a goodness-of-fit test of k category counts.
public struct GoodnessOfFitResult: Sendable, Equatable {
  /// The observed counts.
  public var observed: [Int]
  /// The null probabilities (the expected counts divided by their sum).
  public var probabilities: [Double]
  /// The expected counts: N·p (R), or as given.
  public var expected: [Double]
  /// The member of the power-divergence family the statistic is.
  public var powerDivergence: PowerDivergence
  /// The statistic; +∞ or NaN for some zero cells (SciPy's conventions, with a warning).
  public var statistic: Double
  /// Degrees of freedom k − 1 − ddof.
  public var degreesOfFreedom: Int
  /// Parameters estimated from the data (SciPy's `ddof`).
  public var ddof: Int
  /// Upper-tail χ² p-value of ``statistic`` on ``degreesOfFreedom``.
  public var pValue: Double
  /// The multinomial Monte Carlo p-value of Pearson's statistic, when asked for.
  public var monteCarlo: MonteCarloPValue?
  /// Diagnostics (small expected counts, zero cells, a skipped Monte Carlo).
  public var warnings: [TableWarning]
}

/// The χ² goodness-of-fit test: are k observed counts a sample from the given category
/// probabilities? Any member of the Cressie–Read power-divergence family (Pearson by default),
/// degrees of freedom k − 1 − ddof, and optionally a Monte Carlo p-value.
///
/// The statistic and p-value are SciPy's `power_divergence(f_obs, f_exp, ddof, lambda_)` (and
/// for Pearson R's `chisq.test(x, p =)`), including SciPy's conventions for zero cells (see
/// ``PowerDivergence/term(observed:expected:)``): a warning says when they make the statistic
/// infinite (p = 0) or NaN.
///
/// The Monte Carlo p-value is R's `chisq.test(x, p, simulate.p.value = TRUE)`: replicate b draws
/// one multinomial vector of N trials with the null probabilities from stream b of
/// `Philox4x32(seed:stream:)`, and counts when its Pearson statistic is ≥ (1 − 64 ε) times the
/// observed one; p = (1 + k) / (B + 1), independent of the thread count. It treats the
/// probabilities as known (ddof does not enter), as R. It is skipped, with a warning, when the
/// observed statistic is NaN; when it is +∞ (a count where p = 0) no draw reaches it.
///
/// - Parameters:
///   - observed: the counts, k ≥ 2 of them, each ≥ 0, not all zero, total ≤ 2⁵³.
///   - null: the null probabilities or expected counts (uniform by default).
///   - statistic: the power-divergence member (default `.pearson`).
///   - ddof: estimated parameters, 0 ≤ ddof ≤ k − 2 (so that df ≥ 1; SciPy would return a NaN
///     p-value beyond).
///   - monteCarlo: replicates and seed for a Monte Carlo p-value (Pearson's statistic only, as
///     R), or `nil`.
/// - Returns: statistic, df, p-value, expected counts, warnings.
/// - Throws: `InputError` naming the input: negative or all-zero counts, fewer than 2
///   categories, a null of another length, negative or non-finite entries, probabilities not
///   summing to 1, expected counts not summing to N, ddof out of range, Monte Carlo options out
///   of range or with a statistic other than Pearson's.
/// - Complexity: O(k); the Monte Carlo p-value O(B·k) binomial draws spread over the threads.
///
/// References: Pearson, K. (1900), *Phil. Mag.* 50, 157–175; Cressie, N. and Read, T. R. C.
/// (1984), Multinomial goodness-of-fit tests, *JRSS B* 46, 440–464; Hope, A. C. A. (1968),
/// *JRSS B* 30, 582–598.
public func chiSquaredGoodnessOfFit(
  observed: [Int], null: GoodnessOfFitNull = .uniform,
  statistic member: PowerDivergence = .pearson, ddof: Int = 0,
  monteCarlo: MonteCarloOptions? = nil
) throws -> GoodnessOfFitResult {
  let k = observed.count
  guard k >= 2 else {
    throw InputError.invalidData(
      source: "observed", reason: "needs at least 2 categories, got \(k)")
  }
  var total = 0
  for (i, o) in observed.enumerated() {
    guard o >= 0 else {
      throw InputError.invalidData(
        source: "observed", reason: "count \(o) in category \(i + 1) is negative")
    }
    let (s, overflow) = total.addingReportingOverflow(o)
    guard !overflow, s <= BinomialSampler.maximumTrials else {
      throw InputError.tooLarge(what: "the observed total", limit: "2^53")
    }
    total = s
  }
  guard total > 0 else {
    throw InputError.invalidData(source: "observed", reason: "all counts are zero")
  }
  guard ddof >= 0, ddof <= k - 2 else {
    throw InputError.invalidParameter(
      name: "ddof", value: "\(ddof)",
      expected: "an integer in 0...\(k - 2) (df = k - 1 - ddof must be at least 1)")
  }
  if let monteCarlo {
    try monteCarlo.validate()
    guard member == .pearson else {
      throw InputError.invalidParameter(
        name: "monte-carlo", value: "\(monteCarlo.replicates)",
        expected: "Pearson's statistic (as R's simulate.p.value); drop lambda \(member)")
    }
  }
  let n = Double(total)
  let (expected, probabilities) = try nullCounts(null, categories: k, total: n)

  let o = observed.map(Double.init)
  let value = member.statistic(observed: o, expected: expected)
  let df = k - 1 - ddof
  let chi2 = try ChiSquared(degreesOfFreedom: Double(df))
  var warnings: [TableWarning] = []
  let small = expected.filter { $0 < 5 }.count
  if small > 0 {
    warnings.append(
      .smallExpectedCounts(cells: small, of: k, minimum: expected.min() ?? 0))
  }
  if !value.isFinite {
    warnings.append(
      .zeroCellStatistic(
        statistic: value, zeroObserved: observed.indices.filter { observed[$0] == 0 },
        zeroExpected: expected.indices.filter { expected[$0] == 0 }))
  }
  var mc: MonteCarloPValue?
  if let monteCarlo {
    if value.isNaN {
      warnings.append(.monteCarloSkippedForUndefinedStatistic)
    } else {
      mc = try monteCarloGoodnessOfFit(
        observed: value, trials: total, expected: expected, probabilities: probabilities,
        options: monteCarlo)
    }
  }
  return GoodnessOfFitResult(
    observed: observed, probabilities: probabilities, expected: expected,
    powerDivergence: member, statistic: value, degreesOfFreedom: df, ddof: ddof,
    pValue: upperTail(chi2, value), monteCarlo: mc, warnings: warnings)
}

/// The expected counts and probabilities of `null` for k categories and N observations.
private func nullCounts(_ null: GoodnessOfFitNull, categories k: Int, total n: Double) throws
  -> (expected: [Double], probabilities: [Double])
{
  /// Refuses a list of the wrong length or with a negative or non-finite entry.
  func check(_ values: [Double], _ name: String) throws {
    guard values.count == k else {
      throw InputError.invalidData(
        source: name, reason: "has \(values.count) values but observed has \(k) categories")
    }
    for (i, v) in values.enumerated() where !(v.isFinite && v >= 0) {
      throw InputError.invalidParameter(
        name: "\(name)[\(i + 1)]", value: "\(v)", expected: "a finite number ≥ 0")
    }
  }
  let tolerance = Double.ulpOfOne.squareRoot()
  switch null {
  case .uniform:
    // SciPy's f_exp = mean of f_obs; R's n·(1/k) can differ in the last bit.
    return (
      [Double](repeating: n / Double(k), count: k), [Double](repeating: 1 / Double(k), count: k)
    )
  case .probabilities(let p):
    try check(p, "p")
    let sum = p.reduce(0, +)
    guard abs(sum - 1) <= tolerance else {
      throw InputError.invalidParameter(
        name: "p", value: "sum \(sum)",
        expected:
          "probabilities summing to 1 within 1.5e-8 (R's check; rescale them to use weights)")
    }
    return (p.map { n * $0 }, p)
  case .rescaledProbabilities(let w):
    try check(w, "p")
    let sum = w.reduce(0, +)
    guard sum > 0 else {
      throw InputError.invalidParameter(name: "p", value: "all zero", expected: "a positive weight")
    }
    let p = w.map { $0 / sum }
    return (p.map { n * $0 }, p)
  case .expected(let e):
    try check(e, "expected")
    let sum = e.reduce(0, +)
    guard sum > 0, abs(sum - n) / min(sum, n) <= tolerance else {
      throw InputError.invalidParameter(
        name: "expected", value: "sum \(sum)",
        expected:
          "expected counts summing to the observed total \(Int(n)) within 1.5e-8 relative (SciPy's check)"
      )
    }
    return (e, e.map { $0 / sum })
  }
}

/// The multinomial Monte Carlo p-value of Pearson's statistic (R's `simulate.p.value` for a
/// goodness-of-fit test); cells with expected count 0 are never drawn and leave the sum.
private func monteCarloGoodnessOfFit(
  observed: Double, trials: Int, expected: [Double], probabilities: [Double],
  options: MonteCarloOptions
) throws -> MonteCarloPValue {
  let sum = probabilities.reduce(0, +)
  let sampler = try MultinomialSampler(
    trials: trials, probabilities: probabilities.map { $0 / sum })
  let cells = expected.indices.filter { expected[$0] > 0 }
  let threshold = (1 - 64 * Double.ulpOfOne) * observed
  return monteCarloPValue(options, sampler: sampler) { counts in
    pearsonStatistic(counts, expected: expected, cells: cells) >= threshold
  }
}

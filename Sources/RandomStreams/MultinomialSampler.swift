// MultinomialSampler.swift: multinomial vectors by conditional binomials.
import ResampleCore

/// A sampler for the multinomial distribution with fixed `trials` and category
/// `probabilities`.
///
/// Draws X₀ ~ Binomial(n, p₀), then X_i ~ Binomial(n − X₀ − … − X_{i−1}, p_i / (p_i + … + p_{k−1}))
/// for each further category, and gives the last category what remains. The conditional
/// probabilities are computed once, from tail sums, at initialisation; each binomial draw uses
/// sequential inversion (n·r < 30) or BTPE (see ``BinomialSampler``). Once no trials remain the
/// rest are zero and no further numbers are drawn.
///
/// - Complexity: O(k) binomial draws per vector, each O(1) expected.
///
/// Reference: L. Devroye (1986), *Non-Uniform Random Variate Generation*, Springer, ch. XI.1.
public struct MultinomialSampler: Sendable {
  /// The number of trials n.
  public let trials: Int
  /// The category probabilities (as given; they sum to 1 within 1e-9).
  public let probabilities: [Double]
  /// p_i / (p_i + … + p_{k−1}) for each category i (the last is 1).
  @usableFromInline internal let conditional: [Double]

  /// Creates a sampler for Multinomial(`trials`, `probabilities`).
  ///
  /// - Parameters:
  ///   - trials: n, an integer in 0...2⁵³.
  ///   - probabilities: one or more finite, non-negative numbers summing to 1 within 1e-9.
  /// - Throws: `InputError.invalidParameter` naming `trials` or `probabilities`.
  /// - Complexity: O(k).
  public init(trials: Int, probabilities: [Double]) throws {
    guard trials >= 0, trials <= BinomialSampler.maximumTrials else {
      throw InputError.invalidParameter(
        name: "trials", value: "\(trials)", expected: "an integer in 0...2^53")
    }
    guard !probabilities.isEmpty else {
      throw InputError.invalidParameter(
        name: "probabilities", value: "[]", expected: "at least one category")
    }
    for (i, p) in probabilities.enumerated() where !(p.isFinite && p >= 0) {
      throw InputError.invalidParameter(
        name: "probabilities[\(i)]", value: "\(p)", expected: "a finite number ≥ 0")
    }
    let total = probabilities.reduce(0, +)
    guard abs(total - 1) <= 1e-9 else {
      throw InputError.invalidParameter(
        name: "probabilities", value: "sum \(total)", expected: "probabilities summing to 1")
    }
    self.trials = trials
    self.probabilities = probabilities
    var conditional = [Double](repeating: 1, count: probabilities.count)
    var tail = 0.0
    for i in probabilities.indices.reversed() {
      tail += probabilities[i]
      conditional[i] = tail > 0 ? min(1, probabilities[i] / tail) : 0
    }
    conditional[probabilities.count - 1] = 1
    self.conditional = conditional
  }

  /// The number of categories k.
  public var categoryCount: Int { probabilities.count }

  /// Draws one multinomial vector into `counts` (one entry per category; they sum to `trials`).
  ///
  /// - Parameters:
  ///   - counts: a buffer of exactly ``categoryCount`` entries (a programmer error otherwise).
  ///   - generator: the random stream to draw from.
  /// - Complexity: O(k) binomial draws.
  @inlinable
  public func sample<G: RandomNumberGenerator>(
    into counts: UnsafeMutableBufferPointer<Int>, using generator: inout G
  ) {
    precondition(counts.count == conditional.count, "counts must have one entry per category")
    var remaining = trials
    let last = conditional.count - 1
    conditional.withUnsafeBufferPointer { cond in
      for i in 0..<last {
        if remaining == 0 {
          counts[i] = 0
          continue
        }
        let x = _binomialDraw(trials: remaining, probability: cond[i], using: &generator)
        counts[i] = x
        remaining -= x
      }
    }
    counts[last] = remaining
  }

  /// Draws one multinomial vector.
  ///
  /// - Parameters:
  ///   - generator: the random stream to draw from.
  /// - Returns: the counts, one per category.
  /// - Complexity: O(k) binomial draws.
  @inlinable
  public func sample<G: RandomNumberGenerator>(using generator: inout G) -> [Int] {
    var counts = [Int](repeating: 0, count: conditional.count)
    counts.withUnsafeMutableBufferPointer { sample(into: $0, using: &generator) }
    return counts
  }
}

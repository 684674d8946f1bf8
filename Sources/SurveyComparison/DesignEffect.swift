// DesignEffect.swift: first-order Rao–Scott adjustment for a design effect.
import Distributions
import ResampleCore

/// A design effect: the variance of an estimate under the survey's design divided by its
/// variance under simple random sampling of the same size.
///
/// With design effect `d`, a segment of `n` respondents carries the information of `n / d`
/// (its effective size). The first-order Rao–Scott correction divides Pearson's X² by `d` and
/// keeps its degrees of freedom; intervals are computed from effective counts `x / d` of `n / d`,
/// which widens them by about `√d`.
///
/// References: J. N. K. Rao and A. J. Scott (1981), "The analysis of categorical data from complex
/// sample surveys", *JASA* 76, 221–230; L. Kish (1965), *Survey Sampling*, Wiley, §8.2.
public struct DesignEffect: Sendable, Equatable, Hashable {
  /// The design effect (1 = simple random sampling).
  public let value: Double

  /// Simple random sampling.
  public static let none = DesignEffect(unchecked: 1)

  /// - Parameter value: a finite design effect > 0 (usually ≥ 1).
  /// - Throws: `InputError.invalidParameter` unless finite and > 0.
  public init(_ value: Double) throws {
    guard value.isFinite, value > 0 else {
      throw InputError.invalidParameter(
        name: "deff", value: "\(value)", expected: "a finite design effect > 0")
    }
    self.value = value
  }

  init(unchecked value: Double) { self.value = value }

  /// The design effect implied by an effective sample size for `n` respondents: `n / nEff`.
  /// - Throws: `InputError` unless `0 < nEff` and `n ≥ 1`.
  public init(respondents n: Int, effectiveSize nEff: Double) throws {
    guard nEff.isFinite, nEff > 0 else {
      throw InputError.invalidParameter(
        name: "effective-n", value: "\(nEff)", expected: "a finite effective sample size > 0")
    }
    try self.init(Double(n) / nEff)
  }

  /// Kish's design effect of unequal weights, `n·Σw² / (Σw)²`, and the effective size
  /// `(Σw)² / Σw²`.
  /// - Throws: `InputError` when a weight is negative or not finite, or all are zero.
  public static func kish(weights: [Double]) throws -> (
    designEffect: DesignEffect, effectiveSize: Double
  ) {
    var s = 0.0
    var s2 = 0.0
    for w in weights {
      guard w.isFinite, w >= 0 else {
        throw InputError.invalidParameter(
          name: "weight", value: "\(w)", expected: "finite non-negative weights")
      }
      s += w
      s2 += w * w
    }
    guard s > 0 else {
      throw InputError.invalidParameter(
        name: "weight", value: "all zero", expected: "at least one positive weight")
    }
    let nEff = s * s / s2
    return (DesignEffect(unchecked: Double(weights.count) / nEff), nEff)
  }

  /// True when this is simple random sampling.
  public var isNone: Bool { value == 1 }
}

/// Pearson's X² for a segments × {yes, no} table (possibly non-integer effective counts), with its
/// first-order Rao–Scott adjustment.
public struct RaoScottChiSquared: Sendable, Equatable {
  /// Pearson's X² of the (unadjusted) counts.
  public let pearson: Double
  /// X² / deff.
  public let statistic: Double
  /// Segments − 1.
  public let degreesOfFreedom: Int
  /// Upper tail of χ²(df) at the adjusted statistic.
  public let pValue: Double
  /// The design effect used.
  public let designEffect: DesignEffect
  /// The smallest expected count (of the effective table).
  public let minimumExpected: Double

  /// - Parameters:
  ///   - counts: "yes" counts per segment.
  ///   - sizes: segment sizes (> 0).
  ///   - designEffect: the design effect.
  /// - Throws: `InputError` for fewer than two segments, a size ≤ 0 or a count outside [0, size].
  /// - Complexity: O(segments).
  public init(counts: [Double], sizes: [Double], designEffect: DesignEffect = .none) throws {
    guard counts.count == sizes.count, counts.count >= 2 else {
      throw InputError.invalidParameter(
        name: "segments", value: "\(counts.count)", expected: "at least two segments")
    }
    for (x, n) in zip(counts, sizes) {
      guard n.isFinite, n > 0, x.isFinite, x >= 0, x <= n else {
        throw InputError.invalidParameter(
          name: "counts", value: "\(x)/\(n)", expected: "0 ≤ x ≤ n and n > 0")
      }
    }
    let total = sizes.reduce(0, +)
    let yes = counts.reduce(0, +)
    let pooled = yes / total
    var x2 = 0.0
    var minExp = Double.infinity
    for (x, n) in zip(counts, sizes) {
      let e1 = n * pooled
      let e0 = n - e1
      if e1 > 0 { x2 += (x - e1) * (x - e1) / e1 }
      if e0 > 0 { x2 += ((n - x) - e0) * ((n - x) - e0) / e0 }
      minExp = min(minExp, e1 / designEffect.value, e0 / designEffect.value)
    }
    pearson = x2
    statistic = x2 / designEffect.value
    degreesOfFreedom = counts.count - 1
    // Degrees of freedom ≥ 1 by the guard above.
    pValue = (try? ChiSquared(degreesOfFreedom: Double(counts.count - 1)).sf(statistic)) ?? .nan
    self.designEffect = designEffect
    minimumExpected = minExp
  }
}

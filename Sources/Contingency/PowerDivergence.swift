// PowerDivergence.swift: the Cressie–Read power-divergence family of statistics (SciPy's
// power_divergence): Pearson's X², G, Freeman–Tukey, Neyman and the rest, by name or by λ.
import _Platform

/// A member of the Cressie–Read power-divergence family 2/(λ(λ+1)) Σ O ((O/E)^λ − 1), chosen by
/// SciPy's name or by the number λ.
///
/// The names are SciPy's `lambda_` strings: `pearson` (λ = 1, Pearson's X²), `log-likelihood`
/// (λ = 0, the G statistic), `freeman-tukey` (λ = −1/2), `mod-log-likelihood` (λ = −1, the
/// minimum discrimination information statistic), `neyman` (λ = −2) and `cressie-read` (λ = 2/3,
/// Cressie and Read's recommendation). A number equal to one of these λ is the named member.
public enum PowerDivergence: Sendable, Hashable, CustomStringConvertible {
  /// λ = 1: Pearson's X² = Σ (O − E)² / E.
  case pearson
  /// λ = 0: the likelihood-ratio statistic G = 2 Σ O log(O / E).
  case logLikelihood
  /// λ = −1/2: Freeman–Tukey, 4 Σ (√O − √E)².
  case freemanTukey
  /// λ = −1: the modified log-likelihood 2 Σ E log(E / O).
  case modLogLikelihood
  /// λ = −2: Neyman's modified X² = Σ (O − E)² / O.
  case neyman
  /// λ = 2/3: Cressie and Read's recommended member.
  case cressieRead
  /// Any other finite λ.
  case other(Double)

  /// The named members, in SciPy's order.
  public static let named: [PowerDivergence] = [
    .pearson, .logLikelihood, .freemanTukey, .modLogLikelihood, .neyman, .cressieRead,
  ]

  /// The member with exponent `lambda` (a named one when λ is 1, 0, −1/2, −1, −2 or 2/3).
  ///
  /// - Parameter lambda: λ; must be finite (a programmer error otherwise: the CLI checks it).
  /// - Complexity: O(1).
  public init(lambda: Double) {
    precondition(lambda.isFinite, "λ must be finite")
    self = Self.named.first { $0.lambda == lambda } ?? .other(lambda)
  }

  /// The member called `name` (SciPy's spelling), or nil.
  ///
  /// - Parameter name: `pearson`, `log-likelihood`, `freeman-tukey`, `mod-log-likelihood`,
  ///   `neyman` or `cressie-read`.
  /// - Complexity: O(1).
  public init?(name: String) {
    guard let m = Self.named.first(where: { $0.name == name }) else { return nil }
    self = m
  }

  /// The exponent λ.
  public var lambda: Double {
    switch self {
    case .pearson: return 1
    case .logLikelihood: return 0
    case .freemanTukey: return -0.5
    case .modLogLikelihood: return -1
    case .neyman: return -2
    case .cressieRead: return 2.0 / 3.0
    case .other(let l): return l
    }
  }

  /// SciPy's name of the member, nil for an unnamed λ.
  public var name: String? {
    switch self {
    case .pearson: return "pearson"
    case .logLikelihood: return "log-likelihood"
    case .freemanTukey: return "freeman-tukey"
    case .modLogLikelihood: return "mod-log-likelihood"
    case .neyman: return "neyman"
    case .cressieRead: return "cressie-read"
    case .other: return nil
    }
  }

  /// The name, or `lambda=λ` for an unnamed member.
  public var description: String { name ?? "lambda=\(lambda)" }

  /// One cell's term of the statistic, with SciPy's conventions for zero counts.
  ///
  /// The arithmetic is SciPy's (`scipy.stats.power_divergence`): λ = 1 gives (O − E)²/E;
  /// λ = 0 gives 2·xlogy(O, O/E); λ = −1 gives 2·xlogy(E, E/O); any other λ gives
  /// O((O/E)^λ − 1) / (λ(λ+1)/2), where xlogy(0, y) = 0 unless y is NaN. In IEEE arithmetic, as
  /// in NumPy, a zero cell gives:
  /// - O = 0 and E = 0: NaN for every λ;
  /// - O > 0 and E = 0: +∞ for λ ≥ 0; 0 for λ = −1; a finite term for other λ < 0;
  /// - O = 0 and E > 0: E for λ = 1; 0 for λ = 0 and every other λ > 0; +∞ for λ = −1; NaN
  ///   (0 · ∞) for every other λ < 0 (Freeman–Tukey and Neyman among them).
  ///
  /// - Parameters:
  ///   - observed: O ≥ 0.
  ///   - expected: E ≥ 0.
  /// - Returns: the term; its sum over the cells is the statistic.
  /// - Complexity: O(1).
  public func term(observed o: Double, expected e: Double) -> Double {
    let l = lambda
    if l == 1 {
      let d = o - e
      return d * d / e
    }
    if l == 0 { return 2 * xlogy(o, o / e) }
    if l == -1 { return 2 * xlogy(e, e / o) }
    return o * (pow(o / e, l) - 1) / (0.5 * l * (l + 1))
  }

  /// The statistic Σ term(O_i, E_i) over the cells.
  ///
  /// - Parameters:
  ///   - observed: the observed counts O (fractional values allowed, as SciPy).
  ///   - expected: the expected counts E, one per observed count.
  /// - Returns: the statistic (+∞ or NaN by SciPy's conventions for zero cells, see
  ///   ``term(observed:expected:)``).
  /// - Complexity: O(k).
  public func statistic(observed: [Double], expected: [Double]) -> Double {
    precondition(observed.count == expected.count, "one expected count per observed count")
    var s = 0.0
    for (o, e) in zip(observed, expected) { s += term(observed: o, expected: e) }
    return s
  }
}

/// x · log(y), and 0 when x = 0 and y is not NaN (SciPy's `special.xlogy`).
func xlogy(_ x: Double, _ y: Double) -> Double {
  if x == 0 && !y.isNaN { return 0 }
  return x * log(y)
}

// WilcoxonContinuityCorrection.swift: the ±½ continuity correction of the Wilcoxon normal approximations.
import ResampleCore

/// The continuity correction R's `wilcox.test` subtracts from a centred rank statistic before
/// standardising it (`correct = TRUE`): ½ towards zero for a two-sided test (0 when the centred
/// statistic is 0), +½ for `.greater`, −½ for `.less`.
///
/// Used by the rank-sum and signed-rank p-values and by the Hodges–Lehmann interval inversions.
///
/// Reference: R Core Team, `stats::wilcox.test` (`CORRECTION <- switch(alternative, ...)`).
enum WilcoxonContinuityCorrection {
  /// The correction to subtract from `centred` (the statistic minus its null mean).
  ///
  /// - Parameters:
  ///   - centred: the statistic minus its null mean.
  ///   - alternative: the alternative hypothesis.
  ///   - enabled: whether to correct at all (R's `correct`); 0 when false.
  /// - Returns: 0, ±0.5.
  /// - Complexity: O(1).
  static func offset(_ centred: Double, alternative: Alternative, enabled: Bool = true) -> Double {
    guard enabled else { return 0 }
    switch alternative {
    case .twoSided: return centred > 0 ? 0.5 : (centred < 0 ? -0.5 : 0)
    case .greater: return 0.5
    case .less: return -0.5
    }
  }
}

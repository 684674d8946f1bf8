// Sidak.swift: Šidák's single-step and Holm–Šidák step-down adjustments (statsmodels).
import _Platform

/// Šidák's single-step adjustment: p̃ = 1 − (1 − p)ⁿ, computed as −expm1(n·log1p(−p)) as
/// statsmodels' `multipletests(method="sidak")` does, so small p keep full precision.
///
/// - Parameters:
///   - pValues: the p-values, each in [0, 1].
///   - n: the family size (≥ the number of p-values).
/// - Returns: the adjusted p-values, in the input order, in [0, 1].
/// - Complexity: O(m).
///
/// Reference: Šidák, Z. (1967), Rectangular confidence regions for the means of multivariate
/// normal distributions, *JASA* 62, 626–633.
func sidak(_ pValues: [Double], n: Int) -> [Double] {
  pValues.map { min(1, -expm1(Double(n) * log1p(-$0))) }
}

/// The Holm–Šidák step-down adjustment, as statsmodels' `multipletests(method="holm-sidak")`:
/// with the p-values sorted, p̃₍ᵢ₎ = maxⱼ≤ᵢ 1 − (1 − p₍ⱼ₎)^(n − j + 1) (1-based j).
///
/// - Parameters:
///   - pValues: the p-values, each in [0, 1].
///   - n: the family size (≥ the number of p-values; the missing ones count as 1).
/// - Returns: the adjusted p-values, in the input order, in [0, 1].
/// - Complexity: O(m log m).
///
/// References: Holm, S. (1979), *Scand. J. Statist.* 6, 65–70; Šidák (1967), *JASA* 62,
/// 626–633.
func holmSidak(_ pValues: [Double], n: Int) -> [Double] {
  let o = stableOrder(pValues, decreasing: false)
  var out = [Double](repeating: 0, count: pValues.count)
  var running = -Double.infinity
  for (i0, idx) in o.enumerated() {
    running = max(running, -expm1(Double(n - i0) * log1p(-pValues[idx])))
    out[idx] = min(1, running)
  }
  return out
}

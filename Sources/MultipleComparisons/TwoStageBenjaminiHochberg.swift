// TwoStageBenjaminiHochberg.swift: the adaptive two-stage BH adjustment (statsmodels fdr_tsbh).

/// The two-stage Benjamini–Hochberg adjustment, as statsmodels'
/// `multipletests(method="fdr_tsbh", alpha=α)` (`fdrcorrection_twostage(method="bh",
/// maxiter=1)`): stage one counts the r hypotheses BH rejects at α; when 0 < r < n, the number of
/// true nulls is estimated as n − r and the BH-adjusted p-values are scaled by (n − r)/n,
/// otherwise they are returned as they are.
///
/// - Parameters:
///   - bh: the Benjamini–Hochberg adjusted p-values of the family (R's `p.adjust(p, "BH", n)`).
///   - n: the family size (≥ `bh.count`; the missing p-values count as 1, never rejected).
///   - alpha: the FDR level α in (0, 1), which decides r.
/// - Returns: the adjusted p-values, in the input order, in [0, 1].
/// - Complexity: O(m).
///
/// Reference: Benjamini, Y., Krieger, A. M. and Yekutieli, D. (2006), Adaptive linear step-up
/// procedures that control the false discovery rate, *Biometrika* 93, 491–507 (with statsmodels'
/// "bh" first stage at α rather than α/(1 + α)).
func twoStageBenjaminiHochberg(bh: [Double], n: Int, alpha: Double) -> [Double] {
  // BH rejects exactly the hypotheses whose adjusted p-value is ≤ α (step-up).
  let rejected = bh.reduce(0) { $0 + ($1 <= alpha ? 1 : 0) }
  if rejected == 0 || rejected == n { return bh }
  let factor = Double(n - rejected) / Double(n)
  return bh.map { min(1, $0 * factor) }
}

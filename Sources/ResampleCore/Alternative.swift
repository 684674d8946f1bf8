// Alternative.swift: the alternative hypothesis of a test.

/// The alternative hypothesis of a test, in SciPy's vocabulary.
///
/// `.twoSided` for Monte Carlo and permutation tests is `2 · min(p_less, p_greater)`, capped at 1
/// (SciPy's convention); exact tests document their own two-sided rule.
public enum Alternative: String, Sendable, CaseIterable, Codable {
  case twoSided = "two-sided"
  case less
  case greater
}

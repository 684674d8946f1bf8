// LogFactorialTable.swift: log k! for k = 0...n as one array, for kernels that evaluate many
// hypergeometric or binomial terms with the same total.

extension SpecialFunctions {
  /// `table[k] = log k!` for k in `0...max(n, 1)`, each entry `logGamma(k + 1)` (the C library's
  /// `lgamma_r`, a few ulp), computed once.
  ///
  /// The exact 2×2 enumerations (Fisher over thousands of consistent tables, exact power, exact
  /// McNemar) look terms up here instead of calling log-gamma in their inner loops. Entries are
  /// `logGamma(k + 1)` for every k (not Stirling's series above 255, as ``logFactorial(_:)``), so
  /// sums and differences of table entries round the same way whatever the total.
  /// - Parameter n: the largest k needed (negative values are treated as 1).
  /// - Complexity: O(n) time and memory.
  package static func logFactorialTable(through n: Int) -> [Double] {
    (0...max(n, 1)).map { logGamma(Double($0) + 1) }
  }
}

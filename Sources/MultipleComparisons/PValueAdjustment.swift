// PValueAdjustment.swift: family-wise error and false discovery rate adjustments, as R's p.adjust.
import ResampleCore

/// A multiple-comparison adjustment of p-values: R's `p.adjust` methods, identical to R, and
/// three of statsmodels' `multipletests` methods (Šidák, Holm–Šidák, two-stage
/// Benjamini–Hochberg), identical to statsmodels.
///
/// The raw values are the spellings R and statsmodels use (`"holm"`, `"BH"`, `"sidak"`,
/// `"fdr_tsbh"`, ...), so a method name typed for R or Python works here too.
///
/// References:
/// - Holm, S. (1979). A simple sequentially rejective multiple test procedure.
///   *Scandinavian Journal of Statistics* 6, 65–70.
/// - Hochberg, Y. (1988). A sharper Bonferroni procedure for multiple tests of significance.
///   *Biometrika* 75, 800–803.
/// - Hommel, G. (1988). A stagewise rejective multiple test procedure based on a modified
///   Bonferroni test. *Biometrika* 75, 383–386.
/// - Wright, S. P. (1992). Adjusted p-values for simultaneous inference. *Biometrics* 48,
///   1005–1013 (the adjusted-p form of Hommel's procedure that R implements).
/// - Benjamini, Y. and Hochberg, Y. (1995). Controlling the false discovery rate.
///   *JRSS B* 57, 289–300.
/// - Benjamini, Y. and Yekutieli, D. (2001). The control of the false discovery rate in multiple
///   testing under dependency. *Annals of Statistics* 29, 1165–1188.
public enum PValueAdjustment: String, Sendable, CaseIterable, Codable {
  /// Holm's step-down Bonferroni (R's default); controls the family-wise error rate.
  case holm
  /// Hochberg's step-up procedure; FWER under independence or positive dependence.
  case hochberg
  /// Hommel's procedure (R's adjusted-p algorithm); FWER under the Simes condition.
  case hommel
  /// Bonferroni: `min(1, m·p)`.
  case bonferroni
  /// Benjamini–Hochberg step-up; controls the false discovery rate (R `"BH"`, alias `"fdr"`).
  case benjaminiHochberg = "BH"
  /// Benjamini–Yekutieli; FDR under arbitrary dependence (R `"BY"`).
  case benjaminiYekutieli = "BY"
  /// Šidák single-step: 1 − (1 − p)^m; FWER under independence (statsmodels `"sidak"`).
  case sidak
  /// Holm–Šidák step-down (statsmodels `"holm-sidak"`); FWER under independence.
  case holmSidak = "holm-sidak"
  /// Two-stage Benjamini–Hochberg, adaptive FDR (statsmodels `"fdr_tsbh"`, alias `"fdr_2sbh"`);
  /// depends on the FDR level α.
  case twoStageBenjaminiHochberg = "fdr_tsbh"

  /// True for R's `p.adjust` methods (``compare`` and ``bench-diff`` offer only these).
  public var isRMethod: Bool {
    switch self {
    case .sidak, .holmSidak, .twoStageBenjaminiHochberg: return false
    default: return true
    }
  }

  /// Parses a method name as R's `p.adjust` accepts it (also `"fdr"` for BH), case-sensitively
  /// for `BH`/`BY` as R does, and case-insensitively for the others, or as statsmodels'
  /// `multipletests` does for its methods (`sidak`/`s`, `holm-sidak`/`hs`,
  /// `fdr_tsbh`/`fdr_2sbh`).
  ///
  /// - Parameter name: the method name.
  /// - Returns: the method, or `nil` when the name is unknown.
  public init?(name: String) {
    if let m = PValueAdjustment(rawValue: name) {
      self = m
      return
    }
    switch name.lowercased() {
    case "holm": self = .holm
    case "hochberg": self = .hochberg
    case "hommel": self = .hommel
    case "bonferroni": self = .bonferroni
    case "fdr", "bh": self = .benjaminiHochberg
    case "by": self = .benjaminiYekutieli
    case "sidak", "s": self = .sidak
    case "holm-sidak", "hs": self = .holmSidak
    case "fdr_tsbh", "fdr_2sbh": self = .twoStageBenjaminiHochberg
    default: return nil
    }
  }
}

/// Adjusts p-values for multiple comparisons, exactly as R's `p.adjust(p, method)` does
/// (with `n = length(p)`), including the monotonicity enforcement (cumulative max/min) and the
/// capping at 1 (statsmodels' `multipletests` for its methods, at α = 0.05 for `fdr_tsbh`).
///
/// - Parameters:
///   - pValues: the raw p-values, each in [0, 1]; NaN is rejected (see
///     ``adjustPValues(_:method:comparisons:alpha:)`` for R's NA pass-through).
///   - method: the adjustment.
/// - Returns: the adjusted p-values, in the input order.
/// - Throws: `InputError.invalidParameter` naming the first p-value outside [0, 1] or NaN.
/// - Complexity: O(m log m) for m p-values, except Hommel which is O(m²) as in R.
public func adjust(_ pValues: [Double], method: PValueAdjustment) throws -> [Double] {
  for (i, p) in pValues.enumerated() where !(p >= 0 && p <= 1) {
    throw InputError.invalidParameter(
      name: "p-value \(i + 1)", value: "\(p)", expected: "a probability in [0, 1]")
  }
  return adjustObserved(pValues, method: method, n: pValues.count, alpha: 0.05)
}

/// Adjusts p-values as R's `p.adjust(p, method, n)`: NaN entries are missing values (R's `NA`),
/// returned as NaN in their places and left out of the adjustment; `comparisons` is R's `n`, the
/// number of tests in the family when only some p-values are given (the missing ones count as
/// larger than every given one for Bonferroni and Holm, as 1 for the others, as R documents).
///
/// - Parameters:
///   - pValues: the raw p-values, each in [0, 1] or NaN (missing).
///   - method: the adjustment.
///   - comparisons: the family size n, at least the number of non-missing p-values (default:
///     that number, as R).
///   - alpha: the FDR level of ``PValueAdjustment/twoStageBenjaminiHochberg`` (statsmodels'
///     `alpha`, default 0.05), in (0, 1); unused by the other methods.
/// - Returns: the adjusted p-values, NaN where the input is NaN.
/// - Throws: `InputError.invalidParameter` for a p-value outside [0, 1], `comparisons` smaller
///   than the number of p-values, or α outside (0, 1).
/// - Complexity: O(m log m), Hommel O(n²).
public func adjustPValues(
  _ pValues: [Double], method: PValueAdjustment, comparisons: Int? = nil, alpha: Double = 0.05
) throws -> [Double] {
  for (i, p) in pValues.enumerated() where !p.isNaN && !(p >= 0 && p <= 1) {
    throw InputError.invalidParameter(
      name: "p-value \(i + 1)", value: "\(p)", expected: "a probability in [0, 1] or NA")
  }
  guard alpha > 0, alpha < 1 else {
    throw InputError.invalidParameter(
      name: "alpha", value: "\(alpha)", expected: "an FDR level in (0, 1)")
  }
  let present = pValues.indices.filter { !pValues[$0].isNaN }
  let n = comparisons ?? present.count
  guard n >= present.count else {
    throw InputError.invalidParameter(
      name: "n", value: "\(n)",
      expected: "at least the number of p-values given (\(present.count))")
  }
  let adjusted = adjustObserved(present.map { pValues[$0] }, method: method, n: n, alpha: alpha)
  var out = [Double](repeating: .nan, count: pValues.count)
  for (k, i) in present.enumerated() { out[i] = adjusted[k] }
  return out
}

/// R's `p.adjust` body on the non-missing p-values `pValues` (valid, in [0, 1]) of a family of
/// `n ≥ pValues.count` tests.
func adjustObserved(_ pValues: [Double], method: PValueAdjustment, n: Int, alpha: Double)
  -> [Double]
{
  let lp = pValues.count
  if n <= 1 || lp == 0 { return pValues }
  let nd = Double(n)
  switch method {
  case .bonferroni:
    return pValues.map { min(1, nd * $0) }
  case .holm:
    // o = order(p) (stable); cummax((n + 1 − i)·p[o]) capped at 1.
    let o = stableOrder(pValues, decreasing: false)
    var out = [Double](repeating: 0, count: lp)
    var running = -Double.infinity
    for (i0, idx) in o.enumerated() {
      running = max(running, Double(n - i0) * pValues[idx])
      out[idx] = min(1, running)
    }
    return out
  case .hochberg, .benjaminiHochberg, .benjaminiYekutieli:
    // o = order(p, decreasing = TRUE); i = n:1; cummin(factor(i)·p[o]) capped at 1.
    let o = stableOrder(pValues, decreasing: true)
    var q = 1.0
    if method == .benjaminiYekutieli {
      q = 0
      for j in 1...n { q += 1 / Double(j) }
    }
    var out = [Double](repeating: 0, count: lp)
    var running = Double.infinity
    for (k, idx) in o.enumerated() {
      let i = lp - k
      let value: Double
      switch method {
      case .hochberg: value = Double(n + 1 - i) * pValues[idx]
      case .benjaminiHochberg: value = nd / Double(i) * pValues[idx]
      default: value = q * nd / Double(i) * pValues[idx]
      }
      running = min(running, value)
      out[idx] = min(1, running)
    }
    return out
  case .hommel:
    if n == 2 { return adjustObserved(pValues, method: .hochberg, n: n, alpha: alpha) }
    // R: p <- c(p, rep.int(1, n - lp)), then the first lp adjusted values.
    let padded = pValues + [Double](repeating: 1, count: n - lp)
    return Array(hommel(padded).prefix(lp))
  case .sidak:
    return sidak(pValues, n: n)
  case .holmSidak:
    return holmSidak(pValues, n: n)
  case .twoStageBenjaminiHochberg:
    let bh = adjustObserved(pValues, method: .benjaminiHochberg, n: n, alpha: alpha)
    return twoStageBenjaminiHochberg(bh: bh, n: n, alpha: alpha)
  }
}

/// R's Hommel loop, transcribed index for index (1-based in R, 0-based here).
private func hommel(_ raw: [Double]) -> [Double] {
  let n = raw.count
  let o = stableOrder(raw, decreasing: false)
  let p = o.map { raw[$0] }
  var initial = Double.infinity
  for i in 0..<n { initial = min(initial, Double(n) * p[i] / Double(i + 1)) }
  var q = [Double](repeating: initial, count: n)
  var pa = q
  var j = n - 1
  while j >= 2 {
    // ij = 1...(n − j + 1), i2 = (n − j + 2)...n in R's 1-based indices.
    let split = n - j + 1
    var q1 = Double.infinity
    for t in split..<n {
      // p[i2] / (2:j): the k-th element of i2 divides by k + 1.
      q1 = min(q1, Double(j) * p[t] / Double(t - split + 2))
    }
    for t in 0..<split { q[t] = min(Double(j) * p[t], q1) }
    let fill = q[split - 1]
    for t in split..<n { q[t] = fill }
    for t in 0..<n { pa[t] = max(pa[t], q[t]) }
    j -= 1
  }
  var out = [Double](repeating: 0, count: n)
  for (sortedIndex, original) in o.enumerated() {
    out[original] = max(pa[sortedIndex], p[sortedIndex])
  }
  return out
}

/// Indices that sort `values` (stable: ties keep their input order, as R's `order`).
func stableOrder(_ values: [Double], decreasing: Bool) -> [Int] {
  Array(0..<values.count).sorted { a, b in
    if values[a] != values[b] {
      return decreasing ? values[a] > values[b] : values[a] < values[b]
    }
    return a < b
  }
}

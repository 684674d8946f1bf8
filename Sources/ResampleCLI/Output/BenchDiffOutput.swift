// BenchDiffOutput.swift: bench-diff's report as text (benchstat-like), markdown, CSV or JSON.
import Foundation
import Resample

/// Renders a suite comparison as text (benchstat-like), markdown, CSV or JSON.
struct BenchDiffReport {
  let result: SuiteComparison
  let base: BenchmarkSet
  let new: BenchmarkSet

  var config: BenchDiffConfiguration { result.configuration }
  var adjustName: String { config.adjustment?.rawValue ?? "none" }
  var levelPercent: String { "\(fmt(config.level * 100, digits: 4))%" }
  var thresholdPercent: String { "\(fmt(config.threshold * 100, digits: 4))%" }

  /// Every warning: the suite's, then each benchmark's prefixed with its name.
  var allWarnings: [String] {
    result.warnings + result.benchmarks.flatMap { b in b.warnings.map { "\(b.name): \($0)" } }
      + (result.geometricMean?.warnings.map { "geomean: \($0)" } ?? [])
  }

  func verdictWord(_ v: BenchmarkVerdict) -> String {
    switch v {
    case .faster: return "faster"
    case .slower: return "slower"
    case .noChange: return "~"
    case .notTested: return "not tested"
    }
  }

  /// A p-value for people; an underflow to 0 is shown as a bound, a missing test as empty.
  func pText(_ p: Double) -> String {
    if p.isNaN { return "" }
    if p == 0 { return "< 1e-300" }
    return fmtP(p)
  }

  /// The interval for people, or why there is none.
  func intervalText(_ b: BenchmarkChange) -> String {
    guard !b.ratioInterval.lower.isNaN, !b.ratioInterval.upper.isNaN else {
      return b.testDescription.contains("summary") ? "medians only" : "needs ≥ 2 runs"
    }
    return boundText(b.ratioInterval)
  }

  /// `[lo, hi]`, or `≤ hi` / `≥ lo` for a one-sided interval (its open side is ∓∞).
  func boundText(_ ci: ConfidenceInterval) -> String {
    if ci.lower == -.infinity, ci.upper.isFinite { return "≤ " + fmt(ci.upper, digits: 4) }
    if ci.upper == .infinity, ci.lower.isFinite { return "≥ " + fmt(ci.lower, digits: 4) }
    return fmtInterval(ci.lower, ci.upper, digits: 4)
  }

  /// The alternative in words, for the header and the JSON.
  var alternativeText: String {
    switch config.alternative {
    case .twoSided: return "two-sided"
    case .less: return "less (new < base)"
    case .greater: return "greater (new > base)"
    }
  }

  /// A value in the benchmark's unit: seconds get ns/µs/ms/s, others their unit suffix.
  func quantity(_ x: Double, unit: String, reference: Double) -> String {
    guard unit == "s", reference != 0, reference.isFinite, abs(reference) >= 1e-15 else {
      return fmt(x, digits: 4) + (unit.isEmpty ? "" : " \(unit)")
    }
    let r = abs(reference)
    let (scale, suffix): (Double, String) =
      r < 1e-6 ? (1e9, "ns") : r < 1e-3 ? (1e6, "µs") : r < 1 ? (1e3, "ms") : (1, "s")
    return fmt(x * scale, digits: 4) + " " + suffix
  }

  /// benchstat's ± for a side: the larger distance from the center to the ends of the median's
  /// distribution-free interval, in % of the center; for means the coefficient of variation.
  func spread(_ s: BenchmarkSide) -> String {
    if config.center == .mean {
      // No spread when the coefficient of variation is undefined (a zero mean) or beyond the
      // double range (a standard deviation above 1.8e308).
      let cv = 100 * s.standardDeviation / abs(s.center)
      return cv.isFinite ? "± \(fmt(cv, digits: 2))%" : ""
    }
    guard s.count >= 2 else { return "" }
    guard let ci = s.medianInterval, s.center != 0 else { return "± ∞" }
    let d = max(s.center - ci.lowerBound, ci.upperBound - s.center) / abs(s.center)
    return "± \(fmt(100 * d, digits: 2))%"
  }

  func ratioText(_ r: Double) -> String { fmt(r, digits: 4) }
  func changeText(_ r: Double) -> String {
    let pct = (r - 1) * 100
    // A ratio above ~1.8e306 has no finite percentage: show the factor instead of `+inf%`.
    guard pct.isFinite else { return "×" + fmt(r, digits: 3) }
    return (pct >= 0 ? "+" : "") + fmt(pct, digits: 3) + "%"
  }

  var header: String {
    let test: String
    switch config.test {
    case .mannWhitney(let m): test = "Mann–Whitney U (\(m.rawValue))"
    case .permutation: test = "permutation test"
    }
    return """
      base: \(base.source) (\(base.format.rawValue), \(base.benchmarks.count) benchmarks)
      new:  \(new.source) (\(new.format.rawValue), \(new.benchmarks.count) benchmarks)
      \(metricLine)center: \(config.center.rawValue) · test: \(test)\(sidedness), p adjusted: \
      \(adjustName) · \
      threshold ±\(thresholdPercent) · \(levelPercent) \(config.intervalMethod.rawValue) \
      intervals, B = \(config.replicates), seed \(config.seed)
      """
  }

  /// `, one-sided: less (new < base)` for a one-sided alternative, else nothing.
  var sidedness: String {
    config.alternative == .twoSided ? "" : ", one-sided: \(alternativeText)"
  }

  /// The compared metric and its direction, when it is not the time.
  var metricLine: String {
    guard let b = result.benchmarks.first, b.unit != "s" || b.higherIsBetter else { return "" }
    return
      "metric: \(b.unit.isEmpty ? "values" : b.unit) (\(b.higherIsBetter ? "higher" : "lower") "
      + "is better; slower = worse, faster = better) · "
  }

  func rows() -> [[String]] {
    var rows: [[String]] = []
    for b in result.benchmarks {
      rows.append([
        b.name,
        quantity(b.base.center, unit: b.unit, reference: b.base.center) + " " + spread(b.base),
        quantity(b.new.center, unit: b.unit, reference: b.base.center) + " " + spread(b.new),
        ratioText(b.ratio), changeText(b.ratio), intervalText(b),
        pText(b.pValue), pText(b.pAdjusted), verdictWord(b.verdict),
      ])
    }
    if let g = result.geometricMean {
      rows.append([
        "geomean", "", "", ratioText(g.ratio), changeText(g.ratio),
        boundText(g.interval), "", "", "",
      ])
    }
    return rows
  }

  var columns: [String] {
    ["name", "base", "new", "ratio", "change", "\(levelPercent) CI", "p", "p adj", "verdict"]
  }

  var footer: [String] {
    let alpha = fmt(config.alpha, digits: 3)
    var lines: [String] = []
    if config.center == .median {
      lines.append(
        "± : the median's \(levelPercent) distribution-free interval (order statistics), as the "
          + "larger distance from the median in % (∞: too few runs)")
    } else {
      lines.append("± : the coefficient of variation (standard deviation / mean)")
    }
    let higher = result.benchmarks.first?.higherIsBetter ?? false
    lines.append(
      "ratio = new / base (\(higher ? "> 1 is better" : "< 1 is faster")); CI: "
        + "\(config.intervalMethod.rawValue) bootstrap interval of the ratio")
    lines.append(
      "~ : no significant change (p adj ≥ \(alpha), or the interval reaches into 1 ± "
        + "\(thresholdPercent))")
    if !result.onlyInBase.isEmpty {
      lines.append("only in base: " + result.onlyInBase.joined(separator: ", "))
    }
    if !result.onlyInNew.isEmpty {
      lines.append("only in new: " + result.onlyInNew.joined(separator: ", "))
    }
    if result.benchmarks.contains(where: { $0.verdict == .notTested }) {
      lines.append(
        "not tested: a side has fewer than 2 runs or only the tool's median; the ratio is shown, "
          + "without an interval or p-value")
    }
    for (name, reason) in result.notCompared {
      lines.append("not compared: \(name): \(reason)")
    }
    return lines
  }

  func text() -> String {
    var t = TextTable(columns)
    for r in rows() { t.add(r) }
    return header + "\n\n" + t.rendered() + "\n\n" + footer.joined(separator: "\n")
  }

  func markdown() -> String {
    func cell(_ s: String) -> String { s.replacingOccurrences(of: "|", with: "\\|") }
    var lines = [
      "| " + columns.joined(separator: " | ") + " |",
      "|" + columns.enumerated().map { $0.offset == 0 ? " :--- |" : " ---: |" }.joined(),
    ]
    for r in rows() {
      var r = r
      if r.last == "slower" { r[r.count - 1] = "**slower**" }
      if r.last == "faster" { r[r.count - 1] = "**faster**" }
      if r.first == "geomean" { r[0] = "**geomean**" }
      lines.append("| " + r.map(cell).joined(separator: " | ") + " |")
    }
    let summary: String
    let slower = result.benchmarks.filter { $0.verdict == .slower }.count
    let faster = result.benchmarks.filter { $0.verdict == .faster }.count
    let untested = result.benchmarks.filter { $0.verdict == .notTested }.count
    let missing = result.onlyInBase.count + result.notCompared.count
    summary =
      "**\(slower) slower, \(faster) faster, "
      + "\(result.benchmarks.count - slower - faster - untested) unchanged"
      + (untested > 0 ? ", \(untested) not tested" : "")
      + (missing > 0 ? ", \(missing) missing or not compared" : "")
      + "** of \(result.benchmarks.count + missing)"
    return
      ([summary, ""] + lines + [""] + footer.map { "<sub>\($0)</sub><br>" }
      + (allWarnings.isEmpty ? [] : [""] + allWarnings.map { "> ⚠️ \($0)" }))
      .joined(separator: "\n")
  }

  func csv() -> String {
    var lines = [
      csvLine([
        "name", "unit", "base_n", "base_center", "new_n", "new_center", "ratio", "ratio_lo",
        "ratio_hi", "p_value", "p_adjusted", "verdict",
      ])
    ]
    for b in result.benchmarks {
      lines.append(
        csvLine([
          b.name, b.unit, String(b.base.count), csvNumber(b.base.center), String(b.new.count),
          csvNumber(b.new.center), csvNumber(b.ratio), csvNumber(b.ratioInterval.lower),
          csvNumber(b.ratioInterval.upper), b.pValue == 0 ? "<1e-300" : csvNumber(b.pValue),
          b.pAdjusted == 0 ? "<1e-300" : csvNumber(b.pAdjusted),
          b.verdict.rawValue,
        ]))
    }
    if let g = result.geometricMean {
      lines.append(
        csvLine([
          "geomean", "", "", "", "", "", csvNumber(g.ratio), csvNumber(g.interval.lower),
          csvNumber(g.interval.upper), "", "", "",
        ]))
    }
    return lines.joined(separator: "\n")
  }

  func json() -> JSON {
    let benchmarks: [JSON] = result.benchmarks.map { b in
      .object([
        ("name", .string(b.name)),
        ("unit", .string(b.unit)),
        ("base", side(b.base)),
        ("new", side(b.new)),
        ("ratio", .num(b.ratio)),
        ("ratio_ci", .interval(b.ratioInterval.lower, b.ratioInterval.upper)),
        ("p_value", .num(b.pValue)),
        ("p_adjusted", .num(b.pAdjusted)),
        ("verdict", .string(b.verdict.rawValue)),
        ("higher_is_better", .bool(b.higherIsBetter)),
        ("p_value_underflow", .bool(b.pValue == 0)),
        ("test", .string(b.testDescription)),
        ("seed", JSON.seed(b.seed)),
        ("warnings", .strings(b.warnings)),
      ])
    }
    let geomean: JSON =
      result.geometricMean.map { g in
        .object([
          ("ratio", .num(g.ratio)),
          ("ci", .interval(g.interval.lower, g.interval.upper)),
          ("n", .integer(g.count)),
          ("warnings", .strings(g.warnings)),
        ])
      } ?? .null
    let test: String
    switch config.test {
    case .mannWhitney(let m): test = "mann-whitney (\(m.rawValue))"
    case .permutation: test = "permutation"
    }
    return .object([
      ("benchmarks", .array(benchmarks)),
      ("geomean", geomean),
      ("adjust", .string(adjustName)),
      ("metric", .string(config.center.rawValue)),
      ("measure", .string(result.benchmarks.first?.unit ?? "")),
      ("replicates", .integer(config.replicates)),
      ("seed", JSON.seed(config.seed)),
      Provenance.rng,
      Provenance.tool,
      ("threshold", .num(config.threshold)),
      ("level", .num(config.level)),
      ("interval_method", .string(config.intervalMethod.rawValue)),
      ("test", .string(test)),
      ("alternative", .string(config.alternative.rawValue)),
      ("only_in_base", .strings(result.onlyInBase)),
      ("only_in_new", .strings(result.onlyInNew)),
      (
        "not_compared",
        .array(
          result.notCompared.map {
            .object([("name", .string($0.name)), ("reason", .string($0.reason))])
          })
      ),
      (
        "inputs",
        .object([
          (
            "base",
            .object([("path", .string(base.source)), ("format", .string(base.format.rawValue))])
          ),
          (
            "new",
            .object([("path", .string(new.source)), ("format", .string(new.format.rawValue))])
          ),
        ])
      ),
      ("regression", .bool(result.hasRegression)),
      ("warnings", .strings(allWarnings)),
    ])
  }

  private func side(_ s: BenchmarkSide) -> JSON {
    .object([
      ("n", .integer(s.count)),
      ("center", .num(s.center)),
      ("sd", .num(s.standardDeviation)),
      (
        "median_ci",
        s.medianInterval.map { JSON.interval($0.lowerBound, $0.upperBound) } ?? .null
      ),
    ])
  }
}

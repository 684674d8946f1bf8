// BenchDiffPlot.swift: the SVG of `resample bench-diff --plot`: the ratio new/base of every
// benchmark with its interval on a log axis, the geometric mean as a diamond, the noise band.
import Foundation
import Resample

enum BenchDiffPlot {
  /// Slower red, faster green, no significant change grey.
  static func color(_ v: BenchmarkVerdict) -> String {
    switch v {
    case .slower: return "#c0392b"
    case .faster: return "#1e8449"
    case .noChange, .notTested: return "#7f8c8d"
    }
  }

  /// The forest plot of a suite comparison.
  ///
  /// - Complexity: O(K) for K benchmarks.
  static func make(_ result: SuiteComparison) -> ForestPlot {
    let config = result.configuration
    let t = config.threshold
    let percent = Int((config.level * 100).rounded())
    var rows = result.benchmarks.map { b in
      ForestPlot.Row(
        label: b.name, estimate: b.ratio,
        intervals: [
          .init(
            lower: b.ratioInterval.lower, upper: b.ratioInterval.upper, color: color(b.verdict))
        ],
        color: color(b.verdict),
        title: "\(b.name): \(b.ratio) [\(b.ratioInterval.lower), \(b.ratioInterval.upper)] "
          + b.verdict.rawValue)
    }
    if let g = result.geometricMean {
      rows.append(
        ForestPlot.Row(
          label: "geomean", bold: true, estimate: g.ratio,
          intervals: [.init(lower: g.interval.lower, upper: g.interval.upper, color: "#2c3e50")],
          color: "#2c3e50", marker: .diamond,
          title: "geomean: \(g.ratio) [\(g.interval.lower), \(g.interval.upper)]"))
    }
    return ForestPlot(
      title:
        "ratio new / base (\(config.intervalMethod.rawValue) \(percent)% intervals, log scale)",
      scale: .log, rows: rows, reference: 1, referenceLabel: "no change",
      band: t > 0 ? (1 - t)...(1 + t) : nil,
      footnote: "shaded: 1 ± \(fmt(t * 100, digits: 4))% noise threshold; red slower, green "
        + "faster, grey no significant change",
      rowHeight: 24)
  }
}

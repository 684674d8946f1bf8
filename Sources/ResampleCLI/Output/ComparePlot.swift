// ComparePlot.swift: the SVG of `resample compare --plot`: a forest plot of the pairwise
// differences with their intervals and, for percentage input, the p-value across the consistent
// splits with α marked.
import Foundation
import Resample

enum ComparePlot {
  static let blue = "#1f5fa8"
  static let orange = "#d9730d"
  static let grey = "#888"

  static func make(_ r: SurveyComparisonResult) -> SVGDocument {
    let rows = r.questions.flatMap { q in q.pairs.map { (q.name, $0) } }
    let sens = r.questions.compactMap { q in
      q.segments.count == 2 ? q.sensitivity.map { (q, $0) } : nil
    }
    let width = 760.0
    let forestHeight = 120.0 + 34.0 * Double(max(rows.count, 1))
    let panelHeight = 300.0
    let height = forestHeight + Double(sens.count) * (panelHeight + 20) + 20
    var svg = SVGDocument(width: width, height: height)
    forest(&svg, rows: rows, top: 0, height: forestHeight, width: width, level: r.options.level)
    var top = forestHeight + 10
    for (q, s) in sens {
      splits(&svg, q, s, top: top, height: panelHeight, width: width)
      top += panelHeight + 20
    }
    return svg
  }

  static func forest(
    _ svg: inout SVGDocument, rows: [(String, PairComparison)], top: Double, height: Double,
    width: Double, level: Double
  ) {
    svg.text(
      20, top + 26, "Differences between segments (percentage points)", size: 16, weight: "bold")
    let left = 250.0
    let right = width - 30
    var lo = 0.0
    var hi = 0.0
    for (_, p) in rows {
      lo = min(lo, p.newcombe.lower, p.bootstrapBCa?.lower ?? 0)
      hi = max(hi, p.newcombe.upper, p.bootstrapBCa?.upper ?? 0)
    }
    lo = 100 * lo - 3
    hi = 100 * hi + 3
    func x(_ v: Double) -> Double { left + (100 * v - lo) / (hi - lo) * (right - left) }
    let plotTop = top + 80
    let plotBottom = top + height - 30
    for t in niceTicks(lo, hi) {
      let xv = left + (t - lo) / (hi - lo) * (right - left)
      svg.line(xv, plotTop, xv, plotBottom, stroke: "#e4e4e4")
      svg.text(xv, plotBottom + 16, SVGDocument.n(t), size: 11, anchor: .middle, fill: "#555")
    }
    svg.line(x(0), plotTop - 6, x(0), plotBottom, stroke: "#222", width: 1.2)
    svg.text(x(0), plotTop - 10, "no difference", size: 10, anchor: .middle, fill: "#555")
    let lv = String(format: "%.0f %%", 100 * level)
    svg.line(22, top + 46, 42, top + 46, stroke: blue, width: 4)
    svg.text(48, top + 50, "\(lv) Newcombe interval", size: 11)
    svg.line(200, top + 46, 220, top + 46, stroke: orange, width: 2)
    svg.text(226, top + 50, "\(lv) bootstrap BCa", size: 11)
    svg.circle(350, top + 46, r: 5, fill: "#111")
    svg.text(360, top + 50, "observed difference (bold label: real after adjustment)", size: 11)
    for (i, (question, p)) in rows.enumerated() {
      let y = plotTop + 20 + 34 * Double(i)
      let label =
        rows.count > 1 && Set(rows.map(\.0)).count > 1
        ? "\(question): \(p.a) − \(p.b)"
        : "\(p.a) − \(p.b)"
      svg.text(
        left - 10, y + 4, label, size: 12, anchor: .end,
        weight: p.significant ? "bold" : "normal")
      svg.line(x(p.newcombe.lower), y - 4, x(p.newcombe.upper), y - 4, stroke: blue, width: 4)
      if let b = p.bootstrapBCa {
        svg.line(x(b.lower), y + 5, x(b.upper), y + 5, stroke: orange, width: 2)
      }
      svg.circle(
        x(p.difference), y - 4, r: 5, fill: "#111",
        title: String(format: "%+.1f points, adjusted p = %.4f", 100 * p.difference, p.pAdjusted))
    }
  }

  static func splits(
    _ svg: inout SVGDocument, _ q: QuestionComparison, _ s: SplitSensitivity, top: Double,
    height: Double, width: Double
  ) {
    let name0 = q.segments[0].name
    svg.text(
      20, top + 24, "\(q.name): Fisher p-value over the \(s.consistentTables) consistent splits",
      size: 15, weight: "bold")
    let left = 80.0
    let right = width - 30
    let plotTop = top + 50
    let plotBottom = top + height - 45
    let sizes = s.outcomes.map { Double($0.table.sizes[0]) }
    let xmin = (sizes.min() ?? 0) - 2
    let xmax = (sizes.max() ?? 1) + 2
    // log10 p on the y axis, from min(p, α/10) to 1.
    let ymin = log10(max(1e-300, min(s.pValueMin, s.alpha / 10)))
    func x(_ v: Double) -> Double { left + (v - xmin) / (xmax - xmin) * (right - left) }
    func y(_ p: Double) -> Double {
      plotBottom - (log10(max(p, 1e-300)) - ymin) / (0 - ymin) * (plotBottom - plotTop)
    }
    svg.rect(left, plotTop, right - left, plotBottom - plotTop, fill: "none", stroke: "#bbb")
    var dec = ymin.rounded(.up)
    while dec <= 0 {
      let p = pow(10, dec)
      svg.line(left, y(p), right, y(p), stroke: "#eee")
      svg.text(
        left - 6, y(p) + 4, p >= 0.001 ? SVGDocument.n(p) : "1e\(Int(dec))", size: 11,
        anchor: .end, fill: "#555")
      dec += 1
    }
    for t in niceTicks(xmin, xmax) {
      svg.text(x(t), plotBottom + 16, SVGDocument.n(t), size: 11, anchor: .middle, fill: "#555")
    }
    svg.text(
      (left + right) / 2, plotBottom + 36,
      "respondents in \(name0) (the rest are in \(q.segments[1].name))",
      size: 12, anchor: .middle)
    svg.text(
      22, (plotTop + plotBottom) / 2, "p-value (log scale)", size: 12, anchor: .middle,
      rotate: -90)
    svg.line(left, y(s.alpha), right, y(s.alpha), stroke: "#c0392b", width: 1.5, dash: "6 4")
    svg.text(
      right - 4, y(s.alpha) - 5, "α = \(SVGDocument.n(s.alpha))", size: 11, anchor: .end,
      fill: "#c0392b")
    for o in s.outcomes {
      let t = o.table
      svg.circle(
        x(Double(t.sizes[0])), y(o.pValue), r: 3.5,
        fill: o.significant ? blue : grey,
        title:
          "\(t.counts[0])/\(t.sizes[0]) vs \(t.counts[1])/\(t.sizes[1]): "
          + "p = \(String(format: "%.4f", o.pValue))"
      )
    }
    let il = s.illustration
    svg.circle(
      x(Double(il.table.sizes[0])), y(il.pValue), r: 6, fill: orange, title: "shown in the tables")
    svg.text(
      x(Double(il.table.sizes[0])) + 9, y(il.pValue) + 16, "equal-split illustration",
      size: 11, fill: orange)
    svg.circle(left + 10, top + 38, r: 3.5, fill: blue)
    svg.text(left + 18, top + 42, "significant", size: 11)
    svg.circle(left + 100, top + 38, r: 3.5, fill: grey)
    svg.text(left + 108, top + 42, "not significant", size: 11)
  }
}

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
    let forest = forestPlot(rows: rows, level: r.options.level)
    let forestHeight = forest.height
    let panelHeight = 300.0
    let height = forestHeight + Double(sens.count) * (panelHeight + 20) + 20
    var svg = SVGDocument(width: width, height: height)
    forest.draw(into: &svg, top: 0, width: width)
    var top = forestHeight + 10
    for (q, s) in sens {
      splits(&svg, q, s, top: top, height: panelHeight, width: width)
      top += panelHeight + 20
    }
    return svg
  }

  /// The pairwise differences (percentage points) with their Newcombe and bootstrap intervals.
  static func forestPlot(rows: [(String, PairComparison)], level: Double) -> ForestPlot {
    let lv = String(format: "%.0f %%", 100 * level)
    let manyQuestions = rows.count > 1 && Set(rows.map(\.0)).count > 1
    return ForestPlot(
      title: "Differences between segments (percentage points)", scale: .linear,
      rows: rows.map { question, p in
        var intervals = [
          ForestPlot.Interval(
            lower: 100 * p.newcombe.lower, upper: 100 * p.newcombe.upper, color: blue, width: 4,
            offset: -4)
        ]
        if let b = p.bootstrapBCa {
          intervals.append(
            ForestPlot.Interval(
              lower: 100 * b.lower, upper: 100 * b.upper, color: orange, width: 2, offset: 5))
        }
        return ForestPlot.Row(
          label: manyQuestions ? "\(question): \(p.a) − \(p.b)" : "\(p.a) − \(p.b)",
          bold: p.significant, estimate: 100 * p.difference, intervals: intervals,
          title: String(
            format: "%+.1f points, adjusted p = %.4f", 100 * p.difference, p.pAdjusted))
      },
      reference: 0, referenceLabel: "no difference", band: nil,
      legend: [
        .init(label: "\(lv) Newcombe interval", color: blue, width: 4),
        .init(label: "\(lv) bootstrap BCa", color: orange, width: 2),
        .init(label: "observed difference (bold label: real after adjustment)", color: "#111"),
      ],
      rowHeight: 34)
  }

  static func splits(
    _ svg: inout SVGDocument, _ q: QuestionComparison, _ s: SplitSensitivity, top: Double,
    height: Double, width: Double
  ) {
    let name0 = q.segments[0].name
    svg.text(
      20, top + 24,
      "\(q.name): Fisher p-value over the \(s.consistentTablesText) consistent splits",
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

// SimulationPlot.swift: `simulate --plot FILE.svg` — coverage and rejection rate of every method
// against the scenario parameter, with Monte Carlo error bars and the nominal level.
import Foundation
import Resample

/// The SVG of a simulation study: a panel of coverage (interval methods) and one of rejection
/// rate (tests), each method a series of points with ±1.96 MCSE bars joined in scenario order.
///
/// The x axis is the scenario parameter when exactly one parameter (n, p, mean, …) differs
/// between the panel's scenarios, on a numeric scale; otherwise the scenarios, by name, in the
/// spec's order. The nominal level (coverage: the method's `level`; rejection: its `alpha`) is
/// drawn dashed.
enum SimulationPlot {
  /// One plotted value: the scenario's x position, the estimate and its MCSE.
  private struct Point {
    var x: Double
    var measure: Measure
  }

  /// The parameters of a scenario by name, for choosing the x axis.
  static func parameters(_ s: SimulationScenario) -> [(String, Double)] {
    var out: [(String, Double)] = []
    if Set(s.n).count == 1, let n = s.n.first {
      out.append((s.n.count > 1 ? "n per group" : "n", Double(n)))
    } else {
      out += s.n.enumerated().map { ("n\($0.offset + 1)", Double($0.element)) }
    }
    out +=
      s.p.count == 1
      ? [("p", s.p[0])] : s.p.enumerated().map { ("p\($0.offset + 1)", $0.element) }
    let optional: [(String, Double?)] = [
      ("mean", s.mean), ("sd", s.sd), ("meanlog", s.meanlog), ("sdlog", s.sdlog),
      ("df", s.df), ("location", s.location), ("scale", s.scale), ("shape", s.shape),
      ("a", s.a), ("b", s.b), ("lambda", s.lambda),
      ("cluster size", s.clusterSize.map(Double.init)),
      ("icc", s.icc),
    ]
    out += optional.compactMap { name, v in v.map { (name, $0) } }
    // Group means and sds (two-normal, k-normal) or mixture components, numbered from 1.
    for (name, list) in [("weight", s.weights), ("mean", s.means), ("sd", s.sds)] {
      out += (list ?? []).enumerated().map { ("\(name)\($0.offset + 1)", $0.element) }
    }
    return out
  }

  /// The x axis of a panel: a parameter's name and each scenario's value, or nil when the
  /// scenarios differ in no parameter or in more than one (then they are placed by name).
  static func axis(_ scenarios: [SimulationScenario]) -> (name: String, values: [Double])? {
    guard scenarios.count > 1 else { return nil }
    let tables = scenarios.map { Dictionary(parameters($0), uniquingKeysWith: { a, _ in a }) }
    let names = parameters(scenarios[0]).map(\.0)
    let varying = names.filter { name in
      let values = tables.map { $0[name] }
      return !values.contains(where: { $0 == nil }) && Set(values.compactMap { $0 }).count > 1
    }
    let sameNames = tables.allSatisfy { Set($0.keys) == Set(names) }
    guard varying.count == 1, sameNames, let name = varying.first else {
      return nil
    }
    return (name, tables.map { $0[name] ?? .nan })
  }

  /// The document: one panel per kind of measure present.
  static func svg(_ r: SimulationResult) -> SVGDocument {
    let panels = [true, false].filter { interval in
      r.scenarios.contains { $0.methods.contains { $0.method.kind.isInterval == interval } }
    }
    let panelHeight = 320.0
    var doc = SVGDocument(width: 760, height: 40 + panelHeight * Double(max(panels.count, 1)))
    doc.text(
      20, 24,
      "resample simulate: \(r.spec.datasets) data sets per scenario, seed \(r.spec.seed); "
        + "bars ±1.96 MCSE", size: 13, weight: "bold")
    for (k, interval) in panels.enumerated() {
      drawPanel(&doc, r, interval: interval, top: 40 + panelHeight * Double(k), height: panelHeight)
    }
    return doc
  }

  private static let colors = [
    "#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2", "#17becf",
  ]

  private static func drawPanel(
    _ doc: inout SVGDocument, _ r: SimulationResult, interval: Bool, top: Double, height: Double
  ) {
    let scenarios = r.scenarios.filter {
      $0.methods.contains { $0.method.kind.isInterval == interval }
    }
    let axis = axis(scenarios.map(\.scenario))
    let xs = axis?.values ?? scenarios.indices.map(Double.init)
    // The methods of the panel, in spec order, each with its points.
    var series: [(name: String, nominal: Double, points: [Point])] = []
    for method in r.spec.methods where method.kind.isInterval == interval {
      var points: [Point] = []
      for (i, s) in scenarios.enumerated() {
        if let m = s.methods.first(where: { $0.method.name == method.name }) {
          points.append(Point(x: xs[i], measure: m.measures.hitRate))
        }
      }
      let nominal = interval ? (method.level ?? 0.95) : (method.alpha ?? 0.05)
      series.append((method.name, nominal, points.sorted { $0.x < $1.x }))
    }
    let values =
      series.flatMap { s in
        s.points.flatMap {
          [
            $0.measure.estimate - 1.96 * $0.measure.mcse,
            $0.measure.estimate + 1.96 * $0.measure.mcse,
          ]
        }
      } + series.map(\.nominal)
    let finite = values.filter(\.isFinite)
    var lo = max(0, (finite.min() ?? 0) - 0.01)
    var hi = min(1, (finite.max() ?? 1) + 0.01)
    if !interval { lo = 0 }
    if hi <= lo { (lo, hi) = (max(0, lo - 0.05), min(1, hi + 0.05)) }
    let left = 80.0
    let right = 560.0
    let plotTop = top + 30
    let bottom = top + height - 60
    let xLo = xs.min() ?? 0
    let xHi = xs.max() ?? 1
    let pad = xHi > xLo ? (xHi - xLo) * 0.05 : 0.5
    func px(_ x: Double) -> Double {
      left + (x - (xLo - pad)) / (xHi - xLo + 2 * pad) * (right - left)
    }
    func py(_ y: Double) -> Double { bottom - (y - lo) / (hi - lo) * (bottom - plotTop) }

    let title = interval ? "coverage" : "rejection rate"
    doc.text(left, top + 18, title, size: 13, weight: "bold")
    doc.line(left, bottom, right, bottom)
    doc.line(left, plotTop, left, bottom)
    for t in niceTicks(lo, hi, count: 5) {
      doc.line(left - 4, py(t), left, py(t))
      doc.line(left, py(t), right, py(t), stroke: "#eee")
      doc.text(left - 8, py(t) + 4, fmt(t, digits: 3), size: 11, anchor: .end)
    }
    if let axis {
      for t in niceTicks(xLo, xHi, count: 6) {
        doc.line(px(t), bottom, px(t), bottom + 4)
        doc.text(px(t), bottom + 18, fmt(t, digits: 4), size: 11, anchor: .middle)
      }
      doc.text((left + right) / 2, bottom + 40, axis.name, size: 12, anchor: .middle)
    } else {
      for (i, s) in scenarios.enumerated() {
        doc.text(px(xs[i]), bottom + 18, s.scenario.name, size: 10, anchor: .middle)
      }
      doc.text((left + right) / 2, bottom + 40, "scenario", size: 12, anchor: .middle)
    }
    for nominal in Set(series.map(\.nominal)).sorted() where nominal >= lo && nominal <= hi {
      doc.line(left, py(nominal), right, py(nominal), stroke: "#555", dash: "5,4")
      doc.text(
        right - 4, py(nominal) - 4, "nominal \(fmt(nominal, digits: 3))", size: 10, anchor: .end)
    }
    for (k, s) in series.enumerated() {
      let color = colors[k % colors.count]
      if s.points.count > 1 {
        doc.polyline(s.points.map { (px($0.x), py($0.measure.estimate)) }, stroke: color)
      }
      for p in s.points where p.measure.estimate.isFinite {
        let half = 1.96 * (p.measure.mcse.isFinite ? p.measure.mcse : 0)
        let y0 = py(max(lo, p.measure.estimate - half))
        let y1 = py(min(hi, p.measure.estimate + half))
        doc.line(px(p.x), y0, px(p.x), y1, stroke: color, width: 1.5)
        doc.circle(
          px(p.x), py(p.measure.estimate), r: 3.5, fill: color,
          title: "\(s.name): \(fmt(p.measure.estimate, digits: 5)) ± "
            + "\(fmt(1.96 * p.measure.mcse, digits: 2))")
      }
      let ly = plotTop + 16 * Double(k)
      doc.rect(right + 20, ly - 9, 10, 10, fill: color)
      doc.text(right + 36, ly, s.name, size: 11)
    }
  }
}

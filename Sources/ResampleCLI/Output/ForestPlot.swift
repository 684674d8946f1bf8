// ForestPlot.swift: the one forest plot of the CLI (compare's differences, bench-diff's ratios):
// labelled rows of point estimates with intervals, on a linear or log axis, drawn into an
// SVGDocument.
import Foundation

/// A forest plot: one row per comparison with its estimate and intervals, a reference line (no
/// difference, or ratio 1), an optional shaded band around it, and a legend.
struct ForestPlot {
  /// The horizontal axis.
  enum Scale {
    /// Values as given; ticks at 1, 2, 5 × 10^k steps.
    case linear
    /// Ratios on a log axis; ticks at familiar ratios (0.5, 0.9, 1, 1.1, 2, …).
    case log
  }

  /// The marker of a row's estimate.
  enum Marker {
    case dot
    case diamond
  }

  /// One interval of a row (a row may show two, for example Newcombe and bootstrap).
  struct Interval {
    var lower: Double
    var upper: Double
    var color: String
    var width: Double = 2
    /// Vertical offset from the row's centre line.
    var offset: Double = 0
  }

  /// One comparison.
  struct Row {
    var label: String
    var bold = false
    var estimate: Double
    var intervals: [Interval]
    var color = "#111"
    var marker = Marker.dot
    /// The tooltip of the marker.
    var title: String
  }

  /// A legend entry: a line of `color` and `width`, or a dot.
  struct LegendEntry {
    var label: String
    var color: String
    var width: Double = 0
  }

  var title: String
  var scale: Scale
  var rows: [Row]
  /// The reference value (0 for differences, 1 for ratios) and its label.
  var reference: Double
  var referenceLabel: String?
  /// A shaded band (the noise threshold of bench-diff).
  var band: ClosedRange<Double>?
  var legend: [LegendEntry] = []
  var footnote: String?
  var rowHeight = 30.0

  /// The width of the label column, from the longest label.
  var labelWidth: Double {
    min(360, max(120, 16 + 7 * Double(rows.map(\.label.count).max() ?? 8)))
  }

  /// The height the plot needs.
  var height: Double {
    (legend.isEmpty ? 50 : 76) + rowHeight * Double(max(rows.count, 1)) + 30
      + (footnote == nil ? 0 : 22)
  }

  /// The axis range: every finite bound, the reference and the band, with a margin.
  func range() -> (lo: Double, hi: Double) {
    var values = [reference]
    if let band { values += [band.lowerBound, band.upperBound] }
    for r in rows {
      values.append(r.estimate)
      for i in r.intervals { values += [i.lower, i.upper] }
    }
    let usable = values.filter { $0.isFinite && (scale == .linear || $0 > 0) }
    let lo = usable.min() ?? reference
    let hi = usable.max() ?? reference
    switch scale {
    case .linear:
      let pad = max((hi - lo) * 0.05, 1e-9)
      return (lo - pad, hi + pad)
    case .log:
      return (Foundation.log(lo / 1.03), Foundation.log(hi * 1.03))
    }
  }

  /// Draws the plot into `svg` with its top edge at `top`, `width` wide.
  ///
  /// - Complexity: O(rows).
  func draw(into svg: inout SVGDocument, top: Double, width: Double) {
    svg.text(20, top + 26, title, size: 15, weight: "bold")
    var y0 = top + 46
    if !legend.isEmpty {
      var x = 22.0
      for e in legend {
        if e.width > 0 {
          svg.line(x, y0, x + 20, y0, stroke: e.color, width: e.width)
          x += 26
        } else {
          svg.circle(x + 5, y0, r: 5, fill: e.color)
          x += 14
        }
        svg.text(x, y0 + 4, e.label, size: 11)
        x += 7 * Double(e.label.count) + 18
      }
      y0 += 26
    }
    let left = labelWidth
    let right = width - 30
    let plotTop = y0 + 8
    let plotBottom = plotTop + rowHeight * Double(max(rows.count, 1))
    let (lo, hi) = range()
    func x(_ v: Double) -> Double {
      let t = scale == .log ? Foundation.log(max(v, .leastNormalMagnitude)) : v
      return left + (min(max(t, lo), hi) - lo) / (hi - lo) * (right - left)
    }
    if let band {
      svg.rect(
        x(band.lowerBound), plotTop, x(band.upperBound) - x(band.lowerBound),
        plotBottom - plotTop, fill: "#f2f3f4")
    }
    for t in ticks(lo, hi) {
      svg.line(x(t), plotTop, x(t), plotBottom, stroke: "#e4e4e4")
      svg.text(x(t), plotBottom + 16, SVGDocument.n(t), size: 11, anchor: .middle, fill: "#555")
    }
    svg.line(
      x(reference), plotTop - 6, x(reference), plotBottom, stroke: "#222", width: 1.2, dash: "4 3")
    if let referenceLabel {
      svg.text(x(reference), plotTop - 10, referenceLabel, size: 10, anchor: .middle, fill: "#555")
    }
    for (i, r) in rows.enumerated() {
      let y = plotTop + rowHeight * (Double(i) + 0.5)
      svg.text(
        left - 10, y + 4, r.label, size: 12, anchor: .end, weight: r.bold ? "bold" : "normal")
      for iv in r.intervals where iv.lower.isFinite || iv.upper.isFinite {
        svg.line(
          x(iv.lower), y + iv.offset, x(iv.upper), y + iv.offset, stroke: iv.color, width: iv.width)
      }
      guard r.estimate.isFinite, scale == .linear || r.estimate > 0 else { continue }
      switch r.marker {
      case .dot: svg.circle(x(r.estimate), y, r: 5, fill: r.color, title: r.title)
      case .diamond:
        let l = r.intervals.first.map { x($0.lower) } ?? x(r.estimate) - 6
        let h = r.intervals.first.map { x($0.upper) } ?? x(r.estimate) + 6
        svg.polygon(
          [(l, y), (x(r.estimate), y - 6), (h, y), (x(r.estimate), y + 6)], fill: r.color,
          title: r.title)
      }
    }
    if let footnote {
      svg.text(left, plotBottom + 38, footnote, size: 11, fill: "#555")
    }
  }

  /// Tick positions in axis units (log ticks are ratios).
  func ticks(_ lo: Double, _ hi: Double) -> [Double] {
    switch scale {
    case .linear: return niceTicks(lo, hi)
    case .log:
      let candidates: [Double] = [
        0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 1, 1.05, 1.1, 1.2, 1.5, 2, 3, 4,
        5, 10, 20, 50, 100,
      ]
      let visible = candidates.filter { Foundation.log($0) >= lo && Foundation.log($0) <= hi }
      let step = max(1, visible.count / 8)
      return visible.enumerated().filter { $0.offset % step == 0 || $0.element == 1 }.map(\.element)
    }
  }

  /// The plot alone as an SVG document.
  func document(width: Double = 760) -> SVGDocument {
    var svg = SVGDocument(width: width, height: height)
    draw(into: &svg, top: 0, width: width)
    return svg
  }
}

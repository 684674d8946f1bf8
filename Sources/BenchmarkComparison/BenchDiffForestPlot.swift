// BenchDiffForestPlot.swift: a dependency-free SVG forest plot of the ratio intervals.

import _Platform

/// A forest plot of the ratio intervals, as SVG.
///
/// It draws the ratio new/base of every benchmark with its interval on a log axis,
/// the geometric mean as a diamond, the line of no change at 1 and the noise band 1 ± threshold.
/// Slower benchmarks are red, faster ones green, unchanged ones grey.
public enum BenchDiffForestPlot {
  /// The SVG document.
  ///
  /// - Complexity: O(K) for K benchmarks.
  public static func svg(_ result: SuiteComparison) -> String {
    let t = result.configuration.threshold
    var lows = [1 - t, 1.0]
    var highs = [1 + t, 1.0]
    for b in result.benchmarks
    where b.ratioInterval.lower.isFinite && b.ratioInterval.upper.isFinite {
      lows.append(min(b.ratio, b.ratioInterval.lower))
      highs.append(max(b.ratio, b.ratioInterval.upper))
    }
    if let g = result.geometricMean, g.interval.lower.isFinite, g.interval.upper.isFinite {
      lows.append(g.interval.lower)
      highs.append(g.interval.upper)
    }
    let lo = log((lows.filter { $0 > 0 }.min() ?? 0.5) / 1.03)
    let hi = log((highs.max() ?? 2) * 1.03)
    let labelWidth = 12.0 + 7.0 * Double(min(48, result.benchmarks.map(\.name.count).max() ?? 8))
    let plotWidth = 560.0
    let rowHeight = 22.0
    let top = 34.0
    let rowsCount = result.benchmarks.count + (result.geometricMean == nil ? 0 : 1)
    let height = top + rowHeight * Double(rowsCount) + 44
    let width = labelWidth + plotWidth + 20
    func x(_ r: Double) -> Double { labelWidth + (log(r) - lo) / (hi - lo) * plotWidth }
    func f(_ v: Double) -> String { String(Double((v * 10).rounded()) / 10) }
    func esc(_ s: String) -> String {
      s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
        .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
    func color(_ v: BenchmarkVerdict) -> String {
      switch v {
      case .slower: return "#c0392b"
      case .faster: return "#1e8449"
      case .noChange, .notTested: return "#7f8c8d"
      }
    }
    let bottom = top + rowHeight * Double(rowsCount)
    var out = """
      <svg xmlns="http://www.w3.org/2000/svg" width="\(f(width))" height="\(f(height))" \
      font-family="sans-serif" font-size="12">
      <title>bench-diff: ratio new/base with \(Int((result.configuration.level * 100).rounded()))% \
      intervals</title>
      <rect width="100%" height="100%" fill="white"/>
      <text x="\(f(labelWidth))" y="18" font-weight="bold">ratio new / base \
      (\(esc(result.configuration.intervalMethod.rawValue)) \
      \(Int((result.configuration.level * 100).rounded()))% intervals, log scale)</text>

      """
    if t > 0 {
      out +=
        "<rect x=\"\(f(x(1 - t)))\" y=\"\(f(top))\" width=\"\(f(x(1 + t) - x(1 - t)))\" "
        + "height=\"\(f(bottom - top))\" fill=\"#f2f3f4\"/>\n"
    }
    out +=
      "<line x1=\"\(f(x(1)))\" y1=\"\(f(top))\" x2=\"\(f(x(1)))\" y2=\"\(f(bottom))\" "
      + "stroke=\"black\" stroke-dasharray=\"4 3\"/>\n"
    for (i, b) in result.benchmarks.enumerated() {
      let y = top + rowHeight * (Double(i) + 0.5)
      let c = color(b.verdict)
      out += "<text x=\"6\" y=\"\(f(y + 4))\">\(esc(b.name))</text>\n"
      if b.ratioInterval.lower.isFinite, b.ratioInterval.upper.isFinite, b.ratioInterval.lower > 0 {
        out +=
          "<line x1=\"\(f(x(b.ratioInterval.lower)))\" y1=\"\(f(y))\" "
          + "x2=\"\(f(x(b.ratioInterval.upper)))\" y2=\"\(f(y))\" stroke=\"\(c)\" "
          + "stroke-width=\"2\"/>\n"
      }
      if b.ratio > 0 {
        out +=
          "<circle cx=\"\(f(x(b.ratio)))\" cy=\"\(f(y))\" r=\"4\" fill=\"\(c)\">"
          + "<title>\(esc(b.name)): \(b.ratio) [\(b.ratioInterval.lower), "
          + "\(b.ratioInterval.upper)] \(b.verdict.rawValue)</title></circle>\n"
      }
    }
    if let g = result.geometricMean {
      let y = top + rowHeight * (Double(result.benchmarks.count) + 0.5)
      let l = x(g.interval.lower)
      let r = x(g.interval.upper)
      let m = x(g.ratio)
      out += "<text x=\"6\" y=\"\(f(y + 4))\" font-weight=\"bold\">geomean</text>\n"
      out +=
        "<polygon points=\"\(f(l)),\(f(y)) \(f(m)),\(f(y - 6)) \(f(r)),\(f(y)) "
        + "\(f(m)),\(f(y + 6))\" fill=\"#2c3e50\"><title>geomean: \(g.ratio) "
        + "[\(g.interval.lower), \(g.interval.upper)]</title></polygon>\n"
    }
    // Axis with ticks at "nice" ratios.
    out +=
      "<line x1=\"\(f(labelWidth))\" y1=\"\(f(bottom))\" x2=\"\(f(labelWidth + plotWidth))\" "
      + "y2=\"\(f(bottom))\" stroke=\"black\"/>\n"
    let candidates: [Double] = [
      0.1, 0.2, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 1, 1.05, 1.1, 1.2, 1.5, 2, 3, 4, 5, 10,
    ]
    let visible = candidates.filter { log($0) >= lo && log($0) <= hi }
    let step = max(1, visible.count / 8)
    for (k, tick) in visible.enumerated() where k % step == 0 || tick == 1 {
      out +=
        "<line x1=\"\(f(x(tick)))\" y1=\"\(f(bottom))\" x2=\"\(f(x(tick)))\" "
        + "y2=\"\(f(bottom + 5))\" stroke=\"black\"/>\n"
      out +=
        "<text x=\"\(f(x(tick)))\" y=\"\(f(bottom + 18))\" text-anchor=\"middle\">"
        + "\(tick)</text>\n"
    }
    out +=
      "<text x=\"\(f(labelWidth))\" y=\"\(f(bottom + 36))\" fill=\"#555\">shaded: 1 ± "
      + "\(t * 100)% noise threshold; red slower, green faster, grey no significant change"
      + "</text>\n"
    out += "</svg>\n"
    return out
  }
}

// SVG.swift: the one SVG writer of the CLI's plots (ForestPlot for compare and bench-diff,
// compare's p-value panels); no dependencies.
import Foundation

/// An SVG document built element by element, in user units (pixels).
struct SVGDocument {
  var width: Double
  var height: Double
  private var body: [String] = []

  init(width: Double, height: Double) {
    self.width = width
    self.height = height
  }

  /// A number with at most 2 decimals, locale-free.
  static func n(_ x: Double) -> String {
    let r = (x * 100).rounded() / 100
    if r == r.rounded(), let i = Int(exactly: r) { return String(i) }
    return String(r)
  }

  /// XML-escaped text.
  static func escape(_ s: String) -> String {
    var out = ""
    for c in s {
      switch c {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      default: out.append(c)
      }
    }
    return out
  }

  mutating func line(
    _ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, stroke: String = "#333",
    width: Double = 1, dash: String? = nil
  ) {
    let d = dash.map { " stroke-dasharray=\"\($0)\"" } ?? ""
    body.append(
      "<line x1=\"\(Self.n(x1))\" y1=\"\(Self.n(y1))\" x2=\"\(Self.n(x2))\" y2=\"\(Self.n(y2))\" "
        + "stroke=\"\(stroke)\" stroke-width=\"\(Self.n(width))\"\(d)/>")
  }

  mutating func rect(
    _ x: Double, _ y: Double, _ w: Double, _ h: Double, fill: String, stroke: String? = nil
  ) {
    let s = stroke.map { " stroke=\"\($0)\"" } ?? ""
    body.append(
      "<rect x=\"\(Self.n(x))\" y=\"\(Self.n(y))\" width=\"\(Self.n(w))\" height=\"\(Self.n(h))\" "
        + "fill=\"\(fill)\"\(s)/>")
  }

  mutating func circle(_ cx: Double, _ cy: Double, r: Double, fill: String, title: String? = nil) {
    let open =
      "<circle cx=\"\(Self.n(cx))\" cy=\"\(Self.n(cy))\" r=\"\(Self.n(r))\" fill=\"\(fill)\""
    if let title {
      body.append(open + "><title>\(Self.escape(title))</title></circle>")
    } else {
      body.append(open + "/>")
    }
  }

  mutating func polyline(_ points: [(Double, Double)], stroke: String, width: Double = 1.5) {
    let p = points.map { "\(Self.n($0.0)),\(Self.n($0.1))" }.joined(separator: " ")
    body.append(
      "<polyline points=\"\(p)\" fill=\"none\" stroke=\"\(stroke)\" "
        + "stroke-width=\"\(Self.n(width))\"/>"
    )
  }

  mutating func polygon(_ points: [(Double, Double)], fill: String, title: String? = nil) {
    let p = points.map { "\(Self.n($0.0)),\(Self.n($0.1))" }.joined(separator: " ")
    let open = "<polygon points=\"\(p)\" fill=\"\(fill)\""
    if let title {
      body.append(open + "><title>\(Self.escape(title))</title></polygon>")
    } else {
      body.append(open + "/>")
    }
  }

  enum Anchor: String { case start, middle, end }

  mutating func text(
    _ x: Double, _ y: Double, _ s: String, size: Double = 12, anchor: Anchor = .start,
    weight: String = "normal", fill: String = "#222", rotate: Double? = nil
  ) {
    let r = rotate.map { " transform=\"rotate(\(Self.n($0)) \(Self.n(x)) \(Self.n(y)))\"" } ?? ""
    body.append(
      "<text x=\"\(Self.n(x))\" y=\"\(Self.n(y))\" font-size=\"\(Self.n(size))\" "
        + "text-anchor=\"\(anchor.rawValue)\" font-weight=\"\(weight)\" fill=\"\(fill)\"\(r)>"
        + Self.escape(s) + "</text>")
  }

  /// The document as text.
  func rendered() -> String {
    """
    <?xml version="1.0" encoding="UTF-8"?>
    <svg xmlns="http://www.w3.org/2000/svg" width="\(Self.n(width))" height="\(Self.n(height))" \
    viewBox="0 0 \(Self.n(width)) \(Self.n(height))" \
    font-family="DejaVu Sans, Helvetica, Arial, sans-serif">
    <rect x="0" y="0" width="\(Self.n(width))" height="\(Self.n(height))" fill="white"/>
    \(body.joined(separator: "\n"))
    </svg>

    """
  }

  /// Writes the document, failing with a one-line CLI error when the path is not writable.
  func write(to path: String) throws {
    try OutputWriter.writeFile(path, rendered())
  }
}

/// "Nice" tick positions covering [lo, hi] (1, 2, 5 × 10^k steps).
func niceTicks(_ lo: Double, _ hi: Double, count: Int = 6) -> [Double] {
  guard hi > lo, lo.isFinite, hi.isFinite else { return [lo] }
  let raw = (hi - lo) / Double(max(1, count))
  let mag = pow(10, (log10(raw)).rounded(.down))
  let step = [1.0, 2, 5, 10].map { $0 * mag }.first { $0 >= raw } ?? 10 * mag
  var t = (lo / step).rounded(.up) * step
  var out: [Double] = []
  while t <= hi + step * 1e-9 {
    out.append(abs(t) < step * 1e-9 ? 0 : t)
    t += step
  }
  return out
}

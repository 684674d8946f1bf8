// TextTable.swift: aligned plain-text tables and number formatting for the text format.
import Foundation

/// A plain-text table with a header row; numeric-looking cells are right-aligned.
struct TextTable {
  var header: [String]
  var rows: [[String]] = []
  /// Right-align numeric cells (data tables); key–value listings turn this off.
  var alignNumbersRight = true

  init(_ header: [String], alignNumbersRight: Bool = true) {
    self.header = header
    self.alignNumbersRight = alignNumbersRight
  }

  mutating func add(_ row: [String]) { rows.append(row) }

  func rendered(indent: String = "") -> String {
    let all = [header] + rows
    let n = all.map(\.count).max() ?? 0
    var widths = [Int](repeating: 0, count: n)
    for r in all { for (j, c) in r.enumerated() { widths[j] = max(widths[j], c.count) } }
    func isNumeric(_ s: String) -> Bool {
      guard let f = s.first else { return false }
      return f.isNumber || f == "-" || f == "+" || f == "." || f == "−"
    }
    var lines: [String] = []
    for (ri, r) in all.enumerated() {
      var parts: [String] = []
      for j in 0..<n {
        let c = j < r.count ? r[j] : ""
        let padCount = widths[j] - c.count
        let pad = String(repeating: " ", count: max(0, padCount))
        parts.append(alignNumbersRight && ri > 0 && j > 0 && isNumeric(c) ? pad + c : c + pad)
      }
      lines.append(indent + parts.joined(separator: "  ").replacingTrailingSpaces())
      if ri == 0 {
        lines.append(
          indent + widths.map { String(repeating: "-", count: $0) }.joined(separator: "  "))
      }
    }
    return lines.joined(separator: "\n")
  }
}

extension String {
  func replacingTrailingSpaces() -> String {
    var s = self
    while s.last == " " { s.removeLast() }
    return s
  }
}

/// What text output prints in place of a NaN: the value is undefined for this input, and the
/// result's warning or note (printed with it) says why.
let undefinedText = "undefined"

/// Formats a number for people: `digits` significant digits, scientific notation when tiny/huge;
/// NaN as ``undefinedText``.
func fmt(_ x: Double, digits: Int = 6) -> String {
  if x.isNaN { return undefinedText }
  if x.isInfinite { return x > 0 ? "inf" : "-inf" }
  if x == 0 { return "0" }
  let a = abs(x)
  if a >= 1e-4 && a < 1e9 {
    var s = String(format: "%.\(digits)g", x)
    if s.contains("e") { s = String(format: "%.\(max(0, digits - 1))f", x) }
    return s
  }
  return String(format: "%.\(max(1, digits - 1))e", x)
}

/// Formats a p-value for people: 4 significant digits, "< 1e-16" style below machine range.
func fmtP(_ p: Double) -> String {
  if p.isNaN { return undefinedText }
  if p < 1e-300 && p > 0 { return String(format: "%.3e", p) }
  return fmt(p, digits: 4)
}

/// `[lo, hi]` for people.
func fmtInterval(_ lo: Double, _ hi: Double, digits: Int = 5) -> String {
  "[\(fmt(lo, digits: digits)), \(fmt(hi, digits: digits))]"
}

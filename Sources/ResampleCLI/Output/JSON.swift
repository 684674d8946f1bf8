// JSON.swift: an ordered JSON value and its renderer (keys keep insertion order).

/// A JSON value whose objects keep their keys in insertion order, so output follows the
/// documented schema; numbers print in Swift's shortest round-trip form.
indirect enum JSON: Sendable, Equatable {
  case null
  case bool(Bool)
  case number(Double)
  case integer(Int)
  /// An unsigned integer, printed exactly (seeds use the full UInt64 range).
  case unsigned(UInt64)
  case string(String)
  case array([JSON])
  case object([(String, JSON)])

  static func == (lhs: JSON, rhs: JSON) -> Bool { lhs.rendered() == rhs.rendered() }

  /// A number.
  ///
  /// NaN and infinities have no JSON spelling: they render as `null` in JSON (the
  /// README lists the fields that can be infinite) and as `inf`, `-inf`, `undefined` in text
  /// (``textValue``).
  static func num(_ x: Double) -> JSON { .number(x) }
  /// A two-element interval array `[lower, upper]`.
  static func interval(_ lower: Double, _ upper: Double) -> JSON {
    .array([.num(lower), .num(upper)])
  }
  /// `{description: [...], df}`: a survey design's sentences and degrees of freedom.
  static func design(_ notes: [String], df: Int) -> JSON {
    .object([("description", .strings(notes)), ("df", .integer(df))])
  }
  /// A seed, exact over the whole UInt64 range (JSON integers have no size limit).
  static func seed(_ s: UInt64) -> JSON { .unsigned(s) }
  static func numbers(_ xs: [Double]) -> JSON { .array(xs.map(JSON.num)) }
  static func strings(_ xs: [String]) -> JSON { .array(xs.map(JSON.string)) }
  /// Typed diagnostics as their one-line messages.
  static func messages(_ xs: [some CustomStringConvertible]) -> JSON {
    .array(xs.map { .string($0.description) })
  }
  static func matrix(_ rows: [[Double]]) -> JSON { .array(rows.map(JSON.numbers)) }
  /// The fields `statistic`, `df`, `p_value` of a χ²-distributed test, in that order.
  static func chiSquaredFields(_ statistic: Double, df: Int, p: Double) -> [(String, JSON)] {
    [("statistic", .num(statistic)), ("df", .integer(df)), ("p_value", .num(p))]
  }

  /// Renders the value; `indent` > 0 pretty-prints.
  func rendered(indent: Int = 2) -> String {
    var out = ""
    write(to: &out, indent: indent, level: 0)
    return out
  }

  private func write(to out: inout String, indent: Int, level: Int) {
    let pad = indent > 0 ? "\n" + String(repeating: " ", count: indent * (level + 1)) : ""
    let close = indent > 0 ? "\n" + String(repeating: " ", count: indent * level) : ""
    switch self {
    case .null: out += "null"
    case .bool(let b): out += b ? "true" : "false"
    case .number(let x): out += x.isFinite ? JSON.format(x) : "null"
    case .integer(let i): out += String(i)
    case .unsigned(let u): out += String(u)
    case .string(let s): JSON.escape(s, into: &out)
    case .array(let xs):
      if xs.isEmpty {
        out += "[]"
        return
      }
      // Arrays of scalars stay on one line: intervals and residual rows read better that way.
      let scalar = xs.allSatisfy {
        if case .array = $0 { return false }
        if case .object = $0 { return false }
        return true
      }
      out += "["
      for (i, x) in xs.enumerated() {
        if i > 0 { out += scalar ? ", " : "," }
        if !scalar { out += pad }
        x.write(to: &out, indent: scalar ? 0 : indent, level: level + 1)
      }
      if !scalar { out += close }
      out += "]"
    case .object(let kv):
      if kv.isEmpty {
        out += "{}"
        return
      }
      out += "{"
      for (i, (k, v)) in kv.enumerated() {
        if i > 0 { out += "," }
        out += pad
        JSON.escape(k, into: &out)
        out += indent > 0 ? ": " : ":"
        v.write(to: &out, indent: indent, level: level + 1)
      }
      out += close + "}"
    }
  }

  /// A scalar as text output shows it: numbers in shortest round-trip form, infinities as `inf`
  /// and `-inf`, NaN as `undefined`, strings unquoted; arrays and objects as compact JSON.
  var textValue: String {
    switch self {
    case .number(let x) where !x.isFinite:
      return x.isNaN ? undefinedText : (x > 0 ? "inf" : "-inf")
    case .string(let s): return s
    case .array(let xs) where xs.allSatisfy(\.isScalar):
      return "[" + xs.map(\.textValue).joined(separator: ", ") + "]"
    default: return rendered(indent: 0)
    }
  }

  /// True for everything but arrays and objects.
  var isScalar: Bool {
    switch self {
    case .array, .object: return false
    default: return true
    }
  }

  /// The shortest decimal that parses back to the same double (Swift's `description`).
  static func format(_ x: Double) -> String {
    guard x.isFinite else { return "null" }
    if x == 0 { return x.sign == .minus ? "-0.0" : "0.0" }
    return x.description
  }

  static func escape(_ s: String, into out: inout String) {
    out += "\""
    for u in s.unicodeScalars {
      switch u {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      default:
        if u.value < 0x20 {
          let hex = String(u.value, radix: 16)
          out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        } else {
          out.unicodeScalars.append(u)
        }
      }
    }
    out += "\""
  }
}

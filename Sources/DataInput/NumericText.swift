// NumericText.swift: locale-free parsing of one number written as text.
import ResampleCore

/// Parses numbers written as decimal text, independent of the process locale.
///
/// Parsing uses `Double(Substring)` (Swift's own parser, which always reads `.` as the decimal
/// separator), never `strtod`, whose behaviour follows `LC_NUMERIC`. Leading and trailing ASCII
/// spaces and tabs are ignored. NaN and infinities are rejected: data that must be numbers must be
/// finite numbers.
public enum NumericText {
  /// Parses `text` as a finite `Double`.
  ///
  /// - Parameters:
  ///   - text: the field, e.g. `" 1.25e-3"`.
  ///   - source: where it came from, used verbatim in the error (`"runs.csv line 7"`).
  ///   - what: what the value is, used in the error (`"column 'time'"`); may be empty.
  /// - Returns: the number.
  /// - Throws: `InputError.invalidData(source:reason:)` when the text is empty, is not a number,
  ///   or is NaN or infinite.
  /// - Complexity: O(length of `text`).
  public static func parseFinite(_ text: Substring, source: String, what: String = "") throws
    -> Double
  {
    let trimmed = trimmingBlanks(text)
    let prefix = what.isEmpty ? "" : "\(what): "
    guard !trimmed.isEmpty else {
      throw InputError.invalidData(
        source: source, reason: "\(prefix)empty value, expected a number")
    }
    guard let value = Double(trimmed), isPlainNumber(trimmed) else {
      throw InputError.invalidData(
        source: source, reason: "\(prefix)'\(printable(trimmed))' is not a number")
    }
    guard value.isFinite else {
      throw InputError.invalidData(
        source: source, reason: "\(prefix)'\(printable(trimmed))' is not a finite number")
    }
    return value
  }

  /// Parses `text` as a finite `Double`, exactly as the `Substring` overload does.
  public static func parseFinite(_ text: String, source: String, what: String = "") throws
    -> Double
  {
    try parseFinite(text[...], source: source, what: what)
  }

  /// `text` without leading and trailing ASCII spaces and tabs.
  package static func trimmingBlanks(_ text: Substring) -> Substring {
    var lo = text.startIndex
    var hi = text.endIndex
    while lo < hi, text[lo] == " " || text[lo] == "\t" { lo = text.index(after: lo) }
    while hi > lo {
      let before = text.index(before: hi)
      guard text[before] == " " || text[before] == "\t" else { break }
      hi = before
    }
    return text[lo..<hi]
  }

  /// Rejects the hexadecimal floats and the `nan(...)`/`inf` spellings that `Double(_:)` also
  /// accepts, so that only decimal numbers (optionally signed, with exponent) pass; `nan` and
  /// `inf` get the clearer "not a finite number" message instead of "not a number".
  private static func isPlainNumber(_ text: Substring) -> Bool {
    for u in text.utf8 {
      switch u {
      case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."), UInt8(ascii: "+"),
        UInt8(ascii: "-"), UInt8(ascii: "e"), UInt8(ascii: "E"):
        continue
      default:
        // Letters of "nan"/"inf"/"infinity" are allowed here so that the finiteness check
        // reports them; anything else (hex digits, 'x', 'p') is not a plain decimal number.
        let lower = text.lowercased()
        let bare = lower.hasPrefix("+") || lower.hasPrefix("-") ? String(lower.dropFirst()) : lower
        return bare == "nan" || bare == "inf" || bare == "infinity"
      }
    }
    return true
  }

  /// At most 40 characters of `text`, for error messages.
  static func printable(_ text: Substring) -> String {
    text.count <= 40 ? String(text) : String(text.prefix(40)) + "…"
  }
}

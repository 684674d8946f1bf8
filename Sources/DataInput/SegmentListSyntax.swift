// SegmentListSyntax.swift: the syntax of "name=value,name=value" segment lists (--percent,
// --counts, --n of `resample compare` and the questions of a spec file).
import ResampleCore

/// Parsers for the segment lists the `compare` command takes: `"group-owned=61,decentralised=43"`
/// (percentages: the values are read by `SurveyComparison`'s `SegmentList.percentages`, which
/// knows their rounding), `"group-owned=50/82"` (counts), `"group-owned=82"` or
/// `"group-owned=70..90"` (sizes or size ranges).
///
/// A library module (not the CLI) so that spec files, tests and fuzz targets parse exactly what
/// the command line parses.
///
/// Names are trimmed; they may contain anything but `,` and `=`; duplicates are an error.
public enum SegmentList {
  /// Splits `text` into `(name, value)` pairs.
  /// - Parameter option: the option's name for error messages (e.g. `"--percent"`).
  /// - Throws: `InputError.invalidParameter` for an empty list, an item without `=`, an empty name
  ///   or value, or a repeated name.
  /// - Complexity: O(length of `text`).
  public static func pairs(_ text: String, option: String) throws -> [(name: String, value: String)]
  {
    var out: [(name: String, value: String)] = []
    var seen: Set<String> = []
    let items = text.split(separator: ",", omittingEmptySubsequences: false)
    for item in items {
      let parts = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
      guard parts.count == 2 else {
        throw InputError.invalidParameter(
          name: option, value: String(item), expected: "name=value items separated by commas")
      }
      let name = String(NumericText.trimmingBlanks(parts[0][...]))
      let value = String(NumericText.trimmingBlanks(parts[1][...]))
      guard !name.isEmpty, !value.isEmpty else {
        throw InputError.invalidParameter(
          name: option, value: String(item), expected: "a segment name and a value, name=value")
      }
      guard seen.insert(name).inserted else {
        throw InputError.invalidParameter(
          name: option, value: name, expected: "each segment named once")
      }
      out.append((name, value))
    }
    guard out.count >= 1 else {
      throw InputError.invalidParameter(name: option, value: text, expected: "name=value items")
    }
    return out
  }

  /// `"a=50/82,b=32/74"` → counts.
  /// - Throws: `InputError` for a malformed item, n ≤ 0, x < 0 or x > n.
  public static func counts(_ text: String) throws -> [(name: String, x: Int, n: Int)] {
    try pairs(text, option: "--counts").map { item in
      let parts = item.value.split(separator: "/", omittingEmptySubsequences: false)
      guard parts.count == 2, let x = Int(String(NumericText.trimmingBlanks(parts[0][...]))),
        let n = Int(String(NumericText.trimmingBlanks(parts[1][...])))
      else {
        throw InputError.invalidParameter(
          name: "--counts \(item.name)", value: item.value, expected: "x/n, e.g. 50/82")
      }
      guard n > 0 else {
        throw InputError.invalidParameter(
          name: "--counts \(item.name)", value: item.value, expected: "n > 0")
      }
      guard x >= 0, x <= n else {
        throw InputError.invalidParameter(
          name: "--counts \(item.name)", value: item.value, expected: "0 ≤ x ≤ n")
      }
      return (item.name, x, n)
    }
  }

  /// `"a=82,b=70..90"` → size ranges (a single size is a one-value range).
  /// - Throws: `InputError` for a malformed item, a size ≤ 0 or an empty range.
  public static func sizes(_ text: String) throws -> [(name: String, sizes: ClosedRange<Int>)] {
    try pairs(text, option: "--n").map { item in
      let v = item.value
      let bounds: [Substring]
      if let r = v.firstRange(of: "..") {
        bounds = [v[..<r.lowerBound], v[r.upperBound...]]
      } else {
        bounds = [Substring(v)]
      }
      let ints = bounds.map { Int(String(NumericText.trimmingBlanks($0[...]))) }
      guard ints.allSatisfy({ $0 != nil }) else {
        throw InputError.invalidParameter(
          name: "--n \(item.name)", value: v, expected: "a size such as 82 or a range 70..90")
      }
      let lo = ints[0] ?? 0
      let hi = ints.last.flatMap { $0 } ?? lo
      guard lo > 0 else {
        throw InputError.invalidParameter(name: "--n \(item.name)", value: v, expected: "n > 0")
      }
      guard lo <= hi else {
        throw InputError.invalidParameter(
          name: "--n \(item.name)", value: v, expected: "a range lo..hi with lo ≤ hi")
      }
      return (item.name, lo...hi)
    }
  }
}

// PublishedPercentage.swift: a rounded percentage and the integer counts that reproduce it.
import DataInput
import ResampleCore

/// How the publisher rounded its percentages, which decides whether a count that lands exactly on
/// a rounding boundary (for example 17/40 = 42.5 %) reproduces the published figure.
public enum PublisherRounding: String, Sendable, CaseIterable, Codable {
  /// The rounding mode is unknown: both boundaries are accepted (the honest default).
  case unknown
  /// Round half up: `[P − h, P + h)`.
  case halfUp = "half-up"
  /// Round half to even: both boundaries accepted when P's last digit is even, neither when odd.
  case halfEven = "half-even"
}

/// A percentage as a publisher printed it, with the number of decimals it was rounded to.
///
/// A count `x` of `n` reproduces the percentage `P` (printed with `D` decimals) when `100·x/n`
/// lies in `[P − h, P + h]` with `h = 0.5·10^−D` (boundaries per ``PublisherRounding``). The test
/// is done in exact integer arithmetic, so no boundary case is decided by floating-point error.
/// A percentage for which no `x` of `n` works is a GRIM-style inconsistency (Brown and Heathers,
/// 2017).
///
/// References: N. J. L. Brown and J. A. J. Heathers (2017), "The GRIM test: a simple technique
/// detects numerous anomalies in the reporting of results in psychology", *Social Psychological
/// and Personality Science* 8(4), 363–369.
public struct PublishedPercentage: Sendable, Equatable, Hashable, CustomStringConvertible {
  /// The percentage as printed, such as `"61"` or `"43.2"`.
  public let text: String
  /// The percentage as a number.
  public let value: Double
  /// The number of decimals the publisher rounded to.
  public let decimals: Int
  /// The publisher's rounding mode.
  public let rounding: PublisherRounding
  /// `P · 10^decimals` as an integer (exact).
  let scaled: Int

  /// The largest number of decimals accepted.
  public static let maximumDecimals = 6
  /// The largest segment size for which counts are checked (keeps the arithmetic exact).
  public static let maximumSize = 10_000_000

  /// Parses a printed percentage.
  ///
  /// - Parameters:
  ///   - text: the percentage as printed (`"61"`, `"43.2"`); a decimal number in [0, 100] with
  ///     at most `decimals` decimals.
  ///   - decimals: how many decimals the publisher rounded to (0…6).
  ///   - rounding: the publisher's rounding mode, ``PublisherRounding/unknown`` by default.
  ///   - name: how to name the value in an error message (e.g. `"--percent group-owned"`).
  /// - Throws: `InputError.invalidParameter` for a non-number, a value outside [0, 100], more
  ///   decimals than `decimals`, or `decimals` outside 0…6.
  /// - Complexity: O(length of `text`).
  public init(
    _ text: String, decimals: Int, rounding: PublisherRounding = .unknown,
    name: String = "percentage"
  ) throws {
    guard (0...Self.maximumDecimals).contains(decimals) else {
      throw InputError.invalidParameter(
        name: "decimals", value: "\(decimals)", expected: "an integer from 0 to 6")
    }
    let trimmed = text.trimmingSpaces()
    let parts = trimmed.split(separator: ".", omittingEmptySubsequences: false)
    let digitsOK =
      parts.count <= 2 && !parts[0].isEmpty
      && parts.allSatisfy { $0.allSatisfy { $0.isASCII && $0.isNumber } }
      && (parts.count == 1 || !parts[1].isEmpty)
    guard digitsOK, let value = Double(trimmed) else {
      throw InputError.invalidParameter(
        name: name, value: text, expected: "a percentage such as 61 or 43.2, in [0, 100]")
    }
    guard value >= 0, value <= 100 else {
      throw InputError.invalidParameter(
        name: name, value: text, expected: "a percentage in [0, 100]")
    }
    let fraction = parts.count == 2 ? String(parts[1]) : ""
    guard fraction.count <= decimals else {
      throw InputError.invalidParameter(
        name: name, value: text,
        expected: "at most \(decimals) decimal\(decimals == 1 ? "" : "s") (set --decimals to "
          + "the number of decimals the publisher printed)")
    }
    let padded = fraction + String(repeating: "0", count: decimals - fraction.count)
    guard let whole = Int(parts[0]), let frac = padded.isEmpty ? 0 : Int(padded) else {
      throw InputError.invalidParameter(
        name: name, value: text, expected: "a percentage such as 61 or 43.2, in [0, 100]")
    }
    self.text = trimmed
    self.value = value
    self.decimals = decimals
    self.rounding = rounding
    self.scaled = whole * Self.power10(decimals) + frac
  }

  public var description: String { text + " %" }

  static func power10(_ d: Int) -> Int {
    var p = 1
    for _ in 0..<d { p *= 10 }
    return p
  }

  /// Whether boundaries `P ± h` themselves reproduce the percentage.
  var includesBoundaries: (lower: Bool, upper: Bool) {
    switch rounding {
    case .unknown: return (true, true)
    case .halfUp: return (true, false)
    case .halfEven: return scaled % 2 == 0 ? (true, true) : (false, false)
    }
  }

  /// The counts `x` in `0...n` that reproduce this percentage, in increasing order.
  ///
  /// With `S = P·10^D`, `x` reproduces P when `n·(2S − 1) ≤ 200·10^D·x ≤ n·(2S + 1)`.
  /// - Parameter n: the segment size, 1…10,000,000.
  /// - Complexity: O(1) to find the range, O(result) to list it.
  public func consistentCounts(of n: Int) -> ClosedRange<Int>? {
    guard n >= 1, n <= Self.maximumSize else { return nil }
    let scale = 200 * Self.power10(decimals)
    let lowNum = n * (2 * scaled - 1)  // may be negative when P = 0
    let highNum = n * (2 * scaled + 1)
    let bounds = includesBoundaries
    // smallest x with scale·x ≥ lowNum (or > when the boundary is excluded)
    var lo = Self.ceilDiv(lowNum, scale)
    if !bounds.lower && lo * scale == lowNum { lo += 1 }
    var hi = Self.floorDiv(highNum, scale)
    if !bounds.upper && hi * scale == highNum { hi -= 1 }
    lo = max(lo, 0)
    hi = min(hi, n)
    return lo <= hi ? lo...hi : nil
  }

  /// Whether `x` of `n` reproduces this percentage.
  public func isReproduced(by x: Int, of n: Int) -> Bool {
    consistentCounts(of: n)?.contains(x) ?? false
  }

  /// The count closest to `P·n/100` among those that reproduce the percentage (ties: the lower).
  public func nearestConsistentCount(of n: Int) -> Int? {
    guard let r = consistentCounts(of: n) else { return nil }
    let target = value * Double(n) / 100
    return r.min { abs(Double($0) - target) < abs(Double($1) - target) } ?? r.lowerBound
  }

  static func floorDiv(_ a: Int, _ b: Int) -> Int {
    let q = a / b
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
  }
  static func ceilDiv(_ a: Int, _ b: Int) -> Int { -floorDiv(-a, b) }
}

extension String {
  /// The string without leading and trailing spaces and tabs.
  func trimmingSpaces() -> String { String(NumericText.trimmingBlanks(self[...])) }
}

extension SegmentList {
  /// `"a=61,b=43"` → published percentages.
  public static func percentages(
    _ text: String, decimals: Int, rounding: PublisherRounding = .unknown
  ) throws -> [(name: String, percentage: PublishedPercentage)] {
    try pairs(text, option: "--percent").map { item in
      (
        item.name,
        try PublishedPercentage(
          item.value, decimals: decimals, rounding: rounding, name: "--percent \(item.name)")
      )
    }
  }
}

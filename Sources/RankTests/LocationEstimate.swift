// LocationEstimate.swift: a Hodges–Lehmann estimate with its confidence interval.
import ResampleCore

/// A Hodges–Lehmann location estimate (a shift or a pseudo-median) with the confidence interval
/// R's `wilcox.test(conf.int = TRUE)` reports.
public struct LocationEstimate: Sendable, Equatable {
  /// The point estimate (R's `estimate`).
  public var estimate: Double
  /// The interval's lower end (−∞ for `alternative: .less`; NaN when it cannot be computed).
  public var lower: Double
  /// The interval's upper end (+∞ for `alternative: .greater`).
  public var upper: Double
  /// The confidence level of the interval: the one asked for, or what R reports instead when the
  /// sample is too small to reach it (R warns "requested conf.level not achievable").
  public var level: Double
  /// Whether the interval comes from the exact distribution (otherwise from inverting the
  /// normal approximation by root finding, R's method with ties or large samples).
  public var exact: Bool
  /// The alternative the interval belongs to (one-sided alternatives give one-sided intervals).
  public var alternative: Alternative
}

extension LocationEstimate {
  /// The largest |value| the Hodges–Lehmann estimates accept (2¹⁰²²): sums and differences of
  /// two such values stay finite.
  static let largestMagnitude = 0x1p1022

  /// Throws unless every value's magnitude is at most ``largestMagnitude``.
  static func requireModerate(_ values: [Double], _ name: String) throws {
    if let bad = values.first(where: { !(abs($0) <= largestMagnitude) }) {
      throw InputError.invalidParameter(
        name: name, value: "\(bad)",
        expected: "values within ±4.4e307 (differences and sums of two values must be finite "
          + "for the Hodges–Lehmann estimate): rescale the data")
    }
  }
}

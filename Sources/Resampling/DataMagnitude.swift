// DataMagnitude.swift: the range of data values the resampling statistics accept.
import ResampleCore

/// The largest magnitude of a data value that the bootstrap and permutation statistics accept.
///
/// Means, sums, variances and standard errors are accumulated in plain `Double` sums (the order
/// of those sums is part of the results' bit-for-bit determinism), so values beyond ±1e150
/// would overflow squares (1e150² = 1e300) or sums of many values to ±∞ — `perm` on
/// `1e308 1e308 1 2 3` reported an exact p = 0 with a NaN statistic, and `boot` an infinite
/// mean with a finite interval. Such data is refused with a message suggesting a rescale; every
/// result for data within the range is unchanged.
public enum DataMagnitude {
  /// 1e150: squares stay below 1e300, and sums of up to 1e8 of them below the double range.
  public static let maximum = 1e150

  /// Throws `InputError.invalidData` naming the first value of `values` beyond ±``maximum``.
  /// - Parameter source: how the sample is named in the message (`"sample 1"`).
  /// - Complexity: O(n).
  public static func validate(_ values: [Double], source: String) throws {
    if let bad = values.firstIndex(where: { abs($0) > maximum }) {
      throw InputError.invalidData(
        source: "\(source) value \(bad + 1)",
        reason: "\(values[bad]) is beyond ±1e150, where sums of squares overflow; "
          + "rescale the data (e.g. divide every value by a power of ten)")
    }
  }

  /// Throws `InputError.invalidData` naming the first value of `values` that is not finite.
  /// - Parameters:
  ///   - source: how the sample is named in the message (`"sample 1"`).
  ///   - item: what one value is called, before its 1-based position (`"value"`; `"row"` for a
  ///     column).
  /// - Complexity: O(n).
  static func requireFinite(_ values: [Double], source: String, item: String = "value") throws {
    if let bad = values.firstIndex(where: { !$0.isFinite }) {
      throw InputError.invalidData(
        source: "\(source) \(item) \(bad + 1)", reason: "\(values[bad]) is not a finite number")
    }
  }
}

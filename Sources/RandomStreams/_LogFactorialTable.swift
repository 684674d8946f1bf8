// _LogFactorialTable.swift: log-factorials and Stirling corrections for the samplers.
//
// Kept private to RandomStreams so that the samplers do not wait for SpecialFunctions; the
// table is built with Foundation's `lgamma`, the large-argument branch uses Stirling's series.
import Foundation

/// Log-factorials for the samplers' acceptance tests (not public API).
///
/// `value(k)` = log k!: exact to the rounding of glibc `lgamma` for k < 1024, Stirling's series
/// with four correction terms beyond (truncation error < 1e-25 there).
/// `difference(a, b)` = log(a!/b!) computed without the cancellation of `value(a) − value(b)`:
/// its absolute error grows with |a − b|, not with a log a.
@usableFromInline
internal enum _LogFactorial {
  /// Table size: log k! for k < `tableSize` comes from the table.
  @usableFromInline static let tableSize = 1024

  /// log k! for k in 0..<1024, from `lgamma(k + 1)`.
  @usableFromInline static let table: [Double] = (0..<1024).map { k in
    k < 2 ? 0 : lgamma(Double(k) + 1)
  }

  /// δ(k) = log k! − [(k + ½) log(k + 1) − (k + 1) + ½ log 2π] for k < 16 (exact, from the table).
  @usableFromInline static let smallCorrections: [Double] = (0..<16).map { k in
    let x = Double(k) + 1
    return (k < 2 ? 0 : lgamma(x)) - ((x - 0.5) * log(x) - x + halfLogTwoPi)
  }

  @usableFromInline static let halfLogTwoPi = 0.918_938_533_204_672_741_78

  /// log k! for k ≥ 0.
  @inlinable
  static func value(_ k: Int) -> Double {
    if k < tableSize { return table[k] }
    let x = Double(k) + 1
    return (x - 0.5) * Foundation.log(x) - x + halfLogTwoPi + correction(k)
  }

  /// The Stirling correction δ(k) = log k! − [(k + ½) log(k + 1) − (k + 1) + ½ log 2π].
  @inlinable
  static func correction(_ k: Int) -> Double {
    if k < 16 { return smallCorrections[k] }
    let x = Double(k) + 1
    let x2 = 1 / (x * x)
    // 1/(12x) − 1/(360x³) + 1/(1260x⁵) − 1/(1680x⁷)
    return (1.0 / 12 - x2 * (1.0 / 360 - x2 * (1.0 / 1260 - x2 / 1680))) / x
  }

  /// log(a!/b!) for a, b ≥ 0, accurate for large a and b close to each other.
  @inlinable
  static func difference(_ a: Int, _ b: Int) -> Double {
    if a < tableSize && b < tableSize { return table[a] - table[b] }
    // log a! − log b! = (a + ½) log((a+1)/(b+1)) + (a − b)(log(b + 1) − 1) + δ(a) − δ(b)
    let d = Double(a - b)
    let bp1 = Double(b) + 1
    return (Double(a) + 0.5) * Foundation.log1p(d / bp1) + d * (Foundation.log(bp1) - 1)
      + (correction(a) - correction(b))
  }
}

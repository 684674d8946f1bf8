// _LogFactorialDifference.swift: log-factorials for the samplers' acceptance tests, and
// log(a!/b!) without cancellation.
import SpecialFunctions
import _Platform

/// Log-factorials for the samplers (not public API).
///
/// `value(k)` is `SpecialFunctions.logFactorial(k)`. `difference(a, b)` = log(a!/b!) computed
/// from Loader's Stirling error δ rather than as `value(a) − value(b)`, so that its absolute
/// error grows with |a − b| rather than with a log a: the rejection samplers (BTPE, PTRS, HRUA)
/// compare such differences with log-uniforms, and at n = 10⁹ the naive difference would lose
/// about six digits.
@usableFromInline
internal enum _LogFactorial {
  /// log √(2π).
  @usableFromInline static let halfLogTwoPi = 0.918_938_533_204_672_741_78

  /// log k! for k ≥ 0.
  @inlinable
  static func value(_ k: Int) -> Double {
    SpecialFunctions.logFactorial(k)
  }

  /// log(a!/b!) for a, b ≥ 0.
  @inlinable
  static func difference(_ a: Int, _ b: Int) -> Double {
    if (a < 256 && b < 256) || a == 0 || b == 0 { return value(a) - value(b) }
    // log a! − log b! = (a + ½) log(a/b) + (a − b)(log b − 1) + δ(a) − δ(b), with
    // log k! = (k + ½) log k − k + log √(2π) + δ(k).
    let d = Double(a - b)
    let bd = Double(b)
    return (Double(a) + 0.5) * _Platform.log1p(d / bd) + d * (_Platform.log(bd) - 1)
      + (SpecialFunctions.stirlingError(Double(a)) - SpecialFunctions.stirlingError(bd))
  }
}

// NewcombePairedInterval.swift: Newcombe's square-and-add (hybrid score) interval for the
// difference of two paired proportions.
import Distributions
import ResampleCore

/// The difference of two paired proportions and Newcombe's interval for it.
public struct PairedProportionDifference: Sendable, Equatable {
  /// p₁ = (a + b)/n, the first measurement's share of successes.
  public let first: Double
  /// p₂ = (a + c)/n, the second's.
  public let second: Double
  /// p₁ − p₂ = (b − c)/n.
  public let difference: Double
  /// The interval for p₁ − p₂.
  public let interval: ProportionInterval
  /// The correlation estimate φ used (with Newcombe's N/2 correction).
  public let phi: Double
}

/// Newcombe's square-and-add interval (his method 10) for p₁ − p₂ of paired binary outcomes.
///
/// For the paired table `[[a, b], [c, d]]` (a: success on both, b: first only, c: second only,
/// n = a + b + c + d), with Wilson limits (l₁, u₁) of p₁ = (a + b)/n and (l₂, u₂) of
/// p₂ = (a + c)/n and d̂ = p₁ − p₂:
/// `L = d̂ − √((p₁ − l₁)² − 2φ(p₁ − l₁)(u₂ − p₂) + (u₂ − p₂)²)`,
/// `U = d̂ + √((p₂ − l₂)² − 2φ(p₂ − l₂)(u₁ − p₁) + (u₁ − p₁)²)`,
/// where φ = (A − n/2)/√(r₁r₂c₁c₂) if A = ad − bc > n/2, 0 if 0 ≤ A ≤ n/2, A/√(r₁r₂c₁c₂) if
/// A < 0, and 0 when a margin is empty (Newcombe 1998; Fagerland, Lydersen & Laake 2014).
///
/// - Parameters:
///   - a, b, c, d: the paired counts (rows: first measurement success/failure; columns: second).
///   - level: the confidence level (two-sided).
/// - Throws: `InputError` for negative counts, n = 0, or a level outside (0, 1).
/// - Complexity: O(1).
///
/// References: R. G. Newcombe (1998), "Improved confidence intervals for the difference between
/// binomial proportions based on paired data", *Statistics in Medicine* 17, 2635–2650;
/// M. W. Fagerland, S. Lydersen, P. Laake (2014), "Recommended tests and confidence intervals
/// for paired binomial proportions", *Statistics in Medicine* 33, 2850–2875.
public func newcombePairedInterval(a: Int, b: Int, c: Int, d: Int, level: Double = 0.95)
  throws -> PairedProportionDifference
{
  for (name, v) in [("a", a), ("b", b), ("c", c), ("d", d)] where v < 0 {
    throw InputError.invalidParameter(name: name, value: "\(v)", expected: "a count ≥ 0")
  }
  try InputError.requireLevel(level)
  let n = a + b + c + d
  guard n > 0 else {
    throw InputError.invalidData(source: "paired table", reason: "no pairs")
  }
  let nd = Double(n)
  let r1 = Double(a + b)
  let c1 = Double(a + c)
  let p1 = r1 / nd
  let p2 = c1 / nd
  let z = Normal.standard.quantile((1 + level) / 2)
  let (l1, u1) = wilsonScoreLimits(successes: r1, trials: nd, z: z)
  let (l2, u2) = wilsonScoreLimits(successes: c1, trials: nd, z: z)
  var phi = 0.0
  let margins = r1 * (nd - r1) * c1 * (nd - c1)
  if margins > 0 {
    let cross = Double(a) * Double(d) - Double(b) * Double(c)
    if cross > nd / 2 {
      phi = (cross - nd / 2) / margins.squareRoot()
    } else if cross < 0 {
      phi = cross / margins.squareRoot()
    }
  }
  let delta = p1 - p2
  let dl1 = p1 - l1
  let du2 = u2 - p2
  let dl2 = p2 - l2
  let du1 = u1 - p1
  let lower = delta - max(0, dl1 * dl1 - 2 * phi * dl1 * du2 + du2 * du2).squareRoot()
  let upper = delta + max(0, dl2 * dl2 - 2 * phi * dl2 * du1 + du1 * du1).squareRoot()
  return PairedProportionDifference(
    first: p1, second: p2, difference: delta,
    interval: ProportionInterval(lower: lower, upper: upper, level: level), phi: phi)
}

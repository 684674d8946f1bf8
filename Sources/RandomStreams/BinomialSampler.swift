// BinomialSampler.swift: binomial variates by table inversion (n·min(p, 1−p) < 30) and BTPE
// (Kachitvichyanukul & Schmeiser 1988) otherwise.
import ResampleCore
import _Platform

/// A sampler for the binomial distribution with fixed `trials` and `probability`.
///
/// Works with r = min(p, 1 − p) and reflects (X ↦ n − X) when p > ½. When n·r < 30 the sampler
/// tabulates the pmf outward from its mode (truncating where terms fall below 1e-20 of the
/// mode's) and inverts with a guide table: one uniform and O(1) expected work per draw. Otherwise
/// it uses BTPE (triangle, parallelograms and exponential tails as the hat), accepting by the
/// exact pmf ratio f(y)/f(m): by recursion for |y − m| ≤ 20, by log-factorial differences
/// beyond (and for n ≥ 1e14). Degenerate cases (n = 0, p ∈ {0, 1}) draw no random numbers.
///
/// - Complexity: O(1) expected per draw; O(√(n·r)) setup for the table, O(1) for BTPE.
///
/// References: V. Kachitvichyanukul, B. W. Schmeiser (1988), "Binomial random variate
/// generation", Communications of the ACM 31(2); H.-C. Chen, Y. Asau (1974) for the guide table.
public struct BinomialSampler: Sendable {
  /// The number of trials n.
  public let trials: Int
  /// The success probability p.
  public let probability: Double

  @usableFromInline
  internal enum Method: Sendable {
    case constant
    case table
    case btpe
  }

  // Flat storage (no enum payloads) so that sampling borrows instead of copying.
  @usableFromInline internal let method: Method
  @usableFromInline internal let constant: Int
  @usableFromInline internal private(set) var table: _InversionTable
  @usableFromInline internal private(set) var btpe: _BTPE
  @usableFromInline internal let reflect: Bool

  /// The largest number of trials accepted: 2⁵³, so that every count is exact as a Double.
  public static let maximumTrials = 1 << 53

  /// Creates a sampler for Binomial(`trials`, `probability`).
  ///
  /// - Parameters:
  ///   - trials: n, an integer in 0...2⁵³.
  ///   - probability: p, in [0, 1].
  /// - Throws: `InputError.invalidParameter` naming `trials` or `probability`.
  /// - Complexity: O(√(n·p·(1−p)) + 1).
  public init(trials: Int, probability: Double) throws {
    guard trials >= 0, trials <= BinomialSampler.maximumTrials else {
      throw InputError.invalidParameter(
        name: "trials", value: "\(trials)", expected: "an integer in 0...2^53")
    }
    try InputError.requireProbability(probability, "probability")
    self.trials = trials
    self.probability = probability
    reflect = probability > 0.5
    constant = probability == 1 ? trials : 0
    table = .unused
    btpe = .unused
    if trials == 0 || probability == 0 || probability == 1 {
      method = .constant
    } else if Double(trials) * min(probability, 1 - probability) < 30 {
      let n = trials
      let p = probability
      let q = 1 - p
      let mode = Int((Double(n + 1) * p).rounded(.down))
      method = .table
      table = _InversionTable(mode: min(mode, n), lower: 0, upper: n) { k in
        Double(n - k) / Double(k + 1) * (p / q)
      }
    } else {
      method = .btpe
      btpe = _BTPE(trials: trials, r: reflect ? 1 - probability : probability)
    }
  }

  /// Draws one binomial variate.
  ///
  /// - Parameters:
  ///   - generator: the random stream to draw from.
  /// - Returns: a count in 0...trials.
  /// - Complexity: O(1) expected.
  @inlinable
  public func sample<G: RandomNumberGenerator>(using generator: inout G) -> Int {
    switch method {
    case .constant:
      return constant
    case .table:
      return table.value(for: generator.nextUniform())
    case .btpe:
      let y = btpe.sample(using: &generator)
      return reflect ? trials - y : y
    }
  }
}

/// One binomial draw with parameters that change from call to call (not public API).
///
/// The caller validates n ≥ 0 and p in [0, 1]. Sequential inversion from 0 when n·r < 30, BTPE
/// (set up on the fly) otherwise.
@inlinable
internal func _binomialDraw<G: RandomNumberGenerator>(
  trials n: Int, probability p: Double, using generator: inout G
) -> Int {
  if n == 0 || p <= 0 { return 0 }
  if p >= 1 { return n }
  let reflect = p > 0.5
  let r = reflect ? 1 - p : p
  let y: Int
  if Double(n) * r < 30 {
    y = _binomialSequentialInversion(trials: n, r: r, using: &generator)
  } else {
    y = _BTPE(trials: n, r: r).sample(using: &generator)
  }
  return reflect ? n - y : y
}

/// Binomial(n, r) by sequential inversion from 0, for n·r < 30 and r ≤ ½.
///
/// q^n ≥ e^{−42} there, so nothing underflows. If rounding leaves u above the summed pmf the draw restarts, which renormalises.
@inlinable
internal func _binomialSequentialInversion<G: RandomNumberGenerator>(
  trials n: Int, r: Double, using generator: inout G
) -> Int {
  let q = 1 - r
  let ratio = r / q
  let p0 = _Platform.exp(Double(n) * _Platform.log1p(-r))
  while true {
    var u = generator.nextUniform()
    var x = 0
    var px = p0
    while u >= px {
      u -= px
      if x == n { break }
      x += 1
      px *= Double(n - x + 1) / Double(x) * ratio
      if px == 0 { break }
    }
    if u < px { return x }
  }
}

/// BTPE setup and sampling for Binomial(n, r), r ≤ ½, n·r ≥ 30 (not public API).
///
/// Kachitvichyanukul & Schmeiser (1988): the hat is a triangle (accepted at once), two
/// parallelograms and two exponential tails around the mode m = ⌊(n + 1) r⌋. The final
/// acceptance compares v with the exact ratio f(y)/f(m) rather than the paper's Stirling-based
/// bound, so the output distribution is exactly binomial up to floating-point rounding.
@usableFromInline
internal struct _BTPE: Sendable {
  @usableFromInline let n: Int
  @usableFromInline let r: Double
  @usableFromInline let m: Int
  @usableFromInline let p1: Double
  @usableFromInline let xm: Double
  @usableFromInline let xl: Double
  @usableFromInline let xr: Double
  @usableFromInline let c: Double
  @usableFromInline let lambdaL: Double
  @usableFromInline let lambdaR: Double
  @usableFromInline let p2: Double
  @usableFromInline let p3: Double
  @usableFromInline let p4: Double
  @usableFromInline let s: Double
  @usableFromInline let a: Double
  @usableFromInline let logRatio: Double

  /// A placeholder for samplers that use another method.
  @usableFromInline static let unused = _BTPE(trials: 60, r: 0.5)

  @inlinable
  init(trials n: Int, r: Double) {
    let q = 1 - r
    let nd = Double(n)
    let fm = nd * r + r
    let m = Int(fm.rounded(.down))
    let md = Double(m)
    let npq = nd * r * q
    let p1 = (2.195 * npq.squareRoot() - 4.6 * q).rounded(.down) + 0.5
    let xm = md + 0.5
    let xl = xm - p1
    let xr = xm + p1
    let c = 0.134 + 20.5 / (15.3 + md)
    var t = (fm - xl) / (fm - xl * r)
    let lambdaL = t * (1 + 0.5 * t)
    t = (xr - fm) / (xr * q)
    let lambdaR = t * (1 + 0.5 * t)
    let p2 = p1 * (1 + 2 * c)
    let p3 = p2 + c / lambdaL
    self.n = n
    self.r = r
    self.m = m
    self.p1 = p1
    self.xm = xm
    self.xl = xl
    self.xr = xr
    self.c = c
    self.lambdaL = lambdaL
    self.lambdaR = lambdaR
    self.p2 = p2
    self.p3 = p3
    self.p4 = p3 + c / lambdaR
    self.s = r / q
    self.a = (r / q) * (nd + 1)
    self.logRatio = _Platform.log(r / q)
  }

  @inlinable
  func sample<G: RandomNumberGenerator>(using generator: inout G) -> Int {
    while true {
      let u = generator.nextUniform() * p4
      var v = generator.nextUniform()
      let y: Int
      if u <= p1 {
        // Triangle: inside the density everywhere, accept at once.
        return Int((xm - p1 * v + u).rounded(.down))
      } else if u <= p2 {
        // Parallelograms.
        let x = xl + (u - p1) / c
        v = v * c + 1 - abs(xm - x) / p1
        if v > 1 { continue }
        y = Int(x.rounded(.down))
      } else if u <= p3 {
        // Left exponential tail.
        let yd = (xl + _Platform.log(v) / lambdaL).rounded(.down)
        if !(yd >= 0) { continue }
        y = Int(yd)
        v *= (u - p2) * lambdaL
      } else {
        // Right exponential tail.
        let yd = (xr - _Platform.log(v) / lambdaR).rounded(.down)
        if !(yd <= Double(n)) { continue }
        y = Int(yd)
        v *= (u - p3) * lambdaR
      }
      // Accept when v ≤ f(y)/f(m).
      let k = y - m
      if k.magnitude <= 20 && n < 100_000_000_000_000 {
        // f(i)/f(i − 1) = (a − s·i)/i with a = s(n + 1), s = r/q. Numerator and denominator
        // products (each < (n + 1)²⁰ ≤ 1e281 for n < 1e14) avoid a division per step.
        var num = 1.0
        var den = 1.0
        if k > 0 {
          var i = m + 1
          while i <= y {
            let di = Double(i)
            num *= a - s * di
            den *= di
            i += 1
          }
        } else if k < 0 {
          var i = y + 1
          while i <= m {
            let di = Double(i)
            num *= di
            den *= a - s * di
            i += 1
          }
        }
        if v * den <= num { return y }
      } else {
        let logRatio =
          _LogFactorial.difference(m, y) + _LogFactorial.difference(n - m, n - y)
          + Double(k) * self.logRatio
        if _Platform.log(v) <= logRatio { return y }
      }
    }
  }
}

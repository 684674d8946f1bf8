// RaoWuBootstrap.swift: the Rao–Wu rescaling bootstrap for stratified cluster samples —
// replicate weight factors per PSU, replicate b drawn from stream b.
import RandomStreams
import ResampleCore

/// Rao–Wu(–Yue) rescaling bootstrap replicate factors.
///
/// In each stratum h with n_h ≥ 2 PSUs, replicate b draws m_h = n_h − 1 PSUs with replacement;
/// PSU i, drawn r_hi times, gets the factor 1 − λ_h + λ_h (n_h/m_h) r_hi with
/// λ_h = √(m_h (1 − f_h)/(n_h − 1)) (so without a finite-population correction the factor is
/// n_h/(n_h − 1) · r_hi). A respondent's replicate weight is its weight times its PSU's factor.
/// The variance of an estimate is then Σ_b (θ_b − θ̄)²/(B − 1) (``ReplicateType/bootstrap``).
/// Strata with one PSU keep factor 1 (they add nothing, as `certainty`).
///
/// Replicate b uses Philox4x32 stream b of `seed`, drawing strata in order, so the factors depend
/// only on the design, the seed and b — never on how replicates are split over threads or
/// processes.
///
/// References: J. N. K. Rao and C. F. J. Wu, "Resampling inference with complex survey data",
/// *JASA* 83 (1988) 231–241; J. N. K. Rao, C. F. J. Wu and K. Yue, "Some recent work on
/// resampling methods for complex surveys", *Survey Methodology* 18 (1992) 209–217.
public enum RaoWuBootstrap {
  /// The factors of replicates `range`, PSU-major per replicate: factor of PSU p in replicate
  /// `range.lowerBound + j` at `[p + j · P]`.
  ///
  /// - Parameters:
  ///   - sample: the design's strata and PSUs.
  ///   - range: the replicate indices (any sub-range gives the same factors as the whole).
  ///   - seed: the seed.
  /// - Complexity: O(P) per replicate.
  public static func factors(
    _ sample: StratifiedClusterSample, replicates range: Range<Int>, seed: UInt64
  ) -> [Double] {
    let p = sample.psuCount
    var psusOf = [[Int]](repeating: [], count: sample.strataCount)
    for q in 0..<p { psusOf[sample.stratumOfPSU[q]].append(q) }
    var out = [Double](repeating: 1, count: p * range.count)
    var draws = [Int](repeating: 0, count: p)
    for (j, b) in range.enumerated() {
      var g = Philox4x32(seed: seed, stream: UInt64(b))
      for (h, psus) in psusOf.enumerated() where psus.count >= 2 {
        let n = psus.count
        let m = n - 1
        for q in psus { draws[q] = 0 }
        for _ in 0..<m { draws[psus[g.nextBounded(n)]] += 1 }
        let lambda = (Double(m) * (1 - sample.samplingFraction[h]) / Double(n - 1)).squareRoot()
        for q in psus {
          out[q + j * p] = 1 - lambda + lambda * Double(n) / Double(m) * Double(draws[q])
        }
      }
    }
    return out
  }
}

/// Delete-one-PSU jackknife replicate factors without strata (JK1, R's `jk1weights`).
///
/// Replicate r drops PSU r (factor 0) and multiplies the others by P/(P − 1); the variance is
/// (P − 1)/P · Σ_r (θ_r − θ̄)² (``ReplicateType/jk1``).
public enum DeleteOneJackknife {
  /// The factors, PSU-major per replicate (P replicates): factor of PSU p in replicate r at
  /// `[p + r · P]`.
  ///
  /// - Throws: `InputError.invalidParameter` when the design has strata (use the bootstrap) or
  ///   fewer than two PSUs.
  /// - Complexity: O(P²).
  public static func factors(_ sample: StratifiedClusterSample) throws -> [Double] {
    guard sample.strataCount == 1 else {
      throw InputError.invalidParameter(
        name: "--type", value: "jk1",
        expected: "a design without strata (with strata use --type bootstrap)")
    }
    let p = sample.psuCount
    guard p >= 2 else {
      throw InputError.invalidParameter(
        name: "--type", value: "jk1", expected: "at least two PSUs")
    }
    let keep = Double(p) / Double(p - 1)
    var out = [Double](repeating: keep, count: p * p)
    for r in 0..<p { out[r + r * p] = 0 }
    return out
  }
}

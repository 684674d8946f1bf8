// DesignBootstrap.swift: bootstrap intervals for a weighted mean, or the difference of two domain
// means, that honour a stratified cluster design — Rao–Wu replicates of the PSU totals through
// blocked dgemm.
import LinearAlgebra
import ResampleCore
import Resampling

/// The design-based bootstrap of a weighted mean θ = Σ w y / Σ w (a proportion for 0/1 values),
/// or of the difference θ_A − θ_B of two domains' means.
///
/// Replicate b rescales the PSUs with the Rao–Wu factors of stream b (``RaoWuBootstrap``), so a
/// replicate estimate is a ratio of factor-weighted PSU totals: for a block of replicates the
/// totals are one product Fᵀ T of the P × m factor block and the P × 2D matrix of PSU totals
/// (Σ w y and Σ w per domain), through dgemm. Blocks always have ``blockSize`` columns (a short
/// last block is padded), so a replicate's value depends only on the design, the seed and b —
/// never on the thread count.
///
/// Intervals from the replicates: percentile, basic, normal (as ``BootstrapIntervals``) and BCa
/// with z0 from the replicates and the acceleration from the delete-one-PSU jackknife within
/// strata (JKn), each stratum a sample in the multi-sample rule of
/// ``Jackknife/acceleration(_:)``. Studentized intervals are not offered.
///
/// References: J. N. K. Rao, C. F. J. Wu and K. Yue, *Survey Methodology* 18 (1992) 209–217;
/// B. Efron, *JASA* 82 (1987) 171–185; K. M. Wolter, *Introduction to Variance Estimation*,
/// 2nd ed., Springer 2007, ch. 4–5.
public struct DesignBootstrap: Sendable {
  /// Replicates per block of the factor × totals product.
  public static let blockSize = 64

  /// The result of ``run(replicates:seed:threads:methods:level:alternative:)``.
  public struct Result: Sendable {
    /// θ (one domain) or θ_A − θ_B.
    public let estimate: Double
    /// The domain means θ_d.
    public let domainMeans: [Double]
    /// Respondents per domain.
    public let domainCounts: [Int]
    /// The standard deviation of the finite replicates (the Rao–Wu bootstrap SE).
    public let standardError: Double
    /// The Taylor-linearization SE of the same estimate, for comparison.
    public let linearizationStandardError: Double
    /// Mean of the finite replicates minus the estimate.
    public let bias: Double
    /// The finite replicates used.
    public let replicates: Int
    /// BCa's z0 (nil unless BCa was asked for).
    public let biasCorrection: Double?
    /// BCa's acceleration from the PSU jackknife (nil unless BCa was asked for, or undefined).
    public let acceleration: Double?
    /// The intervals, in the order asked for.
    public let intervals: [ConfidenceInterval]
  }

  let sample: StratifiedClusterSample
  let domains: Int
  /// PSU totals, P × 2D column-major: Σ w y of domain d in column 2d, Σ w in column 2d + 1.
  let psuTotals: [Double]
  /// Column totals of `psuTotals`.
  let totals: [Double]
  let counts: [Int]

  /// Prepares the bootstrap.
  ///
  /// - Parameters:
  ///   - values: y per respondent (finite).
  ///   - domainOfRow: per respondent its domain in `0..<domains`, or −1 to leave it out.
  ///   - domains: 1 (θ) or 2 (θ_0 − θ_1).
  ///   - design: a stratified cluster design over the same respondents (Taylor structure).
  /// - Throws: `InputError` for mismatched lengths, a non-finite value, a replicate-weight
  ///   design, or a domain with no positive weight.
  /// - Complexity: O(n + P D).
  public init(values: [Double], domainOfRow: [Int], domains: Int, design: SurveyDesign) throws {
    guard case .stratifiedClusters(let sample) = design.structure else {
      throw InputError.invalidParameter(
        name: "--replicate-weights", value: "given",
        expected: "a design from --weight/--strata/--cluster/--fpc: the bootstrap resamples its "
          + "PSUs (Rao–Wu); with given replicate weights, compare --data or prop --data report "
          + "the design-based SE and t interval")
    }
    let n = design.count
    guard values.count == n, domainOfRow.count == n, domains == 1 || domains == 2 else {
      throw InputError.invalidData(
        source: "the design bootstrap",
        reason: "\(values.count) values and \(domainOfRow.count) domains for \(n) respondents")
    }
    let p = sample.psuCount
    var t = [Double](repeating: 0, count: p * 2 * domains)
    var counts = [Int](repeating: 0, count: domains)
    for i in 0..<n {
      let d = domainOfRow[i]
      guard d >= 0, d < domains else { continue }
      let y = values[i]
      guard y.isFinite else {
        throw InputError.invalidData(
          source: "data row \(i + 1)", reason: "value \(y) is not a finite number")
      }
      let w = design.weights[i]
      let q = sample.psuOfRow[i]
      t[q + 2 * d * p] += w * y
      t[q + (2 * d + 1) * p] += w
      counts[d] += 1
    }
    var totals = [Double](repeating: 0, count: 2 * domains)
    for c in 0..<(2 * domains) {
      for q in 0..<p { totals[c] += t[q + c * p] }
    }
    for d in 0..<domains where !(totals[2 * d + 1] > 0) {
      throw InputError.invalidData(
        source: domains == 1 ? "the sample" : "group \(d == 0 ? "A" : "B")",
        reason: "no respondent with a positive weight")
    }
    self.sample = sample
    self.domains = domains
    self.psuTotals = t
    self.totals = totals
    self.counts = counts
  }

  /// The statistic from 2D totals (Σ w y, Σ w per domain), read at `at(c)`.
  @inline(__always)
  private func statistic(_ at: (Int) -> Double) -> Double {
    let a = at(0) / at(1)
    return domains == 1 ? a : a - at(2) / at(3)
  }

  /// The statistic of every replicate in `0..<count`.
  ///
  /// - Complexity: O(B P D) flops in dgemm plus O(B P) for the factors.
  public func replicateValues(count b: Int, seed: UInt64, threads: Int) -> [Double] {
    replicateValues(0..<b, seed: seed, threads: threads)
  }

  /// The statistic of every replicate in `range` (a shard's), identical to those values of the
  /// whole run: each block of ``blockSize`` replicates starts at a multiple of the block size,
  /// whatever the range, so every replicate is computed in the same column of the same product.
  ///
  /// - Complexity: O(|range| P D) flops in dgemm plus O(|range| P) for the factors.
  public func replicateValues(_ range: Range<Int>, seed: UInt64, threads: Int) -> [Double] {
    let p = sample.psuCount
    let k = 2 * domains
    let m = Self.blockSize
    var out = [Double](repeating: .nan, count: range.count)
    guard !range.isEmpty else { return out }
    let firstBlock = range.lowerBound / m
    let blocks = (range.upperBound - 1) / m - firstBlock + 1
    let tm = Matrix(rows: p, columns: k, columnMajor: psuTotals)
    out.withUnsafeMutableBufferPointer { buffer in
      let shared = UnsafeShared(buffer)
      ParallelFor.run(count: blocks, chunkSize: 1, threads: threads) { chunks in
        for chunk in chunks {
          for block in chunk.range {
            let start = (firstBlock + block) * m
            let whole = start..<(start + m)
            let f = RaoWuBootstrap.factors(sample, replicates: whole, seed: seed)
            let r = Matrix(rows: p, columns: m, columnMajor: f).multiplied(
              by: tm, transposeSelf: true)
            for b in max(start, range.lowerBound)..<min(start + m, range.upperBound) {
              shared.value[b - range.lowerBound] = statistic { r[b - start, $0] }
            }
          }
        }
      }
    }
    return out
  }

  /// The estimate and its Taylor-linearization standard error.
  func linearization() -> (estimate: Double, standardError: Double) {
    let p = sample.psuCount
    let theta = (0..<domains).map { totals[2 * $0] / totals[2 * $0 + 1] }
    var z = [Double](repeating: 0, count: p)
    for d in 0..<domains {
      let sign = d == 0 ? 1.0 : -1.0
      for q in 0..<p {
        z[q] +=
          sign * (psuTotals[q + 2 * d * p] - theta[d] * psuTotals[q + (2 * d + 1) * p])
          / totals[2 * d + 1]
      }
    }
    let v = TaylorLinearization.covariance(psuTotals: z, columns: 1, sample: sample)
    return (statistic { totals[$0] }, max(v[0, 0], 0).squareRoot())
  }

  /// The BCa acceleration from the delete-one-PSU jackknife within strata (JKn), or nil when
  /// it is undefined (fewer than two PSUs in every stratum, or all jackknife values equal).
  ///
  /// - Complexity: O(P D).
  public func acceleration() -> Double? {
    let p = sample.psuCount
    let k = 2 * domains
    var stratumTotals = [Double](repeating: 0, count: sample.strataCount * k)
    for q in 0..<p {
      for c in 0..<k {
        stratumTotals[sample.stratumOfPSU[q] + c * sample.strataCount] += psuTotals[q + c * p]
      }
    }
    var samples = [[Double]](repeating: [], count: sample.strataCount)
    for q in 0..<p {
      let h = sample.stratumOfPSU[q]
      let nh = sample.psusInStratum[h]
      guard nh >= 2 else { continue }
      let grow = Double(nh) / Double(nh - 1)
      samples[h].append(
        statistic { c in
          let own = psuTotals[q + c * p]
          let rest = stratumTotals[h + c * sample.strataCount] - own
          return totals[c] - stratumTotals[h + c * sample.strataCount] + grow * rest
        })
    }
    let values = samples.filter { !$0.isEmpty }.map {
      Jackknife.Values(values: $0, weights: [Int](repeating: 1, count: $0.count))
    }
    return values.isEmpty ? nil : Jackknife.acceleration(values)
  }

  /// Replicates and intervals.
  ///
  /// - Parameters:
  ///   - replicates: B ≥ 2.
  ///   - seed: the seed of the Rao–Wu streams.
  ///   - threads: workers (the result does not depend on it).
  ///   - methods: percentile, basic, normal, bca (studentized is refused).
  ///   - level: confidence level in (0, 1).
  ///   - alternative: two-sided or one-sided.
  /// - Throws: `InputError` for B < 2, an invalid level, studentized intervals, or fewer than two
  ///   finite replicates.
  /// - Complexity: as ``replicateValues(count:seed:threads:)`` plus O(B log B) for the quantiles.
  public func run(
    replicates b: Int, seed: UInt64, threads: Int, methods: [IntervalMethod], level: Double,
    alternative: Alternative = .twoSided
  ) throws -> Result {
    try Self.check(replicates: b, methods: methods, level: level)
    return try result(
      fromReplicates: replicateValues(count: b, seed: seed, threads: threads), methods: methods,
      level: level, alternative: alternative)
  }

  /// Throws for B < 2, a level outside (0, 1) or a studentized interval.
  static func check(replicates b: Int, methods: [IntervalMethod], level: Double) throws {
    try InputError.requireLevel(level)
    guard b >= 2 else {
      throw InputError.invalidParameter(
        name: "--replicates", value: "\(b)", expected: "at least 2")
    }
    if methods.contains(.studentized) {
      throw InputError.invalidParameter(
        name: "--method", value: "studentized",
        expected: "percentile, basic, normal or bca with a survey design")
    }
  }

  /// The result from the replicates 0..<B computed elsewhere (a shard's ranges, concatenated).
  ///
  /// - Parameters:
  ///   - values: replicate b's statistic at index b (NaN where a domain is empty), B ≥ 2.
  ///   - methods, level, alternative: as ``run(replicates:seed:threads:methods:level:alternative:)``.
  /// - Throws: as that function.
  /// - Complexity: O(B log B).
  public func result(
    fromReplicates values: [Double], methods: [IntervalMethod], level: Double,
    alternative: Alternative = .twoSided
  ) throws -> Result {
    try Self.check(replicates: values.count, methods: methods, level: level)
    let lin = linearization()
    let finite = values.filter(\.isFinite)
    guard finite.count >= 2 else {
      throw InputError.invalidData(
        source: "the design bootstrap",
        reason: "fewer than two replicates have an estimate (a domain is empty in the others)")
    }
    let mean = finite.reduce(0, +) / Double(finite.count)
    let sd = (finite.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(finite.count - 1))
      .squareRoot()
    let distribution = ReplicateQuantile(finite)
    var z0: Double?
    var accel: Double?
    let intervals = methods.map { method -> ConfidenceInterval in
      switch method {
      case .percentile:
        return BootstrapIntervals.percentile(distribution, level: level, alternative: alternative)
      case .basic:
        return BootstrapIntervals.basic(
          estimate: lin.estimate, distribution, level: level, alternative: alternative)
      case .normal, .studentized:
        return BootstrapIntervals.normal(
          estimate: lin.estimate, replicateMean: mean, standardError: sd,
          replicates: finite.count, level: level, alternative: alternative)
      case .bca:
        let a = acceleration()
        accel = a
        z0 = BootstrapIntervals.biasCorrection(estimate: lin.estimate, distribution)
        return BootstrapIntervals.bca(
          estimate: lin.estimate, distribution, acceleration: a ?? .nan, level: level,
          alternative: alternative)
      }
    }
    return Result(
      estimate: lin.estimate,
      domainMeans: (0..<domains).map { totals[2 * $0] / totals[2 * $0 + 1] },
      domainCounts: counts, standardError: sd, linearizationStandardError: lin.standardError,
      bias: mean - lin.estimate, replicates: finite.count, biasCorrection: z0,
      acceleration: accel, intervals: intervals)
  }
}

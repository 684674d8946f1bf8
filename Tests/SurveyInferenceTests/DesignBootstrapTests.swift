// DesignBootstrapTests.swift: the Rao–Wu design bootstrap's replicates depend only on the design,
// the seed and the replicate index (not on threads or on B); its linearization SE equals the
// general ratio estimator's. R agreement is checked in CLITests/BootDesignCLITests.
import ResampleCore
import Testing
import _TestSupport

@testable import SurveyInference

/// 40 respondents in 12 clusters in 3 strata, unequal weights.
private func smallDesign() throws -> (design: SurveyDesign, values: [Double], domain: [Int]) {
  let n = 40
  let strata = (0..<n).map { "s\($0 % 3)" }
  let clusters = (0..<n).map { "c\($0 % 12)" }
  let weights = (0..<n).map { 1 + Double($0 % 5) * 0.5 }
  let values: [Double] = (0..<n).map { i -> Double in
    let base = Double((i * 37) % 11)
    return base + 0.25 * Double(i % 4)
  }
  let domain = (0..<n).map { $0 % 4 == 3 ? -1 : $0 % 2 }
  let sample = try StratifiedClusterSample(
    rows: n, strata: strata, clusters: clusters, fpc: nil)
  return (try SurveyDesign(weights: weights, sample: sample), values, domain)
}

@Suite struct DesignBootstrapTests {
  @Test func replicatesDependOnlyOnTheirIndex() throws {
    let (design, values, domain) = try smallDesign()
    let boot = try DesignBootstrap(values: values, domainOfRow: domain, domains: 2, design: design)
    // Bit patterns: replicates that leave a domain empty are NaN, and NaN ≠ NaN.
    func bits(_ count: Int, seed: UInt64 = 42, threads: Int) -> [UInt64] {
      boot.replicateValues(count: count, seed: seed, threads: threads).map(\.bitPattern)
    }
    let long = bits(1000, threads: 1)
    #expect(
      long.contains { Double(bitPattern: $0).isNaN }
        && long.contains { !Double(bitPattern: $0).isNaN })
    #expect(bits(1000, threads: 2) == long)
    #expect(bits(1000, threads: 7) == long)
    // A shorter run is a prefix (blocks are padded, never resized).
    #expect(bits(100, threads: 2) == Array(long.prefix(100)))
    #expect(bits(1000, seed: 43, threads: 1) != long)
  }

  /// A shard's range of replicates is the same slice of the whole run, bit for bit, for ranges
  /// that do not start at a block boundary; the result from the concatenated ranges equals run's.
  @Test func rangesAreSlicesOfTheWholeRun() throws {
    let (design, values, domain) = try smallDesign()
    let boot = try DesignBootstrap(values: values, domainOfRow: domain, domains: 2, design: design)
    let whole = boot.replicateValues(count: 500, seed: 9, threads: 1).map(\.bitPattern)
    for range in [0..<500, 3..<70, 64..<128, 127..<129, 199..<500, 250..<250] {
      for threads in [1, 2] {
        let part = boot.replicateValues(range, seed: 9, threads: threads).map(\.bitPattern)
        #expect(part == Array(whole[range]), "\(range) threads \(threads)")
      }
    }
    let pieces = [0..<137, 137..<300, 300..<500].flatMap {
      boot.replicateValues($0, seed: 9, threads: 2)
    }
    let merged = try boot.result(fromReplicates: pieces, methods: [.percentile, .bca], level: 0.9)
    let direct = try boot.run(
      replicates: 500, seed: 9, threads: 1, methods: [.percentile, .bca], level: 0.9)
    #expect(merged.intervals == direct.intervals)
    #expect(merged.standardError == direct.standardError)
  }

  @Test func linearizationEqualsTheRatioEstimator() throws {
    let (design, values, domain) = try smallDesign()
    let boot = try DesignBootstrap(values: values, domainOfRow: domain, domains: 2, design: design)
    let lin = boot.linearization()
    // θ_0 − θ_1 as two ratios of the general estimator.
    let n = values.count
    var a = [Double](repeating: 0, count: 2 * n)
    var b = [Double](repeating: 0, count: 2 * n)
    for i in 0..<n where domain[i] >= 0 {
      a[i + domain[i] * n] = values[i]
      b[i + domain[i] * n] = 1
    }
    let r = try design.ratios(numerators: a, denominators: b, count: 2)
    #expect(isClose(lin.estimate, r.estimates[0] - r.estimates[1], relative: 1e-13))
    #expect(isClose(lin.standardError, r.differenceStandardError(0, 1), relative: 1e-12))
  }

  @Test func bootstrapVarianceApproachesTheDesignVariance() throws {
    // For a linear statistic (a total's mean with known N) the Rao–Wu variance equals the
    // linearization variance in expectation; for the mean (a ratio) it is close. B = 20,000:
    // the SE of the bootstrap SE is about 0.5 %; allow 4 of them plus 2 % nonlinearity.
    let (design, values, _) = try smallDesign()
    let boot = try DesignBootstrap(
      values: values, domainOfRow: [Int](repeating: 0, count: values.count), domains: 1,
      design: design)
    let r = try boot.run(
      replicates: 20_000, seed: 5, threads: 2, methods: [.percentile, .bca], level: 0.95)
    let lin = boot.linearization().standardError
    #expect(abs(r.standardError / lin - 1) < 4 * 0.005 + 0.02, "\(r.standardError) vs \(lin)")
    #expect(r.acceleration != nil && r.biasCorrection != nil)
  }

  @Test func emptyDomainAndReplicateDesignsAreRefused() throws {
    let (design, values, _) = try smallDesign()
    #expect(throws: InputError.self) {
      try DesignBootstrap(
        values: values, domainOfRow: [Int](repeating: 0, count: values.count), domains: 2,
        design: design)
    }
    var bad = values
    bad[3] = .nan
    #expect(throws: InputError.self) {
      try DesignBootstrap(
        values: bad, domainOfRow: [Int](repeating: 0, count: values.count), domains: 1,
        design: design)
    }
  }
}

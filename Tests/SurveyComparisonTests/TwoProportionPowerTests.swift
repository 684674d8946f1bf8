import ResampleCore
import Testing
import _TestSupport

@testable import SurveyComparison

@Suite struct TwoProportionPowerTests {
  /// Shards of `power --simulations`: the rejections of ranges that tile 0..<studies add up to
  /// the single run's power, to the last bit.
  @Test func rejectionsOfRangesAddUpToTheSingleRun() throws {
    let whole = try TwoProportionPower.simulatedPower(
      p1: 0.3, p2: 0.45, n1: 60, n2: 70, test: .pooledZ, studies: 3001, seed: 11, threads: 2)
    let cuts = [0, 0, 1000, 1001, 3001]
    let rejections = try zip(cuts, cuts.dropFirst()).map { lo, hi in
      try TwoProportionPower.simulatedRejections(
        p1: 0.3, p2: 0.45, n1: 60, n2: 70, test: .pooledZ, studies: 3001, range: lo..<hi,
        seed: 11, threads: 2)
    }.reduce(0, +)
    #expect(SimulatedPower(rejections: rejections, studies: 3001, seed: 11) == whole)
    #expect(throws: InputError.self) {
      try TwoProportionPower.simulatedRejections(
        p1: 0.3, p2: 0.45, n1: 6, n2: 7, studies: 10, range: 0..<11, seed: 1)
    }
  }

  @Test func exactPowerOfPooledZMatchesEnumerationReference() throws {
    let f = try loadSurveyFixture()
    for row in f.power.pooledZExact {
      let p = try TwoProportionPower.exactPower(
        p1: 0.61, p2: 0.43, n1: row.n, n2: row.n, test: .pooledZ)
      #expect(isClose(p, row.power, relative: 1e-9), "n = \(row.n)")
    }
    // W6 (Benchmarks/peers/README.md): exact power by enumerating all outcomes, 4 decimals.
    let w6 = [0.1869, 0.3864, 0.5245, 0.6218, 0.7421, 0.7905, 0.8549, 0.9003, 0.9315, 0.9529]
    for (i, n) in stride(from: 20, through: 200, by: 20).enumerated() {
      let p = try TwoProportionPower.exactPower(p1: 0.61, p2: 0.43, n1: n, n2: n, test: .pooledZ)
      #expect(abs(p - w6[i]) < 0.00005)
    }
    let u = f.power.pooledZExactUnequal[0]
    #expect(
      isClose(
        try TwoProportionPower.exactPower(
          p1: 0.61, p2: 0.43, n1: u.n[0], n2: u.n[1], test: .pooledZ), u.power, relative: 1e-9))
  }

  @Test func exactPowerOfFisherMatchesScipyEnumeration() throws {
    let f = try loadSurveyFixture()
    for row in f.power.fisherExact {
      let p = try TwoProportionPower.exactPower(
        p1: 0.61, p2: 0.43, n1: row.n[0], n2: row.n[1], test: .fisherExact)
      #expect(isClose(p, row.power, relative: 1e-9), "n = \(row.n)")
    }
  }

  @Test func analyticMatchesPowerPropTest() throws {
    let f = try loadSurveyFixture()
    let n = try TwoProportionPower.analyticSize(p1: 0.61, p2: 0.43)
    #expect(isClose(n, f.power.analyticNPerGroup, relative: 1e-9))
    for row in f.power.analyticPower {
      let p = try TwoProportionPower.analyticPower(
        p1: 0.61, p2: 0.43, n1: Double(row.n), n2: Double(row.n))
      #expect(isClose(p, row.power, relative: 1e-9))
    }
    // A design effect d multiplies the required n by d.
    let nd = try TwoProportionPower.analyticSize(
      p1: 0.61, p2: 0.43, designEffect: DesignEffect(1.5))
    #expect(isClose(nd, 1.5 * n, relative: 1e-12))
  }

  /// Simulated power agrees with the exact power within 4 Monte Carlo standard errors, and is
  /// independent of the thread count.
  @Test(arguments: [PowerTest.pooledZ, .fisherExact])
  func simulationAgreesWithEnumeration(_ test: PowerTest) throws {
    for n in [20, 80, 140] {
      let exact = try TwoProportionPower.exactPower(p1: 0.61, p2: 0.43, n1: n, n2: n, test: test)
      let one = try TwoProportionPower.simulatedPower(
        p1: 0.61, p2: 0.43, n1: n, n2: n, test: test, studies: 20_000, seed: 2026)
      let two = try TwoProportionPower.simulatedPower(
        p1: 0.61, p2: 0.43, n1: n, n2: n, test: test, studies: 20_000, seed: 2026, threads: 2)
      #expect(one == two)
      let se = (exact * (1 - exact) / 20_000).squareRoot()
      #expect(abs(one.power - exact) < 4 * se, "n = \(n): \(one.power) vs \(exact)")
    }
  }

  @Test func exactSizeIsTheFirstCrossing() throws {
    let n = try #require(try TwoProportionPower.exactSize(p1: 0.61, p2: 0.43, test: .pooledZ))
    let at = try TwoProportionPower.exactPower(p1: 0.61, p2: 0.43, n1: n, n2: n, test: .pooledZ)
    #expect(at >= 0.8)
    for m in max(1, n - 30)..<n {
      #expect(
        try TwoProportionPower.exactPower(
          p1: 0.61, p2: 0.43, n1: m, n2: m, test: .pooledZ) < 0.8)
    }
    let fisher = try #require(try TwoProportionPower.exactSize(p1: 0.61, p2: 0.43))
    #expect(fisher >= n - 5)  // Fisher is conservative: it needs at least about as many
  }

  @Test func badInput() {
    #expect(throws: InputError.self) { try TwoProportionPower.analyticSize(p1: 0.5, p2: 0.5) }
    #expect(throws: InputError.self) { try TwoProportionPower.analyticSize(p1: 1.5, p2: 0.5) }
    #expect(throws: InputError.self) {
      try TwoProportionPower.exactPower(p1: 0.5, p2: 0.4, n1: 0, n2: 10)
    }
    #expect(throws: InputError.self) {
      try TwoProportionPower.simulatedPower(p1: 0.5, p2: 0.4, n1: 10, n2: 10, studies: 0, seed: 1)
    }
    #expect(throws: InputError.self) {
      try TwoProportionPower.analyticPower(p1: 0.5, p2: 0.4, n1: 10, n2: 10, alpha: 0)
    }
    #expect(throws: InputError.self) {
      try TwoProportionPower.exactPower(p1: 0.5, p2: 0.4, n1: 5000, n2: 5000)
    }
  }

  /// Issue 16: an infinite or beyond-Int analytic size is "more than the limit", not a trap.
  @Test func exactSizeIsNilWhenTheAnalyticSizeIsUnbounded() throws {
    #expect(try TwoProportionPower.exactSize(p1: 0.5, p2: 0.5000000001) == nil)
    #expect(try TwoProportionPower.exactSize(p1: 0, p2: 1e-300) == nil)
    #expect(
      try TwoProportionPower.exactSize(p1: 0.5, p2: 0.6, designEffect: try DesignEffect(1e300))
        == nil)
  }
}

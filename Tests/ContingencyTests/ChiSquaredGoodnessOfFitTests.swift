// ChiSquaredGoodnessOfFitTests.swift: goodness of fit and the power-divergence family against
// SciPy's power_divergence / chi2_contingency and R's chisq.test(x, p =)
// (Tests/Fixtures/contingency/goodness_of_fit.py and .R), Monte Carlo against exact enumeration.
import Contingency
import ResampleCore
import Testing
import _TestSupport

/// A λ in a fixture: SciPy's name or a number.
struct FixtureLambda: Decodable {
  let member: PowerDivergence
  init(from decoder: Decoder) throws {
    let c = try decoder.singleValueContainer()
    if let name = try? c.decode(String.self) {
      member = try #require(PowerDivergence(name: name))
    } else {
      member = PowerDivergence(lambda: try c.decode(Double.self))
    }
  }
}

/// One SciPy goodness-of-fit case.
struct SciPyGoodnessOfFitCase: Decodable {
  let name: String
  let observed: [Int]
  let kind: String
  let values: [Double]?
  let ddof: Int
  let lambda: FixtureLambda
  let statistic, pValue: FixtureNumber
  let expected: [Double]

  enum CodingKeys: String, CodingKey {
    case name, observed, kind, values, ddof, lambda, statistic, expected
    case pValue = "p_value"
  }

  var null: GoodnessOfFitNull {
    switch kind {
    case "p": return .probabilities(values ?? [])
    case "rescale": return .rescaledProbabilities(values ?? [])
    case "expected": return .expected(values ?? [])
    default: return .uniform
    }
  }
}

/// One SciPy chi2_contingency case.
struct SciPyPowerDivergenceTableCase: Decodable {
  let table: [[Int]]
  let correction: Bool
  let lambda: FixtureLambda
  let statistic, pValue: FixtureNumber
  let df: Int

  enum CodingKeys: String, CodingKey {
    case table, correction, lambda, statistic, df
    case pValue = "p_value"
  }
}

/// One R chisq.test(x, p =) case.
struct RGoodnessOfFitCase: Decodable {
  let observed: [Int]
  let p: [Double]?
  let rescale: Bool
  let statistic, pValue: FixtureNumber
  let df: Int
  let expected: [Double]

  enum CodingKeys: String, CodingKey {
    case observed, p, rescale, statistic, df, expected
    case pValue = "p_value"
  }
}

/// One exact multinomial p-value of Pearson's statistic.
struct ExactMultinomialCase: Decodable {
  let observed: [Int]
  let p: [Double]
  let statistic, exactPValue: Double

  enum CodingKeys: String, CodingKey {
    case observed, p, statistic
    case exactPValue = "exact_p_value"
  }
}

/// The largest relative error of the comparisons checked so far; each beyond its tolerance is an
/// issue.
private struct WorstRelativeError {
  private(set) var value = 0.0

  /// Compares `got` with `want` to a relative `tolerance`; with `underflowAgrees`, values within
  /// 1e-300 of each other agree too (a p-value that underflows on one side).
  mutating func check(
    _ got: Double, _ want: Double, tolerance: Double, underflowAgrees: Bool = false,
    _ what: String, sourceLocation: SourceLocation = #_sourceLocation
  ) {
    let e = relativeError(got, want)
    value = max(value, e)
    #expect(
      e <= tolerance || (underflowAgrees && abs(got - want) <= 1e-300),
      "\(what): \(got) vs \(want)",
      sourceLocation: sourceLocation)
  }
}

/// Runs `check` on every case under `key` of the fixture at `path` (at least `minimum` of them)
/// with one worst-error record, then prints the largest relative error under `label`.
private func checkEveryCase<Case: Decodable>(
  of type: Case.Type, in path: String, key: String, atLeast minimum: Int, _ label: String,
  _ check: (Case, inout WorstRelativeError) throws -> Void
) throws {
  let cases = try decodeFixtureCases(type, path, key: key)
  #expect(cases.count >= minimum, "\(path) \(key)")
  var worst = WorstRelativeError()
  for c in cases { try check(c, &worst) }
  print("\(label): \(cases.count) cases, max relative error \(worst.value)")
}

@Suite struct ChiSquaredGoodnessOfFitTests {
  @Test func matchesSciPyPowerDivergenceForEveryLambda() throws {
    try checkEveryCase(
      of: SciPyGoodnessOfFitCase.self, in: "contingency/goodness_of_fit_py.json", key: "gof",
      atLeast: 100, "goodness of fit vs SciPy"
    ) { c, worst in
      let r = try chiSquaredGoodnessOfFit(
        observed: c.observed, null: c.null, statistic: c.lambda.member, ddof: c.ddof)
      let what = "\(c.name), \(c.lambda.member)"
      for (got, want) in [(r.statistic, c.statistic.value), (r.pValue, c.pValue.value)] {
        #expect(got.isNaN == want.isNaN && got.isInfinite == want.isInfinite, "\(what)")
        worst.check(got, want, tolerance: 1e-12, underflowAgrees: true, what)
      }
      for (got, want) in zip(r.expected, c.expected) {
        #expect(relativeError(got, want) <= 1e-15, "\(what) expected")
      }
      #expect(r.degreesOfFreedom == c.observed.count - 1 - c.ddof)
      #expect(r.statistic.isFinite || r.warnings.contains { "\($0)".contains("zero counts") })
    }
  }

  @Test func matchesRChisqTestWithP() throws {
    try checkEveryCase(
      of: RGoodnessOfFitCase.self, in: "contingency/goodness_of_fit_r.json", key: "gof",
      atLeast: 10, "goodness of fit vs R"
    ) { c, worst in
      let null: GoodnessOfFitNull =
        c.p.map { c.rescale ? .rescaledProbabilities($0) : .probabilities($0) } ?? .uniform
      let r = try chiSquaredGoodnessOfFit(observed: c.observed, null: null)
      #expect(r.degreesOfFreedom == c.df)
      for (got, want) in [(r.statistic, c.statistic.value), (r.pValue, c.pValue.value)]
        + zip(r.expected, c.expected).map({ ($0, $1) })
      {
        worst.check(got, want, tolerance: 1e-12, "\(c.observed) vs R")
      }
    }
  }

  @Test func tablesMatchSciPyChi2ContingencyForEveryLambda() throws {
    try checkEveryCase(
      of: SciPyPowerDivergenceTableCase.self, in: "contingency/goodness_of_fit_py.json",
      key: "tables", atLeast: 500, "power divergence on tables vs SciPy"
    ) { c, worst in
      let r = try chiSquaredTest(
        ContingencyTable(rows: c.table), correction: c.correction ? .yates : .none,
        statistic: c.lambda.member)
      #expect(r.degreesOfFreedom == c.df)
      for (got, want) in [(r.statistic, c.statistic.value), (r.pValue, c.pValue.value)] {
        worst.check(
          got, want, tolerance: 1e-10, underflowAgrees: true,
          "\(c.table) \(c.lambda.member) correction \(c.correction)")
      }
    }
  }

  @Test func pearsonAndGOnTablesAreUnchangedByTheFamily() throws {
    // λ = 1 is the existing Pearson path bit for bit; λ = 0 without correction is G.
    let t = try ContingencyTable(rows: [[12, 5, 9], [7, 14, 3]])
    let plain = try chiSquaredTest(t)
    #expect(try chiSquaredTest(t, statistic: PowerDivergence(lambda: 1)) == plain)
    let g = try chiSquaredTest(t, correction: .none, statistic: .logLikelihood)
    #expect(g.statistic == plain.gStatistic)
    #expect(g.method == .powerDivergence && plain.method == .pearson)
  }

  @Test(.tags(.statistical))
  func monteCarloAgreesWithTheExactMultinomialPValue() throws {
    let cases = try decodeFixtureCases(
      ExactMultinomialCase.self, "contingency/goodness_of_fit_py.json", key: "monte_carlo")
    #expect(cases.count >= 5)
    for (i, c) in cases.enumerated() {
      let r = try chiSquaredGoodnessOfFit(
        observed: c.observed, null: .probabilities(c.p),
        monteCarlo: MonteCarloOptions(replicates: 20_000, seed: 100 + UInt64(i)))
      #expect(isClose(r.statistic, c.statistic, relative: 1e-12))
      let mc = try #require(r.monteCarlo)
      #expect(
        abs(mc.pValue - c.exactPValue) <= 4 * mc.standardError + 1 / 20_001,
        "\(c.observed): \(mc.pValue) ± \(mc.standardError) vs exact \(c.exactPValue)")
    }
  }

  @Test func monteCarloDependsOnlyOnSeedAndReplicates() throws {
    func run(_ threads: Int, seed: UInt64 = 5) throws -> MonteCarloPValue? {
      try chiSquaredGoodnessOfFit(
        observed: [89, 37, 30, 28, 2], null: .probabilities([0.4, 0.2, 0.2, 0.15, 0.05]),
        monteCarlo: MonteCarloOptions(replicates: 9_999, seed: seed, threads: threads)
      ).monteCarlo
    }
    let one = try #require(try run(1))
    for threads in [2, 3, 7] { #expect(try run(threads) == one) }
    #expect(try run(1, seed: 6) != one)
    #expect(one.pValue == Double(one.exceedances + 1) / 10_000)
  }

  @Test func zeroExpectedCellWithACountGivesInfinityAndMonteCarloItsFloor() throws {
    let r = try chiSquaredGoodnessOfFit(
      observed: [3, 5, 4], null: .probabilities([0, 0.5, 0.5]),
      monteCarlo: MonteCarloOptions(replicates: 999, seed: 1))
    #expect(r.statistic == .infinity && r.pValue == 0)
    #expect(r.monteCarlo?.exceedances == 0)
    let undefined = try chiSquaredGoodnessOfFit(
      observed: [0, 6, 6], null: .probabilities([0, 0.5, 0.5]),
      monteCarlo: MonteCarloOptions(replicates: 99, seed: 1))
    #expect(undefined.statistic.isNaN && undefined.monteCarlo == nil)
    #expect(undefined.warnings.contains(.monteCarloSkippedForUndefinedStatistic))
  }

  @Test func badInputThrowsNamingIt() throws {
    expectError(InputError.self, mentioning: "negative") {
      try chiSquaredGoodnessOfFit(observed: [3, -1, 2])
    }
    expectError(InputError.self, mentioning: "all counts are zero") {
      try chiSquaredGoodnessOfFit(observed: [0, 0, 0])
    }
    expectError(InputError.self, mentioning: "at least 2 categories") {
      try chiSquaredGoodnessOfFit(observed: [5])
    }
    expectError(InputError.self, mentioning: "has 2 values") {
      try chiSquaredGoodnessOfFit(observed: [1, 2, 3], null: .probabilities([0.5, 0.5]))
    }
    expectError(InputError.self, mentioning: "p[2]", "≥ 0") {
      try chiSquaredGoodnessOfFit(observed: [1, 2], null: .probabilities([1.5, -0.5]))
    }
    // R's tolerance: sqrt(eps) ≈ 1.49e-8 (goodness_of_fit.R checks R refuses 2e-8, accepts 1e-8).
    expectError(InputError.self, mentioning: "summing to 1") {
      try chiSquaredGoodnessOfFit(observed: [5, 5], null: .probabilities([0.5, 0.5 + 2e-8]))
    }
    _ = try chiSquaredGoodnessOfFit(observed: [5, 5], null: .probabilities([0.5, 0.5 + 1e-8]))
    expectError(InputError.self, mentioning: "observed total") {
      try chiSquaredGoodnessOfFit(observed: [1, 2, 3], null: .expected([1, 2, 3.1]))
    }
    expectError(InputError.self, mentioning: "ddof") {
      try chiSquaredGoodnessOfFit(observed: [1, 2, 3], ddof: 2)
    }
    expectError(InputError.self, mentioning: "Pearson") {
      try chiSquaredGoodnessOfFit(
        observed: [1, 2, 3], statistic: .neyman,
        monteCarlo: MonteCarloOptions(replicates: 10, seed: 1))
    }
  }
}

@Suite struct PowerDivergenceTests {
  @Test func namesAndLambdasAreSciPys() {
    let pairs: [(String, Double)] = [
      ("pearson", 1), ("log-likelihood", 0), ("freeman-tukey", -0.5),
      ("mod-log-likelihood", -1), ("neyman", -2), ("cressie-read", 2.0 / 3.0),
    ]
    for (name, lambda) in pairs {
      let m = PowerDivergence(name: name)
      #expect(m?.lambda == lambda)
      #expect(PowerDivergence(lambda: lambda) == m)
    }
    #expect(PowerDivergence(name: "bogus") == nil)
    #expect(PowerDivergence(lambda: 0.3) == .other(0.3) && PowerDivergence(lambda: 0.3).name == nil)
  }

  @Test func closedFormsOfTheNamedMembers() {
    // Freeman–Tukey = 4 Σ (√O − √E)², Neyman = Σ (O − E)²/O.
    let o = [3.0, 5, 4]
    let e = [4.0, 4, 4]
    let ft = zip(o, e).map {
      4 * ($0.squareRoot() - $1.squareRoot()) * ($0.squareRoot() - $1.squareRoot())
    }
    .reduce(0, +)
    #expect(
      isClose(PowerDivergence.freemanTukey.statistic(observed: o, expected: e), ft, relative: 1e-13)
    )
    let ney = zip(o, e).map { ($0 - $1) * ($0 - $1) / $0 }.reduce(0, +)
    #expect(
      isClose(PowerDivergence.neyman.statistic(observed: o, expected: e), ney, relative: 1e-13))
  }
}

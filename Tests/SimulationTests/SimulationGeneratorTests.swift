// SimulationGeneratorTests.swift: simulate's t, gamma, beta, Poisson, normal-mixture, two- and
// k-normal generators against SciPy's moments and quartiles (Tests/Fixtures/simulation/
// generators.py), and the new methods against exact sizes from R (exact.R) or their nominal level.
import Contingency
import Foundation
import RandomStreams
import ResampleCore
import Testing
import _TestSupport

@testable import Simulation

/// One row of generators.json.
private struct Reference: Decodable {
  var name: String
  var data: String
  var parameters: [String: Parameter]
  var mean: Double
  var variance: Double
  var excessKurtosis: Double?
  var quartiles: [Double]
  var cdfAtQuartiles: [Double]

  enum Parameter: Decodable {
    case number(Double)
    case list([Double])

    init(from decoder: Decoder) throws {
      let c = try decoder.singleValueContainer()
      if let v = try? c.decode(Double.self) {
        self = .number(v)
      } else {
        self = .list(try c.decode([Double].self))
      }
    }
  }

  /// The scenario of this row with n values (built from its JSON form, as a spec would be).
  func scenario(n: Int) throws -> SimulationScenario {
    var object: [String: Any] = ["name": name, "data": data, "n": n]
    for (k, v) in parameters {
      switch v {
      case .number(let x): object[k] = x
      case .list(let xs): object[k] = xs
      }
    }
    let json = try JSONSerialization.data(withJSONObject: object)
    return try JSONDecoder().decode(SimulationScenario.self, from: json)
  }
}

private func references() throws -> [Reference] {
  try decodeFixture([Reference].self, "simulation/generators.json", keys: .snakeCase)
}

private func oneScenarioStudy(
  _ scenarios: [SimulationScenario], _ methods: [SimulationMethod], datasets: Int, seed: UInt64 = 15
) throws -> SimulationSpec {
  try SimulationSpec(seed: seed, datasets: datasets, scenarios: scenarios, methods: methods)
}

@Suite struct SimulationGeneratorTests {
  @Test func samplersMatchSciPyMomentsAndQuartiles() throws {
    let n = 200_000
    for (i, ref) in try references().enumerated() where ref.data != "clustered-binomial" {
      let sc = try ref.scenario(n: n)
      try sc.validate()
      #expect(isClose(sc.truth, ref.mean, relative: 1e-12, absolute: 1e-14), "\(ref.name) truth")
      var g = Philox4x32(seed: 99, stream: UInt64(i))
      let x = try #require(ScenarioGenerator(sc).samples(using: &g).first)
      #expect(x.count == n)
      let count = Double(n)
      let mean = x.reduce(0, +) / count
      let variance = x.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (count - 1)
      // Monte Carlo standard errors (N draws): √(σ²/N) for the mean, σ²√((κ + 2)/N) for the variance
      // (κ the excess kurtosis; Var s² ≈ (μ₄ − σ⁴)/N), √(F(1 − F)/N) for a fraction below q.
      let seMean = (ref.variance / count).squareRoot()
      #expect(abs(mean - ref.mean) < 4 * seMean, "\(ref.name): mean \(mean) vs \(ref.mean)")
      if let k = ref.excessKurtosis {
        let seVar = ref.variance * ((k + 2) / count).squareRoot()
        #expect(
          abs(variance - ref.variance) < 4 * seVar,
          "\(ref.name): variance \(variance) vs \(ref.variance)")
      }
      for (q, f) in zip(ref.quartiles, ref.cdfAtQuartiles) {
        let below = Double(x.filter { $0 <= q }.count) / count
        #expect(
          abs(below - f) < 4 * (f * (1 - f) / count).squareRoot(),
          "\(ref.name): P(X ≤ \(q)) = \(below) vs \(f)")
      }
    }
  }

  @Test func clustersAreBetaBinomial() throws {
    // SciPy betabinom(10, 2.7, 6.3): each cluster's successes with p = 0.3 and ICC 0.1.
    let ref = try #require(try references().first { $0.data == "clustered-binomial" })
    let clusters = 100_000
    let sc = SimulationScenario(
      name: "c", data: .clusteredBinomial, n: [10 * clusters, 20], p: [0.3, 0.3],
      clusterSize: 10, icc: 0.1)
    try sc.validate()
    var g = Philox4x32(seed: 5, stream: 0)
    let x = try #require(ScenarioGenerator(sc).samples(using: &g).first)
    #expect(x.count == clusters)
    let count = Double(clusters)
    let mean = x.reduce(0, +) / count
    let variance = x.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (count - 1)
    let k = try #require(ref.excessKurtosis)
    #expect(abs(mean - ref.mean) < 4 * (ref.variance / count).squareRoot(), "\(mean)")
    #expect(
      abs(variance - ref.variance) < 4 * ref.variance * ((k + 2) / count).squareRoot(),
      "\(variance) vs \(ref.variance)")
    for (q, f) in zip(ref.quartiles, ref.cdfAtQuartiles) {
      let below = Double(x.filter { $0 <= q }.count) / count
      #expect(abs(below - f) < 4 * (f * (1 - f) / count).squareRoot(), "P(X ≤ \(q)) = \(below)")
    }
  }

  @Test(.tags(.statistical)) func designBasedComparisonHoldsItsLevelOnClusteredData() throws {
    // 20 clusters of 10 per group, ICC 0.1: the design effect is 1 + 9 · 0.1 = 1.9, so the
    // naive z test rejects about 2(1 − Φ(1.96/√1.9)) ≈ 0.156 of the time; the design-based test
    // (t with 39 df) stays near 0.05 and its interval near 0.95. Tolerance: 4 MCSE plus 0.015
    // for the linearization variance's small-sample bias with 40 PSUs.
    let spec = try oneScenarioStudy(
      [
        SimulationScenario(
          name: "null", data: .clusteredBinomial, n: [200, 200], p: [0.3, 0.3], clusterSize: 10,
          icc: 0.1)
      ],
      [
        SimulationMethod(name: "z", kind: .twoProportionTest, test: .z),
        SimulationMethod(name: "design", kind: .surveyComparison),
        SimulationMethod(name: "design-ci", kind: .surveyDifferenceInterval),
      ],
      datasets: 3000)
    let r = try SimulationRunner.run(spec, threads: 2)
    let (z, design, ci) = (
      r.scenarios[0].methods[0].measures.hitRate, r.scenarios[0].methods[1].measures.hitRate,
      r.scenarios[0].methods[2].measures.hitRate
    )
    #expect(z.estimate > 0.1, "naive z \(z)")
    #expect(abs(design.estimate - 0.05) < 0.015 + 4 * design.mcse, "design \(design)")
    #expect(abs(ci.estimate - 0.95) < 0.015 + 4 * ci.mcse, "design interval \(ci)")
    #expect(r.scenarios[0].methods.allSatisfy { $0.tally.count == 3000 })
  }

  @Test(.tags(.statistical)) func groupsOfAnyGeneratorKeepTheRankTestsExactSize() throws {
    // Two groups from one continuous distribution (gamma, shape 0.5): the exact Mann–Whitney
    // test is distribution-free, so its size is again 14/462 (exact.R); Welch's test on the
    // skewed groups is only approximate (at most alpha + 4 MCSE + 0.02 for skewness at n = 5).
    let gamma = SimulationScenario(name: "", data: .gamma, n: [5], scale: 2, shape: 0.5)
    var six = gamma
    six.n = [6]
    let spec = try oneScenarioStudy(
      [
        SimulationScenario(name: "gamma-5-6", data: .groups, n: [5, 6], groups: [gamma, six]),
        SimulationScenario(
          name: "shifted", data: .groups, n: [20, 20],
          groups: [
            SimulationScenario(name: "a", data: .t, n: [20], df: 4, location: 1),
            SimulationScenario(name: "b", data: .normal, n: [20], mean: 0, sd: 1),
          ]),
      ],
      [
        SimulationMethod(name: "mw", kind: .twoSampleTest, test: .mannWhitney),
        SimulationMethod(name: "welch", kind: .twoSampleTest, test: .welchT),
      ],
      datasets: 20_000)
    let r = try SimulationRunner.run(spec, threads: 2)
    let mw = r.scenarios[0].methods[0].measures.hitRate
    #expect(abs(mw.estimate - 0.0303030303030303) < 4 * mw.mcse, "\(mw)")
    let welch = r.scenarios[0].methods[1].measures.hitRate
    #expect(welch.estimate <= 0.07 + 4 * welch.mcse, "\(welch)")
    // A shift of 1 between t(4) and normal groups of 20: both tests have power well above alpha.
    #expect(r.scenarios[1].scenario.truth == 1)
    for m in r.scenarios[1].methods {
      #expect(m.measures.hitRate.estimate > 0.5, "\(m.method.name) \(m.measures.hitRate)")
    }
  }

  @Test func gammaSamplerRefusesBadParameters() {
    expectError(InputError.self, mentioning: "shape") { _ = try GammaSampler(shape: 0) }
    expectError(InputError.self, mentioning: "scale") {
      _ = try GammaSampler(shape: 1, scale: -1)
    }
  }

  @Test(.tags(.statistical)) func exactMannWhitneyTypeIErrorIsItsAttainedSize() throws {
    // R (exact.R): the two-sided exact test of 5 vs 6 observations rejects at alpha 0.05 with
    // null probability 14/462 = 0.0303030303030303 (W ≤ 3 or W ≥ 27).
    let spec = try oneScenarioStudy(
      [
        SimulationScenario(
          name: "null-5-6", data: .twoNormal, n: [5, 6], means: [0, 0], sds: [1, 1])
      ],
      [
        SimulationMethod(name: "mw", kind: .twoSampleTest, test: .mannWhitney),
        SimulationMethod(name: "welch", kind: .twoSampleTest, test: .welchT),
        SimulationMethod(
          name: "perm", kind: .twoSampleTest, replicates: 199, test: .permutation),
      ],
      datasets: 20_000)
    let r = try SimulationRunner.run(spec, threads: 2)
    let mw = r.scenarios[0].methods[0].measures.hitRate
    #expect(abs(mw.estimate - 0.0303030303030303) < 4 * mw.mcse, "\(mw)")
    // Welch's test is approximate and the Monte Carlo permutation test is valid: both at most
    // alpha + 4 MCSE.
    for j in 1...2 {
      let h = r.scenarios[0].methods[j].measures.hitRate
      #expect(h.estimate <= 0.05 + 4 * h.mcse, "\(r.scenarios[0].methods[j].method.name) \(h)")
    }
    print("simulate: exact Mann–Whitney 5 vs 6 type I \(mw) (exact 0.0303030303030303)")
  }

  @Test(.tags(.statistical)) func chiSquareTypeIErrorMatchesEnumeration() throws {
    // R (exact.R): chisq.test(correct = FALSE) rejects two Binomial(30, 0.3) samples with
    // probability 0.0486984573822784, with Yates' correction 0.0261276770469497. The same sums
    // here, by enumeration with the library's χ² test, and the simulated rates within 4 MCSE.
    func pmf(_ x: Int) -> Double {
      let k = Double(x)
      let logChoose: Double = lgamma(31.0) - lgamma(k + 1) - lgamma(31.0 - k)
      return exp(logChoose + k * log(0.3) + (30.0 - k) * log(0.7))
    }
    var exact = [0.0, 0.0]
    for a in 0...30 {
      for b in 0...30 where a + b > 0 && a + b < 60 {
        let t = try ContingencyTable(rows: [[a, 30 - a], [b, 30 - b]])
        for (k, c) in [ContinuityCorrection.none, .yates].enumerated() {
          if try chiSquaredTest(t, correction: c).pValue <= 0.05 { exact[k] += pmf(a) * pmf(b) }
        }
      }
    }
    #expect(isClose(exact[0], 0.0486984573822784, relative: 1e-9))
    #expect(isClose(exact[1], 0.0261276770469497, relative: 1e-9))
    let spec = try oneScenarioStudy(
      [SimulationScenario(name: "two", data: .twoBinomial, n: [30, 30], p: [0.3, 0.3])],
      [
        SimulationMethod(name: "pearson", kind: .twoProportionTest, test: .chiSquare),
        SimulationMethod(name: "yates", kind: .twoProportionTest, test: .chiSquareYates),
        SimulationMethod(name: "z", kind: .twoProportionTest, test: .z),
      ],
      datasets: 20_000)
    let r = try SimulationRunner.run(spec, threads: 2)
    for k in 0...1 {
      let h = r.scenarios[0].methods[k].measures.hitRate
      #expect(abs(h.estimate - exact[k]) < 4 * h.mcse, "\(h) vs \(exact[k])")
    }
    // Pearson's χ² on a 2×2 table is the square of the pooled z: the same rejections.
    #expect(r.scenarios[0].methods[0].tally.hits == r.scenarios[0].methods[2].tally.hits)
  }

  @Test(.tags(.statistical)) func kSampleTestsHoldTheirLevelAndHavePower() throws {
    let spec = try oneScenarioStudy(
      [
        SimulationScenario(
          name: "null", data: .kNormal, n: [8, 8, 8], means: [1, 1, 1], sds: [1, 1, 1]),
        SimulationScenario(
          name: "shift", data: .kNormal, n: [8, 8, 8], means: [0, 0, 1.5], sds: [1, 1, 1]),
      ],
      [
        SimulationMethod(name: "kw", kind: .kSampleTest, test: .kruskalWallis),
        SimulationMethod(
          name: "anova", kind: .kSampleTest, replicates: 199, test: .anovaPermutation),
      ],
      datasets: 3000)
    let r = try SimulationRunner.run(spec, threads: 2)
    for j in 0...1 {
      let null = r.scenarios[0].methods[j].measures.hitRate
      let power = r.scenarios[1].methods[j].measures.hitRate
      #expect(null.estimate <= 0.05 + 4 * null.mcse, "\(null)")
      #expect(power.estimate > 0.05 + 4 * power.mcse, "\(power)")
    }
    #expect(r.scenarios[0].scenario.truth == 0 && r.scenarios[1].scenario.truth == 1.5)
    let kwBias = r.scenarios[0].methods[0].measures.bias
    #expect(kwBias.estimate > 0, "the range of sample means overestimates a zero range")
  }

  @Test(.tags(.statistical)) func bootstrapMeanIntervalsCoverOnSkewedAndDiscreteData() throws {
    // Percentile intervals of the mean, n = 100: the coverage error of a two-sided interval is
    // O(1/n) (Hall 1992, §3.5), here at most about skewness²/n ≤ 0.02 (gamma shape 2: γ² = 2);
    // 1000 data sets add 4 MCSE ≈ 0.028.
    let scenarios = try references().filter {
      ["gamma", "t", "beta", "poisson"].contains($0.name)
    }.map { try $0.scenario(n: 100) }
    #expect(scenarios.count == 4)
    let spec = try oneScenarioStudy(
      scenarios,
      [
        SimulationMethod(
          name: "pct", kind: .bootstrapInterval, bootstrap: .percentile, replicates: 199),
        SimulationMethod(name: "t", kind: .tInterval),
      ],
      datasets: 1000)
    let r = try SimulationRunner.run(spec, threads: 2)
    for s in r.scenarios {
      for m in s.methods {
        let c = m.measures.hitRate
        #expect(
          abs(c.estimate - 0.95) < 0.02 + 4 * c.mcse, "\(s.scenario.name) \(m.method.name) \(c)")
        #expect(abs(m.measures.bias.estimate) < 4 * m.measures.bias.mcse + 1e-12)
      }
    }
  }

  @Test func twoSampleBootstrapIntervalCoversTheDifference() throws {
    let spec = try oneScenarioStudy(
      [
        SimulationScenario(
          name: "diff", data: .twoNormal, n: [30, 40], means: [2, 0.5], sds: [1, 2])
      ],
      [
        SimulationMethod(
          name: "pct", kind: .twoSampleBootstrapInterval, bootstrap: .percentile,
          replicates: 199),
        SimulationMethod(
          name: "bca", kind: .twoSampleBootstrapInterval, bootstrap: .bca, replicates: 199),
        SimulationMethod(name: "welch", kind: .twoSampleTest, test: .welchT),
      ],
      datasets: 600)
    let r = try SimulationRunner.run(spec, threads: 2)
    #expect(r.scenarios[0].scenario.truth == 1.5)
    for m in r.scenarios[0].methods.prefix(2) {
      let c = m.measures.hitRate
      // Normal data, n = 30 and 40: near 0.95 (percentile intervals undercover by ~1/n).
      #expect(abs(c.estimate - 0.95) < 0.03 + 4 * c.mcse, "\(m.method.name) \(c)")
      #expect(m.tally.count == 600)
    }
    // A difference of 1.5 with SE ≈ 0.37: Welch's test has power near 0.98.
    #expect(r.scenarios[0].methods[2].measures.hitRate.estimate > 0.9)
  }

  @Test func newGeneratorsDoNotDependOnThreadsOrShards() throws {
    let refs = try references()
    let spec = try oneScenarioStudy(
      try refs.prefix(3).map { try $0.scenario(n: 12) } + [
        SimulationScenario(name: "two", data: .twoNormal, n: [6, 7], means: [0, 1], sds: [1, 1]),
        SimulationScenario(
          name: "k", data: .kNormal, n: [5, 6, 7], means: [0, 0, 1], sds: [1, 2, 1]),
      ],
      [
        SimulationMethod(
          name: "pct", kind: .bootstrapInterval, bootstrap: .percentile, replicates: 99),
        SimulationMethod(
          name: "perm", kind: .twoSampleTest, replicates: 99, test: .permutation),
        SimulationMethod(
          name: "anova", kind: .kSampleTest, replicates: 99, test: .anovaPermutation),
      ],
      datasets: 1100)
    let one = try SimulationRunner.run(spec, threads: 1)
    #expect(try SimulationRunner.run(spec, threads: 2) == one)
    var parts: [BlockTally] = []
    for shard in [1, 2, 0] {
      parts += SimulationRunner.run(
        spec, blocks: SimulationRunner.blocks(shard: shard, of: 3, spec), threads: 2)
    }
    #expect(try SimulationRunner.summarize(spec, tallies: parts) == one)
  }

  @Test func parseErrorsNameTheMethodAndTheScenario() {
    let binomial = SimulationScenario(name: "coin", data: .binomial, n: [10], p: [0.5])
    let two = SimulationScenario(
      name: "pair", data: .twoNormal, n: [5, 5], means: [0, 0], sds: [1, 1])
    // A method that fits no scenario: the error names the method and every scenario.
    expectError(InputError.self, mentioning: "method 'mw'", "'coin' (binomial)") {
      _ = try SimulationSpec(
        seed: 1, datasets: 10, scenarios: [binomial],
        methods: [SimulationMethod(name: "mw", kind: .twoSampleTest, test: .mannWhitney)])
    }
    // A listed scenario the method cannot take.
    var listed = SimulationMethod(name: "kw", kind: .kSampleTest, test: .kruskalWallis)
    listed.scenarios = ["coin"]
    expectError(InputError.self, mentioning: "method 'kw'", "coin", "k-normal") {
      _ = try SimulationSpec(seed: 1, datasets: 10, scenarios: [binomial, two], methods: [listed])
    }
    // A test of another kind, a studentized two-sample interval, a permutation B out of range.
    for (method, needle) in [
      (SimulationMethod(name: "x", kind: .twoSampleTest, test: .fisherExact), "method 'x' test"),
      (
        SimulationMethod(name: "y", kind: .twoSampleBootstrapInterval, bootstrap: .studentized),
        "method 'y' bootstrap"
      ),
      (
        SimulationMethod(name: "z", kind: .twoSampleTest, replicates: 5, test: .permutation),
        "method 'z' replicates"
      ),
      (SimulationMethod(name: "w", kind: .tInterval, test: .welchT), "no test for kind"),
    ] {
      expectError(InputError.self, mentioning: needle) {
        _ = try SimulationSpec(seed: 1, datasets: 10, scenarios: [two], methods: [method])
      }
    }
  }

  @Test func badGeneratorParametersNameTheScenario() throws {
    let boot = SimulationMethod(name: "t", kind: .tInterval)
    let design = SimulationMethod(name: "d", kind: .surveyComparison)
    for (toml, needle) in [
      (#"{"name": "g", "data": "gamma", "n": 10, "shape": -1, "scale": 1}"#, "scenario 'g' shape"),
      (#"{"name": "g", "data": "gamma", "n": 10, "shape": 2}"#, "missing scale"),
      (#"{"name": "b", "data": "beta", "n": 10, "a": 2, "b": 0}"#, "scenario 'b' b"),
      (#"{"name": "p", "data": "poisson", "n": 10, "lambda": 2, "df": 3}"#, "unexpected df"),
      (#"{"name": "t", "data": "t", "n": 1, "df": 3}"#, "scenario 't' n"),
      (
        #"{"name": "m", "data": "normal-mixture", "n": 9, "weights": [0.5, 0.6], "means": [0, 1], "sds": [1, 1]}"#,
        "scenario 'm' weights"
      ),
      (
        #"{"name": "m", "data": "normal-mixture", "n": 9, "weights": [1], "means": [0, 1], "sds": [1]}"#,
        "scenario 'm' means"
      ),
      (
        #"{"name": "two", "data": "two-normal", "n": [5, 5, 5], "mean": [0, 0, 0], "sd": [1, 1, 1]}"#,
        "n = [n1, n2]"
      ),
      (
        #"{"name": "k", "data": "k-normal", "n": [5, 5], "mean": [0, 0], "sd": [1, 0]}"#,
        "scenario 'k' sd"
      ),
      (
        #"{"name": "c", "data": "clustered-binomial", "n": [25, 30], "p": [0.3, 0.3], "cluster_size": 10, "icc": 0.1}"#,
        "multiple of cluster_size 10"
      ),
      (
        #"{"name": "c", "data": "clustered-binomial", "n": [20, 30], "p": [0.3, 0.3], "cluster_size": 10, "icc": 1}"#,
        "scenario 'c' icc"
      ),
      (
        #"{"name": "c", "data": "clustered-binomial", "n": [20, 30], "p": [0.3, 0.3], "icc": 0.1}"#,
        "cluster_size and icc"
      ),
    ] {
      expectError(InputError.self, mentioning: needle) {
        let sc = try JSONDecoder().decode(SimulationScenario.self, from: Data(toml.utf8))
        let method = sc.data == .clusteredBinomial ? design : boot
        _ = try SimulationSpec(seed: 1, datasets: 10, scenarios: [sc], methods: [method])
      }
    }
    // Groups: each a valid one-sample continuous scenario, named after its scenario.
    let bad =
      #"{"name": "gs", "data": "groups", "group": [{"data": "gamma", "n": 5, "shape": 2, "scale": 1}, {"data": "binomial", "n": 5, "p": 0.5}]}"#
    expectError(InputError.self, mentioning: "scenario 'gs group 2'", "one-sample continuous") {
      let sc = try JSONDecoder().decode(SimulationScenario.self, from: Data(bad.utf8))
      _ = try SimulationSpec(
        seed: 1, datasets: 10, scenarios: [sc],
        methods: [SimulationMethod(name: "kw", kind: .kSampleTest, test: .kruskalWallis)])
    }
    let three =
      #"{"name": "g3", "data": "groups", "group": [{"data": "normal", "n": 5, "mean": 0, "sd": 1}, {"data": "normal", "n": 5, "mean": 0, "sd": 1}, {"data": "beta", "n": 5, "a": 1, "b": 1}]}"#
    var welch = SimulationMethod(name: "welch", kind: .twoSampleTest, test: .welchT)
    welch.scenarios = ["g3"]
    expectError(InputError.self, mentioning: "method 'welch' scenarios", "g3", "two-group") {
      let sc = try JSONDecoder().decode(SimulationScenario.self, from: Data(three.utf8))
      #expect(sc.n == [5, 5, 5] && sc.truth == 0.5)
      _ = try SimulationSpec(seed: 1, datasets: 10, scenarios: [sc], methods: [welch])
    }
    // The design-based comparison needs clustered data: naming the method and the scenario.
    let coin = SimulationScenario(name: "pair", data: .twoBinomial, n: [9, 9], p: [0.5, 0.5])
    expectError(InputError.self, mentioning: "method 'd'", "'pair' (two-binomial)") {
      _ = try SimulationSpec(seed: 1, datasets: 10, scenarios: [coin], methods: [design])
    }
  }
}

// Multi-column bootstrap (Spearman, ratio of means, OLS pairs/residual/wild; Pearson, skewness and
// kurtosis through Bootstrap) against R boot (multicolumn_r.json, generate_multicolumn.R) within
// Monte Carlo error, OLS estimates against R lm, the batched kernel against per-replicate QR,
// thread and range invariance, and input errors.
import Distributions
import Foundation
import LinearAlgebra
import ResampleCore
import Testing
import _TestSupport

@testable import Resampling

private struct MultiColumnFixture: Decodable {
  struct Case: Decodable {
    let name: String
    let t0, se, seMcse: Double
    let percentile, percentileMcse: [Double]
    let basic, normal, normalMcse, bca, bcaMcse: [Double]?
    let z0, efronAcceleration: Double?
  }
  let replicates: Int
  let lmCoefficients: [Double]
  let cases: [Case]
}

/// The numeric columns of a fixture CSV (header row of quoted names).
private func csvColumns(_ name: String) throws -> [String: [Double]] {
  let text = try String(contentsOf: fixtureURL("resampling/\(name)"), encoding: .utf8)
  let lines = text.split(separator: "\n").map(String.init)
  let header = lines[0].split(separator: ",").map { $0.replacingOccurrences(of: "\"", with: "") }
  var out: [String: [Double]] = [:]
  for line in lines.dropFirst() {
    for (h, v) in zip(header, line.split(separator: ",")) {
      out[h, default: []].append(try #require(Double(String(v))))
    }
  }
  return out
}

private let fixture = Result {
  try decodeFixture(MultiColumnFixture.self, "resampling/multicolumn_r.json", keys: .snakeCase)
}

private func fixtureCase(_ name: String) throws -> MultiColumnFixture.Case {
  try #require(try fixture.get().cases.first { $0.name == name })
}

/// |ours − R| ≤ 4 Monte Carlo SEs of the difference of two independent runs (√2 · R's MCSE).
private func expectWithinMC(
  _ ours: Double, _ ref: Double, mcse: Double, _ what: String,
  sourceLocation: SourceLocation = #_sourceLocation
) {
  let tol = 4 * 2.0.squareRoot() * mcse
  #expect(
    abs(ours - ref) <= tol, "\(what): ours \(ours), R \(ref), tolerance \(tol)",
    sourceLocation: sourceLocation)
}

/// Compares a result with an R boot case: estimate, SE, percentile, basic, normal and BCa.
private func compare(
  _ r: BootstrapResult, _ c: MultiColumnFixture.Case,
  sourceLocation: SourceLocation = #_sourceLocation
) {
  #expect(
    isClose(r.estimate, c.t0, relative: 1e-10, absolute: 1e-12), "\(c.name) t0",
    sourceLocation: sourceLocation)
  expectWithinMC(
    r.standardError, c.se, mcse: c.seMcse, "\(c.name) SE", sourceLocation: sourceLocation)
  if let p = r.interval(.percentile) {
    expectWithinMC(
      p.lower, c.percentile[0], mcse: c.percentileMcse[0], "\(c.name) percentile lower",
      sourceLocation: sourceLocation)
    expectWithinMC(
      p.upper, c.percentile[1], mcse: c.percentileMcse[1], "\(c.name) percentile upper",
      sourceLocation: sourceLocation)
  }
  if let b = r.interval(.basic), let ref = c.basic {
    expectWithinMC(
      b.lower, ref[0], mcse: c.percentileMcse[1], "\(c.name) basic lower",
      sourceLocation: sourceLocation)
    expectWithinMC(
      b.upper, ref[1], mcse: c.percentileMcse[0], "\(c.name) basic upper",
      sourceLocation: sourceLocation)
  }
  if let nm = r.interval(.normal), let ref = c.normal, let mc = c.normalMcse {
    expectWithinMC(
      nm.lower, ref[0], mcse: mc[0], "\(c.name) normal lower", sourceLocation: sourceLocation)
    expectWithinMC(
      nm.upper, ref[1], mcse: mc[1], "\(c.name) normal upper", sourceLocation: sourceLocation)
  }
  // An endpoint at the smallest or largest replicate (R warns "extreme order statistics used as
  // endpoints") has no usable Monte Carlo error: skipped (skewness, kurtosis of n = 10).
  if let b = r.interval(.bca), let ref = c.bca, let mc = c.bcaMcse,
    !b.diagnostics.contains(.extremeOrderStatistic(method: .bca))
  {
    // R's a centres the jackknife values on t0 (Efron: on their mean), and its z0 carries Monte
    // Carlo error of its own: allow that error on top of the endpoints'.
    expectWithinMC(
      b.lower, ref[0], mcse: mc[0] * 1.5, "\(c.name) bca lower", sourceLocation: sourceLocation)
    expectWithinMC(
      b.upper, ref[1], mcse: mc[1] * 1.5, "\(c.name) bca upper", sourceLocation: sourceLocation)
  }
  if let a = c.efronAcceleration {
    let ours = r.acceleration ?? .nan
    #expect(
      isClose(ours, a, relative: 1e-9, absolute: 1e-13), "\(c.name) acceleration \(ours) vs \(a)",
      sourceLocation: sourceLocation)
  }
  if let z0 = c.z0, let ours = r.biasCorrection {
    // z0 = Φ⁻¹(p̂): p̂ has binomial error √(p(1 − p)/B); Φ⁻¹ stretches it by 1/φ(z0).
    let b = Double(r.replicates)
    let p = Normal.standard.cdf(z0)
    let mc = (p * (1 - p) / b).squareRoot() / Normal.standard.pdf(z0)
    expectWithinMC(ours, z0, mcse: mc, "\(c.name) z0", sourceLocation: sourceLocation)
  }
}

private let allMethods: [IntervalMethod] = [.percentile, .basic, .normal, .bca]

@Test func lawSchoolCorrelationsMatchRBoot() throws {
  let law = try csvColumns("law.csv")
  let x = try #require(law["LSAT"])
  let y = try #require(law["GPA"])
  let b = try fixture.get().replicates
  let pearson = try Bootstrap(samples: [x, y], statistic: .correlation, plan: .paired)
  let rp = try pearson.run(replicates: b, seed: 3, methods: allMethods, threads: 2, ties: .strict)
  try compare(rp, fixtureCase("law_pearson"))
  let spearman = try MultiColumnBootstrap(
    columns: [x, y], names: ["LSAT", "GPA"], statistic: .spearman)
  let rs = try spearman.run(
    replicates: b, seed: 4, methods: allMethods, threads: 2, ties: .strict)
  try compare(rs[0], fixtureCase("law_spearman"))
}

@Test func cityRatioSkewnessAndKurtosisMatchRBoot() throws {
  let city = try csvColumns("city.csv")
  let u = try #require(city["u"])
  let x = try #require(city["x"])
  let b = try fixture.get().replicates
  let ratio = try MultiColumnBootstrap(
    columns: [u, x], names: ["u", "x"], statistic: .ratioOfMeans)
  let rr = try ratio.run(replicates: b, seed: 5, methods: allMethods, threads: 2, ties: .strict)
  try compare(rr[0], fixtureCase("city_ratio"))
  for (s, name) in [(SampleStatistic.skewness, "city_x_skewness"), (.kurtosis, "city_x_kurtosis")] {
    let boot = try Bootstrap(samples: [x], statistic: .sample(s))
    let r = try boot.run(replicates: b, seed: 6, methods: allMethods, threads: 2, ties: .strict)
    try compare(r, fixtureCase(name))
  }
}

private func olsData() throws -> (y: [Double], x1: [Double], x2: [Double]) {
  let d = try csvColumns("ols.csv")
  return (try #require(d["y"]), try #require(d["x1"]), try #require(d["x2"]))
}

/// The bootstrap of ols.csv's least-squares fit of y on x1 and x2, resampled `how`.
private func olsBootstrap(_ how: OLSResampling) throws -> MultiColumnBootstrap {
  let (y, x1, x2) = try olsData()
  return try MultiColumnBootstrap(
    columns: [y, x1, x2], names: ["y", "x1", "x2"], statistic: .leastSquares(how))
}

@Test func olsEstimatesEqualRLm() throws {
  let ref = try fixture.get().lmCoefficients
  for how in OLSResampling.allCases {
    let boot = try olsBootstrap(how)
    #expect(boot.names == ["(Intercept)", "x1", "x2"])
    for (ours, r) in zip(boot.estimates, ref) {
      #expect(isClose(ours, r, relative: 1e-10), "\(how): \(ours) vs lm \(r)")
    }
  }
}

@Test func olsBootstrapsMatchRBoot() throws {
  let b = try fixture.get().replicates
  for how in OLSResampling.allCases {
    let boot = try olsBootstrap(how)
    let methods: [IntervalMethod] = how == .pairs ? allMethods : [.percentile]
    let rs = try boot.run(
      replicates: b, seed: 7, methods: methods, threads: 2, ties: .strict)
    for k in 0..<3 {
      let c = try fixtureCase("ols_\(how.rawValue)_\(k + 1)")
      compare(rs[k], c)
    }
  }
}

/// The batched pairs kernel (dgemm of counts with product columns, Cholesky) against a QR fit of
/// each resample drawn from the same stream.
@Test func olsPairsReplicatesEqualPerReplicateLeastSquares() throws {
  let (y, x1, x2) = try olsData()
  let n = y.count
  let boot = try olsBootstrap(.pairs)
  let range = 37..<61
  let reps = try boot.replicates(range, seed: 11)
  for b in range {
    var d = IndexDrawer(seed: 11, stream: b)
    var rows: [[Double]] = []
    var ys: [Double] = []
    for _ in 0..<n {
      let i = d.index(UInt32(n))
      rows.append([1, x1[i], x2[i]])
      ys.append(y[i])
    }
    let beta = try Matrix(rows).leastSquares(ys)
    for j in 0..<3 {
      let ours = reps[j * range.count + b - range.lowerBound]
      #expect(isClose(ours, beta[j], relative: 1e-9, absolute: 1e-12), "b \(b) coef \(j)")
    }
  }
}

/// Residual and wild replicates against the fit of ŷ + e* by QR.
@Test func olsResidualAndWildReplicatesEqualRefits() throws {
  let (y, x1, x2) = try olsData()
  let n = y.count
  let design = Matrix((0..<n).map { [1, x1[$0], x2[$0]] })
  let beta = try design.leastSquares(y)
  let fitted = (0..<n).map { beta[0] + beta[1] * x1[$0] + beta[2] * x2[$0] }
  let e = (0..<n).map { y[$0] - fitted[$0] }
  for how in [OLSResampling.residual, .wild] {
    let boot = try olsBootstrap(how)
    let range = 0..<20
    let reps = try boot.replicates(range, seed: 12)
    for b in range {
      var d = IndexDrawer(seed: 12, stream: b)
      var ys = fitted
      if how == .residual {
        for i in 0..<n { ys[i] += e[d.index(UInt32(n))] }
      } else {
        var i = 0
        while i < n {
          let w = d.next()
          for k in 0..<min(64, n - i) {
            ys[i + k] += (w >> UInt64(k)) & 1 == 1 ? e[i + k] : -e[i + k]
          }
          i += 64
        }
      }
      let ref = try design.leastSquares(ys)
      for j in 0..<3 {
        #expect(isClose(reps[j * range.count + b], ref[j], relative: 1e-9, absolute: 1e-12))
      }
    }
  }
}

@Test func multiColumnReplicatesDoNotDependOnThreadsOrRanges() throws {
  let (y, x1, x2) = try olsData()
  let statistics: [(MultiColumnBootstrap.Statistic, [[Double]])] = [
    (.spearman, [x1, y]), (.ratioOfMeans, [x2.map { $0 + 1 }, y.map(abs)]),
    (.leastSquares(.pairs), [y, x1, x2]), (.leastSquares(.residual), [y, x1, x2]),
    (.leastSquares(.wild), [y, x1, x2]),
  ]
  for (s, cols) in statistics {
    let boot = try MultiColumnBootstrap(
      columns: cols, names: (0..<cols.count).map { "c\($0)" }, statistic: s)
    let m = boot.outputCount
    let one = try boot.replicates(0..<1000, seed: 9, threads: 1)
    let two = try boot.replicates(0..<1000, seed: 9, threads: 2)
    #expect(one == two, "\(s): 1 vs 2 threads")
    let a = try boot.replicates(0..<333, seed: 9, threads: 2)
    let b = try boot.replicates(333..<1000, seed: 9, threads: 1)
    for j in 0..<m {
      let merged = Array(a[(j * 333)..<((j + 1) * 333)]) + Array(b[(j * 667)..<((j + 1) * 667)])
      #expect(merged == Array(one[(j * 1000)..<((j + 1) * 1000)]), "\(s): split ranges")
    }
  }
}

@Test func multiColumnInputErrorsNameTheInput() throws {
  let (y, x1, x2) = try olsData()
  expectError(InputError.self, mentioning: "'x3'", "singular") {
    try MultiColumnBootstrap(
      columns: [y, x1, x2, x1.indices.map { 2 * x1[$0] - x2[$0] }],
      names: ["y", "x1", "x2", "x3"], statistic: .leastSquares(.pairs))
  }
  expectError(InputError.self, mentioning: "'k'") {
    try MultiColumnBootstrap(
      columns: [y, x1, [Double](repeating: 4, count: y.count)], names: ["y", "x1", "k"],
      statistic: .leastSquares(.pairs))
  }
  expectError(InputError.self, mentioning: "n > p") {
    try MultiColumnBootstrap(
      columns: [[1, 2, 3], [1, 5, 2], [3, 1, 2]], names: ["y", "a", "b"],
      statistic: .leastSquares(.pairs))
  }
  expectError(InputError.self, mentioning: "'c'", "constant") {
    try MultiColumnBootstrap(
      columns: [x1, [Double](repeating: 1, count: x1.count)], names: ["x", "c"],
      statistic: .spearman)
  }
  expectError(InputError.self, mentioning: "sample 2", "constant") {
    try Bootstrap(
      samples: [x1, [Double](repeating: 1, count: x1.count)], statistic: .correlation,
      plan: .paired)
  }
  expectError(InputError.self, mentioning: "'u'", "sums to 0") {
    try MultiColumnBootstrap(
      columns: [[1, -1, 0], [1, 2, 3]], names: ["u", "x"], statistic: .ratioOfMeans)
  }
  expectError(InputError.self, mentioning: "studentized") {
    try MultiColumnBootstrap(columns: [x1, y], names: ["x", "y"], statistic: .spearman)
      .run(replicates: 10, seed: 1, methods: [.studentized])
  }
}

@Test func skewnessAndKurtosisAreScipyMoments() throws {
  // SciPy 1.17.1: skew([1, 2, 2, 3, 7, 11]), kurtosis(...) (bias=True, Fisher), typed in here.
  let x: [Double] = [1, 2, 2, 3, 7, 11]
  let n = Double(x.count)
  let m = x.reduce(0, +) / n
  let m2 = x.reduce(0) { $0 + ($1 - m) * ($1 - m) } / n
  let m3 = x.reduce(0) { $0 + ($1 - m) * ($1 - m) * ($1 - m) } / n
  let m4 = x.reduce(0) { $0 + ($1 - m) * ($1 - m) * ($1 - m) * ($1 - m) } / n
  #expect(
    isClose(SampleStatistic.skewness.evaluate(x), m3 / (m2 * m2.squareRoot()), relative: 1e-13))
  #expect(isClose(SampleStatistic.kurtosis.evaluate(x), m4 / (m2 * m2) - 3, relative: 1e-13))
  #expect(isClose(SampleStatistic.skewness.evaluate(x), 0.9382233793524904, relative: 1e-12))
  #expect(isClose(SampleStatistic.kurtosis.evaluate(x), -0.6616023181141824, relative: 1e-11))
  // Closed-form jackknife = brute force.
  let jack = try #require(SortedSample(x).jackknife(.kurtosis))
  let sorted = SortedSample(x)
  for (k, v) in sorted.distinct.enumerated() {
    var rest = x
    rest.remove(at: try #require(rest.firstIndex(of: v)))
    #expect(isClose(jack.values[k], SampleStatistic.kurtosis.evaluate(rest), relative: 1e-11))
  }
}

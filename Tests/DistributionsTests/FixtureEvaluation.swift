import ResampleCore
// FixtureEvaluation.swift: evaluates a fixture row on the matching distribution.
import Testing
import _TestSupport

@testable import Distributions

/// The continuous distribution a fixture row names.
func continuous(_ row: FixtureRow) throws -> (any ContinuousDistribution)? {
  let p = row.parameters
  switch row.family {
  case "normal": return try Normal(mean: p[0], standardDeviation: p[1])
  case "chi2": return try ChiSquared(degreesOfFreedom: p[0])
  case "t": return try StudentT(degreesOfFreedom: p[0])
  case "f":
    return try FisherF(numeratorDegreesOfFreedom: p[0], denominatorDegreesOfFreedom: p[1])
  case "beta": return try Beta(alpha: p[0], beta: p[1])
  case "gamma": return try Gamma(shape: p[0], scale: p[1])
  default: return nil
  }
}

/// The discrete distribution a fixture row names.
func discrete(_ row: FixtureRow) throws -> (any DiscreteDistribution)? {
  let p = row.parameters
  switch row.family {
  case "binomial": return try Binomial(trials: Int(p[0]), probability: p[1])
  case "poisson": return try Poisson(rate: p[0])
  case "hypergeometric":
    return try Hypergeometric(population: Int(p[0]), successes: Int(p[1]), draws: Int(p[2]))
  default: return nil
  }
}

/// Compares every row (of `family`, when given) of `file` with the implementation; prints and
/// returns the summary.
func checkFixture(_ file: String, family: String? = nil, tolerance: Double = 1e-12) throws
  -> ErrorSummary
{
  var summary = ErrorSummary()
  for row in try loadRows(file) where family == nil || row.family == family {
    let key = "\(row.family).\(row.function)"
    if let d = try continuous(row) {
      let x = row.argument
      let value: Double
      switch row.function {
      case "pdf": value = d.pdf(x)
      case "cdf": value = d.cdf(x)
      case "sf": value = d.sf(x)
      case "quantile": value = d.quantile(x)
      case "upperQuantile": value = d.upperQuantile(x)
      default: continue
      }
      summary.record(key, row, value)
    } else if let d = try discrete(row) {
      let k = Int(row.argument)
      let value: Double
      switch row.function {
      case "pmf": value = d.pmf(k)
      case "cdf": value = d.cdf(k)
      case "sf": value = d.sf(k)
      default: continue
      }
      summary.record(key, row, value)
    }
  }
  print(summary.report)
  for (key, w) in summary.worst {
    #expect(w.error <= tolerance, "\(key): \(w.error) at \(w.row.parameters) \(w.row.argument)")
  }
  #expect(!summary.worst.isEmpty)
  return summary
}

/// Expects `body` to throw `InputError.invalidParameter`.
func expectInvalid(_ body: () throws -> Void, sourceLocation: SourceLocation = #_sourceLocation) {
  let error = #expect(throws: InputError.self, sourceLocation: sourceLocation, performing: body)
  if let error, case .invalidParameter = error { return }
  if let error {
    Issue.record(
      "expected InputError.invalidParameter, got \(error)", sourceLocation: sourceLocation)
  }
}

/// Checks quantile(cdf(x)) ≈ x and upperQuantile(sf(x)) ≈ x at the given points, with a
/// tolerance scaled by the conditioning |F/(x f)| of the inversion.
func checkRoundTrips(
  _ d: some ContinuousDistribution, _ xs: [Double], tolerance: Double = 1e-12,
  sourceLocation: SourceLocation = #_sourceLocation
) {
  for x in xs {
    let c = d.cdf(x)
    let s = d.sf(x)
    let density = d.pdf(x)
    // Only where both tails are representable probabilities strictly inside (0, 1).
    guard c > 0, s > 0, c < 1, s < 1, density > 0 else { continue }
    // Relative error in x from a relative error ε in F is ε · F / (x f).
    let condLower = max(1, c / abs(x * density))
    let condUpper = max(1, s / abs(x * density))
    let xl = d.quantile(c)
    let xu = d.upperQuantile(s)
    #expect(
      relativeError(xl, x) <= tolerance * condLower, "quantile(cdf(\(x))) = \(xl)",
      sourceLocation: sourceLocation)
    #expect(
      relativeError(xu, x) <= tolerance * condUpper, "upperQuantile(sf(\(x))) = \(xu)",
      sourceLocation: sourceLocation)
  }
}

/// Quantiles of probabilities outside [0, 1] (and NaN) are NaN.
func checkQuantileDomain(
  _ d: some ContinuousDistribution, sourceLocation: SourceLocation = #_sourceLocation
) {
  for p in [-0.1, 1.1, Double.nan, -.infinity] {
    #expect(d.quantile(p).isNaN, sourceLocation: sourceLocation)
    #expect(d.upperQuantile(p).isNaN, sourceLocation: sourceLocation)
  }
}

/// Discrete quantiles satisfy their definitions: cdf(k) ≥ p > cdf(k − 1), sf(k) ≤ q < sf(k − 1).
func checkDiscreteQuantiles(
  _ d: some DiscreteDistribution, lowerBound: Int, sourceLocation: SourceLocation = #_sourceLocation
) {
  for p in [1e-300, 1e-12, 1e-4, 0.01, 0.025, 0.3, 0.5, 0.7, 0.975, 0.999, 1 - 1e-12] {
    let k = d.quantile(p)
    #expect(d.cdf(k) >= p, "cdf(quantile(\(p)))", sourceLocation: sourceLocation)
    if k > lowerBound {
      #expect(d.cdf(k - 1) < p, "cdf(quantile(\(p)) − 1)", sourceLocation: sourceLocation)
    }
    let u = d.upperQuantile(p)
    #expect(d.sf(u) <= p, "sf(upperQuantile(\(p)))", sourceLocation: sourceLocation)
    if u > lowerBound {
      #expect(d.sf(u - 1) > p, "sf(upperQuantile(\(p)) − 1)", sourceLocation: sourceLocation)
    }
  }
}

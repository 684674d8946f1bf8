// ScenarioGenerator.swift: draws one data set of a scenario from the data set's own stream —
// binomial counts, or continuous samples (normal, lognormal, t, gamma, beta, Poisson, normal
// mixtures, two and k normal groups).
import RandomStreams
import _Platform

/// The samplers of one scenario, set up once and used for every data set of a block.
///
/// Each data set draws only from its own `Philox4x32` stream, in a fixed order (binomial counts,
/// then the continuous values sample by sample, value by value), so a data set depends only on
/// the spec's seed and its stream.
///
/// Continuous generators:
/// - t: location + scale · Z/√(V/df), Z standard normal, V = 2 · Gamma(df/2, 1) ~ χ²(df).
/// - gamma: Marsaglia and Tsang (``GammaSampler``).
/// - beta: X/(X + Y) with X ~ Gamma(a, 1), Y ~ Gamma(b, 1).
/// - Poisson: ``PoissonSampler`` (table inversion below λ = 30, PTRS above).
/// - normal mixture: a component by one uniform against the cumulative weights, then a normal.
/// - clustered binomial: per cluster π = X/(X + Y), X ~ Gamma(p(1 − ρ)/ρ), Y ~ Gamma((1 − p)(1 − ρ)/ρ)
///   (a beta-binomial cluster, intraclass correlation ρ), then one uniform per respondent.
///
/// - Complexity: O(n) expected per data set.
struct ScenarioGenerator {
  let scenario: SimulationScenario
  let binomials: [BinomialSampler]
  let gammas: [GammaSampler]
  let poisson: PoissonSampler?
  let cumulativeWeights: [Double]
  /// Clustered binomial data: per group, the gamma samplers of the cluster probability's beta
  /// shapes (nil when every cluster has probability p: ICC 0, or p 0 or 1).
  let clusterBetas: [(GammaSampler, GammaSampler)?]
  /// `groups` data: the generator of each group.
  let groupGenerators: [ScenarioGenerator]

  /// Prepares the samplers (the spec was validated: every parameter is in range).
  init(_ sc: SimulationScenario) {
    scenario = sc
    binomials =
      sc.data == .clusteredBinomial
      ? [] : zip(sc.n, sc.p).compactMap { try? BinomialSampler(trials: $0, probability: $1) }
    switch sc.data {
    case .t: gammas = [try? GammaSampler(shape: (sc.df ?? 1) / 2)].compactMap { $0 }
    case .gamma:
      gammas = [try? GammaSampler(shape: sc.shape ?? 1, scale: sc.scale ?? 1)].compactMap { $0 }
    case .beta:
      gammas = [try? GammaSampler(shape: sc.a ?? 1), try? GammaSampler(shape: sc.b ?? 1)]
        .compactMap { $0 }
    default: gammas = []
    }
    poisson = sc.data == .poisson ? try? PoissonSampler(rate: sc.lambda ?? 0) : nil
    clusterBetas = sc.p.map { p in
      let rho = sc.icc ?? 0
      guard sc.data == .clusteredBinomial, rho > 0, p > 0, p < 1,
        let x = try? GammaSampler(shape: p * (1 - rho) / rho),
        let y = try? GammaSampler(shape: (1 - p) * (1 - rho) / rho)
      else { return nil }
      return (x, y)
    }
    groupGenerators = (sc.groups ?? []).map(ScenarioGenerator.init)
    var total = 0.0
    cumulativeWeights = (sc.weights ?? []).map {
      total += $0
      return total
    }
  }

  /// The binomial success counts (one per sample; empty for continuous data).
  func counts(using g: inout Philox4x32) -> [Int] {
    binomials.map { $0.sample(using: &g) }
  }

  /// The continuous samples (one per group; empty for binomial data); for clustered binomial
  /// data, per group the successes of each cluster.
  func samples(using g: inout Philox4x32) -> [[Double]] {
    let sc = scenario
    switch sc.data {
    case .binomial, .twoBinomial: return []
    case .clusteredBinomial:
      let m = sc.clusterSize ?? 1
      return sc.n.indices.map { i in
        (0..<(sc.n[i] / m)).map { _ in
          var pi = sc.p[i]
          if let (x, y) = clusterBetas[i] {
            let a = x.sample(using: &g)
            let b = y.sample(using: &g)
            if a + b > 0 { pi = a / (a + b) }
          }
          var yes = 0
          for _ in 0..<m where g.nextUniform() < pi { yes += 1 }
          return Double(yes)
        }
      }
    case .normal:
      let (m, sd) = (sc.mean ?? 0, sc.sd ?? 1)
      return [(0..<sc.n[0]).map { _ in m + sd * g.nextNormal() }]
    case .lognormal:
      let (m, sd) = (sc.meanlog ?? 0, sc.sdlog ?? 1)
      return [(0..<sc.n[0]).map { _ in exp(m + sd * g.nextNormal()) }]
    case .t:
      let (df, l, s) = (sc.df ?? 1, sc.location ?? 0, sc.scale ?? 1)
      guard let chi = gammas.first else { return [] }
      return [
        (0..<sc.n[0]).map { _ in
          let z = g.nextNormal()
          return l + s * z / (2 * chi.sample(using: &g) / df).squareRoot()
        }
      ]
    case .gamma:
      guard let gamma = gammas.first else { return [] }
      return [(0..<sc.n[0]).map { _ in gamma.sample(using: &g) }]
    case .beta:
      guard gammas.count == 2 else { return [] }
      return [
        (0..<sc.n[0]).map { _ in
          let x = gammas[0].sample(using: &g)
          let y = gammas[1].sample(using: &g)
          return x / (x + y)
        }
      ]
    case .poisson:
      guard let poisson else { return [] }
      return [(0..<sc.n[0]).map { _ in Double(poisson.sample(using: &g)) }]
    case .normalMixture:
      let (means, sds) = (sc.means ?? [], sc.sds ?? [])
      let last = cumulativeWeights.count - 1
      return [
        (0..<sc.n[0]).map { _ in
          let u = g.nextUniform() * (cumulativeWeights.last ?? 1)
          let k = cumulativeWeights.firstIndex { u < $0 } ?? last
          return means[k] + sds[k] * g.nextNormal()
        }
      ]
    case .groups:
      // Group after group, each drawing its values as its own one-sample scenario would.
      return groupGenerators.flatMap { $0.samples(using: &g) }
    case .twoNormal, .kNormal:
      let (means, sds) = (sc.means ?? [], sc.sds ?? [])
      return sc.n.indices.map { i in
        (0..<sc.n[i]).map { _ in means[i] + sds[i] * g.nextNormal() }
      }
    }
  }
}

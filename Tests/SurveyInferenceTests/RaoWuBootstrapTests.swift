// RaoWuBootstrapTests.swift: Rao–Wu bootstrap and JK1 replicate factors — split invariance,
// R's JK1 weights exactly, and bootstrap variance close to linearization on a large design.
import DataInput
import Foundation
import ResampleCore
import Testing
import _TestSupport

@testable import SurveyInference

/// A synthetic stratified cluster sample: `strata` × `psus` clusters of 3–12 respondents, a
/// cluster effect giving intra-cluster correlation ≈ 0.1, and unequal weights.
private func synthetic(
  strata: Int, psus: Int, seed: UInt64
) throws -> (design: SurveyDesign, sample: StratifiedClusterSample, answers: [Bool?]) {
  var g = SplitMixSequence(state: seed)
  var stratum: [String] = []
  var cluster: [String] = []
  var weights: [Double] = []
  var answers: [Bool?] = []
  for h in 0..<strata {
    for c in 0..<psus {
      let size = 3 + Int(g.next() * 10)
      let effect = 0.33 * g.normal()  // logit scale: ICC ≈ 0.1 for a base rate near 0.4
      for _ in 0..<size {
        stratum.append("s\(h)")
        cluster.append("c\(h)-\(c)")
        weights.append(1 + 4 * g.next())
        let p = 1 / (1 + exp(-(-0.4 + effect + 0.1 * Double(h % 3))))
        answers.append(g.next() < p)
      }
    }
  }
  let sample = try StratifiedClusterSample(
    rows: weights.count, strata: stratum, clusters: cluster, fpc: nil)
  return (try SurveyDesign(weights: weights, sample: sample), sample, answers)
}

@Suite struct RaoWuBootstrapTests {
  @Test func factorsDoNotDependOnHowReplicatesAreSplit() throws {
    let s = try synthetic(strata: 4, psus: 5, seed: 1).sample
    let whole = RaoWuBootstrap.factors(s, replicates: 0..<10, seed: 99)
    let parts =
      RaoWuBootstrap.factors(s, replicates: 0..<3, seed: 99)
      + RaoWuBootstrap.factors(s, replicates: 3..<10, seed: 99)
    #expect(whole == parts)
    #expect(whole != RaoWuBootstrap.factors(s, replicates: 0..<10, seed: 98))
    // Each stratum draws n_h − 1 PSUs: its factors add up to n_h (no correction: n/(n−1)·r).
    let p = s.psuCount
    for r in 0..<10 {
      for h in 0..<s.strataCount {
        let total = (0..<p).filter { s.stratumOfPSU[$0] == h }.map { whole[$0 + r * p] }
          .reduce(0, +)
        #expect(isClose(total, Double(s.psusInStratum[h]), relative: 1e-12))
      }
    }
  }

  @Test func jackknifeFactorsReproduceRsJK1Weights() throws {
    let table = try CSVTable.read(path: fixtureURL("survey-design/apiclus1_jk1.csv").path)
    let sample = try StratifiedClusterSample(
      rows: table.rows.count, strata: nil, clusters: try table.column(named: "dnum"), fpc: nil)
    let f = try DeleteOneJackknife.factors(sample)
    let w = try table.column(named: "pw").map { Double($0) ?? .nan }
    let p = sample.psuCount
    #expect(p == 15)
    for r in 0..<p {
      let ref = try table.column(named: "rw\(r + 1)").map { Double($0) ?? .nan }
      for i in 0..<w.count {
        #expect(isClose(w[i] * f[sample.psuOfRow[i] + r * p], ref[i], relative: 1e-14))
      }
    }
    let strat = try StratifiedClusterSample(
      rows: 4, strata: ["a", "a", "b", "b"], clusters: ["1", "2", "3", "4"], fpc: nil)
    expectError(InputError.self, mentioning: "strata") { try DeleteOneJackknife.factors(strat) }
  }

  @Test(.tags(.statistical)) func bootstrapVarianceMatchesLinearizationOnALargeDesign() throws {
    // 40 strata × 10 PSUs: the ratio is nearly linear, so the Rao–Wu variance estimates the
    // linearization variance; B = 4000 gives a relative Monte Carlo SE of the SE of about
    // √(1/(2B)) ≈ 1.1 %; tolerance 5 %.
    let (design, sample, answers) = try synthetic(strata: 40, psus: 10, seed: 7)
    let linear = try SurveyProportion(answers: answers, design: design)
    let b = 4000
    let f = RaoWuBootstrap.factors(sample, replicates: 0..<b, seed: 2026)
    let p = sample.psuCount
    let columns = (0..<b).map { r in
      design.weights.indices.map { design.weights[$0] * f[sample.psuOfRow[$0] + r * p] }
    }
    let boot = try SurveyProportion(
      answers: answers,
      design: try SurveyDesign(
        weights: design.weights,
        replicates: try ReplicateWeights(columns: columns, type: .bootstrap),
        degreesOfFreedom: sample.degreesOfFreedom))
    #expect(isClose(boot.estimate, linear.estimate, relative: 1e-13))
    let ratio = boot.standardError / linear.standardError
    #expect(abs(ratio - 1) < 0.05, "bootstrap SE / linearization SE = \(ratio)")
    print("Rao–Wu B = \(b): SE ratio to linearization \(ratio)")
  }
}

// DomainProportionsTests.swift: design-based domain proportions, pairwise differences,
// Rao–Scott tests and svyciprop intervals against R survey 4.1.1 on the api data
// (Tests/Fixtures/survey-design/generate.R), for linearization and replicate designs.
import DataInput
import Foundation
import LinearAlgebra
import ResampleCore
import Testing
import _TestSupport

@testable import SurveyInference

private struct Expected: Decodable {
  struct Design: Decodable {
    var weight: String
    var cluster, strata, fpc, replicateColumnsPrefix: String?
    var type: String
    var scale: Double?
    var mse: Bool?
  }
  struct Segment: Decodable {
    var name: String
    var proportion, standardError, weightedN: Double
    var n: Int
    var deff: FixtureNumber
  }
  struct Pair: Decodable {
    var a, b: String
    var difference, standardError: Double
    var pValue: FixtureNumber
    var df: Int
    var ci: [FixtureNumber]
  }
  struct FTest: Decodable { var statistic, ndf, ddf, pValue: Double }
  struct ChiTest: Decodable {
    var statistic, pValue, adjustedStatistic: Double
    var df: Int
  }
  struct Omnibus: Decodable {
    var raoScottF: FTest
    var raoScottChisq: ChiTest
    var pearsonWeighted: Double
  }
  struct Overall: Decodable {
    var proportion, standardError: Double
    var deff: FixtureNumber
    var logit, beta: [Double]
  }
  struct Question: Decodable {
    var column, answer: String
    var segments: [Segment]
    var pairs: [Pair]
    var omnibus: Omnibus
    var overall: Overall
  }
  struct Case: Decodable {
    var name, data, segment: String
    var design: Design
    var degf, nobs: Int
    var questions: [Question]
  }
  var designs: [Case]
}

/// Reads a fixture CSV and builds the case's design and segments.
private func load(_ c: Expected.Case) throws -> (
  table: CSVTable, design: SurveyDesign, segmentOfRow: [Int], names: [String]
) {
  let table = try CSVTable.read(path: fixtureURL("survey-design/" + c.data).path)
  let weights = try table.column(named: c.design.weight).map { Double($0) ?? .nan }
  let design: SurveyDesign
  if let prefix = c.design.replicateColumnsPrefix {
    let columns = table.header.filter {
      $0.hasPrefix(prefix) && Int($0.dropFirst(prefix.count)) != nil
    }
    let values = try columns.map { try table.column(named: $0).map { Double($0) ?? .nan } }
    let type: ReplicateType = c.design.type == "JK1" ? .jk1 : .bootstrap
    let rw = try ReplicateWeights(
      columns: values, type: type, scale: c.design.scale, mse: c.design.mse ?? false)
    design = try SurveyDesign(weights: weights, replicates: rw)
  } else {
    let sample = try StratifiedClusterSample(
      rows: table.rows.count, strata: try c.design.strata.map { try table.column(named: $0) },
      clusters: try c.design.cluster.map { try table.column(named: $0) },
      fpc: try c.design.fpc.map { try table.column(named: $0).map { Double($0) ?? .nan } })
    design = try SurveyDesign(weights: weights, sample: sample)
  }
  let labels = try table.column(named: c.segment)
  let names = Array(Set(labels)).sorted()
  let index = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) })
  return (table, design, labels.map { index[$0] ?? -1 }, names)
}

private func expected() throws -> Expected {
  try decodeFixture(Expected.self, "survey-design/expected.json", keys: .snakeCase)
}

@Suite struct DomainProportionsTests {
  @Test func matchesRSurveyOnTheApiDesigns() throws {
    let e = try expected()
    #expect(e.designs.count >= 7)
    var checked = 0
    var worst = 0.0
    func close(_ ours: Double, _ ref: Double, _ what: String, tol: Double = 1e-6) {
      let err = relativeError(ours, ref)
      if ref != 0 { worst = max(worst, err) }
      #expect(isClose(ours, ref, relative: tol, absolute: 1e-12), "\(what): \(ours) vs \(ref)")
      checked += 1
    }
    for c in e.designs {
      let (table, design, segmentOfRow, names) = try load(c)
      #expect(design.degreesOfFreedom == c.degf, "\(c.name) df")
      #expect(table.rows.count == c.nobs)
      for q in c.questions {
        let answers = try table.column(named: q.column).map { $0 == q.answer }
        let r = try DomainProportions(
          name: q.column, answers: answers, segmentOfRow: segmentOfRow, segmentNames: names,
          design: design)
        let label = "\(c.name) \(q.column)"
        for (ours, ref) in zip(r.segments, q.segments) {
          #expect(ours.name == ref.name)
          #expect(ours.respondents == ref.n)
          close(ours.proportion, ref.proportion, "\(label) \(ref.name) p")
          close(ours.standardError, ref.standardError, "\(label) \(ref.name) se")
          close(ours.weightedCount, ref.weightedN, "\(label) \(ref.name) N")
          // R's deff is against sampling without replacement: ours × 1/(1 − n/N̂).
          if ref.deff.value.isFinite {
            let fpc = 1 - Double(ref.n) / ref.weightedN
            close(ours.designEffect / fpc, ref.deff.value, "\(label) \(ref.name) deff")
          }
        }
        for (ours, ref) in zip(r.pairs, q.pairs) {
          #expect(ours.a == ref.a && ours.b == ref.b)
          #expect(ours.degreesOfFreedom == ref.df)
          close(ours.difference, ref.difference, "\(label) \(ref.a)-\(ref.b) diff")
          close(ours.standardError, ref.standardError, "\(label) \(ref.a)-\(ref.b) se")
          guard ref.pValue.value.isFinite else {
            // Both segments answer alike (difference 0, SE 0): R gives NaN, ours p = 1.
            #expect(ref.standardError == 0 && ours.standardError == 0 && ours.pValue == 1)
            continue
          }
          close(ours.pValue, ref.pValue.value, "\(label) \(ref.a)-\(ref.b) p")
          close(ours.interval.lower, ref.ci[0].value, "\(label) \(ref.a)-\(ref.b) lower")
          close(ours.interval.upper, ref.ci[1].value, "\(label) \(ref.a)-\(ref.b) upper")
        }
        #expect(r.pairs.count == q.pairs.count)
        if let o = r.omnibus {
          close(o.pearson, q.omnibus.pearsonWeighted, "\(label) X²")
          close(o.f.statistic, q.omnibus.raoScottF.statistic, "\(label) F")
          close(o.f.numeratorDF, q.omnibus.raoScottF.ndf, "\(label) ndf")
          close(o.f.denominatorDF, q.omnibus.raoScottF.ddf, "\(label) ddf")
          close(o.f.pValue, q.omnibus.raoScottF.pValue, "\(label) F p")
          close(o.chiSquare.statistic, q.omnibus.raoScottChisq.adjustedStatistic, "\(label) χ²")
          close(o.chiSquare.pValue, q.omnibus.raoScottChisq.pValue, "\(label) χ² p")
        } else {
          Issue.record("\(label): no omnibus test: \(r.omnibusUnavailable ?? "")")
        }
        close(r.overall.proportion, q.overall.proportion, "\(label) overall p")
        close(r.overall.standardError, q.overall.standardError, "\(label) overall se")
        for (method, ref) in [
          (SurveyProportionMethod.logit, q.overall.logit), (.beta, q.overall.beta),
        ] {
          let ci = try r.overallInterval(method)
          close(ci.lower, ref[0], "\(label) \(method) lower")
          close(ci.upper, ref[1], "\(label) \(method) upper")
        }
      }
    }
    #expect(checked > 500)
    print("R survey design fixtures: \(checked) values, max relative error \(worst)")
  }
}

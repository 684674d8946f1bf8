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
    var rscales: [Double]?
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
    var wald: FTest
    var adjWald: FTest
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
    let type = try #require(
      ["JK1": ReplicateType.jk1, "JKn": .jkn, "bootstrap": .bootstrap][c.design.type])
    let rw = try ReplicateWeights(
      columns: values, type: type, scale: c.design.scale, mse: c.design.mse ?? false,
      replicateScales: type == .jkn ? c.design.rscales : nil)
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

/// One question's 3S + 1 estimates from the general ratio estimator, with the dense n × (3S + 1)
/// numerator and denominator columns (the route before ``DomainTotals``), for comparison.
private func denseEstimates(
  _ answers: [Bool?], segmentOfRow: [Int], segments s: Int, design: SurveyDesign
) throws -> RatioEstimates {
  let n = design.count
  let k = 3 * s + 1
  var a = [Double](repeating: 0, count: n * k)
  var b = [Double](repeating: 0, count: n * k)
  for i in 0..<n {
    guard let y = answers[i] else { continue }
    let d = segmentOfRow[i]
    a[i + d * n] = y ? 1 : 0
    b[i + d * n] = 1
    a[i + (s + (y ? 0 : 1) + 2 * d) * n] = 1
    for c in s..<(3 * s) { b[i + c * n] = 1 }
    a[i + 3 * s * n] = y ? 1 : 0
    b[i + 3 * s * n] = 1
  }
  return try design.ratios(numerators: a, denominators: b, count: k)
}

/// The fixture questions of a case as answers, with non-answers put in: every 7th respondent
/// skips the first question and every 5th the last (so both the shared and the per-question
/// answered columns of the replicate products are used).
private func answersWithGaps(_ c: Expected.Case, _ table: CSVTable) throws -> [[Bool?]] {
  var questions: [[Bool?]] = try c.questions.map { q in
    try table.column(named: q.column).map { $0 == q.answer }
  }
  for i in stride(from: 3, to: table.rows.count, by: 7) { questions[0][i] = nil }
  for i in stride(from: 1, to: table.rows.count, by: 5) { questions[questions.count - 1][i] = nil }
  return questions
}

@Suite struct DomainProportionsTests {
  @Test func matchesRSurveyOnTheApiDesigns() throws {
    let e = try expected()
    #expect(e.designs.count >= 8)
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
        let r = try DomainProportions.compare(
          questions: [(q.column, answers)], segmentOfRow: segmentOfRow, segmentNames: names,
          design: design, waldTests: true)[0]
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
        if let w = r.wald {
          for (ours, ref, name) in [
            (w.f, q.omnibus.wald, "Wald"), (w.adjusted, q.omnibus.adjWald, "adjusted Wald"),
          ] {
            close(ours.statistic, ref.statistic, "\(label) \(name) F")
            close(ours.numeratorDF, ref.ndf, "\(label) \(name) ndf")
            close(ours.denominatorDF, ref.ddf, "\(label) \(name) ddf")
            close(ours.pValue, ref.pValue, "\(label) \(name) p")
          }
        } else {
          Issue.record("\(label): no Wald test: \(r.waldUnavailable ?? "")")
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

  /// The totals route (PSU totals, or replicate totals by blocked dgemm) gives the general ratio
  /// estimator's estimates and covariance to rounding, on every fixture design, with
  /// non-answers and with blocks small enough that every segment spans several of them.
  @Test func domainTotalsEqualTheGeneralRatioEstimator() throws {
    var compared = 0
    for c in try expected().designs {
      let (table, design, segmentOfRow, names) = try load(c)
      let questions = try answersWithGaps(c, table)
      for blockRows in [DomainTotals.blockRows, 5] {
        let totals = DomainTotals.compute(
          questions: questions, segmentOfRow: segmentOfRow, segments: names.count,
          design: design, blockRows: blockRows)
        for (j, (answers, total)) in zip(questions, totals).enumerated() {
          let fast = try total.ratioEstimates(design: design)
          let dense = try denseEstimates(
            answers, segmentOfRow: segmentOfRow, segments: names.count, design: design)
          let label = "\(c.name) question \(j + 1) blocks of \(blockRows)"
          for (x, y) in zip(fast.estimates, dense.estimates) {
            #expect(isClose(x, y, relative: 1e-12), "\(label) estimate \(x) vs \(y)")
          }
          for (x, y) in zip(fast.denominators, dense.denominators) {
            #expect(isClose(x, y, relative: 1e-12), "\(label) denominator \(x) vs \(y)")
          }
          let scale = (0..<dense.covariance.rows).map { dense.covariance[$0, $0] }.max() ?? 0
          #expect(fast.covariance.rows == dense.covariance.rows)
          for (x, y) in zip(fast.covariance.storage, dense.covariance.storage) {
            #expect(abs(x - y) <= 1e-12 * scale, "\(label) covariance \(x) vs \(y)")
          }
          #expect((fast.replicates == nil) == (dense.replicates == nil))
          if let f = fast.replicates, let d = dense.replicates {
            for (x, y) in zip(f.values, d.values) {
              #expect(isClose(x, y, relative: 1e-12), "\(label) replicate \(x) vs \(y)")
            }
          }
          compared += 1
        }
      }
    }
    #expect(compared >= 40)
  }

  /// All questions at once give what one question at a time gives; a segment index out of range
  /// is an error where there is an answer (naming the question and data row), ignored where
  /// there is none.
  @Test func comparingTogetherEqualsOneAtATime() throws {
    for c in try expected().designs {
      let (table, design, segmentOfRow, names) = try load(c)
      let questions = try answersWithGaps(c, table)
      let named = questions.enumerated().map { ("q\($0.offset + 1)", $0.element) }
      let together = try DomainProportions.compare(
        questions: named, segmentOfRow: segmentOfRow, segmentNames: names, design: design)
      for ((name, answers), batch) in zip(named, together) {
        let one = try DomainProportions(
          name: name, answers: answers, segmentOfRow: segmentOfRow, segmentNames: names,
          design: design)
        #expect(one.name == batch.name && one.segments.count == batch.segments.count)
        for (x, y) in zip(one.segments + [one.overall], batch.segments + [batch.overall]) {
          #expect(x.respondents == y.respondents)
          #expect(isClose(x.proportion, y.proportion, relative: 1e-12))
          #expect(isClose(x.standardError, y.standardError, relative: 1e-12))
        }
        for (x, y) in zip(one.pairs, batch.pairs) {
          #expect(isClose(x.pValue, y.pValue, relative: 1e-10, absolute: 1e-300))
        }
        #expect(
          isClose(one.omnibus?.f.statistic ?? 0, batch.omnibus?.f.statistic ?? 0, relative: 1e-12))
      }
      // Data row 4 (index 3) is put in no segment: fine where nobody there answered, an error
      // for the first question answered there (the first skips it, see answersWithGaps).
      guard named.count >= 2 else { continue }
      var odd = segmentOfRow
      odd[3] = names.count
      var skipping = named
      for q in skipping.indices { skipping[q].1[3] = nil }
      #expect(
        throws: Never.self,
        performing: {
          try DomainProportions.compare(
            questions: skipping, segmentOfRow: odd, segmentNames: names, design: design)
        })
      #expect(
        throws: InputError.invalidData(
          source: "question 'q2' data row 4", reason: "segment index \(names.count) out of range"),
        performing: {
          try DomainProportions.compare(
            questions: named, segmentOfRow: odd, segmentNames: names, design: design)
        })
    }
  }
}

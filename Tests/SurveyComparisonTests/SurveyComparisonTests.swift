import DataInput
import MultipleComparisons
import ResampleCore
import Testing
import _TestSupport

@testable import SurveyComparison

@Suite struct SurveyComparisonTests {
  static func options(seed: UInt64 = 42) -> SurveyComparisonOptions {
    var o = SurveyComparisonOptions(seed: seed)
    o.replicates = 1999
    o.simulations = 2000
    o.powerMethod = .all
    return o
  }

  @Test func ardourExampleEndToEnd() throws {
    let r = try SurveyComparison.compare(
      [TestExamples.ardourQuestion()], paired: TestExamples.ardourPaired(), options: Self.options())
    let q = try #require(r.questions.first)
    #expect(q.segments.map(\.x) == [47, 34])
    #expect(q.segments.map(\.n) == [77, 79])
    #expect(q.segments.allSatisfy { $0.assumed })
    let s = try #require(q.sensitivity)
    #expect(s.consistentTables == 65)
    let pair = try #require(q.pairs.first)
    #expect(pair.test == "fisher-exact")
    #expect(q.omnibus.pValue == pair.pValue)
    #expect(pair.pAdjusted == pair.pValue)  // one comparison
    #expect(pair.significant)
    #expect(pair.verdict == .real)
    let share = try #require(pair.sensitivityShare)
    #expect(share > 0 && share < 1)  // the verdict depends on the unpublished segment sizes
    let bca = try #require(pair.bootstrapBCa)
    #expect(bca.lower < pair.difference && pair.difference < bca.upper)
    #expect(pair.newcombe.lower < pair.difference && pair.difference < pair.newcombe.upper)
    let p = try #require(r.paired)
    #expect(p.feasible.outcomes.count == 242)
    let power = try #require(q.power.first)
    #expect(power.test == .fisherExact)
    let sim = try #require(power.simulated)
    let exact = try #require(power.exact)
    #expect(abs(sim.power - exact) < 4 * sim.standardError + 1e-9)
    print(pair, power)
  }
}

@Suite struct SurveyComparisonPropertyTests {
  static var options: SurveyComparisonOptions { SurveyComparisonTests.options() }

  @Test func swappingSegmentsNegatesTheDifferenceAndKeepsP() throws {
    let q1 = try SurveyQuestion(
      name: "q", segmentNames: ["a", "b"], data: .counts(yes: [50, 32], sizes: [82, 74]))
    let q2 = try SurveyQuestion(
      name: "q", segmentNames: ["b", "a"], data: .counts(yes: [32, 50], sizes: [74, 82]))
    var o = Self.options
    o.computePower = false
    let r1 = try SurveyComparison.compare([q1], options: o)
    let r2 = try SurveyComparison.compare([q2], options: o)
    let p1 = try #require(r1.questions.first?.pairs.first)
    let p2 = try #require(r2.questions.first?.pairs.first)
    #expect(p1.difference == -p2.difference)
    #expect(isClose(p1.pValue, p2.pValue, relative: 1e-12))
    #expect(isClose(p1.newcombe.lower, -p2.newcombe.upper, relative: 1e-12))
    #expect(isClose(p1.cohensH, -p2.cohensH, relative: 1e-12))
    #expect(p1.verdict == p2.verdict)
  }

  @Test func holmRunsAcrossAllPairsOfAllQuestions() throws {
    let qs = try [
      SurveyQuestion(
        name: "q1", segmentNames: ["a", "b", "c"],
        data: .counts(yes: [38, 16, 25], sizes: [60, 50, 40])),
      SurveyQuestion(
        name: "q2", segmentNames: ["a", "b", "c"],
        data: .counts(yes: [29, 19, 10], sizes: [59, 45, 37])),
    ]
    var o = Self.options
    o.computePower = false
    let r = try SurveyComparison.compare(qs, options: o)
    let raw = r.questions.flatMap { $0.pairs.map(\.pValue) }
    let adj = r.questions.flatMap { $0.pairs.map(\.pAdjusted) }
    #expect(raw.count == 6)
    #expect(adj == (try MultipleComparisons.adjust(raw, method: .holm)))
    #expect(r.questions.allSatisfy { $0.omnibus.test == "pearson-chi-squared" })
  }

  struct Small: Decodable {
    var yes: [Int]
    var sizes: [Int]
    var pearson: Double
    var fisherExactP: Double
  }
  struct SmallFile: Decodable { var smallOmnibus: [Small] }

  /// Small expected counts: Fisher's exact r×2 test, against SciPy's enumeration of every table
  /// with the margins (multivariate hypergeometric probabilities).
  @Test func smallExpectedCountsUseFisherRxC() throws {
    let f = try decodeSurveyFixture(SmallFile.self)
    for c in f.smallOmnibus {
      let names = c.yes.indices.map { "s\($0)" }
      let q = try SurveyQuestion(
        name: "q", segmentNames: names, data: .counts(yes: c.yes, sizes: c.sizes))
      var o = Self.options
      o.computePower = false
      let omni = try #require(
        try SurveyComparison.compare([q], options: o).questions.first?.omnibus)
      #expect(omni.test == "fisher-exact-rxc")
      #expect(isClose(try #require(omni.statistic), c.pearson, relative: 1e-12))
      #expect(isClose(omni.pValue, c.fisherExactP, relative: 1e-9))
    }
  }

  @Test func designEffectWidensAndWeakens() throws {
    let q = try SurveyQuestion(
      name: "q", segmentNames: ["a", "b"], data: .counts(yes: [50, 32], sizes: [82, 74]))
    var o = Self.options
    o.computePower = false
    let plain = try #require(
      try SurveyComparison.compare([q], options: o).questions.first?.pairs.first)
    o.designEffect = try DesignEffect(1.5)
    let r = try SurveyComparison.compare([q], options: o)
    let adj = try #require(r.questions.first?.pairs.first)
    #expect(adj.test == "rao-scott-chi-squared")
    #expect(adj.pValue > plain.pValue)
    #expect(adj.newcombe.upper - adj.newcombe.lower > plain.newcombe.upper - plain.newcombe.lower)
    let b0 = try #require(plain.bootstrapBCa)
    let b1 = try #require(adj.bootstrapBCa)
    #expect(isClose(b1.upper - b1.lower, 1.5.squareRoot() * (b0.upper - b0.lower), relative: 1e-9))
  }

  @Test func resultsDependOnlyOnTheSeedNotOnThreads() throws {
    var o = Self.options
    let a = try SurveyComparison.compare([TestExamples.ardourQuestion()], options: o)
    o.threads = 2
    let b = try SurveyComparison.compare([TestExamples.ardourQuestion()], options: o)
    #expect(a.questions == b.questions)
    o.seed = 43
    let c = try SurveyComparison.compare([TestExamples.ardourQuestion()], options: o)
    #expect(a.questions[0].pairs[0].bootstrapBCa != c.questions[0].pairs[0].bootstrapBCa)
  }

  /// Fisher's test never exceeds its level: the exact rejection rate under H0 (p1 = p2) is ≤ α
  /// for every common p and size (Fisher is conditional, hence conservative).
  @Test func fisherSizeIsAtMostAlpha() throws {
    for n in [10, 25, 60] {
      for p in [0.1, 0.3, 0.5] {
        let size = try TwoProportionPower.exactPower(p1: p, p2: p, n1: n, n2: n + 3)
        #expect(size <= 0.05 + 1e-12, "n = \(n), p = \(p): \(size)")
      }
    }
  }

  @Test func maxTNeedsUnweightedRespondentData() throws {
    var o = Self.options
    o.maxT = true
    #expect(throws: InputError.self) {
      try SurveyComparison.compare([TestExamples.ardourQuestion()], options: o)
    }
    let weighted = try SurveyQuestion(
      name: "q", segmentNames: ["a", "b"],
      data: .respondents(answers: [[true, false], [true, true]], weights: [[1, 2], [1, 1]]))
    #expect(throws: InputError.self) { try SurveyComparison.compare([weighted], options: o) }
  }

  @Test func emptySegmentAndBadOptions() throws {
    #expect(throws: InputError.self) {
      try SurveyQuestion(
        name: "q", segmentNames: ["a", "b"],
        data: .respondents(answers: [[true], []], weights: nil))
    }
    #expect(throws: InputError.self) {
      try SurveyQuestion(name: "q", segmentNames: ["a"], data: .counts(yes: [1], sizes: [2]))
    }
    #expect(throws: InputError.self) {
      try SurveyQuestion(
        name: "q", segmentNames: ["a", "a"], data: .counts(yes: [1, 1], sizes: [2, 2]))
    }
    var o = Self.options
    o.alpha = 0
    #expect(throws: InputError.self) {
      try SurveyComparison.compare([TestExamples.ardourQuestion()], options: o)
    }
    #expect(throws: InputError.self) { try SurveyComparison.compare([], options: Self.options) }
  }
}

@Suite struct SurveyComparisonMaxTTests {
  /// Joint-bootstrap max-T on the respondent fixture: the two pairs Fisher finds clearly
  /// different (q1 A–B, p = 0.0012; q1 B–C, p = 0.0055) stay significant, the identical pair
  /// (q1 A–C, p = 1) is nowhere near, and every adjusted p-value is a probability.
  @Test func maxTOnRespondentData() throws {
    let table = try CSVTable.read(path: fixtureURL("survey/respondents.csv").path)
    let qs = try RespondentData.questions(
      table: table, segmentColumn: "segment",
      questionColumns: ["q1", "q3=low", "q3=mid", "q3=high"])
    var o = SurveyComparisonTests.options()
    o.computePower = false
    o.maxT = true
    let r = try SurveyComparison.compare(qs, options: o)
    let q1 = try #require(r.questions.first)
    #expect(q1.pairs.map { "\($0.a)-\($0.b)" } == ["A-B", "A-C", "B-C"])
    #expect(q1.pairs[0].pAdjusted < 0.05 && q1.pairs[0].significant)
    #expect(q1.pairs[2].pAdjusted < 0.05)
    #expect(q1.pairs[1].pAdjusted > 0.5)
    let all = r.questions.flatMap(\.pairs)
    #expect(all.count == 12)
    #expect(all.allSatisfy { $0.pAdjusted >= 0 && $0.pAdjusted <= 1 })
  }
}

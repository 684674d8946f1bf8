// DomainProportions.swift: a yes/no question compared across segments (domains) of a complex
// survey: domain proportions, pairwise differences with design-based t tests, and the
// Rao–Scott tests of the segment × answer table.
import Distributions
import LinearAlgebra
import ResampleCore
import _Platform

/// A yes/no question compared across segments of a survey design.
///
/// All estimates of one question come from one covariance computation: the S domain proportions,
/// the 2S cell proportions of the answer × segment table and the overall proportion, as ratios of
/// the weighted yes and answer totals per segment (``DomainTotals``) — their PSU totals for
/// linearization, their replicate totals for replicate weights. A respondent without an answer to the question is left out of its
/// estimates but keeps its place in the design (domain estimation, as R `survey`'s `subset`).
public struct DomainProportions: Sendable {
  /// One segment's estimate.
  public struct Segment: Sendable, Equatable {
    /// The segment's name.
    public let name: String
    /// The weighted share answering yes.
    public let proportion: Double
    /// Its design-based standard error.
    public let standardError: Double
    /// Respondents in the segment who answered.
    public let respondents: Int
    /// The sum of their weights (the estimated population size of the domain).
    public let weightedCount: Double
    /// Design effect: the design variance over the variance of simple random sampling with
    /// replacement of the same respondents, p(1 − p)/(n − 1) (R `svymean(deff = "replace")`).
    public let designEffect: Double
    /// Kish's design effect of unequal weights alone, n Σw² / (Σw)².
    public let kishDesignEffect: Double
    /// respondents / designEffect.
    public var effectiveSize: Double { Double(respondents) / designEffect }
  }

  /// A difference between two segments.
  public struct Pair: Sendable, Equatable {
    /// Segment names; the difference is a − b.
    public let a: String
    public let b: String
    /// p_a − p_b.
    public let difference: Double
    /// Its design-based standard error (from the covariance of the two domain estimates).
    public let standardError: Double
    /// t = difference / standard error.
    public let statistic: Double
    /// Design degrees of freedom.
    public let degreesOfFreedom: Int
    /// Two-sided p-value of t on the design degrees of freedom.
    public let pValue: Double
    /// difference ± t_{ν, (1 + level)/2} · standard error.
    public let interval: (lower: Double, upper: Double)

    public static func == (x: Pair, y: Pair) -> Bool {
      x.a == y.a && x.b == y.b && x.difference == y.difference && x.pValue == y.pValue
        && x.interval == y.interval
    }
  }

  /// The question's name.
  public let name: String
  /// One entry per segment, in the order given.
  public let segments: [Segment]
  /// Every pair a < b in segment order.
  public let pairs: [Pair]
  /// The Rao–Scott tests, or nil when the table has an empty row or column.
  public let omnibus: RaoScottTest?
  /// Why there is no omnibus test.
  public let omnibusUnavailable: String?
  /// The Wald and adjusted Wald tests of the segment × answer table, when asked for
  /// (`waldTests: true`) and computable.
  public private(set) var wald: WaldIndependenceTest?
  /// Why there is no Wald test (not asked for, or not computable).
  public private(set) var waldUnavailable: String? = "not requested"
  /// The overall share answering yes (all segments), its standard error and design effect.
  public let overall: Segment
  /// The standard error of logit(overall proportion) (see
  /// ``RatioEstimates/standardError(_:of:derivative:)``).
  public let overallLogitStandardError: Double
  /// Design degrees of freedom.
  public let degreesOfFreedom: Int
  /// The confidence level of the intervals.
  public let level: Double

  /// Compares the segments.
  ///
  /// - Parameters:
  ///   - name: the question.
  ///   - answers: per respondent, yes/no or nil (no answer).
  ///   - segmentOfRow: per respondent, the segment index in `0 ..< segmentNames.count`.
  ///   - segmentNames: at least two.
  ///   - design: the survey design over the same respondents.
  ///   - level: the confidence level of the pairwise intervals.
  /// - Throws: `InputError` for mismatched lengths, a segment in which nobody with a positive
  ///   weight answered, or design degrees of freedom below 1.
  /// - Complexity: as ``compare(questions:segmentOfRow:segmentNames:design:level:)`` with one
  ///   question.
  public init(
    name: String, answers: [Bool?], segmentOfRow: [Int], segmentNames: [String],
    design: SurveyDesign, level: Double = 0.95
  ) throws {
    self = try Self.compare(
      questions: [(name, answers)], segmentOfRow: segmentOfRow, segmentNames: segmentNames,
      design: design, level: level)[0]
  }

  /// Compares the segments on every question, sharing the passes over the design.
  ///
  /// The results equal those of ``init(name:answers:segmentOfRow:segmentNames:design:level:)``
  /// question by question (to rounding: the same sums in another order); computing them together
  /// reads the replicate weights once for all questions instead of once per question.
  ///
  /// - Parameters:
  ///   - questions: per question its name and, per respondent, yes/no or nil (no answer).
  ///   - segmentOfRow: per respondent, the segment index in `0 ..< segmentNames.count`.
  ///   - segmentNames: at least two.
  ///   - design: the survey design over the same respondents.
  ///   - level: the confidence level of the pairwise intervals.
  ///   - waldTests: also compute ``wald`` (O(U S²) more per question).
  /// - Returns: one comparison per question, in order.
  /// - Throws: `InputError` for mismatched lengths, a segment index out of range, a segment in
  ///   which nobody with a positive weight answered (naming the first such question), or design
  ///   degrees of freedom below 1.
  /// - Complexity: O(n Q) for the passes over the answers, plus (linearization) O(P S²) per
  ///   question for the covariance of the 3S + 1 estimates from their PSU totals, or
  ///   (replicates) O(n R Q) flops in blocked dgemm for the replicate totals of all questions and
  ///   O(R S²) per question; n respondents, Q questions, S segments, P PSUs, R replicates.
  public static func compare(
    questions: [(name: String, answers: [Bool?])], segmentOfRow: [Int], segmentNames: [String],
    design: SurveyDesign, level: Double = 0.95, waldTests: Bool = false
  ) throws -> [DomainProportions] {
    try InputError.requireLevel(level)
    let n = design.count
    let s = segmentNames.count
    for q in questions {
      guard q.answers.count == n, segmentOfRow.count == n, s >= 2 else {
        throw InputError.invalidData(
          source: "question '\(q.name)'",
          reason: "\(q.answers.count) answers and \(segmentOfRow.count) segments for \(n) "
            + "respondents")
      }
    }
    guard design.degreesOfFreedom >= 1 else {
      throw InputError.invalidData(
        source: "the design",
        reason: "\(design.degreesOfFreedom) degrees of freedom; at least 2 PSUs more than strata "
          + "are needed")
    }
    // A segment index out of range matters only where there is an answer; then it is an error,
    // reported in question order before that question's empty segments (as one at a time).
    if segmentOfRow.contains(where: { $0 < 0 || $0 >= s }) {
      for q in questions {
        var sumW = [Double](repeating: 0, count: s)
        for (i, y) in q.answers.enumerated() where y != nil {
          let d = segmentOfRow[i]
          guard d >= 0, d < s else {
            throw InputError.invalidData(
              source: "question '\(q.name)' data row \(i + 1)",
              reason: "segment index \(d) out of range")
          }
          sumW[d] += design.weights[i]
        }
        try Self.requireAnswers(sumW, question: q.name, segmentNames: segmentNames)
      }
    }
    let totals = DomainTotals.compute(
      questions: questions.map(\.answers), segmentOfRow: segmentOfRow, segments: s,
      design: design)
    for (q, total) in zip(questions, totals) {
      try Self.requireAnswers(total.answered, question: q.name, segmentNames: segmentNames)
    }
    let t = try StudentT(degreesOfFreedom: Double(design.degreesOfFreedom))
    return try zip(questions, totals).map { q, total in
      var result = try DomainProportions(
        name: q.name, estimates: try total.ratioEstimates(design: design),
        respondents: total.respondents + [total.respondents.reduce(0, +)],
        sumW: total.answered + [total.answered.reduce(0, +)],
        sumW2: total.squaredWeights + [total.squaredWeights.reduce(0, +)],
        segmentNames: segmentNames, degreesOfFreedom: design.degreesOfFreedom, t: t,
        level: level)
      if waldTests {
        let cells = total.cellTotals(design: design)
        do {
          result.wald = try WaldIndependenceTest(
            totals: cells.totals, covariance: cells.covariance, rows: 2,
            designDF: design.degreesOfFreedom)
          result.waldUnavailable = nil
        } catch let e as InputError {
          result.waldUnavailable = e.description
        }
      }
      return result
    }
  }

  /// Refuses a segment in which nobody with a positive weight answered.
  private static func requireAnswers(
    _ sumW: [Double], question: String, segmentNames: [String]
  ) throws {
    for (d, total) in sumW.enumerated() where total <= 0 {
      throw InputError.invalidData(
        source: "question '\(question)'",
        reason: "segment '\(segmentNames[d])' has no respondents with a positive weight who "
          + "answered (an empty segment)")
    }
  }

  /// The comparison from the 3S + 1 estimates (``DomainTotals/ratioEstimates(design:)``) and,
  /// per segment then for everyone (index S), the respondents, Σ w and Σ w².
  private init(
    name: String, estimates est: RatioEstimates, respondents: [Int], sumW: [Double],
    sumW2: [Double], segmentNames: [String], degreesOfFreedom nu: Int, t: StudentT, level: Double
  ) throws {
    let s = segmentNames.count
    func segment(_ g: Int, _ label: String, index j: Int) -> Segment {
      let p = est.estimates[j]
      let v = est.covariance[j, j]
      let m = respondents[g]
      let srs = m > 1 ? p * (1 - p) / Double(m - 1) : .nan
      return Segment(
        name: label, proportion: p, standardError: est.standardError(j), respondents: m,
        weightedCount: sumW[g], designEffect: v / srs,
        kishDesignEffect: Double(m) * sumW2[g] / (sumW[g] * sumW[g]))
    }
    self.segments = (0..<s).map { segment($0, segmentNames[$0], index: $0) }
    self.overall = segment(s, "all", index: 3 * s)
    self.overallLogitStandardError = est.standardError(
      3 * s, of: { log($0 / (1 - $0)) }, derivative: { 1 / ($0 * (1 - $0)) })
    let crit = t.upperQuantile((1 - level) / 2)
    var pairs: [Pair] = []
    for i in 0..<s {
      for j in (i + 1)..<s {
        let diff = est.estimates[i] - est.estimates[j]
        let se = est.differenceStandardError(i, j)
        let stat = diff / se
        let p = se > 0 ? min(1, 2 * t.sf(abs(stat))) : (diff == 0 ? 1 : 0)
        pairs.append(
          Pair(
            a: segmentNames[i], b: segmentNames[j], difference: diff, standardError: se,
            statistic: stat, degreesOfFreedom: nu, pValue: p,
            interval: (diff - crit * se, diff + crit * se)))
      }
    }
    self.pairs = pairs
    let cells = Array(s..<(3 * s))
    var v = Matrix(rows: 2 * s, columns: 2 * s)
    for (x, cx) in cells.enumerated() {
      for (y, cy) in cells.enumerated() { v[x, y] = est.covariance[cx, cy] }
    }
    do {
      self.omnibus = try RaoScottTest(
        proportions: cells.map { est.estimates[$0] }, covariance: v, rows: 2,
        respondents: Double(respondents[s]), designDF: nu)
      self.omnibusUnavailable = nil
    } catch let e as InputError {
      self.omnibus = nil
      self.omnibusUnavailable = e.description
    }
    self.name = name
    self.degreesOfFreedom = nu
    self.level = level
  }

  /// The confidence interval of the overall proportion (R's `svyciprop`).
  ///
  /// - Parameters:
  ///   - method: logit or beta.
  ///   - level: the confidence level (default: this comparison's).
  /// - Throws: `InputError` for a level outside (0, 1).
  public func overallInterval(
    _ method: SurveyProportionMethod, level: Double? = nil
  ) throws -> (lower: Double, upper: Double) {
    try SurveyProportionInterval.interval(
      method, estimate: overall.proportion, standardError: overall.standardError,
      logitStandardError: overallLogitStandardError, respondents: overall.respondents,
      designDF: degreesOfFreedom, level: level ?? self.level)
  }
}

// DomainProportions.swift: a yes/no question compared across segments (domains) of a complex
// survey: domain proportions, pairwise differences with design-based t tests, and the
// Rao–Scott tests of the segment × answer table.
import Distributions
import LinearAlgebra
import ResampleCore
import _Platform

/// A yes/no question compared across segments of a survey design.
///
/// All estimates of one question come from one covariance computation (``SurveyDesign/ratios(numerators:denominators:count:)``):
/// the S domain proportions, the 2S cell proportions of the answer × segment table and the
/// overall proportion. A respondent without an answer to the question is left out of its
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
  /// - Complexity: O(n S) to build the estimates plus the design's covariance cost for 3S + 1
  ///   estimates.
  public init(
    name: String, answers: [Bool?], segmentOfRow: [Int], segmentNames: [String],
    design: SurveyDesign, level: Double = 0.95
  ) throws {
    try InputError.requireLevel(level)
    let n = design.count
    let s = segmentNames.count
    guard answers.count == n, segmentOfRow.count == n, s >= 2 else {
      throw InputError.invalidData(
        source: "question '\(name)'",
        reason: "\(answers.count) answers and \(segmentOfRow.count) segments for \(n) respondents")
    }
    guard design.degreesOfFreedom >= 1 else {
      throw InputError.invalidData(
        source: "the design",
        reason: "\(design.degreesOfFreedom) degrees of freedom; at least 2 PSUs more than strata "
          + "are needed")
    }
    let k = 3 * s + 1
    var a = [Double](repeating: 0, count: n * k)
    var b = [Double](repeating: 0, count: n * k)
    var respondents = [Int](repeating: 0, count: s + 1)
    var sumW = [Double](repeating: 0, count: s + 1)
    var sumW2 = [Double](repeating: 0, count: s + 1)
    for i in 0..<n {
      guard let y = answers[i] else { continue }
      let d = segmentOfRow[i]
      guard d >= 0, d < s else {
        throw InputError.invalidData(
          source: "question '\(name)' data row \(i + 1)", reason: "segment index \(d) out of range")
      }
      let yv = y ? 1.0 : 0
      a[i + d * n] = yv
      b[i + d * n] = 1
      let cell = s + (y ? 0 : 1) + 2 * d
      a[i + cell * n] = 1
      for c in s..<(3 * s) { b[i + c * n] = 1 }
      a[i + 3 * s * n] = yv
      b[i + 3 * s * n] = 1
      let w = design.weights[i]
      for g in [d, s] {
        respondents[g] += 1
        sumW[g] += w
        sumW2[g] += w * w
      }
    }
    for d in 0..<s where sumW[d] <= 0 {
      throw InputError.invalidData(
        source: "question '\(name)'",
        reason: "segment '\(segmentNames[d])' has no respondents with a positive weight who "
          + "answered (an empty segment)")
    }
    let est = try design.ratios(numerators: a, denominators: b, count: k)
    let nu = design.degreesOfFreedom
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
    let t = try StudentT(degreesOfFreedom: Double(nu))
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

// SurveyComparison.swift: which segment differences in a survey are real — the orchestration of
// omnibus and pairwise tests, intervals, multiplicity, sensitivity to unpublished counts, power.
import Contingency
import LinearAlgebra
import MultipleComparisons
import Proportions
import RandomStreams
import ResampleCore
import Resampling

/// Compares segments of a survey question by question and says, in plain language, which
/// differences are real.
///
/// Per question: an omnibus test across all segments; every pair's difference with Newcombe's
/// interval and a bootstrap BCa interval, a p-value (Fisher's exact test, two-sided; the
/// first-order Rao–Scott χ² under a design effect or weights), the p-value adjusted across all
/// pairs of all questions (Holm by default, or the joint-bootstrap max-T for respondent data),
/// Cohen's h and a verdict. For published percentages, every consistent table is tested
/// (``SplitSensitivity``) and the table closest to an equal split is the illustration. Power is
/// given for the test actually used, analytic, exact and simulated, with the size per segment
/// needed for the target power.
///
/// Randomness: the bootstrap of pair j (0-based, counted over all questions) uses seed
/// `splitmix64(seed + j)`; simulated power uses `seed` (study s on stream s); the omnibus Monte
/// Carlo uses `seed`. Results depend only on inputs, seed and replicate counts.
///
/// References: R. G. Newcombe (1998), "Interval estimation for the difference between
/// independent proportions", *Statistics in Medicine* 17, 873–890; S. Holm (1979), *Scand. J.
/// Statist.* 6, 65–70; P. H. Westfall and S. S. Young (1993), *Resampling-Based Multiple
/// Testing*, Wiley; J. N. K. Rao and A. J. Scott (1981), *JASA* 76, 221–230; B. Efron (1987),
/// "Better bootstrap confidence intervals", *JASA* 82, 171–185.
public enum SurveyComparison {
  /// Runs the comparison.
  ///
  /// - Parameters:
  ///   - questions: the questions (may be empty when only `paired` is given).
  ///   - paired: a paired comparison of two items of the same respondents, or nil.
  ///   - options: settings; `options.seed` drives every random quantity.
  /// - Throws: `InputError` for invalid options, inconsistent percentages (GRIM-style), max-T
  ///   without respondent data, or nothing to compare.
  /// - Complexity: per pair O(B) bootstrap draws plus the exact power enumeration
  ///   O(n₁·n₂·log n) per size tried.
  public static func compare(
    _ questions: [SurveyQuestion], paired: PairedPercentages? = nil,
    options: SurveyComparisonOptions
  ) throws -> SurveyComparisonResult {
    try options.validate()
    guard !questions.isEmpty || paired != nil else {
      throw InputError.invalidParameter(
        name: "questions", value: "none", expected: "at least one question or a paired comparison")
    }
    if options.maxT {
      for q in questions {
        guard case .respondents(_, let w) = q.data else {
          throw InputError.invalidParameter(
            name: "adjust", value: "max-t",
            expected: "respondent data (--data); use holm, hochberg, ... for summary input")
        }
        guard w == nil else {
          throw InputError.invalidParameter(
            name: "adjust", value: "max-t",
            expected: "unweighted respondent data (max-T is not available with --weight)")
        }
      }
    }
    var prepared = try questions.map { try prepare($0, options: options) }
    // Pairwise figures.
    var pairIndex = 0
    for qi in prepared.indices {
      let k = prepared[qi].segments.count
      for i in 0..<k {
        for j in (i + 1)..<k {
          let pair = try comparePair(
            prepared[qi], i, j, seed: SplitMix64.seed53(options.seed &+ UInt64(pairIndex)),
            options: options)
          prepared[qi].pairs.append(pair)
          pairIndex += 1
        }
      }
    }
    // Multiplicity across all pairs of all questions.
    let raw = prepared.flatMap { $0.pairs.map(\.pValue) }
    var adjusted: [Double]
    if options.maxT {
      adjusted = try maxTAdjusted(prepared, options: options)
    } else {
      adjusted = raw.isEmpty ? [] : try adjust(raw, method: options.adjustment)
    }
    var cursor = 0
    for qi in prepared.indices {
      for pi in prepared[qi].pairs.indices {
        var pair = prepared[qi].pairs[pi]
        pair.pAdjusted = adjusted[cursor]
        pair.significant = pair.pAdjusted < options.alpha
        let names = prepared[qi].segments.map(\.name)
        let share = prepared[qi].sensitivity.flatMap { s in
          s.pairs.first { names[$0.a] == pair.a && names[$0.b] == pair.b }?.shareSignificant
        }
        pair.verdict = PairVerdict(pair)
        pair.sensitivityShare = share
        prepared[qi].pairs[pi] = pair
        cursor += 1
      }
    }
    // Power.
    if options.computePower {
      for qi in prepared.indices { prepared[qi].power = try power(prepared[qi], options: options) }
    }
    let results = prepared.map { p in
      QuestionComparison(
        name: p.question.name, segments: p.segments, omnibus: p.omnibus, pairs: p.pairs,
        sensitivity: p.sensitivity, enumeration: p.enumeration, power: p.power,
        weighted: p.weighted)
    }
    let pairedResult = try paired.map {
      try comparePaired($0, alpha: options.alpha, workLimit: options.pairedWorkLimit)
    }
    return SurveyComparisonResult(questions: results, paired: pairedResult, options: options)
  }

  // MARK: - Preparation

  struct Prepared {
    var question: SurveyQuestion
    var segments: [SegmentSummary]
    /// Integer counts when the data are unweighted counts (observed or assumed).
    var integer: (yes: [Int], sizes: [Int])?
    var weighted: Bool
    var enumeration: ConsistentTableEnumeration?
    var sensitivity: SplitSensitivity?
    var omnibus: OmnibusTest
    var pairs: [PairComparison] = []
    var power: [PairPower] = []
    /// Respondent answers and weights per segment (respondent data only).
    var answers: [[Bool]]?
    var weights: [[Double]]?
  }

  static func prepare(_ q: SurveyQuestion, options: SurveyComparisonOptions) throws -> Prepared {
    let deff = options.designEffect
    let names = q.segmentNames
    switch q.data {
    case .counts(let yes, let sizes):
      return try preparedCounts(q, yes: yes, sizes: sizes, assumed: false, options: options)
    case .percentages(let ps, let ranges, let total):
      // Listed one by one up to `maxTables`; beyond, a uniform sample with a stated seed.
      let population = try ConsistentTableEnumeration.count(
        segmentNames: names, percentages: ps, sizeRanges: ranges, total: total)
      let en =
        population <= Double(options.maxTables)
        ? try ConsistentTableEnumeration.enumerate(
          segmentNames: names, percentages: ps, sizeRanges: ranges, total: total,
          limit: options.maxTables)
        : try ConsistentTableEnumeration.sample(
          segmentNames: names, percentages: ps, sizeRanges: ranges, total: total,
          draws: options.sampleTables, seed: SplitMix64.seed53(options.seed ^ 0x7AB1_E5A3_0000_0000)
        )
      let sens = try SplitSensitivity(enumeration: en, alpha: options.alpha, designEffect: deff)
      let t = sens.illustration.table
      var p = try preparedCounts(q, yes: t.counts, sizes: t.sizes, assumed: true, options: options)
      p.enumeration = en
      p.sensitivity = sens
      return p
    case .respondents(let answers, let weights):
      if weights == nil {
        var p = try preparedCounts(
          q, yes: answers.map { $0.filter { $0 }.count }, sizes: answers.map(\.count),
          assumed: false, options: options)
        p.answers = answers
        return p
      }
      let w = weights ?? []
      var segments: [SegmentSummary] = []
      for i in names.indices {
        let total = w[i].reduce(0, +)
        var yes = 0.0
        for (a, wt) in zip(answers[i], w[i]) where a { yes += wt }
        let (_, nEff) = try DesignEffect.kish(weights: w[i])
        segments.append(
          SegmentSummary(
            name: names[i], x: yes, n: total, proportion: yes / total,
            effectiveSize: nEff / deff.value, assumed: false))
      }
      let rs = try RaoScottChiSquared(
        counts: segments.map { $0.proportion * $0.effectiveSize },
        sizes: segments.map(\.effectiveSize))
      let omni = OmnibusTest(
        test: "rao-scott-chi-squared", statistic: rs.statistic,
        degreesOfFreedom: rs.degreesOfFreedom, pValue: rs.pValue, monteCarloError: nil,
        reason: "weighted data: Pearson's χ² on Kish effective counts (first-order Rao–Scott)")
      return Prepared(
        question: q, segments: segments, integer: nil, weighted: true, enumeration: nil,
        sensitivity: nil, omnibus: omni, answers: answers, weights: weights)
    }
  }

  static func preparedCounts(
    _ q: SurveyQuestion, yes: [Int], sizes: [Int], assumed: Bool, options: SurveyComparisonOptions
  ) throws -> Prepared {
    let deff = options.designEffect
    let segments = q.segmentNames.indices.map { i in
      SegmentSummary(
        name: q.segmentNames[i], x: Double(yes[i]), n: Double(sizes[i]),
        proportion: Double(yes[i]) / Double(sizes[i]),
        effectiveSize: Double(sizes[i]) / deff.value, assumed: assumed)
    }
    let omni: OmnibusTest
    if !deff.isNone {
      let rs = try RaoScottChiSquared(
        counts: yes.map(Double.init), sizes: sizes.map(Double.init), designEffect: deff)
      omni = OmnibusTest(
        test: "rao-scott-chi-squared", statistic: rs.statistic,
        degreesOfFreedom: rs.degreesOfFreedom, pValue: rs.pValue, monteCarloError: nil,
        reason:
          "design effect \(formatPercent(deff.value, decimals: 2)): Pearson's X² divided by it "
          + "(first-order Rao–Scott)")
    } else if yes.count == 2 {
      let kernel = FisherExact2x2Kernel(capacity: sizes[0] + sizes[1])
      omni = OmnibusTest(
        test: "fisher-exact", statistic: nil, degreesOfFreedom: 1,
        pValue: kernel.twoSidedP(x1: yes[0], n1: sizes[0], x2: yes[1], n2: sizes[1]),
        monteCarloError: nil, reason: "two segments: Fisher's exact test, as for the pair")
    } else {
      omni = try omnibusForCounts(
        yes: yes, sizes: sizes, seed: options.seed,
        monteCarloReplicates: options.monteCarloReplicates)
    }
    return Prepared(
      question: q, segments: segments, integer: (yes, sizes), weighted: false, enumeration: nil,
      sensitivity: nil, omnibus: omni)
  }
}

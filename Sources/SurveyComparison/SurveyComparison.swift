// SurveyComparison.swift: which segment differences in a survey are real — the orchestration of
// omnibus and pairwise tests, intervals, multiplicity, sensitivity to unpublished counts, power.
import LinearAlgebra
import MultipleComparisons
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
            prepared[qi], i, j, seed: splitmix64(options.seed &+ UInt64(pairIndex)),
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
        let share = prepared[qi].sensitivity.flatMap { s in
          prepared[qi].segments.count == 2 ? s.shareSignificant : nil
        }
        pair.verdict = Verdict.pair(
          pair, alpha: options.alpha, level: options.level,
          sensitivityShare: share)
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
        summary: questionSummary(p, options: options))
    }
    let pairedResult = try paired.map { try comparePaired($0, alpha: options.alpha) }
    return SurveyComparisonResult(
      questions: results, paired: pairedResult,
      assumptions: assumptions(prepared, paired: paired, options: options),
      summary: overallSummary(results, paired: pairedResult, options: options),
      options: options, methods: methods(prepared, paired: paired, options: options))
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
      let en = try ConsistentTableEnumeration.enumerate(
        segmentNames: names, percentages: ps, sizeRanges: ranges, total: total)
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
      let kernel = FisherExactKernel(capacity: sizes[0] + sizes[1])
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

  // MARK: - Pairs

  static func comparePair(
    _ p: Prepared, _ i: Int, _ j: Int, seed: UInt64, options: SurveyComparisonOptions
  ) throws -> PairComparison {
    let a = p.segments[i]
    let b = p.segments[j]
    let deff = options.designEffect
    let diff = a.proportion - b.proportion
    let nc = try newcombe(
      x1: a.proportion * a.effectiveSize, n1: a.effectiveSize,
      x2: b.proportion * b.effectiveSize, n2: b.effectiveSize, level: options.level)
    var notes: [String] = []
    var bca: PairInterval?
    let pValue: Double
    let test: String
    if let ints = p.integer, !p.weighted {
      let (ci, n) = try bootstrapBCa(
        x1: ints.yes[i], n1: ints.sizes[i], x2: ints.yes[j], n2: ints.sizes[j],
        replicates: options.replicates, seed: seed, level: options.level,
        threads: options.threads)
      notes += n
      if let ci, !deff.isNone {
        // First-order widening about the estimate by √deff.
        let s = deff.value.squareRoot()
        bca = PairInterval(lower: diff - s * (diff - ci.lower), upper: diff + s * (ci.upper - diff))
        notes.append("bootstrap interval widened by √deff about the estimate")
      } else {
        bca = ci
      }
      if deff.isNone {
        let kernel = FisherExactKernel(capacity: ints.sizes[i] + ints.sizes[j])
        pValue = kernel.twoSidedP(
          x1: ints.yes[i], n1: ints.sizes[i], x2: ints.yes[j], n2: ints.sizes[j])
        test = "fisher-exact"
      } else {
        pValue = try RaoScottChiSquared(
          counts: [Double(ints.yes[i]), Double(ints.yes[j])],
          sizes: [Double(ints.sizes[i]), Double(ints.sizes[j])], designEffect: deff
        ).pValue
        test = "rao-scott-chi-squared"
      }
    } else {
      let (ci, n) = try weightedBootstrapBCa(p, i, j, seed: seed, options: options)
      bca = ci
      notes += n
      pValue = try RaoScottChiSquared(
        counts: [a.proportion * a.effectiveSize, b.proportion * b.effectiveSize],
        sizes: [a.effectiveSize, b.effectiveSize]
      ).pValue
      test = "rao-scott-chi-squared"
      notes.append("weighted: tested on Kish effective counts")
    }
    return PairComparison(
      a: a.name, b: b.name, difference: diff, newcombe: nc, bootstrapBCa: bca, pValue: pValue,
      pAdjusted: pValue, significant: pValue < options.alpha,
      cohensH: effectSizeH(a.proportion, b.proportion), test: test, verdict: "", notes: notes)
  }

  /// BCa of the weighted share difference, resampling respondents within each segment.
  static func weightedBootstrapBCa(
    _ p: Prepared, _ i: Int, _ j: Int, seed: UInt64, options: SurveyComparisonOptions
  ) throws -> (PairInterval?, [String]) {
    guard let answers = p.answers, let weights = p.weights else {
      return (nil, ["bootstrap: no respondent data"])
    }
    let ya = answers[i].map { $0 ? 1.0 : 0.0 }
    let yb = answers[j].map { $0 ? 1.0 : 0.0 }
    let wa = weights[i]
    let wb = weights[j]
    // Samples are respondent indices; the statistic looks their answers and weights up.
    let ia = ya.indices.map(Double.init)
    let ib = yb.indices.map(Double.init)
    let stat: @Sendable ([[Double]]) -> Double = { s in
      func share(_ idx: [Double], _ y: [Double], _ w: [Double]) -> Double {
        var num = 0.0
        var den = 0.0
        for d in idx {
          let k = Int(d)
          num += w[k] * y[k]
          den += w[k]
        }
        return den > 0 ? num / den : .nan
      }
      return share(s[0], ya, wa) - share(s[1], yb, wb)
    }
    let boot = try Bootstrap(
      samples: [ia, ib], statistic: .custom(name: "weighted share difference", statistic: stat))
    let r = try boot.run(
      replicates: options.replicates, seed: seed, methods: [.bca],
      level: options.level, threads: options.threads)
    let notes = (r.interval(.bca)?.diagnostics ?? []).map { "bootstrap: \($0)" }
    guard let ci = r.interval(.bca), ci.lower.isFinite, ci.upper.isFinite else {
      return (nil, notes + ["bootstrap: no BCa interval (degenerate replicates)"])
    }
    return (PairInterval(lower: ci.lower, upper: ci.upper), notes)
  }

  // MARK: - Power

  static func power(_ p: Prepared, options: SurveyComparisonOptions) throws -> [PairPower] {
    var out: [PairPower] = []
    let k = p.segments.count
    for i in 0..<k {
      for j in (i + 1)..<k {
        let a = p.segments[i]
        let b = p.segments[j]
        // Respondents (not the sum of weights) are the sizes whose outcomes are enumerated.
        let n1 = max(1, p.answers.map { $0[i].count } ?? Int(a.n.rounded()))
        let n2 = max(1, p.answers.map { $0[j].count } ?? Int(b.n.rounded()))
        let test: PowerTest
        var deff = options.designEffect
        if p.weighted {
          test = .pooledZ
          deff = try DesignEffect((a.n + b.n) / (a.effectiveSize + b.effectiveSize))
        } else {
          test = deff.isNone ? .fisherExact : .pooledZ
        }
        let p1 = a.proportion
        let p2 = b.proportion
        let analytic = try TwoProportionPower.analyticPower(
          p1: p1, p2: p2, n1: Double(n1), n2: Double(n2), alpha: options.alpha,
          designEffect: deff)
        // Very large segments: the outcome table is too big to tabulate; analytic power only.
        let tabulate =
          Double(n1 + 1) * Double(n2 + 1) <= Double(TwoProportionPower.maximumOutcomes)
        let exact =
          tabulate
          ? try TwoProportionPower.exactPower(
            p1: p1, p2: p2, n1: n1, n2: n2, alpha: options.alpha, test: test,
            designEffect: deff) : nil
        let sim =
          tabulate
          ? try TwoProportionPower.simulatedPower(
            p1: p1, p2: p2, n1: n1, n2: n2, alpha: options.alpha, test: test,
            designEffect: deff, studies: options.simulations, seed: options.seed,
            threads: options.threads) : nil
        var reqA: Int?
        var reqE: Int?
        var simReq: SimulatedPower?
        if p1 != p2 {
          let na = try TwoProportionPower.analyticSize(
            p1: p1, p2: p2, alpha: options.alpha, power: options.powerTarget, designEffect: deff)
          reqA = na.isFinite && na < 1e9 ? Int(na.rounded(.up)) : nil
          reqE = try TwoProportionPower.exactSize(
            p1: p1, p2: p2, alpha: options.alpha, target: options.powerTarget, test: test,
            designEffect: deff)
          if let r = reqE {
            simReq = try TwoProportionPower.simulatedPower(
              p1: p1, p2: p2, n1: r, n2: r, alpha: options.alpha, test: test,
              designEffect: deff, studies: options.simulations, seed: options.seed,
              threads: options.threads)
          }
        }
        out.append(
          PairPower(
            a: a.name, b: b.name, p1: p1, p2: p2, n1: n1, n2: n2, test: test, analytic: analytic,
            exact: exact, simulated: sim, target: options.powerTarget, requiredAnalytic: reqA,
            requiredExact: reqE, simulatedAtRequired: simReq))
      }
    }
    return out
  }

  // MARK: - Max-T

  static func maxTAdjusted(_ prepared: [Prepared], options: SurveyComparisonOptions) throws
    -> [Double]
  {
    // All questions share the respondents; each question is one column, each segment a label.
    // Questions with different segment lists or respondent counts cannot be resampled jointly.
    guard let first = prepared.first, let answers0 = first.answers else { return [] }
    let sizes = answers0.map(\.count)
    for p in prepared {
      guard p.question.segmentNames == first.question.segmentNames,
        p.answers?.map(\.count) == sizes
      else {
        throw InputError.invalidParameter(
          name: "adjust", value: "max-t",
          expected: "questions answered by the same respondents (no missing answers)")
      }
    }
    let n = sizes.reduce(0, +)
    var storage = [Double](repeating: 0, count: n * prepared.count)
    var labels: [Int] = []
    for (s, size) in sizes.enumerated() { labels += [Int](repeating: s, count: size) }
    for (q, p) in prepared.enumerated() {
      var r = 0
      for seg in p.answers ?? [] {
        for a in seg {
          storage[q * n + r] = a ? 1 : 0
          r += 1
        }
      }
    }
    let matrix = Matrix(rows: n, columns: prepared.count, columnMajor: storage)
    let boot = try SegmentContrastBootstrap(data: matrix, segments: labels)
    let result = try boot.run(
      replicates: options.replicates, seed: options.seed, level: options.level,
      threads: options.threads)
    // Contrasts are column-major (question, then pair in i < j order), as our pairs are.
    return result.contrasts.map(\.pAdjusted)
  }

  // MARK: - Paired

  static func comparePaired(_ p: PairedPercentages, alpha: Double) throws -> PairedComparison {
    let feasible = try PairedFeasibleTables.enumerate(
      first: p.first, second: p.second, n: p.n, alpha: alpha)
    let a = p.first.nearestConsistentCount(of: p.n) ?? 0
    let b = p.second.nearestConsistentCount(of: p.n) ?? 0
    let t = Int((Double(a) * Double(b) / Double(p.n)).rounded())
    let illustration =
      feasible.outcomes.first {
        $0.table.both + $0.table.firstOnly == a && $0.table.both + $0.table.secondOnly == b
          && $0.table.both == t
      } ?? feasible.outcomes[0]
    let range = feasible.pValueRange
    let share = feasible.shareSignificant
    let gap = Verdict.points((p.first.value - p.second.value) / 100)
    let verdict: String
    if share == 1 {
      verdict =
        "Real difference whatever the unpublished overlap: \(p.firstName) is \(gap) points "
        + "above \(p.secondName) and every feasible table gives McNemar p < \(alpha) "
        + "(p from \(Verdict.pText(range.lowerBound)) to \(Verdict.pText(range.upperBound)))."
    } else if share == 0 {
      verdict =
        "Not shown for any feasible overlap: the \(gap)-point gap between \(p.firstName) and "
        + "\(p.secondName) could be chance (McNemar p from \(Verdict.pText(range.lowerBound)) to "
        + "\(Verdict.pText(range.upperBound)))."
    } else {
      let sig = feasible.outcomes.filter { $0.pValue < alpha }.map(\.table.both)
      let minBoth = sig.min() ?? 0
      verdict =
        "Depends on the unpublished overlap: the \(gap)-point gap between \(p.firstName) "
        + "and \(p.secondName) is significant in "
        + "\(formatPercent(100 * share, decimals: 0)) % of the "
        + "\(feasible.outcomes.count) feasible tables (McNemar p from "
        + "\(Verdict.pText(range.lowerBound)) to \(Verdict.pText(range.upperBound))); "
        + "it is significant only if at least \(minBoth) of the \(p.n) respondents said yes to "
        + "both. If the answers were "
        + "unrelated (about \(t) yes to both), p = \(Verdict.pText(illustration.pValue))."
    }
    return PairedComparison(
      firstName: p.firstName, secondName: p.secondName, feasible: feasible,
      illustration: illustration, verdict: verdict)
  }

  // MARK: - Words

  static func questionSummary(_ p: Prepared, options: SurveyComparisonOptions) -> String {
    var parts: [String] = []
    let real = p.pairs.filter(\.significant)
    if real.isEmpty {
      parts.append("No difference between the segments is shown for \"\(p.question.name)\".")
    } else {
      parts.append(
        "For \"\(p.question.name)\", \(real.count) of \(p.pairs.count) segment "
          + "difference\(p.pairs.count == 1 ? "" : "s") \(real.count == 1 ? "is" : "are") real.")
    }
    if let s = p.sensitivity {
      parts.append(
        "Because the counts are not published, this rests on an assumed split; over all "
          + "\(s.consistentTables) tables that reproduce the percentages, p runs from "
          + "\(Verdict.pText(s.pValueMin)) to \(Verdict.pText(s.pValueMax)) and "
          + "\(formatPercent(100 * s.shareSignificant, decimals: 0)) % are significant.")
    }
    return parts.joined(separator: " ")
  }

  static func overallSummary(
    _ questions: [QuestionComparison], paired: PairedComparison?,
    options: SurveyComparisonOptions
  ) -> String {
    var s: [String] = []
    for q in questions {
      for pair in q.pairs { s.append(pair.verdict) }
      if let sens = q.sensitivity, sens.shareSignificant > 0, sens.shareSignificant < 1 {
        s.append(
          "Put simply: with the published figures alone the answer is \"probably, "
            + "but not certainly\": it depends on how many respondents each segment had, which the "
            + "source does not say.")
      }
      for pw in q.power {
        if let r = pw.requiredExact, let exact = pw.exact {
          s.append(
            "To detect a gap like \(pw.a) vs \(pw.b) reliably "
              + "(\(formatPercent(100 * pw.target, decimals: 0)) % power), each segment needs "
              + "about \(r) respondents; with the assumed sizes the chance of detecting it is "
              + "\(formatPercent(100 * exact, decimals: 0)) %."
          )
        }
      }
    }
    if let paired { s.append(paired.verdict) }
    return s.joined(separator: " ")
  }

  static func assumptions(
    _ prepared: [Prepared], paired: PairedPercentages?, options: SurveyComparisonOptions
  ) -> [String] {
    var out: [String] = []
    for p in prepared {
      if let en = p.enumeration, let s = p.sensitivity {
        let names = p.question.segmentNames
        let pcts = zip(names, en.percentages).map { "\($0) \($1.text) %" }.joined(separator: ", ")
        let sizeText: String
        if let total = en.total {
          sizeText = "segment sizes are not published, only their total \(total)"
        } else {
          sizeText =
            "segment sizes: "
            + zip(names, en.sizeRanges).map {
              $1.lowerBound == $1.upperBound
                ? "\($0) \($1.lowerBound)" : "\($0) \($1.lowerBound)–\($1.upperBound)"
            }.joined(separator: ", ")
        }
        let d = en.percentages[0].decimals
        let rounding: String
        switch en.percentages[0].rounding {
        case .unknown: rounding = "either rounding direction accepted at exactly .5"
        case .halfUp: rounding = "rounded half up"
        case .halfEven: rounding = "rounded half to even"
        }
        let t = s.illustration.table
        let used = names.indices.map { "\(t.counts[$0])/\(t.sizes[$0])" }.joined(separator: " and ")
        out.append(
          "\"\(p.question.name)\": only percentages are published (\(pcts), rounded to "
            + "\(d) decimal\(d == 1 ? "" : "s"), \(rounding)); \(sizeText). \(s.consistentTables) "
            + "integer table\(s.consistentTables == 1 ? "" : "s") reproduce them; the figures "
            + "below use the one closest to an equal split, \(used).")
      }
      if p.weighted {
        out.append(
          "\"\(p.question.name)\": weighted shares; tests and Newcombe intervals use Kish "
            + "effective sizes (first-order Rao–Scott).")
      }
    }
    if options.designEffect.isNone {
      out.append(
        "Respondents are treated as simple random samples of their segments (design "
          + "effect 1); a clustered or weighted sample would widen every interval.")
    } else {
      out.append(
        "Design effect \(formatPercent(options.designEffect.value, decimals: 2)): every "
          + "segment counts as n / \(formatPercent(options.designEffect.value, decimals: 2)) "
          + "respondents; χ² is divided by the design effect (first-order Rao–Scott) and intervals "
          + "widen by about √deff.")
    }
    let pairs = prepared.reduce(0) { $0 + $1.pairs.count }
    let adj =
      options.maxT
      ? "max-T (Westfall–Young step-down, joint bootstrap)"
      : options.adjustment.rawValue
    out.append(
      "Tests are two-sided at α = \(options.alpha); p-values are adjusted "
        + "(\(adj)) across all \(pairs) pairwise comparison\(pairs == 1 ? "" : "s").")
    out.append(
      "Intervals: \(formatPercent(100 * options.level, decimals: 0)) % Newcombe hybrid "
        + "score and bootstrap BCa (B = \(options.replicates), seed \(options.seed), "
        + "philox4x32-10/1).")
    if let paired {
      out.append(
        "Paired: \(paired.firstName) \(paired.first.text) % and \(paired.secondName) "
          + "\(paired.second.text) % of the same \(paired.n) respondents; how many said yes "
          + "to both is not published, so every feasible 2×2 table is tested (McNemar exact).")
    }
    return out
  }

  static func methods(
    _ prepared: [Prepared], paired: PairedPercentages?, options: SurveyComparisonOptions
  ) -> [(role: String, method: String)] {
    var m: [(String, String)] = [
      (
        "pairwise test",
        options.designEffect.isNone
          ? "Fisher exact, two-sided (tables no more probable than observed, tolerance 1e-7)"
          : "first-order Rao–Scott chi-squared (Pearson X² / deff, df 1)"
      ),
      ("interval", "Newcombe hybrid score (method 10), effective counts under a design effect"),
      ("bootstrap", "BCa, B = \(options.replicates), 0/1 samples collapsed to binomial draws"),
      (
        "multiplicity",
        options.maxT
          ? "max-T, Westfall–Young step-down (joint stratified bootstrap)"
          : options.adjustment.rawValue + " (R p.adjust)"
      ),
      ("effect size", "Cohen's h = 2 asin √p1 − 2 asin √p2"),
      (
        "omnibus", "Fisher exact (2 segments); Pearson χ², or Fisher r×c when an expected count < 5"
      ),
      (
        "power",
        "exact by enumeration of both binomials; simulated with study s on stream s; "
          + "analytic normal approximation (Fleiss)"
      ),
    ]
    if prepared.contains(where: { $0.sensitivity != nil }) {
      m.append(("sensitivity", "every integer table consistent with the rounded percentages"))
    }
    if paired != nil { m.append(("paired", "McNemar exact (binomial on discordant pairs)")) }
    return m
  }
}

/// SplitMix64 (Steele, Lea and Flood 2014): a well-mixed 64-bit seed from a counter.
func splitmix64(_ x: UInt64) -> UInt64 {
  var z = x &+ 0x9E37_79B9_7F4A_7C15
  z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
  z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
  return (z ^ (z >> 31)) >> 11  // 53 bits, exact in JSON
}

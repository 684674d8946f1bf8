// SurveyNarrative.swift: the plain-language summaries, assumptions and method list of a survey
// comparison (English prose; the numbers come from the result).
import ResampleCore

extension SurveyComparison {
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
        } else if pw.exact == nil, let r = pw.requiredAnalytic {
          s.append(
            "To detect a gap like \(pw.a) vs \(pw.b) reliably "
              + "(\(formatPercent(100 * pw.target, decimals: 0)) % power), each segment needs "
              + "about \(r) respondents (normal approximation); with the assumed sizes the "
              + "approximate chance of detecting it is "
              + "\(formatPercent(100 * pw.analytic, decimals: 0)) %."
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
      ("power", powerMethodText(options.powerMethod)),
    ]
    if prepared.contains(where: { $0.sensitivity != nil }) {
      m.append(("sensitivity", "every integer table consistent with the rounded percentages"))
    }
    if paired != nil { m.append(("paired", "McNemar exact (binomial on discordant pairs)")) }
    return m
  }

  /// The methods-list entry for the power figures requested.
  static func powerMethodText(_ method: PowerMethod) -> String {
    let analytic = "analytic normal approximation (Fleiss)"
    let descriptive = "; descriptive: power at the observed proportions"
    switch method {
    case .analytic:
      return analytic + descriptive + " (exact/simulated: --power-method)"
    case .exact:
      return "exact by enumeration of both binomials; " + analytic + descriptive
    case .simulated:
      return "simulated with study s on stream s; " + analytic + descriptive
    case .all:
      return "exact by enumeration of both binomials; simulated with study s on stream s; "
        + analytic + descriptive
    }
  }
}

// SurveyNarrative.swift: the assumptions and methods of a survey comparison, in English.
import SurveyComparison

extension SurveyVerdictText {
  /// Every assumption the numbers of `r` rest on, in plain language, in the order to show them.
  public static func assumptions(_ r: SurveyComparisonResult) -> [String] {
    let options = r.options
    var out: [String] = []
    for p in r.questions {
      if let en = p.enumeration, let s = p.sensitivity {
        let names = p.segments.map(\.name)
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
          "\"\(p.name)\": only percentages are published (\(pcts), rounded to "
            + "\(d) decimal\(d == 1 ? "" : "s"), \(rounding)); \(sizeText). \(s.consistentTablesText) "
            + "integer table\(s.consistentTables == 1 ? "" : "s") reproduce them"
            + (s.sampling.map {
              " (too many to list: a uniform sample of \($0.draws), seed \($0.seed), is tested)"
            } ?? "") + "; the figures below use the one closest to an equal split"
            + (s.sampling == nil ? "" : " in the sample") + ", \(used).")
      }
      if p.weighted {
        out.append(
          "\"\(p.name)\": weighted shares; tests and Newcombe intervals use Kish "
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
    let pairs = r.questions.reduce(0) { $0 + $1.pairs.count }
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
    if let paired = r.paired {
      out.append(
        "Paired: \(paired.firstName) \(paired.first.text) % and \(paired.secondName) "
          + "\(paired.second.text) % of the same \(paired.n) respondents; how many said yes "
          + "to both is not published, so every feasible 2×2 table is tested (McNemar exact).")
    }
    return out
  }

  /// The methods behind `r`, by role ("pairwise test": "Fisher exact, two-sided").
  public static func methods(_ r: SurveyComparisonResult) -> [(role: String, method: String)] {
    let options = r.options
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
    if r.questions.contains(where: { $0.sensitivity != nil }) {
      m.append(("sensitivity", "every integer table consistent with the rounded percentages"))
    }
    if r.paired != nil { m.append(("paired", "McNemar exact (binomial on discordant pairs)")) }
    return m
  }

  /// The methods-list entry for the power figures requested.
  public static func powerMethodText(_ method: PowerMethod) -> String {
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

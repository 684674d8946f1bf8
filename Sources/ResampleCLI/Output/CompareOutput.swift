// CompareOutput.swift: text, JSON and CSV renderings of a survey comparison.
import Foundation
import Resample
import SurveyPresentation

enum CompareOutput {
  // MARK: JSON

  static func json(_ r: SurveyComparisonResult, assumptions: [String]) -> JSON {
    var top: [(String, JSON)] = [
      Provenance.tool,
      ("seed", .seed(r.options.seed)),
      Provenance.rng,
      ("methods", .object(SurveyVerdictText.methods(r).map { ($0.role, JSON.string($0.method)) })),
      ("options", options(r.options)),
      ("assumptions", .strings(assumptions)),
      ("questions", .array(r.questions.map { question($0, r.options) })),
      ("paired", r.paired.map(paired) ?? .null),
      ("summary", .string(SurveyVerdictText.overall(r))),
    ]
    if r.questions.isEmpty {
      top.removeAll { $0.0 == "questions" }
      top.insert(("questions", .array([])), at: 6)
    }
    return .object(top)
  }

  static func options(_ o: SurveyComparisonOptions) -> JSON {
    .object([
      ("alpha", .num(o.alpha)), ("level", .num(o.level)),
      ("adjust", .string(o.maxT ? "max-t" : o.adjustment.rawValue)),
      ("replicates", .integer(o.replicates)), ("simulations", .integer(o.simulations)),
      ("target_power", .num(o.powerTarget)), ("deff", .num(o.designEffect.value)),
    ])
  }

  /// `test`, `statistic`, `df`, `p_value`, `monte_carlo_error`, `p_value_bound`, `reason`.
  static func omnibusFields(_ o: OmnibusTest) -> [(String, JSON)] {
    [
      ("test", .string(o.test)), ("statistic", o.statistic.map(JSON.num) ?? .null),
      ("df", .integer(o.degreesOfFreedom)), ("p_value", .num(o.pValue)),
      ("monte_carlo_error", o.monteCarloError.map(JSON.num) ?? .null),
      PValueBound.field(PValueBound(isUpperBound: o.isUpperBound)),
      ("reason", .string(o.reason)),
    ]
  }

  /// The omnibus test in one line of text: test, statistic, df, p (with `<` for a bound).
  static func omnibusLine(_ o: OmnibusTest) -> String {
    let stat = o.statistic.map { ", statistic \(fmt($0, digits: 4))" } ?? ""
    return "\(o.test)\(stat), df \(o.degreesOfFreedom), "
      + "p \(o.isUpperBound ? "<" : "=") \(fmtP(o.pValue))"
  }

  static func question(_ q: QuestionComparison, _ o: SurveyComparisonOptions) -> JSON {
    .object([
      ("name", .string(q.name)),
      (
        "segments",
        .array(
          q.segments.map { s in
            .object([
              ("name", .string(s.name)), ("x", .num(s.x)), ("n", .num(s.n)),
              ("proportion", .num(s.proportion)), ("effective_n", .num(s.effectiveSize)),
              ("assumed", .bool(s.assumed)),
            ])
          })
      ),
      (
        "omnibus", .object(omnibusFields(q.omnibus))
      ),
      (
        "pairs",
        .array(
          q.pairs.map { p in
            .object([
              ("a", .string(p.a)), ("b", .string(p.b)), ("difference", .num(p.difference)),
              (
                "intervals",
                .object([
                  ("newcombe", .interval(p.newcombe.lower, p.newcombe.upper)),
                  ("bootstrap_bca", p.bootstrapBCa.map { .interval($0.lower, $0.upper) } ?? .null),
                ])
              ),
              ("level", .num(o.level)),
              ("test", .string(p.test)),
              ("p_value", .num(p.pValue)), ("p_adjusted", .num(p.pAdjusted)),
              ("significant", .bool(p.significant)), ("cohens_h", .num(p.cohensH)),
              ("effect", .string(EffectSize(cohensH: p.cohensH).rawValue)),
              ("sensitivity_share", p.sensitivityShare.map(JSON.num) ?? .null),
              ("verdict", .string(SurveyVerdictText.pair(p, level: o.level))),
              ("notes", .strings(p.notes)),
            ])
          })
      ),
      (
        "sensitivity", q.sensitivity.map { sensitivity($0, names: q.segments.map(\.name)) } ?? .null
      ),
      (
        "power",
        q.power.isEmpty
          ? .null
          : .object([
            ("alpha", .num(o.alpha)), ("target", .num(o.powerTarget)),
            ("method", .string(o.powerMethod.rawValue)),
            ("pairs", .array(q.power.map(power))),
          ])
      ),
      ("summary", .string(SurveyVerdictText.question(q))),
    ])
  }

  static func sensitivity(_ s: SplitSensitivity, names: [String]) -> JSON {
    .object([
      ("test", .string(s.test)), ("alpha", .num(s.alpha)),
      (
        "consistent_tables",
        s.sampling.map { .num($0.population) } ?? .integer(s.consistentTables)
      ),
      (
        "sampling",
        s.sampling.map { m in
          .object([
            ("population_tables", .num(m.population)), ("sampled_tables", .integer(m.draws)),
            ("seed", .seed(m.seed)), ("rng", .string(Provenance.rngIdentifier)),
            ("method", .string("uniform over the consistent tables, with replacement")),
            ("share_standard_error", .num(s.shareStandardError(s.shareSignificant))),
          ])
        } ?? .null
      ),
      ("p_value_min", .num(s.pValueMin)), ("p_value_max", .num(s.pValueMax)),
      ("share_significant", .num(s.shareSignificant)),
      ("illustration", outcome(s.illustration)),
      ("flips", .integer(s.flips.count)),
      (
        "runs",
        .array(
          s.runs.map { r in
            .object([
              (
                "first_segment_sizes",
                .array([
                  .integer(r.firstSegmentSizes.lowerBound),
                  .integer(r.firstSegmentSizes.upperBound),
                ])
              ),
              ("verdict", .string(r.state.rawValue)),
            ])
          })
      ),
      (
        "pairs",
        .array(
          s.pairs.map { p in
            .object([
              ("a", .string(names.indices.contains(p.a) ? names[p.a] : "\(p.a)")),
              ("b", .string(names.indices.contains(p.b) ? names[p.b] : "\(p.b)")),
              ("test", .string(p.test)), ("p_value_min", .num(p.pValueMin)),
              ("p_value_max", .num(p.pValueMax)), ("share_significant", .num(p.shareSignificant)),
              ("share_standard_error", .num(s.shareStandardError(p.shareSignificant))),
            ])
          })
      ),
      ("tables", .array(s.outcomes.map(outcome))),
    ])
  }

  static func outcome(_ o: SplitSensitivity.Outcome) -> JSON {
    .object([
      ("n", .array(o.table.sizes.map(JSON.integer))),
      ("x", .array(o.table.counts.map(JSON.integer))),
      ("p_value", .num(o.pValue)), ("significant", .bool(o.significant)),
    ])
  }

  static func simulated(_ s: SimulatedPower?) -> JSON {
    guard let s else { return .null }
    return .object([
      ("power", .num(s.power)), ("standard_error", .num(s.standardError)),
      ("studies", .integer(s.studies)),
    ])
  }

  static func power(_ p: PairPower) -> JSON {
    .object([
      ("a", .string(p.a)), ("b", .string(p.b)), ("p1", .num(p.p1)), ("p2", .num(p.p2)),
      ("n", .array([.integer(p.n1), .integer(p.n2)])), ("test", .string(p.test.rawValue)),
      ("analytic", .num(p.analytic)), ("exact", p.exact.map(JSON.num) ?? .null),
      ("simulated", simulated(p.simulated)),
      ("n_required_analytic", p.requiredAnalytic.map(JSON.integer) ?? .null),
      ("n_required_exact", p.requiredExact.map(JSON.integer) ?? .null),
      ("simulated_at_required", simulated(p.simulatedAtRequired)),
      ("method", .string(p.method.rawValue)),
    ])
  }

  static func paired(_ p: PairedComparison) -> JSON {
    let f = p.feasible
    func table(_ o: PairedFeasibleTables.Outcome) -> JSON {
      .object([
        ("both", .integer(o.table.both)), ("first_only", .integer(o.table.firstOnly)),
        ("second_only", .integer(o.table.secondOnly)), ("neither", .integer(o.table.neither)),
        ("p_value", .num(o.pValue)),
      ])
    }
    return .object([
      ("first", .string(p.firstName)), ("second", .string(p.secondName)),
      ("percent", .array([.string(f.first.text), .string(f.second.text)])),
      ("n", .integer(f.n)), ("test", .string("mcnemar-exact")),
      ("feasible_tables", .integer(f.outcomes.count)),
      ("p_value_min", .num(f.pValueRange.lowerBound)),
      ("p_value_max", .num(f.pValueRange.upperBound)),
      ("share_significant", .num(f.shareSignificant)),
      ("illustration", table(p.illustration)),
      ("verdict", .string(SurveyVerdictText.paired(p))),
    ])
  }

  // MARK: CSV

  static func csv(_ r: SurveyComparisonResult) -> String {
    var lines = [
      csvLine([
        "question", "a", "b", "x_a", "n_a", "x_b", "n_b", "difference", "newcombe_lower",
        "newcombe_upper", "bca_lower", "bca_upper", "test", "p_value", "p_adjusted", "significant",
        "cohens_h", "consistent_tables", "p_value_min", "p_value_max", "share_significant",
      ])
    ]
    for q in r.questions {
      for p in q.pairs {
        let sa = q.segments.first { $0.name == p.a }
        let sb = q.segments.first { $0.name == p.b }
        let s = q.sensitivity
        let names = q.segments.map(\.name)
        let range = s?.pairs.first { names[$0.a] == p.a && names[$0.b] == p.b }
        lines.append(
          csvLine([
            q.name, p.a, p.b, csvCount(sa?.x ?? .nan), csvCount(sa?.n ?? .nan),
            csvCount(sb?.x ?? .nan), csvCount(sb?.n ?? .nan), csvNumber(p.difference),
            csvNumber(p.newcombe.lower), csvNumber(p.newcombe.upper),
            csvNumber(p.bootstrapBCa?.lower ?? .nan), csvNumber(p.bootstrapBCa?.upper ?? .nan),
            p.test, csvNumber(p.pValue), csvNumber(p.pAdjusted), p.significant ? "true" : "false",
            csvNumber(p.cohensH), s.map { String($0.consistentTables) } ?? "",
            range.map { csvNumber($0.pValueMin) } ?? "",
            range.map { csvNumber($0.pValueMax) } ?? "",
            range.map { csvNumber($0.shareSignificant) } ?? "",
          ]))
      }
    }
    if let p = r.paired {
      let f = p.feasible
      lines.append(
        csvLine([
          "paired", p.firstName, p.secondName, "", String(f.n), "", String(f.n),
          csvNumber((f.first.value - f.second.value) / 100), "", "", "", "", "mcnemar-exact",
          csvNumber(p.illustration.pValue), "", "", "", String(f.outcomes.count),
          csvNumber(f.pValueRange.lowerBound), csvNumber(f.pValueRange.upperBound),
          csvNumber(f.shareSignificant),
        ]))
    }
    return lines.joined(separator: "\n")
  }

  // MARK: Text

  static func pct(_ x: Double, _ d: Int = 1) -> String { String(format: "%.\(d)f %%", 100 * x) }
  static func pts(_ x: Double) -> String { String(format: "%+.1f", 100 * x) }
  static func ptsInterval(_ i: PairInterval?) -> String {
    guard let i else { return "n/a" }
    return String(format: "[%.1f, %.1f]", 100 * i.lower, 100 * i.upper)
  }

  static func wrap(_ s: String, indent: String, width: Int = 96) -> String {
    var lines: [String] = []
    var line = ""
    for word in s.split(separator: " ") {
      if !line.isEmpty && line.count + 1 + word.count > width - indent.count {
        lines.append(indent + line)
        line = String(word)
      } else {
        line += (line.isEmpty ? "" : " ") + word
      }
    }
    if !line.isEmpty { lines.append(indent + line) }
    return lines.joined(separator: "\n")
  }

  static func text(_ r: SurveyComparisonResult, title: String, assumptions: [String]) -> String {
    let o = r.options
    var out: [String] = [title, ""]
    out.append("Assumptions")
    for (i, a) in assumptions.enumerated() {
      let w = wrap(a, indent: "      ")
      out.append(String(format: "  %2d. ", i + 1) + w.dropFirst(6))
    }
    let adj = o.maxT ? "max-T" : o.adjustment.rawValue
    for q in r.questions {
      out.append("")
      out.append("Question: \(q.name)")
      var seg = TextTable(["segment", "yes", "n", "share"])
      for s in q.segments {
        seg.add([
          s.name + (s.assumed ? " (assumed)" : ""), fmt(s.x, digits: 6), fmt(s.n, digits: 6),
          pct(s.proportion),
        ])
      }
      out.append(seg.rendered(indent: "  "))
      out.append(
        "  All segments alike? \(omnibusLine(q.omnibus)) (\(q.omnibus.reason))")
      out.append("")
      let lv = String(format: "%.0f %%", 100 * o.level)
      var t = TextTable([
        "pair", "diff (pts)", "\(lv) Newcombe", "\(lv) BCa", "test", "p", "p (\(adj))", "h",
        "real?",
      ])
      for p in q.pairs {
        t.add([
          "\(p.a) − \(p.b)", pts(p.difference), ptsInterval(p.newcombe),
          ptsInterval(p.bootstrapBCa),
          p.test, fmtP(p.pValue), fmtP(p.pAdjusted), String(format: "%.2f", p.cohensH),
          p.significant ? "yes" : "no",
        ])
      }
      out.append(t.rendered(indent: "  "))
      for p in q.pairs {
        out.append(wrap("→ " + SurveyVerdictText.pair(p, level: r.options.level), indent: "  "))
        for n in p.notes { out.append("    note: \(n)") }
      }
      if let s = q.sensitivity {
        out.append("")
        if let m = s.sampling {
          out.append(
            "  Over a uniform sample of \(m.draws) of the \(fmt(m.population, digits: 4)) tables "
              + "consistent with the published percentages (seed \(m.seed); ranges are those of the "
              + "sample, shares ± their Monte Carlo SE) (\(s.test)):")
        } else {
          out.append("  Over every table consistent with the published percentages (\(s.test)):")
        }
        let tested = s.outcomes.count
        let mc = s.sampling == nil ? "" : " ± \(pct(s.shareStandardError(s.shareSignificant), 1))"
        out.append(
          "    \(tested) tables\(s.sampling == nil ? "" : " sampled"); p from "
            + "\(fmtP(s.pValueMin)) to \(fmtP(s.pValueMax)); significant (p < "
            + "\(fmt(s.alpha, digits: 3))) in \(s.outcomes.filter(\.significant).count) of \(tested) "
            + "(\(pct(s.shareSignificant, 0))\(mc))")
        let ill = s.illustration.table
        let shown = ill.counts.indices.map { "\(ill.counts[$0])/\(ill.sizes[$0])" }
        out.append(
          "    shown above: \(shown.joined(separator: " vs ")), "
            + "the table closest to an equal split (p = \(fmtP(s.illustration.pValue))); "
            + "\(s.flips.count) table\(s.flips.count == 1 ? "" : "s") give the opposite verdict")
        if q.segments.count > 2 {
          for p in s.pairs {
            out.append(
              "    \(q.segments[p.a].name) − \(q.segments[p.b].name) (\(p.test)): p from "
                + "\(fmtP(p.pValueMin)) to \(fmtP(p.pValueMax)); significant (unadjusted) in "
                + "\(pct(p.shareSignificant, 0))"
                + (s.sampling == nil
                  ? "" : " ± \(pct(s.shareStandardError(p.shareSignificant), 1))")
                + " of the tables")
          }
        }
        if q.segments.count == 2 {
          var rt = TextTable(["n (\(q.segments[0].name))", "verdict"])
          for run in s.runs {
            let r = run.firstSegmentSizes
            rt.add([
              r.lowerBound == r.upperBound ? "\(r.lowerBound)" : "\(r.lowerBound)–\(r.upperBound)",
              run.state == .mixed
                ? "depends on the counts"
                : run.state == .significant
                  ? "significant" : "not significant",
            ])
          }
          out.append(rt.rendered(indent: "    "))
        }
      }
      if !q.power.isEmpty {
        out.append("")
        out.append(
          "  Power (α = \(fmt(o.alpha, digits: 3)), target \(pct(o.powerTarget, 0)), "
            + "observed proportions, descriptive; \(o.powerMethod.rawValue)):"
        )
        var pt = TextTable([
          "pair", "test", "n", "analytic", "exact", "simulated ± se", "n/segment analytic",
          "n/segment exact", "simulated at it",
        ])
        for p in q.power {
          pt.add([
            "\(p.a) − \(p.b)", p.test.rawValue, "\(p.n1), \(p.n2)",
            String(format: "%.3f", p.analytic),
            p.exact.map { String(format: "%.3f", $0) } ?? "—",
            p.simulated.map { String(format: "%.3f ± %.3f", $0.power, $0.standardError) } ?? "—",
            p.requiredAnalytic.map(String.init) ?? "—",
            p.requiredExact.map(String.init) ?? (p.method.includesExact ? "> 3000" : "—"),
            p.simulatedAtRequired.map { String(format: "%.3f", $0.power) } ?? "—",
          ])
        }
        out.append(pt.rendered(indent: "    "))
      }
    }
    if let p = r.paired {
      let f = p.feasible
      out.append("")
      out.append(
        "Paired: \(p.firstName) \(f.first.text) % vs \(p.secondName) \(f.second.text) % "
          + "(same \(f.n) respondents)")
      out.append(
        "  \(f.outcomes.count) feasible 2×2 tables; McNemar exact p from "
          + "\(fmtP(f.pValueRange.lowerBound)) to \(fmtP(f.pValueRange.upperBound)); "
          + "significant in "
          + "\(pct(f.shareSignificant, 0))")
      let t = p.illustration.table
      out.append(
        "  if unrelated: \(t.both) yes to both, \(t.firstOnly) only \(p.firstName), "
          + "\(t.secondOnly) only \(p.secondName), \(t.neither) neither: "
          + "p = \(fmtP(p.illustration.pValue))"
      )
      out.append(wrap("→ " + SurveyVerdictText.paired(p), indent: "  "))
    }
    out.append("")
    out.append("In plain words")
    out.append(wrap(SurveyVerdictText.overall(r), indent: "  "))
    out.append("")
    out.append("seed \(o.seed) · \(Provenance.rngIdentifier) · \(ResampleVersion.tool)")
    return out.joined(separator: "\n")
  }
}

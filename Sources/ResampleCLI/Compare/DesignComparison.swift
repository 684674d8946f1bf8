// DesignComparison.swift: `resample compare --data` with a survey design — design-based
// segment proportions, pairwise t tests on the design degrees of freedom, Rao–Scott tests —
// and its text, JSON and CSV renderings.
import Foundation
import Resample

/// A design-based comparison of every question across segments, with the multiplicity
/// adjustment over all pairs of all questions.
struct DesignComparison {
  var questions: [DomainProportions]
  /// Adjusted p-values, per question then per pair.
  var adjusted: [[Double]]
  var design: SurveyDesign
  var notes: [String]
  var alpha: Double
  var adjustment: PValueAdjustment
  var omnibus: OmnibusChoice

  /// Runs the comparison.
  static func run(
    rows: RespondentRows, design: SurveyDesign, notes: [String], level: Double, alpha: Double,
    adjustment: PValueAdjustment, omnibus: OmnibusChoice
  ) throws -> DesignComparison {
    // All questions together: the replicate weights are read once, not once per question.
    let results = try DomainProportions.compare(
      questions: rows.questions.map { ($0.name, $0.answers) }, segmentOfRow: rows.segmentOfRow,
      segmentNames: rows.segmentNames, design: design, level: level,
      waldTests: omnibus.needsWald)
    let flat = results.flatMap { $0.pairs.map(\.pValue) }
    let adj = try adjust(flat, method: adjustment)
    var out: [[Double]] = []
    var i = 0
    for r in results {
      out.append(Array(adj[i..<(i + r.pairs.count)]))
      i += r.pairs.count
    }
    return DesignComparison(
      questions: results, adjusted: out, design: design,
      notes: rows.notes + notes + [
        "Pairs: t = difference / design-based SE on \(design.degreesOfFreedom) design degrees "
          + "of freedom; interval difference ± t quantile × SE; p-values adjusted with "
          + "\(adjustment.rawValue) over all \(flat.count) pairs.",
        "Omnibus: \(omnibus.description) on the segment × answer table.",
        "Design effect: design variance over the variance of simple random sampling with "
          + "replacement of the same respondents (R svymean deff = \"replace\"); effective n = "
          + "n / deff.",
      ],
      alpha: alpha, adjustment: adjustment, omnibus: omnibus)
  }

  var method: String {
    switch design.structure {
    case .stratifiedClusters: return "design-based (Taylor linearization)"
    case .replicates(let r): return "design-based (\(r.type.rawValue) replicate weights)"
    }
  }

  // MARK: JSON

  func json() throws -> JSON {
    var qs: [JSON] = []
    for (q, adj) in zip(questions, adjusted) {
      let segments = q.segments.map { s in
        JSON.object([
          ("name", .string(s.name)), ("proportion", .num(s.proportion)),
          ("standard_error", .num(s.standardError)), ("n", .integer(s.respondents)),
          ("weighted_n", .num(s.weightedCount)), ("effective_n", .num(s.effectiveSize)),
          ("deff", .num(s.designEffect)), ("kish_deff", .num(s.kishDesignEffect)),
        ])
      }
      let pairs = zip(q.pairs, adj).map { p, pa in
        JSON.object([
          ("a", .string(p.a)), ("b", .string(p.b)), ("difference", .num(p.difference)),
          ("standard_error", .num(p.standardError)), ("df", .integer(p.degreesOfFreedom)),
          ("statistic", .num(p.statistic)), ("p_value", .num(p.pValue)),
          ("p_adjusted", .num(pa)), ("significant", .bool(pa <= alpha)),
          ("level", .num(q.level)),
          ("intervals", .object([("t", .interval(p.interval.lower, p.interval.upper))])),
        ])
      }
      let logit = try q.overallInterval(.logit)
      let beta = try q.overallInterval(.beta)
      qs.append(
        .object([
          ("name", .string(q.name)),
          ("segments", .array(segments)),
          ("pairs", .array(pairs)),
          ("omnibus", omnibusJSON(q)),
          (
            "overall",
            .object([
              ("proportion", .num(q.overall.proportion)),
              ("standard_error", .num(q.overall.standardError)),
              ("n", .integer(q.overall.respondents)),
              ("weighted_n", .num(q.overall.weightedCount)),
              ("deff", .num(q.overall.designEffect)), ("df", .integer(q.degreesOfFreedom)),
              (
                "intervals",
                .object([
                  ("logit", .interval(logit.lower, logit.upper)),
                  ("beta", .interval(beta.lower, beta.upper)),
                ])
              ),
            ])
          ),
        ]))
    }
    return .object([
      Provenance.tool,
      ("method", .string(method)),
      ("design", designJSON()),
      (
        "options",
        .object([
          ("alpha", .num(alpha)), ("level", .num(questions.first?.level ?? 0.95)),
          ("adjust", .string(adjustment.rawValue)), ("omnibus", .string(omnibus.rawValue)),
        ])
      ),
      ("assumptions", .strings(notes)),
      ("questions", .array(qs)),
    ])
  }

  func designJSON() -> JSON {
    switch design.structure {
    case .stratifiedClusters(let s):
      return .object([
        ("type", .string("linearization")), ("respondents", .integer(design.count)),
        ("psus", .integer(s.psuCount)), ("strata", .integer(s.strataCount)),
        ("df", .integer(design.degreesOfFreedom)), ("lonely_psu", .string(s.lonelyPSU.rawValue)),
        ("fpc", .bool(s.samplingFraction.contains { $0 > 0 })),
      ])
    case .replicates(let r):
      return .object([
        ("type", .string("replicate")), ("respondents", .integer(design.count)),
        ("replicate_type", .string(r.type.rawValue)), ("replicates", .integer(r.count)),
        ("scale", .num(r.scale)), ("mse", .bool(r.mse)),
        ("df", .integer(design.degreesOfFreedom)),
      ])
    }
  }

  func omnibusJSON(_ q: DomainProportions) -> JSON {
    if omnibus.needsWald {
      guard let w = q.wald else {
        return .object([
          ("test", .string(omnibus.rawValue)), ("p_value", .null),
          ("reason", .string(q.waldUnavailable ?? "")),
        ])
      }
      let f = omnibus == .wald ? w.f : w.adjusted
      return .object([
        ("test", .string(omnibus.rawValue)), ("statistic", .num(f.statistic)),
        ("ndf", .num(f.numeratorDF)), ("ddf", .num(f.denominatorDF)),
        ("p_value", .num(f.pValue)), ("wald", .num(w.wald)),
      ])
    }
    guard let o = q.omnibus else {
      return .object([
        ("test", .string(omnibus.rawValue)), ("p_value", .null),
        ("reason", .string(q.omnibusUnavailable ?? "")),
      ])
    }
    switch omnibus {
    case .raoScottF:
      return .object([
        ("test", .string(omnibus.rawValue)), ("statistic", .num(o.f.statistic)),
        ("ndf", .num(o.f.numeratorDF)), ("ddf", .num(o.f.denominatorDF)),
        ("p_value", .num(o.f.pValue)), ("pearson", .num(o.pearson)),
        ("mean_deff", .num(o.meanDesignEffect)),
      ])
    case .wald, .adjustedWald:
      return .null  // returned above
    case .raoScottChisq:
      return .object([
        ("test", .string(omnibus.rawValue)), ("statistic", .num(o.chiSquare.statistic)),
        ("df", .integer(o.chiSquare.degreesOfFreedom)), ("p_value", .num(o.chiSquare.pValue)),
        ("pearson", .num(o.pearson)), ("mean_deff", .num(o.meanDesignEffect)),
      ])
    }
  }

  // MARK: Text

  func text() throws -> String {
    var out = ["resample compare: \(method)", ""]
    for (q, adj) in zip(questions, adjusted) {
      out.append("Question: \(q.name)")
      var t = TextTable(["segment", "n", "weighted n", "proportion", "SE", "deff"])
      for s in q.segments + [q.overall] {
        t.add([
          s.name, "\(s.respondents)", fmt(s.weightedCount), fmt(s.proportion, digits: 4),
          fmt(s.standardError, digits: 4), fmt(s.designEffect, digits: 3),
        ])
      }
      out.append(t.rendered())
      let pct = fmt(q.level * 100, digits: 4)
      var p = TextTable(["pair", "difference", "SE", "\(pct)% interval", "p", "p adjusted"])
      for (pair, pa) in zip(q.pairs, adj) {
        p.add([
          "\(pair.a) − \(pair.b)", fmt(pair.difference, digits: 4),
          fmt(pair.standardError, digits: 4),
          fmtInterval(pair.interval.lower, pair.interval.upper, digits: 4), fmtP(pair.pValue),
          fmtP(pa) + (pa <= alpha ? " *" : ""),
        ])
      }
      out.append(p.rendered())
      if omnibus.needsWald {
        if let w = q.wald {
          let f = omnibus == .wald ? w.f : w.adjusted
          out.append(
            "\(omnibus == .wald ? "Wald" : "Adjusted Wald") F = \(fmt(f.statistic, digits: 4)) on "
              + "\(fmt(f.numeratorDF, digits: 4)) and \(fmt(f.denominatorDF, digits: 4)) df, "
              + "p = \(fmtP(f.pValue))")
        } else {
          out.append("No Wald test: \(q.waldUnavailable ?? "")")
        }
      } else if let o = q.omnibus {
        switch omnibus {
        case .raoScottF:
          out.append(
            "Rao–Scott F = \(fmt(o.f.statistic, digits: 4)) on \(fmt(o.f.numeratorDF, digits: 4)) "
              + "and \(fmt(o.f.denominatorDF, digits: 4)) df, p = \(fmtP(o.f.pValue))")
        case .wald, .adjustedWald:
          break  // reported above
        case .raoScottChisq:
          out.append(
            "Rao–Scott χ² = \(fmt(o.chiSquare.statistic, digits: 4)) on "
              + "\(o.chiSquare.degreesOfFreedom) df, p = \(fmtP(o.chiSquare.pValue))")
        }
      } else {
        out.append("No omnibus test: \(q.omnibusUnavailable ?? "")")
      }
      let logit = try q.overallInterval(.logit)
      out.append(
        "Overall \(fmt(q.overall.proportion, digits: 4)), \(pct)% interval (logit) "
          + fmtInterval(logit.lower, logit.upper, digits: 4))
      out.append("")
    }
    out.append("* significant at α = \(fmt(alpha)) after \(adjustment.rawValue) adjustment")
    out.append("")
    out.append("Assumptions:")
    out += notes.map { "- " + $0 }
    return out.joined(separator: "\n")
  }

  // MARK: CSV

  func csv() -> String {
    var lines = [
      csvLine([
        "question", "a", "b", "difference", "standard_error", "df", "lower", "upper", "p_value",
        "p_adjusted", "significant",
      ])
    ]
    for (q, adj) in zip(questions, adjusted) {
      for (p, pa) in zip(q.pairs, adj) {
        lines.append(
          csvLine([
            q.name, p.a, p.b, csvNumber(p.difference), csvNumber(p.standardError),
            "\(p.degreesOfFreedom)", csvNumber(p.interval.lower), csvNumber(p.interval.upper),
            csvNumber(p.pValue), csvNumber(pa), pa <= alpha ? "true" : "false",
          ]))
      }
    }
    return lines.joined(separator: "\n")
  }
}

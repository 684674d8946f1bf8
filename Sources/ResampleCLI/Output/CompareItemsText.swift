// CompareItemsText.swift: the text and CSV of `compare --distribution` and `--numeric`.
import Foundation
import Resample

extension ItemReport {
  // MARK: Text

  func text() -> String {
    let mode = numeric.isEmpty ? "--distribution" : "--numeric"
    var out = [
      "resample compare \(mode): \(numeric.isEmpty ? "answer distributions" : "means")", "",
    ]
    out.append("Assumptions")
    for (i, a) in notes.enumerated() {
      out.append(
        String(format: "  %2d. ", i + 1) + CompareOutput.wrap(a, indent: "      ").dropFirst(6))
    }
    out.append("")
    out.append("Methods")
    out += methods.map { CompareOutput.wrap("\($0.0): \($0.1)", indent: "  ") }
    let lv = String(format: "%.0f %%", 100 * options.level)
    for q in distributions {
      out.append("")
      out.append("Question: \(q.item.name) (answers \(q.item.answers.joined(separator: ", ")))")
      var t = TextTable(
        ["segment", "n"] + q.item.answers.map { "\($0) [\(lv) Wilson]" }
          + (q.scores == nil ? [] : ["mean score [\(lv) t]"]))
      for s in q.segments {
        let shares = s.shares.map { a in
          s.n == 0
            ? "—" : CompareOutput.pct(a.proportion) + " " + CompareOutput.ptsInterval(a.interval)
        }
        let mean = s.meanScore.map { m in
          m.n == 0
            ? "—"
            : fmt(m.mean, digits: 4) + " "
              + (s.meanInterval.map { fmtInterval($0.lower, $0.upper, digits: 4) } ?? "")
        }
        t.add([s.name, "\(s.n)"] + shares + (mean.map { [$0] } ?? []))
      }
      out.append(t.rendered(indent: "  "))
      if let o = q.omnibus {
        out.append("  All segments alike? \(CompareOutput.omnibusLine(o)) (\(o.reason))")
      }
      var p = TextTable(["pair", "test", "p", "p (\(options.adjustment.rawValue))", "differ?"])
      for pair in q.pairs {
        p.add([
          "\(pair.a) vs \(pair.b)",
          pair.test.test + (pair.test.statistic.map { " \(fmt($0, digits: 4))" } ?? ""),
          (pair.test.isUpperBound ? "< " : "") + fmtP(pair.test.pValue), fmtP(pair.pAdjusted),
          pair.significant ? "yes" : "no",
        ])
      }
      if !q.pairs.isEmpty { out += ["", p.rendered(indent: "  ")] }
      if let scores = q.scores {
        out += ["", "  Mean scores (\(scores.map { fmt($0) }.joined(separator: ", "))):"]
        out.append(meanTable(q.meanPairs, bootstrap: false))
      }
    }
    for q in numeric {
      out.append("")
      out.append("Question: \(q.name) (numeric; \(q.missing) missing)")
      var t = TextTable(["segment", "n", "mean", "sd", "\(lv) t"])
      for s in q.segments {
        t.add([
          s.name, fmt(s.summary.n), fmt(s.summary.mean, digits: 5),
          fmt(s.summary.standardDeviation, digits: 5),
          s.interval.map { fmtInterval($0.lower, $0.upper) } ?? "—",
        ])
      }
      out.append(t.rendered(indent: "  "))
      out.append("")
      out.append(meanTable(q.pairs, bootstrap: true))
      out += q.notes.map { "  Note: \($0)" }
    }
    out.append("")
    out.append("seed \(options.seed) · \(Provenance.rngIdentifier) · \(ResampleVersion.tool)")
    return out.joined(separator: "\n")
  }

  func meanTable(_ pairs: [MeanPair], bootstrap: Bool) -> String {
    let lv = String(format: "%.0f %%", 100 * options.level)
    var t = TextTable(
      ["pair", "difference", "\(lv) Welch"] + (bootstrap ? ["\(lv) BCa", "\(lv) percentile"] : [])
        + ["t", "df", "p", "p (\(options.adjustment.rawValue))", "real?"])
    for p in pairs {
      let w = p.welch
      let boot =
        bootstrap
        ? [p.bootstrap?.bca, p.bootstrap?.percentile].map { i in
          i.map { fmtInterval($0.lower, $0.upper) } ?? "—"
        } : []
      t.add(
        [
          "\(p.a) − \(p.b)", fmt(w?.difference ?? .nan, digits: 5),
          w.map { fmtInterval($0.lower, $0.upper) } ?? "—",
        ] + boot + [
          fmt(w?.statistic ?? .nan, digits: 4), fmt(w?.degreesOfFreedom ?? .nan, digits: 4),
          fmtP(w?.pValue ?? .nan), fmtP(p.pAdjusted), p.significant ? "yes" : "no",
        ])
    }
    return t.rendered(indent: "  ")
  }

  // MARK: CSV

  /// One row per share (`share`), segment mean (`mean`), pair of distributions
  /// (`distribution`) and pair of means (`mean_difference`).
  func csv() -> String {
    var lines = [
      csvLine([
        "question", "row", "a", "b", "answer", "count", "n", "estimate", "lower", "upper",
        "bca_lower", "bca_upper", "test", "statistic", "df", "p_value", "p_adjusted",
        "significant",
      ])
    ]
    func row(_ f: [String]) { lines.append(csvLine(f)) }
    func means(_ q: String, _ pairs: [MeanPair]) {
      for p in pairs {
        let w = p.welch
        row([
          q, "mean_difference", p.a, p.b, "", "", "", csvNumber(w?.difference ?? .nan),
          csvNumber(w?.lower ?? .nan), csvNumber(w?.upper ?? .nan),
          csvNumber(p.bootstrap?.bca.lower ?? .nan), csvNumber(p.bootstrap?.bca.upper ?? .nan),
          "welch-t", csvNumber(w?.statistic ?? .nan), csvNumber(w?.degreesOfFreedom ?? .nan),
          csvNumber(w?.pValue ?? .nan), csvNumber(p.pAdjusted), p.significant ? "true" : "false",
        ])
      }
    }
    func mean(_ q: String, _ s: String, _ m: MeanSummary, _ i: PairInterval?) {
      row([
        q, "mean", s, "", "", "", csvCount(m.n), csvNumber(m.mean), csvNumber(i?.lower ?? .nan),
        csvNumber(i?.upper ?? .nan), "", "", "t", "", "", "", "", "",
      ])
    }
    for q in distributions {
      let name = q.item.name
      for s in q.segments {
        for a in s.shares {
          row([
            name, "share", s.name, "", a.answer, "\(a.count)", "\(s.n)", csvNumber(a.proportion),
            csvNumber(a.interval?.lower ?? .nan), csvNumber(a.interval?.upper ?? .nan), "", "",
            "wilson", "", "", "", "", "",
          ])
        }
        if let m = s.meanScore { mean(name, s.name, m, s.meanInterval) }
      }
      for p in q.pairs {
        row([
          name, "distribution", p.a, p.b, "", "", "", "", "", "", "", "", p.test.test,
          csvNumber(p.test.statistic ?? .nan), "\(p.test.degreesOfFreedom)",
          csvNumber(p.test.pValue), csvNumber(p.pAdjusted), p.significant ? "true" : "false",
        ])
      }
      means(name, q.meanPairs)
    }
    for q in numeric {
      for s in q.segments { mean(q.name, s.name, s.summary, s.interval) }
      means(q.name, q.pairs)
    }
    return lines.joined(separator: "\n")
  }
}

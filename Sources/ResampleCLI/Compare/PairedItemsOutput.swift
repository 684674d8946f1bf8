// PairedItemsOutput.swift: text, JSON and CSV of `compare --data F --paired Q1,Q2`.
import Foundation
import Resample

extension PairedItemsComparison {
  /// The interval method's name in every format.
  static let method = "newcombe-paired (Newcombe 1998 method 10: square-and-add of Wilson limits)"

  /// The JSON document: one comparison per segment (or one for all respondents).
  func json() -> JSON {
    .object([
      ("test", .string("paired")), ("file", .string(file)),
      ("first", .string(items.0)), ("second", .string(items.1)),
      ("categories", .strings(categories)), ("success", .string(success)),
      ("level", .num(level)),
      (
        "comparisons",
        .array(
          rows.map { r in
            .object([
              ("segment", r.segment.map(JSON.string) ?? .null),
              ("respondents", .integer(r.counts.joined().reduce(0, +))),
              ("counts", .array(r.counts.map { .array($0.map(JSON.integer)) })),
              (
                "first",
                .object([
                  ("share", .num(r.difference.first)),
                  ("interval", .interval(r.first.lower, r.first.upper)),
                ])
              ),
              (
                "second",
                .object([
                  ("share", .num(r.difference.second)),
                  ("interval", .interval(r.second.lower, r.second.upper)),
                ])
              ),
              ("discordant", .array([.integer(r.counts[0][1]), .integer(r.counts[1][0])])),
              (
                "mcnemar",
                .object([
                  ("statistic", .num(r.uncorrected.statistic)),
                  ("p_value", .num(r.uncorrected.pValue)),
                  ("statistic_corrected", .num(r.corrected.statistic)),
                  ("p_value_corrected", .num(r.corrected.pValue)),
                  ("correction_applied", .bool(r.corrected.correction == .yates)),
                  ("exact_p_value", .num(r.corrected.exactPValue)),
                ])
              ),
              (
                "paired_difference",
                .object([
                  ("difference", .num(r.difference.difference)),
                  ("interval", .interval(r.difference.interval.lower, r.difference.interval.upper)),
                  ("level", .num(level)), ("method", .string("newcombe-paired")),
                ])
              ),
              ("excluded", RespondentDataOptions.exclusionJSON(r.excluded)),
              ("warnings", .messages(r.corrected.warnings)),
            ])
          })
      ),
      ("notes", .strings(notes)),
      Provenance.tool,
    ])
  }

  /// One CSV line per comparison.
  func csv() -> String {
    let head = [
      "segment", "respondents", "first", "first_share", "first_lower", "first_upper", "second",
      "second_share", "second_lower", "second_upper", "b", "c", "statistic", "p_value",
      "statistic_corrected", "p_value_corrected", "exact_p_value", "difference", "lower", "upper",
      "excluded",
    ]
    let lines = rows.map { r in
      csvLine(
        [
          r.segment ?? "", String(r.counts.joined().reduce(0, +)), items.0,
          csvNumber(r.difference.first), csvNumber(r.first.lower), csvNumber(r.first.upper),
          items.1, csvNumber(r.difference.second), csvNumber(r.second.lower),
          csvNumber(r.second.upper), String(r.counts[0][1]), String(r.counts[1][0]),
          csvNumber(r.uncorrected.statistic), csvNumber(r.uncorrected.pValue),
          csvNumber(r.corrected.statistic), csvNumber(r.corrected.pValue),
          csvNumber(r.corrected.exactPValue), csvNumber(r.difference.difference),
          csvNumber(r.difference.interval.lower), csvNumber(r.difference.interval.upper),
          String(r.excluded.reduce(0) { $0 + $1.count }),
        ])
    }
    for r in rows {
      for w in r.corrected.warnings { printWarning("\(r.segment ?? file): \(w)") }
    }
    return ([csvLine(head)] + lines).joined(separator: "\n")
  }

  /// The report: per comparison the two shares, the discordant pairs, the three McNemar
  /// p-values and the paired difference.
  func text() -> String {
    let pct = "\(fmt(level * 100))%"
    var lines = [
      "resample compare: paired items '\(items.0)' and '\(items.1)' of the same respondents "
        + "(success = '\(success)')", "",
    ]
    for r in rows {
      var t = TextTable(["", "value"], alignNumbersRight: false)
      let n = r.counts.joined().reduce(0, +)
      t.add([
        "\(items.0) (\(pct) Wilson)",
        "\(fmt(r.difference.first)) \(fmtInterval(r.first.lower, r.first.upper))",
      ])
      t.add([
        "\(items.1) (\(pct) Wilson)",
        "\(fmt(r.difference.second)) \(fmtInterval(r.second.lower, r.second.upper))",
      ])
      t.add(["discordant pairs", "b = \(r.counts[0][1]), c = \(r.counts[1][0])"])
      t.add([
        "McNemar χ² (no correction)",
        "\(fmt(r.uncorrected.statistic)), p = \(fmtP(r.uncorrected.pValue))",
      ])
      let applied = r.corrected.correction == .yates ? "" : " (b = c: none applied)"
      t.add([
        "McNemar χ² (continuity corrected)",
        "\(fmt(r.corrected.statistic)), p = \(fmtP(r.corrected.pValue))\(applied)",
      ])
      t.add(["exact p-value (binomial)", fmtP(r.corrected.exactPValue)])
      t.add([
        "p1 − p2 (\(pct) Newcombe)",
        "\(fmt(r.difference.difference)) "
          + fmtInterval(r.difference.interval.lower, r.difference.interval.upper),
      ])
      let left = RespondentDataOptions.exclusionNote(r.excluded)
      lines.append(
        (r.segment.map { "Segment \($0): " } ?? "") + "\(n) respondents answering both" + left)
      lines.append(t.rendered())
      for w in r.corrected.warnings { lines.append("warning: \(w)") }
      lines.append("")
    }
    lines.append("Interval: \(Self.method). Shares are of the respondents answering both items.")
    lines += notes.map { "note: \($0)" }
    return lines.joined(separator: "\n")
  }
}

// McNemarDesign.swift: `mcnemar --data F --first Q1 --second Q2` with a survey design — R
// survey's svyttest of the paired difference of the two items' shares.
import ArgumentParser
import Foundation
import Resample

extension McNemarCommand {
  /// The design-based paired comparison of two yes/no items (``DesignPairedDifference``).
  ///
  /// - Parameters:
  ///   - table: the unweighted 2×2 table, success first.
  ///   - labels: the two categories, success first.
  ///   - data: the provenance of the tally.
  ///   - note: the tally's description.
  /// - Throws: `InputError` naming the file, a column or the design.
  func runDesign(
    _ table: ContingencyTable, labels: [String], data: JSON?, note: String?
  ) throws {
    guard let path = input.data, let first, let second else {
      throw ValidationError("the survey design options describe --data F --first Q1 --second Q2")
    }
    let file = try input.respondents.dataFormat.streamedTable(path) { head in
      [first, second] + (try design.columns(in: head))
    }
    let (surveyDesign, notes) = try design.design(file)
    func answers(_ column: String) throws -> [Bool?] {
      try file.column(named: column).map {
        let text = String(NumericText.trimmingBlanks($0[...]))
        return labels.contains(text) ? text == labels[0] : nil
      }
    }
    let r = try DesignPairedDifference(
      first: try answers(first), second: try answers(second), design: surveyDesign)
    let warnings =
      r.standardError == 0
      ? [
        "every respondent with a positive weight answered '\(first)' and '\(second)' alike (no "
          + "discordant pairs): the difference is 0 with standard error 0, so there is no t test"
      ] : []
    switch output.chosen {
    case .json:
      var fields: [(String, JSON)] = [
        ("test", .string("design-paired-t")),
        ("statistic", .num(r.statistic)), ("df", .integer(r.degreesOfFreedom)),
        ("p_value", .num(r.pValue)),
        (
          "paired_difference",
          .object([
            ("first", .num(r.first.share)), ("first_se", .num(r.first.standardError)),
            ("second", .num(r.second.share)), ("second_se", .num(r.second.standardError)),
            ("difference", .num(r.difference)), ("standard_error", .num(r.standardError)),
            ("interval", .interval(r.lower, r.upper)), ("level", .num(r.level)),
            ("method", .string("design-t")),
          ])
        ),
        ("design", .design(notes, df: surveyDesign.degreesOfFreedom)),
        ("table", .array(table.rows.map { .array($0.map(JSON.integer)) })),
        ("categories", .strings(labels)),
      ]
      if let data { fields.append(("data", data)) }
      fields += [("warnings", .strings(warnings)), Provenance.tool]
      emit(JSON.object(fields).rendered())
    case .csv:
      emit(
        [
          csvLine([
            "statistic", "df", "p_value", "first", "second", "difference", "standard_error",
            "lower", "upper", "level",
          ]),
          csvLine(
            [r.statistic].map(csvNumber) + [String(r.degreesOfFreedom)]
              + [
                r.pValue, r.first.share, r.second.share, r.difference, r.standardError, r.lower,
                r.upper, r.level,
              ].map(csvNumber)),
        ].joined(separator: "\n"))
      for w in warnings { printWarning(w) }
    default:
      var t = TextTable(["", "value"], alignNumbersRight: false)
      t.add([
        "p1 ('\(first)' = \(labels[0]))",
        "\(fmt(r.first.share)) (SE \(fmt(r.first.standardError, digits: 4)))",
      ])
      t.add([
        "p2 ('\(second)' = \(labels[0]))",
        "\(fmt(r.second.share)) (SE \(fmt(r.second.standardError, digits: 4)))",
      ])
      t.add([
        "p1 − p2 (\(fmt(r.level * 100, digits: 3))% t interval)",
        "\(fmt(r.difference)) \(fmtInterval(r.lower, r.upper)) (SE "
          + "\(fmt(r.standardError, digits: 4)))",
      ])
      t.add(["t (\(r.degreesOfFreedom) df)", fmt(r.statistic)])
      t.add(["p-value", fmtP(r.pValue)])
      var lines = [
        "Design-based test of equal shares for paired items (R svyttest of the paired "
          + "difference; McNemar's test assumes simple random sampling)"
      ]
      if let note { lines.append(note) }
      lines += notes + ["", t.rendered()] + warnings.map { "warning: \($0)" }
      emit(lines.joined(separator: "\n"))
    }
  }
}

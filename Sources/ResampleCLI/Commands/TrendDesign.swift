// TrendDesign.swift: `trend --data F --rows GROUP --cols OUTCOME` with a survey design — R
// survey's svyglm(I(OUTCOME == success) ~ score(GROUP), design, family = quasibinomial()).
import ArgumentParser
import Foundation
import Resample

extension TrendCommand {
  /// The design-based trend test (``DesignLogisticRegression/trend(scores:outcomes:design:)``).
  ///
  /// - Parameters:
  ///   - groups: the row categories in their order.
  ///   - outcomes: the outcome categories.
  ///   - success: the outcome counted as a success.
  ///   - scores: the groups' scores (default 1, 2, …, k).
  ///   - successes: unweighted successes per group, for the output.
  ///   - totals: unweighted respondents per group.
  /// - Throws: `InputError` naming the file, a column, the scores or the design.
  func runDesign(
    groups: [String], outcomes: [String], success: String, scores given: [Double]?,
    successes: [Int], totals: [Int]
  ) throws {
    guard let path = input.data, let rowName = input.respondents.rows,
      let colName = input.respondents.cols
    else { throw ValidationError("--data needs --rows GROUP --cols OUTCOME") }
    let scores = given ?? groups.indices.map { Double($0 + 1) }
    guard scores.count == groups.count, scores.allSatisfy(\.isFinite) else {
      throw InputError.invalidParameter(
        name: "--scores", value: scores.map { fmt($0) }.joined(separator: ","),
        expected: "\(groups.count) finite scores, one per group (\(groups.joined(separator: ", ")))"
      )
    }
    let file = try input.respondents.dataFormat.streamedTable(path) { head in
      [rowName, colName] + (try design.columns(in: head))
    }
    let (surveyDesign, notes) = try design.design(file)
    let scoreOf = Dictionary(zip(groups, scores), uniquingKeysWith: { a, _ in a })
    let known = Set(outcomes)
    func text(_ v: String) -> String { String(NumericText.trimmingBlanks(v[...])) }
    let rowScores: [Double?] = try file.column(named: rowName).map { scoreOf[text($0)] }
    let answers: [Bool?] = try file.column(named: colName).map {
      let t = text($0)
      return known.contains(t) ? t == success : nil
    }
    let fit = try DesignLogisticRegression.trend(
      scores: rowScores, outcomes: answers, design: surveyDesign)
    let r = (
      slope: fit.coefficients[1], standardError: fit.standardErrors[1],
      statistic: fit.statistics[1], pValue: fit.pValues[1], intercept: fit.coefficients[0],
      degreesOfFreedom: fit.degreesOfFreedom
    )
    switch output.chosen {
    case .json:
      let fields: [(String, JSON)] = [
        ("test", .string("design-logistic-trend")),
        ("statistic", .num(r.statistic)), ("df", .integer(r.degreesOfFreedom)),
        ("p_value", .num(r.pValue)), ("slope", .num(r.slope)),
        ("standard_error", .num(r.standardError)), ("intercept", .num(r.intercept)),
        ("scores", .numbers(scores)), ("groups", .strings(groups)),
        ("success", .string(success)),
        ("x", .array(successes.map(JSON.integer))), ("n", .array(totals.map(JSON.integer))),
        ("design", .design(notes, df: surveyDesign.degreesOfFreedom)),
        ("warnings", .strings([])),
      ]
      emit(JSON.object(fields + Provenance.fields(seed: nil)).rendered())
    case .csv:
      emit(
        [
          csvLine(["statistic", "df", "p_value", "slope", "standard_error", "intercept"]),
          csvLine(
            [r.statistic].map(csvNumber) + [String(r.degreesOfFreedom)]
              + [r.pValue, r.slope, r.standardError, r.intercept].map(csvNumber)),
        ].joined(separator: "\n"))
    default:
      var g = TextTable(["group", "score", "x", "n"], alignNumbersRight: true)
      for (k, name) in groups.enumerated() {
        g.add([name, fmt(scores[k]), String(successes[k]), String(totals[k])])
      }
      var t = TextTable(["", "value"], alignNumbersRight: false)
      t.add([
        "slope (log-odds per unit of score)",
        "\(fmt(r.slope)) (SE \(fmt(r.standardError, digits: 4)))",
      ])
      t.add(["t (\(r.degreesOfFreedom) df)", fmt(r.statistic)])
      t.add(["p-value", fmtP(r.pValue)])
      let lines =
        [
          "Design-based test for trend in proportions (R svyglm logistic regression on the "
            + "scores; Cochran–Armitage assumes simple random sampling), \(groups.count) groups",
          "success: '\(success)'",
        ] + notes + ["", g.rendered(indent: "  "), "", t.rendered()]
      emit(lines.joined(separator: "\n"))
    }
  }
}

// CmhDesign.swift: `cmh --data F --rows A --cols B --by S` (2×2×K) with a survey design — the
// design-based common odds ratio from R survey's svyglm(y ~ factor(S) + x, quasibinomial()).
import ArgumentParser
import Foundation
import Resample

extension CmhCommand {
  /// The design-based stratified test (``DesignLogisticRegression``): the outcome (column 1)
  /// on K − 1 stratum indicators and the exposure (row 1).
  ///
  /// - Parameter labelled: the unweighted 2×2×K table with its labels (from `--data`).
  /// - Throws: `InputError` naming the file, a column or the design.
  func runDesign(_ labelled: LabelledStrata) throws {
    let table = labelled.table
    guard table.rowCount == 2, table.columnCount == 2, let rowLabels = labelled.rowLabels,
      let columnLabels = labelled.columnLabels, let strata = labelled.strataLabels
    else {
      throw InputError.invalidParameter(
        name: "survey design options", value: "\(table.rowCount)×\(table.columnCount) strata",
        expected: "2×2×K tables (the generalized CMH statistics have no design-based version)")
    }
    let r = input.respondents
    guard let path = r.data, let rows = r.rows, let cols = r.cols, let by = input.by else {
      throw ValidationError("--data needs --rows A --cols B --by S")
    }
    let file = try r.dataFormat.streamedTable(path) { head in
      [rows, cols, by] + (try design.columns(in: head))
    }
    let (surveyDesign, notes) = try design.design(file)
    func texts(_ column: String) throws -> [String] {
      try file.column(named: column).map { String(NumericText.trimmingBlanks($0[...])) }
    }
    let stratumIndex = Dictionary(
      strata.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
    let k = strata.count
    let exposure = try texts(rows)
    let outcome = try texts(cols)
    let stratum = try texts(by)
    var predictors: [[Double]?] = []
    var outcomes: [Bool?] = []
    predictors.reserveCapacity(exposure.count)
    for i in exposure.indices {
      guard let s = stratumIndex[stratum[i]], rowLabels.contains(exposure[i]),
        columnLabels.contains(outcome[i])
      else {
        predictors.append(nil)
        outcomes.append(nil)
        continue
      }
      var x = [Double](repeating: 0, count: k + 1)
      x[0] = 1
      if s > 0 { x[s] = 1 }
      x[k] = exposure[i] == rowLabels[0] ? 1 : 0
      predictors.append(x)
      outcomes.append(outcome[i] == columnLabels[0])
    }
    let fit = try DesignLogisticRegression(
      predictors: predictors, outcomes: outcomes, design: surveyDesign)
    let beta = fit.coefficients[k]
    let se = fit.standardErrors[k]
    let q = try StudentT(degreesOfFreedom: Double(fit.degreesOfFreedom)).quantile((1 + level) / 2)
    let (lower, upper) = (exp(beta - q * se), exp(beta + q * se))
    switch output.chosen {
    case .json:
      var fields: [(String, JSON)] = [
        ("test", .string("design-logistic-stratified")),
        ("statistic", .num(fit.statistics[k])), ("df", .integer(fit.degreesOfFreedom)),
        ("p_value", .num(fit.pValues[k])), ("log_odds_ratio", .num(beta)),
        ("standard_error", .num(se)), ("odds_ratio", .num(exp(beta))),
        ("odds_ratio_interval", .interval(lower, upper)), ("level", .num(level)),
        ("design", .design(notes, df: surveyDesign.degreesOfFreedom)),
        ("warnings", .strings([])),
      ]
      fields += labelled.jsonFields
      emit(JSON.object(fields + Provenance.fields(seed: nil)).rendered())
    case .csv:
      emit(
        [
          csvLine([
            "statistic", "df", "p_value", "log_odds_ratio", "standard_error", "odds_ratio",
            "lower", "upper",
          ]),
          csvLine(
            [fit.statistics[k]].map(csvNumber) + [String(fit.degreesOfFreedom)]
              + [fit.pValues[k], beta, se, exp(beta), lower, upper].map(csvNumber)),
        ].joined(separator: "\n"))
    default:
      var t = TextTable(["", "value"], alignNumbersRight: false)
      t.add([
        "common odds ratio (\(fmt(level * 100, digits: 3))% Wald t interval)",
        "\(fmt(exp(beta))) \(fmtInterval(lower, upper))",
      ])
      t.add(["log odds ratio", "\(fmt(beta)) (SE \(fmt(se, digits: 4)))"])
      t.add(["t (\(fit.degreesOfFreedom) df)", fmt(fit.statistics[k])])
      t.add(["p-value", fmtP(fit.pValues[k])])
      var lines = [
        "Design-based test of conditional association in \(k) strata (R svyglm logistic "
          + "regression on the strata and the exposure; Cochran–Mantel–Haenszel assumes simple "
          + "random sampling)",
        "odds of '\(columnLabels[0])' for '\(rowLabels[0])' against '\(rowLabels[1])'",
      ]
      if let note = labelled.labelNote { lines.append("labels: \(note)") }
      lines += notes + ["", t.rendered()]
      emit(lines.joined(separator: "\n"))
    }
  }
}

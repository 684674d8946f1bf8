// ChisqDesign.swift: `chisq --data F --rows A --cols B` with a survey design — R survey's
// svychisq(~A + B, design): the Rao–Scott tests of the weighted table, and the Wald and
// adjusted Wald tests (statistic = "Wald" / "adjWald").
import ArgumentParser
import Foundation
import Resample

/// The design-based test of independence of two columns of respondent data (R `svychisq`).
struct DesignChisq {
  /// The unweighted crosstab with its labels and provenance.
  let labels: LabelledTable
  /// Σ w per cell, row-major.
  let weighted: [[Double]]
  /// The Rao–Scott tests, nil when a margin is empty (`unavailable` says why).
  let test: RaoScottTest?
  let unavailable: String?
  /// The Wald and adjusted Wald tests, nil when their contrast covariance is singular
  /// (`waldUnavailable` says why).
  let wald: WaldIndependenceTest?
  let waldUnavailable: String?
  /// Sentences describing the design; its degrees of freedom.
  let notes: [String]
  let designDF: Int

  /// Tallies the table and tests it under the design of `options`.
  ///
  /// A respondent without an answer to either column is left out of the table but keeps its
  /// place in the design (domain estimation, as compare).
  ///
  /// The file is read twice: tallied (labels, order, exclusions, as without a design) and as
  /// the table of the used columns that the design and the cell indicators come from.
  ///
  /// - Complexity: O(n J K) for the cell indicators, plus the design's ratio covariance.
  init(input: TableInputOptions, options: SamplingDesignOptions) throws {
    let loaded = try input.loadLabelled()
    let r = input.respondents
    guard let path = r.data, let rowName = r.rows, let colName = r.cols,
      let rowLabels = loaded.rowLabels, let colLabels = loaded.columnLabels
    else { throw ValidationError("--data needs --rows COL and --cols COL") }
    let table = try r.dataFormat.streamedTable(path) { head in
      [rowName, colName] + (try options.columns(in: head))
    }
    let (design, notes) = try options.design(table)
    let jj = rowLabels.count
    let kk = colLabels.count
    let rowIndex = try Self.indices(table, rowName, rowLabels, missing: r.missingSet)
    let colIndex = try Self.indices(table, colName, colLabels, missing: r.missingSet)
    let n = design.count
    guard rowIndex.count == n else {
      throw InputError.invalidData(
        source: path, reason: "\(rowIndex.count) answers for \(n) rows of the design")
    }
    var numerators = [Double](repeating: 0, count: n * jj * kk)
    var denominators = numerators
    var weighted = [[Double]](repeating: [Double](repeating: 0, count: kk), count: jj)
    var answered = 0
    for i in 0..<n {
      guard let j = rowIndex[i], let k = colIndex[i] else { continue }
      answered += 1
      numerators[i + (j + k * jj) * n] = 1
      for c in 0..<(jj * kk) { denominators[i + c * n] = 1 }
      weighted[j][k] += design.weights[i]
    }
    guard design.degreesOfFreedom >= 1 else {
      throw InputError.invalidData(
        source: "the design",
        reason: "\(design.degreesOfFreedom) degrees of freedom; at least 2 PSUs more than "
          + "strata are needed")
    }
    let est = try design.ratios(
      numerators: numerators, denominators: denominators, count: jj * kk)
    do {
      test = try RaoScottTest(
        proportions: est.estimates, covariance: est.covariance, rows: jj,
        respondents: Double(answered), designDF: design.degreesOfFreedom)
      unavailable = nil
    } catch let e as InputError {
      test = nil
      unavailable = e.description
    }
    let cells = design.totals(values: numerators, count: jj * kk)
    do {
      wald = try WaldIndependenceTest(
        totals: cells.totals, covariance: cells.covariance, rows: jj,
        designDF: design.degreesOfFreedom)
      waldUnavailable = nil
    } catch let e as InputError {
      wald = nil
      waldUnavailable = e.description
    }
    self.labels = loaded
    self.weighted = weighted
    self.notes = notes
    self.designDF = design.degreesOfFreedom
  }

  /// Each row's category index among `labels` (nil: no answer, or an answer in `missing`; a
  /// `.sav` file's user-missing values are already empty cells in the table).
  private static func indices(
    _ table: CSVTable, _ column: String, _ labels: [String], missing: Set<String>
  ) throws -> [Int?] {
    let position = Dictionary(labels.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
    return try table.column(named: column).map {
      let t = String(NumericText.trimmingBlanks($0[...]))
      return t.isEmpty || missing.contains(t) ? nil : position[t]
    }
  }

  /// The reasons a test is missing.
  var warnings: [String] {
    (unavailable.map { ["no Rao–Scott test: \($0)"] } ?? [])
      + (waldUnavailable.map { ["no Wald test: \($0)"] } ?? [])
  }

  /// `{statistic, ndf, ddf, p_value}` of an F test (NaN fields when there is none).
  static func json(
    _ f: (statistic: Double, numeratorDF: Double, denominatorDF: Double, pValue: Double)?
  ) -> JSON {
    .object([
      ("statistic", .num(f?.statistic ?? .nan)), ("ndf", .num(f?.numeratorDF ?? .nan)),
      ("ddf", .num(f?.denominatorDF ?? .nan)), ("p_value", .num(f?.pValue ?? .nan)),
    ])
  }

  /// The weighted table divided by its total.
  var proportions: [[Double]] {
    let total = weighted.joined().reduce(0, +)
    return weighted.map { $0.map { $0 / total } }
  }

  /// The output in the chosen format.
  func rendered(_ format: OutputFormat) -> String {
    let t = test
    switch format {
    case .json:
      var fields: [(String, JSON)] = [
        ("test", .string("rao-scott")),
        ("design", .design(notes, df: designDF)),
        (
          "rao_scott",
          .object([
            ("statistic", .num(t?.f.statistic ?? .nan)), ("ndf", .num(t?.f.numeratorDF ?? .nan)),
            ("ddf", .num(t?.f.denominatorDF ?? .nan)), ("p_value", .num(t?.f.pValue ?? .nan)),
          ])
        ),
        (
          "rao_scott_first_order",
          .object([
            ("statistic", .num(t?.chiSquare.statistic ?? .nan)),
            ("df", t.map { .integer($0.chiSquare.degreesOfFreedom) } ?? .null),
            ("p_value", .num(t?.chiSquare.pValue ?? .nan)),
            ("pearson", .num(t?.pearson ?? .nan)),
          ])
        ),
        ("wald", Self.json(wald?.f)),
        ("adj_wald", Self.json(wald?.adjusted)),
        ("mean_design_effect", .num(t?.meanDesignEffect ?? .nan)),
        ("weighted_table", .matrix(weighted)),
        ("weighted_proportions", .matrix(proportions)),
        ("table", .array(labels.table.rows.map { .array($0.map(JSON.integer)) })),
        ("warnings", .strings(warnings)),
      ]
      fields += labels.jsonFields
      return JSON.object(fields).rendered()
    case .csv:
      return [
        csvLine([
          "statistic", "ndf", "ddf", "p_value", "first_order_statistic", "first_order_df",
          "first_order_p_value", "pearson", "design_df", "wald_statistic", "wald_ndf",
          "wald_ddf", "wald_p_value", "adj_wald_statistic", "adj_wald_ndf", "adj_wald_ddf",
          "adj_wald_p_value",
        ]),
        csvLine(
          [
            csvNumber(t?.f.statistic ?? .nan), csvNumber(t?.f.numeratorDF ?? .nan),
            csvNumber(t?.f.denominatorDF ?? .nan), csvNumber(t?.f.pValue ?? .nan),
            csvNumber(t?.chiSquare.statistic ?? .nan),
            t.map { String($0.chiSquare.degreesOfFreedom) } ?? "",
            csvNumber(t?.chiSquare.pValue ?? .nan), csvNumber(t?.pearson ?? .nan),
            String(designDF),
          ]
            + [wald?.f, wald?.adjusted].flatMap { f in
              [f?.statistic, f?.numeratorDF, f?.denominatorDF, f?.pValue].map {
                csvNumber($0 ?? .nan)
              }
            }),
      ].joined(separator: "\n")
    default:
      var table = TextTable(["", "statistic", "df", "p-value"], alignNumbersRight: true)
      if let t {
        table.add([
          "Rao–Scott F (second order)", fmt(t.f.statistic),
          "\(fmt(t.f.numeratorDF, digits: 4)), \(fmt(t.f.denominatorDF, digits: 4))",
          fmtP(t.f.pValue),
        ])
        table.add([
          "Rao–Scott χ² (first order)", fmt(t.chiSquare.statistic),
          String(t.chiSquare.degreesOfFreedom), fmtP(t.chiSquare.pValue),
        ])
      }
      if let w = wald {
        for (name, f) in [("Wald F", w.f), ("adjusted Wald F", w.adjusted)] {
          table.add([
            name, fmt(f.statistic),
            "\(fmt(f.numeratorDF, digits: 4)), \(fmt(f.denominatorDF, digits: 4))",
            fmtP(f.pValue),
          ])
        }
      }
      var lines = [
        "Design-based chi-squared test of independence (Rao–Scott, R svychisq), "
          + "\(weighted.count)×\(weighted.first?.count ?? 0) table, N = \(labels.table.total)"
      ]
      if let note = labels.labelNote { lines.append("labels: \(note)") }
      lines += notes
      lines += ["", table.rendered()]
      if let t { lines.append("mean design effect  \(fmt(t.meanDesignEffect, digits: 4))") }
      lines += [
        "", "weighted counts:",
        matrixText(weighted, digits: 6, rows: labels.rowLabels, columns: labels.columnLabels),
        "", "weighted proportions:",
        matrixText(proportions, digits: 4, rows: labels.rowLabels, columns: labels.columnLabels),
      ]
      if let unavailable { lines.append("warning: no test: \(unavailable)") }
      if let waldUnavailable { lines.append("warning: no Wald test: \(waldUnavailable)") }
      return lines.joined(separator: "\n")
    }
  }
}

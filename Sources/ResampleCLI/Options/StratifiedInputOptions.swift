// StratifiedInputOptions.swift: `--tables "a,b;c,d|e,f;g,h"` or `--data F --rows A --cols B --by S`
// (cmh): an r×c×K table, typed in or tallied from respondent rows, with its labels.
import ArgumentParser
import Foundation
import Resample

/// The strata of `cmh`: typed in (`--tables`, strata separated by '|') or tallied from data.
struct StratifiedInputOptions: ParsableArguments {
  @Option(
    help:
      "The strata: tables separated by '|', rows by ';', counts by ',' (e.g. \"12,5;7,14|9,3;4,8\")."
  )
  var tables: String?

  @OptionGroup var respondents: RespondentDataOptions
  @Option(help: "The column of --data whose categories are the strata.")
  var by: String?
  @Option(name: .customLong("strata-order"), help: "Order of the strata (--by), comma-separated.")
  var strataOrder: String?

  func validate() throws {
    let data = respondents.data
    if (tables != nil) == (data != nil) {
      throw ValidationError(
        "give the strata with --tables \"a,b;c,d|e,f;g,h\" or --data F --rows A --cols B --by S")
    }
    if data != nil && (respondents.rows == nil || respondents.cols == nil || by == nil) {
      throw ValidationError("--data needs --rows COL, --cols COL and --by COL")
    }
    try respondents.requireData(besides: [(by, "--by"), (strataOrder, "--strata-order")])
  }

  /// How errors name the input.
  var sourceName: String { respondents.data ?? "--tables" }

  /// The table with its labels (nil labels for `--tables`) and, with --data, its provenance.
  func load() throws -> LabelledStrata {
    let r = respondents
    if let data = r.data, let rows = r.rows, let cols = r.cols, let by {
      let file = try r.read(data, labels: [rows, cols, by])
      let declared = try r.declaredOrders(
        file,
        [
          (rows, r.rowOrder, "--row-order"), (cols, r.colOrder, "--col-order"),
          (by, strataOrder, "--strata-order"),
        ])
      let x = try StratifiedCrosstab.tally(
        file, rows: rows, columns: cols, strata: by, frequencyWeight: r.freqWeight,
        rowOrder: declared[rows], columnOrder: declared[cols], strataOrder: declared[by],
        missing: r.missingSet)
      let p = x.pooled
      let excluded =
        p.excluded + x.excludedStrata.map { (column: by, label: $0.label, count: $0.count) }
      return LabelledStrata(
        table: try StratifiedTable(strata: x.counts, source: data), rowLabels: p.rowLabels,
        columnLabels: p.columnLabels, strataLabels: x.strataLabels,
        labelNote: "rows from column '\(rows)' \(p.rowOrder.description), columns from '\(cols)' "
          + "\(p.columnOrder.description), strata from '\(by)' \(x.strataOrder.description); "
          + "\(p.respondents) respondents" + RespondentDataOptions.exclusionNote(excluded),
        data: .object([
          ("file", .string(data)), ("rows", .string(rows)), ("cols", .string(cols)),
          ("by", .string(by)), ("freq_weight", r.freqWeight.map(JSON.string) ?? .null),
          ("respondents", .integer(p.respondents)),
          ("row_order", .string(p.rowOrder.key)), ("column_order", .string(p.columnOrder.key)),
          ("strata_order", .string(x.strataOrder.key)),
          ("excluded", RespondentDataOptions.exclusionJSON(excluded)),
        ]))
    }
    let text = tables ?? ""
    let strata = try text.split(separator: "|", omittingEmptySubsequences: false).enumerated()
      .map { k, part in
        try TableSyntax.parse(String(part), source: "--tables stratum \(k + 1)")
      }
    return LabelledStrata(
      table: try StratifiedTable(strata: strata, source: "--tables"), rowLabels: nil,
      columnLabels: nil, strataLabels: nil, labelNote: nil, data: nil)
  }
}

/// An r×c×K table with its labels (nil when typed in).
struct LabelledStrata {
  let table: StratifiedTable
  let rowLabels: [String]?
  let columnLabels: [String]?
  let strataLabels: [String]?
  let labelNote: String?
  let data: JSON?

  /// `row_labels`, `column_labels`, `strata_labels`, `labels_from_file` and (with --data) `data`.
  var jsonFields: [(String, JSON)] {
    [
      ("row_labels", rowLabels.map { .strings($0) } ?? .null),
      ("column_labels", columnLabels.map { .strings($0) } ?? .null),
      ("strata_labels", strataLabels.map { .strings($0) } ?? .null),
      ("labels_from_file", labelNote.map { .string($0) } ?? .null),
    ] + (data.map { [("data", $0)] } ?? [])
  }

  /// Stratum k's name for people.
  func stratumName(_ k: Int) -> String { strataLabels.map { $0[k] } ?? String(k + 1) }
}

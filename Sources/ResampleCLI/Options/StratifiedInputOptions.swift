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

  @Option(help: "Respondent data (CSV, one row per respondent, or long data with --freq-weight).")
  var data: String?
  @Option(help: "The column of --data whose categories are the tables' rows.")
  var rows: String?
  @Option(help: "The column of --data whose categories are the tables' columns.")
  var cols: String?
  @Option(help: "The column of --data whose categories are the strata.")
  var by: String?
  @Option(
    name: .customLong("freq-weight"),
    help: "A column of --data counting the respondents each row stands for (whole numbers).")
  var freqWeight: String?
  @Option(
    help:
      "Category order for every --rows/--cols/--by variable whose categories it lists, comma-separated (default: numeric when all are numbers, else first appearance)."
  )
  var order: String?
  @Option(name: .customLong("row-order"), help: "Category order of --rows, comma-separated.")
  var rowOrder: String?
  @Option(name: .customLong("col-order"), help: "Category order of --cols, comma-separated.")
  var colOrder: String?
  @Option(name: .customLong("strata-order"), help: "Order of the strata (--by), comma-separated.")
  var strataOrder: String?
  @Option(
    parsing: .unconditional,
    help:
      "Answers that are non-answers, comma-separated (e.g. \"Don't know,NA,-9\"): left out and counted; empty cells always are."
  )
  var missing: String?

  func validate() throws {
    if (tables != nil) == (data != nil) {
      throw ValidationError(
        "give the strata with --tables \"a,b;c,d|e,f;g,h\" or --data F --rows A --cols B --by S")
    }
    if data != nil && (rows == nil || cols == nil || by == nil) {
      throw ValidationError("--data needs --rows COL, --cols COL and --by COL")
    }
    let dataOnly = [rows, cols, by, freqWeight, order, rowOrder, colOrder, strataOrder, missing]
    if data == nil && dataOnly.contains(where: { $0 != nil }) {
      throw ValidationError(
        "--rows, --cols, --by, --freq-weight, --order, --row-order, --col-order, --strata-order "
          + "and --missing describe --data")
    }
  }

  /// How errors name the input.
  var sourceName: String { data ?? "--tables" }

  /// Splits a comma list of labels (trimmed; empty entries refused).
  private static func labels(_ text: String, option: String) throws -> [String] {
    let parts = text.split(separator: ",", omittingEmptySubsequences: false).map {
      $0.trimmingCharacters(in: .whitespaces)
    }
    guard !parts.contains("") else {
      throw InputError.invalidParameter(
        name: option, value: text, expected: "labels separated by commas, none empty")
    }
    return parts
  }

  /// `--missing` as a set of labels.
  private var missingSet: Set<String> {
    Set(
      (missing ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        .filter { !$0.isEmpty })
  }

  /// The table with its labels (nil labels for `--tables`) and, with --data, its provenance.
  func load() throws -> LabelledStrata {
    if let data, let rows, let cols, let by {
      let file = try CSVColumns.read(
        path: data, numeric: [freqWeight].compactMap { $0 }, labels: [rows, cols, by])
      var declared: [String: [String]] = [:]
      if let o = rowOrder { declared[rows] = try Self.labels(o, option: "--row-order") }
      if let o = colOrder { declared[cols] = try Self.labels(o, option: "--col-order") }
      if let o = strataOrder { declared[by] = try Self.labels(o, option: "--strata-order") }
      if let order {
        // `--order` lists the categories of one or more variables; each takes its own, in the
        // listed order.
        let shared = try Self.labels(order, option: "--order")
        var used = false
        for column in [rows, cols, by] where declared[column] == nil {
          let l = try file.labels(column)
          let seen = Set(
            l.values.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
          )
          .subtracting(missingSet)
          let listed = shared.filter { seen.contains($0) }
          if !listed.isEmpty && seen.isSubset(of: Set(shared)) {
            declared[column] = listed
            used = true
          }
        }
        guard used else {
          throw InputError.invalidParameter(
            name: "--order", value: order,
            expected: "every category of '\(rows)', '\(cols)' or '\(by)' (or use --row-order, "
              + "--col-order, --strata-order)")
        }
      }
      let x = try StratifiedCrosstab.tally(
        file, rows: rows, columns: cols, strata: by, frequencyWeight: freqWeight,
        rowOrder: declared[rows], columnOrder: declared[cols], strataOrder: declared[by],
        missing: missingSet)
      let p = x.pooled
      var note =
        "rows from column '\(rows)' \(p.rowOrder.description), columns from '\(cols)' "
        + "\(p.columnOrder.description), strata from '\(by)' \(x.strataOrder.description); "
        + "\(p.respondents) respondents"
      let excluded =
        p.excluded.map { ($0.column, $0.label, $0.count) }
        + x.excludedStrata.map { (by, $0.label, $0.count) }
      if !excluded.isEmpty {
        note +=
          "; left out: "
          + excluded.map { "\($0.2) with \($0.1.isEmpty ? "no answer" : "'\($0.1)'") in '\($0.0)'" }
          .joined(separator: ", ")
      }
      return LabelledStrata(
        table: try StratifiedTable(strata: x.counts, source: data), rowLabels: p.rowLabels,
        columnLabels: p.columnLabels, strataLabels: x.strataLabels, labelNote: note,
        data: .object([
          ("file", .string(data)), ("rows", .string(rows)), ("cols", .string(cols)),
          ("by", .string(by)), ("freq_weight", freqWeight.map(JSON.string) ?? .null),
          ("respondents", .integer(p.respondents)),
          ("row_order", .string(p.rowOrder.key)), ("column_order", .string(p.columnOrder.key)),
          ("strata_order", .string(x.strataOrder.key)),
          (
            "excluded",
            .array(
              excluded.map {
                .object([
                  ("column", .string($0.0)), ("label", .string($0.1)), ("count", .integer($0.2)),
                ])
              })
          ),
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

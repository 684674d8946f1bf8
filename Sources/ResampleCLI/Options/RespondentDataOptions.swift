// RespondentDataOptions.swift: `--data F --rows A --cols B` with `--freq-weight`, the category
// orders and `--missing`: a crosstab tallied from respondent rows (chisq, fisher, mcnemar, trend
// through `TableInputOptions`; cmh through `StratifiedInputOptions`, which adds `--by`).
import ArgumentParser
import Foundation
import Resample

/// The options that tally a table from respondent rows, and what the tally reports back.
struct RespondentDataOptions: ParsableArguments {
  @Option(help: "Respondent data (CSV, one row per respondent, or long data with --freq-weight).")
  var data: String?
  @Option(help: "The column of --data whose categories are the rows of the table.")
  var rows: String?
  @Option(help: "The column of --data whose categories are the columns of the table.")
  var cols: String?
  @Option(
    name: .customLong("freq-weight"),
    help: "A column of --data counting the respondents each row stands for (whole numbers).")
  var freqWeight: String?
  @Option(
    help:
      "Category order for every variable of --data whose categories it lists, comma-separated (default: numeric when all are numbers, else first appearance)."
  )
  var order: String?
  @Option(name: .customLong("row-order"), help: "Category order of --rows, comma-separated.")
  var rowOrder: String?
  @Option(name: .customLong("col-order"), help: "Category order of --cols, comma-separated.")
  var colOrder: String?
  // Unconditional, so that `--missing -9` is read as the value.
  @Option(
    parsing: .unconditional,
    help:
      "Answers that are non-answers, comma-separated (e.g. \"Don't know,NA,-9\"): left out and counted; empty cells always are."
  )
  var missing: String?
  @OptionGroup(title: "Format of --data") var dataFormat: DataFileOptions

  /// Throws when an option that describes `--data` is given without it.
  ///
  /// - Parameter more: the caller's own `--data` options, as (value, flag) pairs.
  func requireData(besides more: [(String?, String)] = []) throws {
    let given: [(String?, String)] =
      [
        (rows, "--rows"), (cols, "--cols"), (freqWeight, "--freq-weight"), (order, "--order"),
        (rowOrder, "--row-order"), (colOrder, "--col-order"),
      ] + more + [(missing, "--missing")]
    guard data == nil && given.contains(where: { $0.0 != nil }) else { return }
    let flags = given.map(\.1)
    throw ValidationError(
      flags.dropLast().joined(separator: ", ") + " and \(flags[flags.count - 1]) describe --data")
  }

  /// `--missing` as a set of labels.
  var missingSet: Set<String> {
    Set(
      (missing ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        .filter { !$0.isEmpty })
  }

  /// Reads `--data` (streaming) with `--freq-weight` as its numeric column and `columns` as labels.
  func read(_ path: String, labels columns: [String]) throws -> CSVColumns {
    try dataFormat.columns(path, numeric: [freqWeight].compactMap { $0 }, labels: columns)
  }

  /// The declared category order of each variable: its own option, else `--order` where that
  /// lists every category the variable has (and at least one); `--order` must fit one variable.
  ///
  /// - Parameters:
  ///   - file: the data read by ``read(_:labels:)``.
  ///   - variables: each column with the text and name of its own order option.
  /// - Returns: the declared orders by column (columns with none are absent).
  func declaredOrders(
    _ file: CSVColumns, _ variables: [(column: String, own: String?, option: String)]
  ) throws -> [String: [String]] {
    var declared: [String: [String]] = [:]
    for v in variables {
      if let own = v.own { declared[v.column] = try CommaList.labels(own, option: v.option) }
    }
    guard let order else { return declared }
    let shared = try CommaList.labels(order, option: "--order")
    var used = false
    var found: [String] = []
    for v in variables where declared[v.column] == nil {
      let labels = try file.labels(v.column)
      let seen = Set(
        labels.values.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
      ).subtracting(missingSet).subtracting(labels.declaredMissing)
      let listed = shared.filter { seen.contains($0) }
      if !listed.isEmpty && seen.isSubset(of: Set(shared)) {
        declared[v.column] = listed
        used = true
      }
      let some = seen.sorted().prefix(8).joined(separator: ", ")
      found.append("'\(v.column)' (\(some)\(seen.count > 8 ? ", …" : ""))")
    }
    guard used else {
      guard !found.isEmpty else {
        throw InputError.invalidParameter(
          name: "--order", value: order,
          expected: "a variable without its own order (each has one of "
            + variables.map(\.option).joined(separator: ", ") + ")")
      }
      let names = found.joined(separator: ", ")
      let own = variables.map(\.option).joined(separator: ", ")
      throw InputError.invalidParameter(
        name: "--order", value: order,
        expected: "every category of one of \(names) (or use \(own))")
    }
    return declared
  }

  /// "; left out: 3 with 'NA' in 'q1', …" (empty when nothing was left out).
  static func exclusionNote(_ excluded: [(column: String, label: String, count: Int)]) -> String {
    guard !excluded.isEmpty else { return "" }
    return "; left out: "
      + excluded.map {
        "\($0.count) with \($0.label.isEmpty ? "no answer" : "'\($0.label)'") in '\($0.column)'"
      }.joined(separator: ", ")
  }

  /// The JSON `excluded` array: one object (column, label, count) per left-out answer.
  static func exclusionJSON(_ excluded: [(column: String, label: String, count: Int)]) -> JSON {
    .array(
      excluded.map {
        .object([
          ("column", .string($0.column)), ("label", .string($0.label)),
          ("count", .integer($0.count)),
        ])
      })
  }
}

// TableInputOptions.swift: `--table` / `--table-file` / `--data --rows --cols` (chisq, fisher)
// and `--monte-carlo`.
import ArgumentParser
import Resample

/// `--table "12,5,9;7,14,3"` or `--table-file FILE`: the counts of a contingency table.
struct TableInputOptions: ParsableArguments {
  @Option(help: "The table: rows separated by ';', counts by ',' (e.g. \"12,5,9;7,14,3\").")
  var table: String?

  @Option(
    name: .customLong("table-file"),
    help: ArgumentHelp(
      "Read the table from a CSV file ('-' for stdin); a header row and a first column of labels are found and reported (see --header, --row-labels)."
    ))
  var tableFile: String?

  @Option(
    name: .customLong("header"),
    help:
      "Whether row 1 of --table-file is a header of column labels (auto: found, ambiguous files refused)."
  )
  var header: LabelPresence = .auto

  @Option(
    name: .customLong("row-labels"),
    help:
      "Whether column 1 of --table-file holds row labels (auto: found, ambiguous files refused)."
  )
  var rowLabels: LabelPresence = .auto

  @Option(help: "Respondent data (CSV, one row per respondent, or long data with --freq-weight).")
  var data: String?
  @Option(help: "The column of --data whose categories are the table's rows.")
  var rows: String?
  @Option(help: "The column of --data whose categories are the table's columns.")
  var cols: String?
  @Option(
    name: .customLong("freq-weight"),
    help: "A column of --data counting the respondents each row stands for (whole numbers).")
  var freqWeight: String?
  @Option(
    help:
      "Category order for every --rows/--cols variable whose categories it lists, comma-separated (default: numeric when all are numbers, else first appearance)."
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

  func validate() throws {
    // Neither is checked when the table is loaded: `chisq --observed` needs no table.
    if [table != nil, tableFile != nil, data != nil].filter({ $0 }).count > 1 {
      throw ValidationError("give one of --table, --table-file or --data --rows --cols")
    }
    // `--data` without `--rows/--cols` is checked when the table is tallied (`crosstab()`):
    // mcnemar pairs two questions with `--first/--second` instead.
    let dataOnly = [rows, cols, freqWeight, order, rowOrder, colOrder, missing]
    if data == nil && dataOnly.contains(where: { $0 != nil }) {
      throw ValidationError(
        "--rows, --cols, --freq-weight, --order, --row-order, --col-order and --missing "
          + "describe --data")
    }
    if tableFile == nil && (header != .auto || rowLabels != .auto) {
      throw ValidationError("--header and --row-labels describe --table-file")
    }
  }

  /// Whether a table was given (`--table`, `--table-file` or `--data`).
  var isGiven: Bool { table != nil || tableFile != nil || data != nil }

  /// Throws unless a table was given.
  func requireTable() throws {
    guard isGiven else {
      throw ValidationError(
        "give the table with --table \"a,b;c,d\", --table-file FILE or --data F --rows A --cols B")
    }
  }

  /// How errors name the input.
  var sourceName: String { data ?? tableFile ?? "--table" }

  /// Splits a comma list of labels (trimmed; empty entries refused).
  static func labels(_ text: String, option: String) throws -> [String] {
    let parts = text.split(separator: ",", omittingEmptySubsequences: false).map {
      $0.trimmingCharacters(in: .whitespaces)
    }
    guard !parts.contains("") else {
      throw InputError.invalidParameter(
        name: option, value: text, expected: "labels separated by commas, none empty")
    }
    return parts
  }

  /// The crosstab of `--data --rows --cols`.
  func crosstab() throws -> RespondentCrosstab {
    guard let data, let rows, let cols else {
      throw ValidationError("--data needs --rows COL and --cols COL")
    }
    let file = try CSVColumns.read(
      path: data, numeric: [freqWeight].compactMap { $0 }, labels: [rows, cols])
    let shared = try order.map { try Self.labels($0, option: "--order") }
    var declaredRows = try rowOrder.map { try Self.labels($0, option: "--row-order") }
    var declaredCols = try colOrder.map { try Self.labels($0, option: "--col-order") }
    if let shared {
      // `--order` applies to each variable whose categories it lists; it must fit one.
      func covers(_ column: String) throws -> Bool {
        let l = try file.labels(column)
        let seen = Set(
          l.values.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty })
        return seen.subtracting(missingSet).isSubset(of: Set(shared))
      }
      let forRows = try covers(rows)
      let forCols = try covers(cols)
      guard forRows || forCols else {
        throw InputError.invalidParameter(
          name: "--order", value: order ?? "",
          expected: "every category of '\(rows)' or of '\(cols)' (or use --row-order/--col-order)")
      }
      if forRows && declaredRows == nil { declaredRows = shared }
      if forCols && declaredCols == nil { declaredCols = shared }
    }
    return try RespondentCrosstab.tally(
      file, rows: rows, columns: cols, frequencyWeight: freqWeight, rowOrder: declaredRows,
      columnOrder: declaredCols, missing: missingSet)
  }

  /// `--missing` as a set of labels.
  var missingSet: Set<String> {
    Set(
      (missing ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        .filter { !$0.isEmpty })
  }

  /// The table the user gave, validated (syntax by `TableSyntax`, shape by `ContingencyTable`).
  func load() throws -> ContingencyTable { try loadLabelled().table }

  /// The counts as given, row by row, before the shape checks of `ContingencyTable` (for the
  /// tests that answer tables it refuses: Fisher on one row, one column or all zeros).
  func loadCounts() throws -> [[Int]] {
    try requireTable()
    if data != nil { return try crosstab().counts }
    if let path = tableFile {
      let csv = try CSVTable.read(path: path, hasHeader: false)
      return try CrosstabFile.read(
        records: csv.rows, source: csv.source, header: header, rowLabels: rowLabels
      ).counts
    }
    return try TableSyntax.parse(table ?? "")
  }

  /// The table with the labels its file holds (header and label column found by `CrosstabFile`).
  func loadLabelled() throws -> LabelledTable {
    try requireTable()
    if let data {
      let x = try crosstab()
      var note =
        "rows from column '\(rows ?? "")' \(x.rowOrder.description), columns from '\(cols ?? "")' "
        + "\(x.columnOrder.description); \(x.respondents) respondents"
      if !x.excluded.isEmpty {
        note +=
          "; left out: "
          + x.excluded.map {
            "\($0.count) with \($0.label.isEmpty ? "no answer" : "'\($0.label)'") in '\($0.column)'"
          }.joined(separator: ", ")
      }
      return LabelledTable(
        table: try ContingencyTable(rows: x.counts, source: data), rowLabels: x.rowLabels,
        columnLabels: x.columnLabels, labelNote: note,
        data: .object([
          ("file", .string(data)), ("rows", .string(rows ?? "")), ("cols", .string(cols ?? "")),
          ("freq_weight", freqWeight.map(JSON.string) ?? .null),
          ("respondents", .integer(x.respondents)),
          ("row_order", .string(x.rowOrder.key)), ("column_order", .string(x.columnOrder.key)),
          (
            "excluded",
            .array(
              x.excluded.map {
                .object([
                  ("column", .string($0.column)), ("label", .string($0.label)),
                  ("count", .integer($0.count)),
                ])
              })
          ),
        ]))
    }
    if let path = tableFile {
      let csv = try CSVTable.read(path: path, hasHeader: false)
      let file = try CrosstabFile.read(
        records: csv.rows, source: csv.source, header: header, rowLabels: rowLabels)
      return LabelledTable(
        table: try ContingencyTable(rows: file.counts, source: csv.source),
        rowLabels: file.rowLabels, columnLabels: file.columnLabels, labelNote: file.labelNote)
    }
    return LabelledTable(
      table: try ContingencyTable(rows: try TableSyntax.parse(table ?? ""), source: "--table"),
      rowLabels: nil, columnLabels: nil, labelNote: nil)
  }
}

extension LabelPresence: ExpressibleByArgument {}

/// A contingency table with the row and column labels of its file (nil when it has none).
struct LabelledTable {
  let table: ContingencyTable
  let rowLabels: [String]?
  let columnLabels: [String]?
  /// What was taken as labels, in words, for the output.
  let labelNote: String?
  /// With `--data`: the crosstab's provenance (file, columns, respondents, exclusions, order).
  var data: JSON? = nil

  /// The JSON fields `row_labels`, `column_labels` (null when the input has none) and
  /// `labels_from_file` (what was taken as labels).
  var jsonFields: [(String, JSON)] {
    [
      ("row_labels", rowLabels.map { .strings($0) } ?? .null),
      ("column_labels", columnLabels.map { .strings($0) } ?? .null),
      ("labels_from_file", labelNote.map { .string($0) } ?? .null),
    ] + (data.map { [("data", $0)] } ?? [])
  }
}

/// `--monte-carlo B` with the random options, shared by chisq and fisher.
struct MonteCarloOptionsGroup: ParsableArguments {
  @Option(
    name: .customLong("monte-carlo"),
    help: "Monte Carlo p-value from B random tables with the observed margins (Patefield).")
  var monteCarlo: Int?

  @OptionGroup var random: RandomOptions

  func validate() throws {
    if let b = monteCarlo, !(1...1_000_000_000).contains(b) {
      throw invalidOption(
        "--monte-carlo", "\(b)", expected: "a number of replicates in 1...1000000000")
    }
  }

  /// The options, or nil when no Monte Carlo was asked for.
  func options() -> MonteCarloOptions? {
    guard let b = monteCarlo else { return nil }
    return MonteCarloOptions(
      replicates: b, seed: random.resolvedSeed(), threads: random.threadCount)
  }
}

/// The Monte Carlo block of a JSON result (kept nested for existing readers; the seed, rng and
/// tool are also at the top level of every random result).
func monteCarloJSON(_ mc: MonteCarloPValue?) -> JSON {
  guard let mc else { return .null }
  return .object([
    ("replicates", .integer(mc.replicates)),
    ("seed", .seed(mc.seed)),
    ("p_value", .num(mc.pValue)),
    ("standard_error", .num(mc.standardError)),
    ("exceedances", .integer(mc.exceedances)),
    ("rng", .string(mc.rng)),
  ])
}

extension LabelledTable {
  /// The labels of the rows and columns left by `ContingencyTable.droppingEmptyMargins()`.
  func droppingEmptyMargins() -> LabelledTable {
    let rows = Set(table.emptyRows)
    let columns = Set(table.emptyColumns)
    return LabelledTable(
      table: table,
      rowLabels: rowLabels.map { ls in ls.indices.filter { !rows.contains($0) }.map { ls[$0] } },
      columnLabels: columnLabels.map { ls in
        ls.indices.filter { !columns.contains($0) }.map { ls[$0] }
      }, labelNote: labelNote, data: data)
  }
}

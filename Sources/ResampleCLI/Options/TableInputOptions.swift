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

  @OptionGroup var respondents: RespondentDataOptions

  func validate() throws {
    // Neither is checked when the table is loaded: `chisq --observed` needs no table.
    if [table != nil, tableFile != nil, data != nil].filter({ $0 }).count > 1 {
      throw ValidationError("give one of --table, --table-file or --data --rows --cols")
    }
    // `--data` without `--rows/--cols` is checked when the table is tallied (`crosstab()`):
    // mcnemar pairs two questions with `--first/--second` instead.
    try respondents.requireData()
    if tableFile == nil && (header != .auto || rowLabels != .auto) {
      throw ValidationError("--header and --row-labels describe --table-file")
    }
  }

  /// `--data`, the respondent file (nil when the table is typed in or read from --table-file).
  var data: String? { respondents.data }

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

  /// The crosstab of `--data --rows --cols`.
  func crosstab() throws -> RespondentCrosstab {
    guard let data, let rows = respondents.rows, let cols = respondents.cols else {
      throw ValidationError("--data needs --rows COL and --cols COL")
    }
    let file = try respondents.read(data, labels: [rows, cols])
    let declared = try respondents.declaredOrders(
      file,
      [
        (rows, respondents.rowOrder, "--row-order"), (cols, respondents.colOrder, "--col-order"),
      ])
    return try RespondentCrosstab.tally(
      file, rows: rows, columns: cols, frequencyWeight: respondents.freqWeight,
      rowOrder: declared[rows], columnOrder: declared[cols], missing: respondents.missingSet)
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
      let rows = respondents.rows ?? ""
      let cols = respondents.cols ?? ""
      return LabelledTable(
        table: try ContingencyTable(rows: x.counts, source: data), rowLabels: x.rowLabels,
        columnLabels: x.columnLabels,
        labelNote: "rows from column '\(rows)' \(x.rowOrder.description), columns from "
          + "'\(cols)' \(x.columnOrder.description); \(x.respondents) respondents"
          + RespondentDataOptions.exclusionNote(x.excluded),
        data: .object([
          ("file", .string(data)), ("rows", .string(rows)), ("cols", .string(cols)),
          ("freq_weight", respondents.freqWeight.map(JSON.string) ?? .null),
          ("respondents", .integer(x.respondents)),
          ("row_order", .string(x.rowOrder.key)), ("column_order", .string(x.columnOrder.key)),
          ("excluded", RespondentDataOptions.exclusionJSON(x.excluded)),
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
    PValueBound.field(MonteCarloPrinting(mc).bound),
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

// TableInputOptions.swift: `--table` / `--table-file` (chisq, fisher, mcnemar) and `--monte-carlo`.
import ArgumentParser
import Resample

/// `--table "12,5,9;7,14,3"` or `--table-file FILE`: the counts of a contingency table.
struct TableInputOptions: ParsableArguments {
  @Option(help: "The table: rows separated by ';', counts by ',' (e.g. \"12,5,9;7,14,3\").")
  var table: String?

  @Option(
    name: .customLong("table-file"),
    help: ArgumentHelp(
      "Read the table from a CSV file ('-' for stdin); a header row and a first column of labels are skipped when they are not numbers."
    ))
  var tableFile: String?

  func validate() throws {
    switch (table, tableFile) {
    case (nil, nil):
      throw ValidationError("give the table with --table \"a,b;c,d\" or --table-file FILE")
    case (.some, .some):
      throw ValidationError("give either --table or --table-file, not both")
    default: break
    }
  }

  /// How errors name the input.
  var sourceName: String { tableFile ?? "--table" }

  /// The table the user gave, validated (syntax by `TableSyntax`, shape by `ContingencyTable`).
  func load() throws -> ContingencyTable {
    if let path = tableFile {
      let csv = try CSVTable.read(path: path, hasHeader: false)
      let cells = TableSyntax.countCells(fromRecords: csv.rows)
      return try ContingencyTable(
        rows: try TableSyntax.counts(cells: cells, source: csv.source), source: csv.source)
    }
    return try ContingencyTable(rows: try TableSyntax.parse(table ?? ""), source: "--table")
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
      throw ValidationError(
        InputError.invalidParameter(
          name: "--monte-carlo", value: "\(b)", expected: "a number of replicates in 1...1000000000"
        ).description)
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

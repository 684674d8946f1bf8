// DataFileOptions.swift: `--delimiter`, `--decimal`, `--encoding` — how a `--data` file is
// written — and the one loader every command that reads `--data` goes through.
import ArgumentParser
import Resample
import StatisticalFiles

/// `--delimiter`: the field separator of a `--data` CSV file.
enum DelimiterChoice: String, ExpressibleByArgument, CaseIterable {
  case comma = ","
  case semicolon = ";"
  case tab

  /// The separator byte.
  var byte: UInt8 {
    switch self {
    case .comma: return UInt8(ascii: ",")
    case .semicolon: return UInt8(ascii: ";")
    case .tab: return UInt8(ascii: "\t")
    }
  }
}

/// `--decimal`: the decimal mark of the numbers in a `--data` CSV file.
enum DecimalChoice: String, ExpressibleByArgument, CaseIterable {
  case point = "."
  case comma = ","
}

extension CSVDialect.TextEncoding: ExpressibleByArgument {}

/// How a `--data` file is written, and the loader: every command that reads `--data` reads it
/// through ``columns(_:numeric:labels:)`` or ``table(_:)``, so every such command accepts the same
/// files — CSV in any of these dialects, and SPSS `.sav`/`.zsav`, Stata `.dta` and SAS
/// `.sas7bdat` files (by extension; the CSV options do not apply to them).
struct DataFileOptions: ParsableArguments {
  @Option(
    help:
      "Field separator of a --data CSV file (default: found from the header line: ',', ';' or tab)."
  )
  var delimiter: DelimiterChoice?
  @Option(help: "Decimal mark of a --data CSV file's numbers (',' reads 3,5 as 3.5).")
  var decimal: DecimalChoice = .point
  @Option(help: "Text encoding of a --data CSV file.")
  var encoding: CSVDialect.TextEncoding = .utf8

  /// The CSV dialect the options describe.
  var dialect: CSVDialect {
    CSVDialect(
      delimiter: delimiter?.byte, decimalMark: decimal == .comma ? .comma : .point,
      encoding: encoding)
  }

  /// The columns `numeric` (as numbers) and `labels` (as category texts) of the file at `path`,
  /// read streaming: a CSV file is read a chunk at a time, so memory follows the columns used,
  /// not the file's size.
  ///
  /// - Throws: `InputError` naming the file (and line and column) for an unreadable or malformed
  ///   file, or one that does not fit `--delimiter/--decimal/--encoding`.
  func columns(_ path: String, numeric: [String], labels: [String] = []) throws -> CSVColumns {
    if StatisticalFile.Kind(path: path) != nil {
      return try StatisticalFile.columns(path: path, numeric: numeric, labels: labels)
    }
    return try worded {
      try CSVColumns.stream(path: path, numeric: numeric, labels: labels, dialect: dialect)
    }
  }

  /// The whole file at `path`, every field as text.
  ///
  /// - Throws: as ``columns(_:numeric:labels:)``.
  func table(_ path: String) throws -> CSVTable {
    if StatisticalFile.Kind(path: path) != nil { return try StatisticalFile.table(path: path) }
    return try worded { try CSVTable.read(path: path, dialect: dialect) }
  }

  /// ``table(_:)`` read streaming with only the columns `keep` picks from the header (for
  /// `.sav`/`.dta`/`.sas7bdat` files ReadStat parses every variable but only those are kept).
  ///
  /// - Throws: as ``columns(_:numeric:labels:)``, and what `keep` throws.
  func streamedTable(_ path: String, keep: ([String]) throws -> [Int]) throws -> CSVTable {
    if StatisticalFile.Kind(path: path) != nil {
      return try StatisticalFile.table(path: path, keep: keep)
    }
    return try worded { try CSVTable.stream(path: path, dialect: dialect, keep: keep) }
  }

  /// ``streamedTable(_:keep:)`` with the columns `names` picks, given the header as a table
  /// without rows (so that it can resolve patterns such as `--replicate-weights 'rw*'`); a name
  /// the header lacks is an error listing every column of the file.
  ///
  /// - Throws: as ``streamedTable(_:keep:)``, and `InputError` for a missing or ambiguous name.
  func streamedTable(_ path: String, columns names: (CSVTable) throws -> [String]) throws
    -> CSVTable
  {
    try streamedTable(path) { header in
      let head = try CSVTable(header: header, rows: [], source: path)
      return try names(head).map { try head.columnIndex(named: $0) }
    }
  }

  /// `body`'s result, a ``CSVDialectError`` worded with the options that fix it.
  private func worded<T>(_ body: () throws -> T) throws -> T {
    do {
      return try body()
    } catch let error as CSVDialectError {
      throw error.inputError(advice: Self.advice(error.problem))
    }
  }

  /// What to type to read the file.
  static func advice(_ problem: CSVDialectError.Problem) -> String {
    switch problem {
    case .invalidText(let encoding, _):
      return encoding == .utf8
        ? "give the file's encoding with --encoding latin1 or --encoding cp1252"
        : "give the file's encoding with --encoding"
    case .ambiguousDelimiter:
      return "give the separator with --delimiter ',', --delimiter ';' or --delimiter tab"
    case .decimalCommaIsDelimiter, .decimalCommaWithDetectedComma:
      return "--decimal , needs --delimiter ';' or --delimiter tab"
    case .decimalPoint:
      return "write it with a comma, or drop --decimal ,"
    }
  }
}

// CSVColumns.swift: a few named columns of a CSV file, read without keeping the other fields.
import ResampleCore

/// Some columns of a CSV file with a header row: numeric columns as `Double`s and label columns
/// as small integer codes into their distinct values.
///
/// Reading streams the records (same parser, dialect and errors as ``CSVTable``) and keeps only
/// what was asked for: 8 bytes per row per numeric column and 4 per label column, instead of
/// every field as a `String` (≈ 230 bytes per row for ``CSVTable``). The file's bytes are held
/// while it is parsed.
///
/// A malformed record anywhere, or an empty file, is thrown by
/// ``read(path:numeric:labels:delimiter:)``. A column's own problems (no such column, a value that
/// is not a number) are thrown when that column is asked for, so a caller reports them in the
/// order it would have with a ``CSVTable``:
///
/// ```swift
/// let file = try CSVColumns.read(path: "runs.csv", numeric: ["time"], labels: ["group"])
/// let times = try file.numeric("time")
/// let groups = try file.labels("group")
/// ```
public struct CSVColumns: Sendable {
  /// A label column: each row's code into `values`, the distinct field texts (untrimmed) in
  /// order of first appearance.
  public struct Labels: Sendable, Equatable {
    /// For each row, the index of its text in ``values``.
    public var codes: [UInt32]
    /// The distinct texts of the column, in order of first appearance.
    public var values: [String]
    /// Texts the file itself declares non-answers (an SPSS file's user-missing values); empty
    /// for CSV.
    public var declaredMissing: Set<String> = []

    /// Creates a label column (for other readers: `StatisticalFiles`).
    package init(codes: [UInt32], values: [String], declaredMissing: Set<String> = []) {
      self.codes = codes
      self.values = values
      self.declaredMissing = declaredMissing
    }

    /// The text of row `row`.
    public subscript(row: Int) -> String { values[Int(codes[row])] }
  }

  /// Where the file came from (a path, or `"standard input"`), used in error messages.
  public let source: String
  /// The number of data rows (records after the header).
  public let rowCount: Int
  private let numericColumns: [String: Result<[Double], any Error>]
  private let labelColumns: [String: Result<Labels, any Error>]

  /// The numeric column `name`, one value per row.
  ///
  /// - Throws: the errors of ``CSVTable/numericColumn(named:)``: no column or several columns
  ///   called `name`, or the first value that is not a finite number (naming file and line);
  ///   `InputError.invalidParameter(name: "column", …)` if `name` was not asked for when reading.
  public func numeric(_ name: String) throws -> [Double] {
    guard let column = numericColumns[name] else { throw notRead(name) }
    return try column.get()
  }

  /// The label column `name`.
  ///
  /// - Throws: the errors of ``CSVTable/column(named:)`` (no column or several called `name`);
  ///   `InputError.invalidParameter(name: "column", …)` if `name` was not asked for when reading.
  public func labels(_ name: String) throws -> Labels {
    guard let column = labelColumns[name] else { throw notRead(name) }
    return try column.get()
  }

  private func notRead(_ name: String) -> InputError {
    InputError.invalidParameter(
      name: "column", value: name, expected: "a column read from \(source)")
  }

  /// Reads the columns `numeric` and `labels` of the CSV file at `path` (`"-"` reads standard
  /// input).
  ///
  /// Names are matched as in ``CSVTable/columnIndex(named:)``; numbers are parsed as in
  /// ``CSVTable/numericColumn(named:)``. A name may be in both lists.
  ///
  /// - Parameters:
  ///   - path: the file to read.
  ///   - numeric: the columns to read as finite numbers.
  ///   - labels: the columns to read as text.
  ///   - delimiter: the field separator byte (default `,`).
  /// - Returns: the columns; their own errors are thrown by ``numeric(_:)`` and ``labels(_:)``.
  /// - Throws: the errors of ``CSVTable/read(path:hasHeader:delimiter:)``: an unreadable file, a
  ///   malformed record, an empty file, an invalid delimiter.
  /// - Complexity: O(file size) time; memory O(file size) while parsing, then O(rows × columns
  ///   read + distinct labels).
  public static func read(
    path: String, numeric: [String], labels: [String] = [],
    delimiter: UInt8 = UInt8(ascii: ",")
  ) throws -> CSVColumns {
    try CSVTable.checkDelimiter(delimiter)
    let bytes = try InputFile.readText(path: path)
    let source = path == InputFile.standardInputPath ? "standard input" : path
    return try parse(bytes, source: source, numeric: numeric, labels: labels, delimiter: delimiter)
  }

  /// Parses CSV bytes as ``read(path:numeric:labels:delimiter:)`` reads a file.
  ///
  /// - Complexity: O(n) for n bytes.
  public static func parse(
    _ bytes: [UInt8], source: String, numeric: [String], labels: [String] = [],
    delimiter: UInt8 = UInt8(ascii: ",")
  ) throws -> CSVColumns {
    try CSVTable.checkDelimiter(delimiter)
    var builder = Builder(source: source, numeric: numeric, labels: labels)
    try bytes.withUnsafeBufferPointer { buffer in
      try RFC4180Parser.forEachRecord(buffer, source: source, delimiter: delimiter) {
        fields, line in
        try builder.add(fields, line: line)
      }
    }
    return try builder.finish()
  }

  /// Reads the columns `numeric` and `labels` of the CSV file at `path` (`"-"` reads standard
  /// input) in `dialect`: its encoding, separator (detected from the header line unless given)
  /// and decimal mark (decimal commas are read as the same numbers and labels as decimal points).
  ///
  /// - Throws: the errors of ``read(path:numeric:labels:delimiter:)``, and ``CSVDialectError``
  ///   when the file does not fit `dialect` (see ``CSVDialect/prepare(_:source:)``).
  /// - Complexity: as ``read(path:numeric:labels:delimiter:)``.
  public static func read(
    path: String, numeric: [String], labels: [String] = [], dialect: CSVDialect
  ) throws -> CSVColumns {
    let bytes = try InputFile.readText(path: path)
    let source = path == InputFile.standardInputPath ? "standard input" : path
    return try parse(bytes, source: source, numeric: numeric, labels: labels, dialect: dialect)
  }

  /// Parses CSV bytes in `dialect` as ``read(path:numeric:labels:dialect:)`` reads a file.
  ///
  /// - Complexity: O(n) for n bytes.
  public static func parse(
    _ bytes: [UInt8], source: String, numeric: [String], labels: [String] = [],
    dialect: CSVDialect
  ) throws -> CSVColumns {
    var builder = Builder(source: source, numeric: numeric, labels: labels)
    try dialect.forEachRecord(bytes, source: source) { fields, line in
      try builder.add(fields, line: line)
    }
    return try builder.finish()
  }

  /// Reads the columns `numeric` and `labels` of the CSV file at `path` (`"-"` reads standard
  /// input) in `dialect` as ``read(path:numeric:labels:dialect:)`` does, but streaming: the file is
  /// read `chunkSize` bytes at a time and only the columns asked for are kept, so memory is
  /// proportional to the rows times the columns used, not to the file.
  ///
  /// - Parameter chunkSize: the bytes read at a time (positive; 1 MiB by default).
  /// - Throws: as ``read(path:numeric:labels:dialect:)``; a malformed record is reported before an
  ///   encoding error on a later line (see ``CSVRecordStream``).
  /// - Complexity: O(n) time for n bytes; O(chunkSize + longest record) memory for the text.
  public static func stream(
    path: String, numeric: [String], labels: [String] = [], dialect: CSVDialect,
    chunkSize: Int = 1 << 20
  ) throws -> CSVColumns {
    let source = path == InputFile.standardInputPath ? "standard input" : path
    var builder = Builder(source: source, numeric: numeric, labels: labels)
    var records = CSVRecordStream(dialect: dialect, source: source)
    try InputFile.forEachChunk(path: path, chunkSize: chunkSize, text: true) { chunk in
      try records.feed(chunk) { fields, line in try builder.add(fields, line: line) }
    }
    try records.finish { fields, line in try builder.add(fields, line: line) }
    return try builder.finish()
  }

  /// Columns read by another reader (`StatisticalFiles`): each requested column's values or the
  /// error to throw when it is asked for.
  package init(
    source: String, rowCount: Int, numeric: [String: Result<[Double], any Error>],
    labels: [String: Result<Labels, any Error>]
  ) {
    self.source = source
    self.rowCount = rowCount
    self.numericColumns = numeric
    self.labelColumns = labels
  }

  /// The columns as the records stream past: the header resolves the names, each later record
  /// appends one value per column.
  private struct Builder {
    struct NumericColumn {
      var index = 0
      var label = ""
      var values: [Double] = []
      /// The column's error (not in the header, or its first value that is not a number).
      var error: (any Error)? = nil
    }
    struct LabelColumn {
      var index = 0
      var labels = Labels(codes: [], values: [])
      var codeOf: [String: UInt32] = [:]
      var error: (any Error)? = nil
    }

    let source: String
    let numericNames: [String]
    let labelNames: [String]
    var sawHeader = false
    var rows = 0
    var numeric: [NumericColumn]
    var labels: [LabelColumn]

    init(source: String, numeric: [String], labels: [String]) {
      self.source = source
      self.numericNames = numeric
      self.labelNames = labels
      self.numeric = Array(repeating: NumericColumn(), count: numeric.count)
      self.labels = Array(repeating: LabelColumn(), count: labels.count)
    }

    mutating func add(_ fields: [String], line: Int) throws {
      guard sawHeader else {
        sawHeader = true
        let header = try CSVTable(header: fields, rows: [], source: source)
        for (i, name) in numericNames.enumerated() {
          do {
            numeric[i].index = try header.columnIndex(named: name)
            numeric[i].label = "column '\(fields[numeric[i].index])'"
          } catch {
            numeric[i].error = error
          }
        }
        for (i, name) in labelNames.enumerated() {
          do {
            labels[i].index = try header.columnIndex(named: name)
          } catch {
            labels[i].error = error
          }
        }
        return
      }
      rows += 1
      for i in numeric.indices where numeric[i].error == nil {
        do {
          let value = try NumericText.parseFinite(
            fields[numeric[i].index][...], source: "\(source) line \(line)",
            what: numeric[i].label)
          numeric[i].values.append(value)
        } catch {
          numeric[i].error = error
          numeric[i].values = []
        }
      }
      for i in labels.indices where labels[i].error == nil {
        let text = fields[labels[i].index]
        if let code = labels[i].codeOf[text] {
          labels[i].labels.codes.append(code)
        } else {
          let code = UInt32(labels[i].labels.values.count)
          labels[i].codeOf[text] = code
          labels[i].labels.values.append(text)
          labels[i].labels.codes.append(code)
        }
      }
    }

    func finish() throws -> CSVColumns {
      guard sawHeader else {
        throw InputError.invalidData(source: source, reason: "empty file: expected a header row")
      }
      var numericResults: [String: Result<[Double], any Error>] = [:]
      for (name, column) in zip(numericNames, numeric) {
        numericResults[name] = column.error.map { .failure($0) } ?? .success(column.values)
      }
      var labelResults: [String: Result<Labels, any Error>] = [:]
      for (name, column) in zip(labelNames, labels) {
        labelResults[name] = column.error.map { .failure($0) } ?? .success(column.labels)
      }
      return CSVColumns(
        source: source, rowCount: rows, numeric: numericResults, labels: labelResults)
    }
  }
}

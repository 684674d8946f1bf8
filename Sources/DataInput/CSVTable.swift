// CSVTable.swift: a parsed CSV file with a header row, and column selection by name.
import ResampleCore

/// A CSV file read into memory: a header row and data rows of equal width.
///
/// Parsing follows RFC 4180 (Shafranovich, 2005) strictly; see ``parse(_:source:hasHeader:delimiter:)``
/// for the exact rules. Values stay text until a caller asks for numbers with
/// ``numericColumn(named:)``, which names the file and line of any value that is not a number.
///
/// ```swift
/// let table = try CSVTable.read(path: "runs.csv")
/// let times = try table.numericColumn(named: "time")
/// ```
public struct CSVTable: Sendable, Equatable {
  /// Where the table came from (a path, or `"standard input"`), used in error messages.
  public let source: String
  /// The column names (empty when the table was parsed with `hasHeader: false`).
  public let header: [String]
  /// The data rows, each with as many fields as the header (or as the first row).
  public let rows: [[String]]
  /// For each row, the physical line of the file on which it starts (1-based).
  public let rowLines: [Int]

  /// The number of columns.
  public var columnCount: Int { header.isEmpty ? (rows.first?.count ?? 0) : header.count }

  /// Creates a table from already-split values (for tests and programmatic use).
  ///
  /// - Parameters:
  ///   - header: the column names; may be empty for a header-less table.
  ///   - rows: the rows; each must have `header.count` fields when `header` is not empty.
  ///   - source: a name for error messages.
  /// - Throws: `InputError.invalidData` when a row's width differs from the header's or the
  ///   first row's.
  public init(header: [String], rows: [[String]], source: String = "table") throws {
    let width = header.isEmpty ? (rows.first?.count ?? 0) : header.count
    let firstDataLine = header.isEmpty ? 1 : 2
    for (k, row) in rows.enumerated() where row.count != width {
      throw InputError.invalidData(
        source: "\(source) line \(k + firstDataLine)",
        reason: "expected \(width) fields, found \(row.count)")
    }
    self.header = header
    self.rows = rows
    self.rowLines = rows.indices.map { $0 + firstDataLine }
    self.source = source
  }

  private init(source: String, header: [String], rows: [[String]], rowLines: [Int]) {
    self.source = source
    self.header = header
    self.rows = rows
    self.rowLines = rowLines
  }

  /// Parses CSV bytes.
  ///
  /// Rules (RFC 4180, strict):
  /// - fields are separated by `delimiter`, records by LF, CRLF or CR;
  /// - a field starting with `"` is quoted and may contain delimiters, line breaks and `""`
  ///   (a literal quote); only a delimiter or a line break may follow its closing quote;
  /// - a UTF-8 byte order mark at the start is ignored; invalid UTF-8 is an error;
  /// - lines that are empty or hold only spaces and tabs are skipped;
  /// - every record must have as many fields as the first one (the header).
  ///
  /// - Parameters:
  ///   - bytes: the file's content.
  ///   - source: the file's name for error messages (`"FILE line N: …"`).
  ///   - hasHeader: whether the first record holds column names (default `true`).
  ///   - delimiter: the field separator byte (default `,`; `\t` for TSV).
  /// - Returns: the table. A file with only a header has no rows.
  /// - Throws: `InputError.invalidData(source: "FILE line N", reason:)` for an unterminated
  ///   quote, a stray quote, a record of the wrong width or invalid UTF-8;
  ///   `InputError.invalidData(source: FILE, …)` when there is no header (an empty file);
  ///   `InputError.invalidParameter` for a delimiter that is a quote or a line break.
  /// - Complexity: O(n) for n bytes.
  public static func parse(
    _ bytes: [UInt8], source: String, hasHeader: Bool = true, delimiter: UInt8 = UInt8(ascii: ",")
  ) throws -> CSVTable {
    try checkDelimiter(delimiter)
    let records = try RFC4180Parser.records(bytes, source: source, delimiter: delimiter)
    guard hasHeader else {
      return CSVTable(
        source: source, header: [], rows: records.map(\.fields), rowLines: records.map(\.line))
    }
    guard let first = records.first else {
      throw InputError.invalidData(source: source, reason: "empty file: expected a header row")
    }
    let data = records.dropFirst()
    return CSVTable(
      source: source, header: first.fields, rows: data.map(\.fields), rowLines: data.map(\.line))
  }

  /// Refuses a delimiter that would make records ambiguous (a quote or a line break).
  static func checkDelimiter(_ delimiter: UInt8) throws {
    guard delimiter != RFC4180Parser.quote, delimiter != RFC4180Parser.lf,
      delimiter != RFC4180Parser.cr
    else {
      throw InputError.invalidParameter(
        name: "delimiter", value: String(decoding: [delimiter], as: UTF8.self),
        expected: "a byte other than a quote or a line break")
    }
  }

  /// Reads and parses the CSV file at `path` (`"-"` reads standard input).
  ///
  /// - Parameters:
  ///   - path: the file to read.
  ///   - hasHeader: whether the first record holds column names (default `true`).
  ///   - delimiter: the field separator byte (default `,`).
  /// - Throws: `InputError` for an unreadable file or malformed CSV (see
  ///   ``parse(_:source:hasHeader:delimiter:)``).
  /// - Complexity: O(file size).
  public static func read(
    path: String, hasHeader: Bool = true, delimiter: UInt8 = UInt8(ascii: ",")
  ) throws -> CSVTable {
    let bytes = try InputFile.readText(path: path)
    let source = path == InputFile.standardInputPath ? "standard input" : path
    return try parse(bytes, source: source, hasHeader: hasHeader, delimiter: delimiter)
  }

  /// Reads and parses the CSV file at `path` (`"-"` reads standard input) in `dialect`: its
  /// encoding, separator (detected from the header line unless given) and decimal mark.
  ///
  /// - Throws: `InputError` for an unreadable file or malformed CSV (see
  ///   ``parse(_:source:hasHeader:delimiter:)``); ``CSVDialectError`` when the file does not
  ///   fit `dialect` (see ``CSVDialect/prepare(_:source:)``).
  /// - Complexity: O(file size).
  public static func read(path: String, dialect: CSVDialect) throws -> CSVTable {
    let bytes = try InputFile.readText(path: path)
    let source = path == InputFile.standardInputPath ? "standard input" : path
    return try parse(bytes, source: source, dialect: dialect)
  }

  /// Parses CSV bytes with a header row in `dialect`; see ``read(path:dialect:)``.
  ///
  /// - Complexity: O(n) for n bytes.
  public static func parse(_ bytes: [UInt8], source: String, dialect: CSVDialect) throws
    -> CSVTable
  {
    var header: [String]? = nil
    var rows: [[String]] = []
    var lines: [Int] = []
    try dialect.forEachRecord(bytes, source: source) { fields, line in
      guard header != nil else {
        header = fields
        return
      }
      rows.append(fields)
      lines.append(line)
    }
    guard let header else {
      throw InputError.invalidData(source: source, reason: "empty file: expected a header row")
    }
    return CSVTable(source: source, header: header, rows: rows, rowLines: lines)
  }

  /// Reads the CSV file at `path` as ``read(path:dialect:)`` does, streaming, with some columns.
  ///
  /// The file is read `chunkSize` bytes at a time, and `keep`, given the header, returns the
  /// indices of the columns to keep (in any order; the table keeps them in file order). Memory
  /// is proportional to the rows times the kept columns, not to the file.
  ///
  /// - Parameters:
  ///   - path: the file (`"-"` reads standard input).
  ///   - dialect: encoding, separator and decimal mark.
  ///   - chunkSize: bytes read at a time (positive; 1 MiB by default).
  ///   - keep: the columns to keep, from the header; it may throw (e.g. naming a column the
  ///     header lacks, with every column listed).
  /// - Throws: as ``read(path:dialect:)``, and what `keep` throws; an index outside the header
  ///   is an `InputError.invalidParameter`.
  /// - Complexity: O(n) time for n bytes; O(chunkSize + rows × kept columns) memory.
  public static func stream(
    path: String, dialect: CSVDialect, chunkSize: Int = 1 << 20,
    keep: ([String]) throws -> [Int]
  ) throws -> CSVTable {
    let source = path == InputFile.standardInputPath ? "standard input" : path
    var header: [String]? = nil
    var kept: [Int] = []
    var rows: [[String]] = []
    var lines: [Int] = []
    var records = CSVRecordStream(dialect: dialect, source: source)
    func add(_ fields: [String], _ line: Int) throws {
      guard header != nil else {
        let wanted = Set(try keep(fields))
        for i in wanted where !fields.indices.contains(i) {
          throw InputError.invalidParameter(
            name: "column", value: "\(i + 1)", expected: "a column of \(source)")
        }
        kept = fields.indices.filter { wanted.contains($0) }
        header = kept.map { fields[$0] }
        return
      }
      rows.append(kept.map { fields[$0] })
      lines.append(line)
    }
    try InputFile.forEachChunk(path: path, chunkSize: chunkSize, text: true) { chunk in
      try records.feed(chunk, add)
    }
    try records.finish(add)
    guard let header else {
      throw InputError.invalidData(source: source, reason: "empty file: expected a header row")
    }
    return CSVTable(source: source, header: header, rows: rows, rowLines: lines)
  }

  /// Reads one numeric column of the CSV file at `path` without keeping the other fields.
  ///
  /// Same parsing rules, errors and error order as ``read(path:hasHeader:delimiter:)`` followed
  /// by ``numericColumn(named:)`` (a malformed record anywhere is reported before a missing
  /// column or a value that is not a number), but memory is the file's bytes plus one `Double`
  /// per row instead of every field as a `String` (≈ 230 bytes per row).
  ///
  /// - Parameters:
  ///   - path: the file to read (`"-"` reads standard input).
  ///   - name: the column, matched as in ``columnIndex(named:)``.
  ///   - delimiter: the field separator byte (default `,`).
  /// - Returns: the source name for messages and the column's values, one per row.
  /// - Throws: the errors of ``parse(_:source:hasHeader:delimiter:)`` and ``numericColumn(named:)``.
  /// - Complexity: O(file size) time; O(file size + rows) memory.
  public static func readNumericColumn(
    path: String, named name: String, delimiter: UInt8 = UInt8(ascii: ",")
  ) throws -> (source: String, values: [Double]) {
    let file = try CSVColumns.read(path: path, numeric: [name], delimiter: delimiter)
    return (file.source, try file.numeric(name))
  }

  /// The index of the column called `name`.
  ///
  /// Names are compared after removing leading and trailing spaces and tabs on both sides.
  ///
  /// - Throws: `InputError.invalidParameter(name: "column", …)` when no column or more than one
  ///   column has that name (the message lists the available columns).
  public func columnIndex(named name: String) throws -> Int {
    let wanted = NumericText.trimmingBlanks(name[...])
    let matches = header.indices.filter { NumericText.trimmingBlanks(header[$0][...]) == wanted }
    if matches.count == 1 { return matches[0] }
    let available = header.map { "'\($0)'" }.joined(separator: ", ")
    if matches.isEmpty {
      throw InputError.invalidParameter(
        name: "column", value: name,
        expected: header.isEmpty
          ? "a column index: \(source) has no header row"
          : "one of the columns of \(source): \(available)")
    }
    throw InputError.invalidParameter(
      name: "column", value: name,
      expected: "a unique column name, but \(source) has \(matches.count) columns called that")
  }

  /// The values of column `name`, one per row, as text.
  ///
  /// - Throws: see ``columnIndex(named:)``.
  /// - Complexity: O(rows).
  public func column(named name: String) throws -> [String] {
    let k = try columnIndex(named: name)
    return rows.map { $0[k] }
  }

  /// The values of the column at `index` (0-based), as text.
  ///
  /// - Throws: `InputError.invalidParameter(name: "column", …)` when `index` is out of range.
  public func column(at index: Int) throws -> [String] {
    guard index >= 0, index < columnCount else {
      throw InputError.invalidParameter(
        name: "column", value: "\(index)",
        expected: "a column index in 0..<\(columnCount) for \(source)")
    }
    return rows.map { $0[index] }
  }

  /// The values of column `name` as finite numbers.
  ///
  /// Each field is parsed with `NumericText.parseFinite(_:source:what:)`:
  /// locale-free, surrounding spaces ignored, NaN, infinities and empty fields rejected.
  ///
  /// - Throws: ``columnIndex(named:)``'s errors, and
  ///   `InputError.invalidData(source: "FILE line N", reason: "column 'x': 'abc' is not a number")`
  ///   for the first value that is not a finite number.
  /// - Complexity: O(total length of the column's fields).
  public func numericColumn(named name: String) throws -> [Double] {
    let k = try columnIndex(named: name)
    return try numericValues(at: k, label: "column '\(header[k])'")
  }

  /// The values of the column at `index` (0-based) as finite numbers; see
  /// ``numericColumn(named:)``.
  public func numericColumn(at index: Int) throws -> [Double] {
    _ = try column(at: index)
    let label = header.isEmpty ? "column \(index + 1)" : "column '\(header[index])'"
    return try numericValues(at: index, label: label)
  }

  private func numericValues(at k: Int, label: String) throws -> [Double] {
    var values: [Double] = []
    values.reserveCapacity(rows.count)
    for (r, row) in rows.enumerated() {
      let location = "\(source) line \(rowLines[r])"
      values.append(try NumericText.parseFinite(row[k][...], source: location, what: label))
    }
    return values
  }
}

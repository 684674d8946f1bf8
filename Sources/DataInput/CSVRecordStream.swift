// CSVRecordStream.swift: a CSV file's records from chunks of its bytes, so that reading it holds
// one chunk (plus one unfinished record) instead of the whole file.
import ResampleCore

/// Cuts CSV bytes, fed in chunks of any size, into blocks of whole records and hands each block
/// to the same decoding (``CSVDialect``) and RFC 4180 parser as a whole-file read.
///
/// A block ends at a line break outside quotes (quotes are ASCII in every supported encoding and
/// never part of a multi-byte UTF-8 character, and a line break never is either), so a quoted
/// field with line breaks, a CRLF or a multi-byte character split between chunks is parsed as
/// in one piece. The first block holds the first non-blank line, from which the separator is
/// found. Lines and columns in errors count from the start of the file.
///
/// Unlike a whole-file read, which checks the encoding of the entire file before parsing any
/// record, a malformed record is reported before an encoding error on a later line.
///
/// - Complexity: O(n) time for n bytes; memory O(chunk + longest record) besides `body`'s.
struct CSVRecordStream {
  let dialect: CSVDialect
  let source: String
  /// Bytes not yet parsed: an unfinished record, or blank lines before the header.
  private var pending: [UInt8] = []
  /// How far `pending` has been scanned for quotes and line breaks.
  private var scanned = 0
  /// Whether `pending[..<scanned]` ends inside quotes.
  private var quoted = false
  /// The end of the last record in `pending[..<scanned]` (0: none).
  private var boundary = 0
  /// Whether `pending[..<scanned]` holds a byte other than blanks and line breaks.
  private var textSeen = false
  /// Whether `pending[..<boundary]` does: it then holds the header line.
  private var sawText = false
  /// The separator, once found from the first block.
  private var separator: UInt8? = nil
  private var parser = RFC4180Parser.State()
  private var header: [String]? = nil

  init(dialect: CSVDialect, source: String) {
    self.dialect = dialect
    self.source = source
  }

  /// Adds the next bytes of the file and calls `body` with each record they complete (the header
  /// first, decimal commas of data records rewritten, as ``CSVDialect`` reads a whole file).
  mutating func feed(
    _ chunk: UnsafeBufferPointer<UInt8>, _ body: (_ fields: [String], _ line: Int) throws -> Void
  ) throws {
    pending.append(contentsOf: chunk)
    while scanned < pending.count {
      let byte = pending[scanned]
      scanned += 1
      if byte == RFC4180Parser.quote {
        quoted.toggle()
        textSeen = true
      } else if quoted {
        continue
      } else if byte == RFC4180Parser.lf {
        boundary = scanned
        sawText = sawText || textSeen
      } else if byte == RFC4180Parser.cr {
        // A CR ends the record unless an LF follows; wait for the next byte to know.
        guard scanned < pending.count else {
          scanned -= 1
          break
        }
        if pending[scanned] != RFC4180Parser.lf {
          boundary = scanned
          sawText = sawText || textSeen
        }
      } else if byte != RFC4180Parser.space && byte != RFC4180Parser.tab {
        textSeen = true
      }
    }
    // The first block must hold the header line (the separator is found from it).
    guard boundary > 0, separator != nil || sawText else { return }
    let block = Array(pending[..<boundary])
    pending.removeFirst(boundary)
    scanned -= boundary
    boundary = 0
    try parse(block, body)
  }

  /// Parses what is left (the last record when the file does not end with a line break).
  mutating func finish(_ body: (_ fields: [String], _ line: Int) throws -> Void) throws {
    let block = pending
    pending = []
    scanned = 0
    boundary = 0
    guard separator == nil || !block.isEmpty else { return }
    try parse(block, body)
  }

  private mutating func parse(
    _ block: [UInt8], _ body: (_ fields: [String], _ line: Int) throws -> Void
  ) throws {
    let text: [UInt8]
    let found: UInt8
    if let separator {
      text = try CSVDialect.decode(
        block, encoding: dialect.encoding, source: source, atStart: false,
        firstLine: parser.line)
      found = separator
    } else {
      (text, found) = try dialect.prepare(block, source: source)
      separator = found
    }
    var state = parser
    var names = header
    defer {
      parser = state
      header = names
    }
    try text.withUnsafeBufferPointer { buffer in
      try RFC4180Parser.forEachRecord(buffer, source: source, delimiter: found, state: &state) {
        fields, line in
        try body(dialect.normalized(fields, line: line, header: &names, source: source), line)
      }
    }
  }
}

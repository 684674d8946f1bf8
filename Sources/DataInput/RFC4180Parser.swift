// RFC4180Parser.swift: the byte-level CSV record splitter (RFC 4180 with strict error checks).
import ResampleCore

/// One record of a CSV file: its fields and the physical line on which it starts (1-based).
struct CSVRecord: Sendable, Equatable {
  var fields: [String]
  var line: Int
}

/// Splits CSV bytes into records following RFC 4180 (Shafranovich, 2005), strictly.
///
/// - Fields are separated by `delimiter` and records by LF, CRLF or a lone CR.
/// - A field that starts with `"` is quoted: it may contain delimiters, line breaks and `""`
///   (one literal quote); after the closing quote only a delimiter, a line break or the end of
///   input may follow.
/// - A quote inside an unquoted field, text after a closing quote and an unterminated quoted
///   field are errors naming the line.
/// - A UTF-8 byte order mark at the very start is skipped; invalid UTF-8 is an error naming the line.
/// - A line that is empty or holds only spaces and tabs (outside quotes) is skipped.
/// - Every record must have the same number of fields as the first one.
///
/// - Complexity: O(n) time for n bytes; the records' strings are the only allocations.
enum RFC4180Parser {
  static let quote = UInt8(ascii: "\"")
  static let lf = UInt8(ascii: "\n")
  static let cr = UInt8(ascii: "\r")
  static let space = UInt8(ascii: " ")
  static let tab = UInt8(ascii: "\t")

  static func records(_ bytes: [UInt8], source: String, delimiter: UInt8) throws -> [CSVRecord] {
    try bytes.withUnsafeBufferPointer { buffer in
      try records(buffer, source: source, delimiter: delimiter)
    }
  }

  static func records(
    _ b: UnsafeBufferPointer<UInt8>, source: String, delimiter: UInt8
  ) throws -> [CSVRecord] {
    var records: [CSVRecord] = []
    try forEachRecord(b, source: source, delimiter: delimiter) { fields, line in
      records.append(CSVRecord(fields: fields, line: line))
    }
    return records
  }

  /// Calls `body` with each record's fields and starting line, in order.
  ///
  /// The records are not kept: a caller that needs one column holds O(1) strings instead of
  /// every field.
  /// Same rules and errors as ``records(_:source:delimiter:)``.
  static func forEachRecord(
    _ b: UnsafeBufferPointer<UInt8>, source: String, delimiter: UInt8,
    _ body: (_ fields: [String], _ line: Int) throws -> Void
  ) throws {
    var state = State()
    try forEachRecord(b, source: source, delimiter: delimiter, state: &state, body)
  }

  /// Where a parse stopped, so that the next block of whole records continues it: the next
  /// line's number, the field count of the first record and its line.
  struct State {
    /// The line the next block starts on.
    var line = 1
    /// The first record's field count, once seen.
    var expected: Int? = nil
    /// The first record's line.
    var firstLine = 0
    /// Whether the block is the start of the input (where a byte order mark is skipped).
    var atStart = true
  }

  /// ``forEachRecord(_:source:delimiter:_:)`` over one block of a longer input that ends with a
  /// line break outside quotes (or is the input's last), continuing from `state`.
  static func forEachRecord(
    _ b: UnsafeBufferPointer<UInt8>, source: String, delimiter: UInt8, state: inout State,
    _ body: (_ fields: [String], _ line: Int) throws -> Void
  ) throws {
    precondition(
      delimiter != quote && delimiter != lf && delimiter != cr,
      "delimiter must not be a quote or a line break")
    var i = 0
    let n = b.count
    if state.atStart, n >= 3, b[0] == 0xEF, b[1] == 0xBB, b[2] == 0xBF { i = 3 }
    try validateUTF8(UnsafeBufferPointer(rebasing: b[i...]), source: source)

    var firstLine = state.firstLine
    var line = state.line
    var fields: [String] = []
    var field: [UInt8] = []
    var expected = state.expected
    defer { state = State(line: line, expected: expected, firstLine: firstLine, atStart: false) }

    func location(_ l: Int) -> String { "\(source) line \(l)" }

    recordLoop: while i < n {
      // Skip blank lines (only spaces/tabs before the line break or the end of input).
      var j = i
      while j < n, b[j] == space || b[j] == tab { j += 1 }
      if j == n { break recordLoop }
      if b[j] == lf || b[j] == cr {
        i = j + 1
        if b[j] == cr, i < n, b[i] == lf { i += 1 }
        line += 1
        continue recordLoop
      }

      let startLine = line
      fields.removeAll(keepingCapacity: true)
      fieldLoop: while true {
        field.removeAll(keepingCapacity: true)
        if i < n, b[i] == quote {
          let quoteLine = line
          i += 1
          while true {
            guard i < n else {
              throw InputError.invalidData(
                source: location(quoteLine),
                reason: "unterminated quoted field (the quote opened here is never closed)")
            }
            let c = b[i]
            if c == quote {
              if i + 1 < n, b[i + 1] == quote {
                field.append(quote)
                i += 2
                continue
              }
              i += 1
              break
            }
            if c == lf || (c == cr && !(i + 1 < n && b[i + 1] == lf)) { line += 1 }
            field.append(c)
            i += 1
          }
          if i < n, b[i] != delimiter, b[i] != lf, b[i] != cr {
            throw InputError.invalidData(
              source: location(line),
              reason: "unexpected text after a closing quote (a quote inside a field must be "
                + "doubled: \"\")")
          }
        } else {
          while i < n {
            let c = b[i]
            if c == delimiter || c == lf || c == cr { break }
            if c == quote {
              throw InputError.invalidData(
                source: location(line),
                reason: "quote inside an unquoted field (quote the whole field and double the "
                  + "quote: \"\")")
            }
            field.append(c)
            i += 1
          }
        }
        fields.append(String(decoding: field, as: UTF8.self))
        if i == n { break fieldLoop }
        let c = b[i]
        i += 1
        if c == delimiter { continue fieldLoop }
        if c == cr, i < n, b[i] == lf { i += 1 }
        line += 1
        break fieldLoop
      }
      if let expected {
        guard fields.count == expected else {
          throw InputError.invalidData(
            source: location(startLine),
            reason: "expected \(expected) field\(expected == 1 ? "" : "s") (as on line "
              + "\(firstLine)), found \(fields.count)")
        }
      } else {
        expected = fields.count
        firstLine = startLine
      }
      try body(fields, startLine)
    }
  }

  /// Throws, naming the line, at the first byte sequence that is not valid UTF-8.
  static func validateUTF8(_ b: UnsafeBufferPointer<UInt8>, source: String) throws {
    // Fast path: pure ASCII.
    var allASCII = true
    for byte in b where byte >= 0x80 {
      allASCII = false
      break
    }
    if allASCII { return }
    var parser = Unicode.UTF8.ForwardParser()
    var iterator = b.makeIterator()
    var line = 1
    loop: while true {
      switch parser.parseScalar(from: &iterator) {
      case .valid(let encoded):
        if encoded.count == 1, encoded.first == lf { line += 1 }
      case .emptyInput:
        break loop
      case .error:
        throw InputError.invalidData(
          source: "\(source) line \(line)", reason: "invalid UTF-8 byte sequence")
      }
    }
  }
}

// CSVTextDecoding.swift: a CSV file's bytes as UTF-8 (from UTF-8, Latin-1 or Windows-1252,
// byte order mark removed), and its field separator found from the header line.
import ResampleCore

extension CSVDialect {
  /// The characters Windows-1252 puts at 0x80–0x9F (0 where it defines none).
  private static let cp1252High: [UInt32] = [
    0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
    0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
  ]

  /// `bytes` in `encoding` as UTF-8, without a leading UTF-8 byte order mark.
  ///
  /// - Parameters:
  ///   - atStart: whether `bytes` begin the file (only there is a byte order mark removed).
  ///   - firstLine: the line `bytes` begin on, for errors (a later block begins a line).
  /// - Throws: ``CSVDialectError`` (``CSVDialectError/Problem/invalidText(encoding:byte:)``)
  ///   naming the line and column of the first byte that is not text in `encoding`.
  /// - Complexity: O(n) for n bytes.
  static func decode(
    _ bytes: [UInt8], encoding: TextEncoding, source: String, atStart: Bool = true,
    firstLine: Int = 1
  ) throws -> [UInt8] {
    let start = atStart && bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    let body = bytes[start...]
    func failure(at offset: Int) -> CSVDialectError {
      let (line, column) = position(of: offset, in: body, utf8: encoding == .utf8)
      return CSVDialectError(
        source: source, line: line + firstLine - 1, column: column,
        problem: .invalidText(encoding: encoding, byte: bytes[offset]))
    }
    switch encoding {
    case .utf8:
      guard body.contains(where: { $0 >= 0x80 }) else { return Array(body) }
      var parser = Unicode.UTF8.ForwardParser()
      var iterator = body.makeIterator()
      var offset = start
      while true {
        switch parser.parseScalar(from: &iterator) {
        case .valid(let encoded): offset += encoded.count
        case .emptyInput: return Array(body)
        case .error: throw failure(at: offset)
        }
      }
    case .latin1, .cp1252:
      var text: [UInt8] = []
      text.reserveCapacity(body.count + body.count / 8)
      for (offset, byte) in zip(body.indices, body) {
        var scalar = UInt32(byte)
        if encoding == .cp1252, (0x80...0x9F).contains(byte) {
          scalar = cp1252High[Int(byte) - 0x80]
          if scalar == 0 { throw failure(at: offset) }
        }
        if scalar < 0x80 {
          text.append(UInt8(scalar))
        } else if let s = Unicode.Scalar(scalar) {
          text.append(contentsOf: String(Character(s)).utf8)
        }
      }
      return text
    }
  }

  /// The line (LF, CRLF and CR end lines) and the character column of byte `offset` of `body`,
  /// both 1-based; with `utf8`, continuation bytes are not counted as characters.
  private static func position(of offset: Int, in body: ArraySlice<UInt8>, utf8: Bool) -> (
    Int, Int
  ) {
    var line = 1
    var column = 1
    var k = body.startIndex
    while k < offset {
      let byte = body[k]
      if byte == RFC4180Parser.lf || byte == RFC4180Parser.cr {
        if byte == RFC4180Parser.cr, k + 1 < offset, body[k + 1] == RFC4180Parser.lf { k += 1 }
        line += 1
        column = 1
      } else if !utf8 || byte & 0xC0 != 0x80 {
        column += 1
      }
      k += 1
    }
    return (line, column)
  }

  /// The separator of the header line (the first line that is not blank): the one of `,`, `;`
  /// and tab found outside quotes, `,` when none is.
  ///
  /// - Throws: ``CSVDialectError`` (``CSVDialectError/Problem/ambiguousDelimiter(found:)``) at
  ///   the first occurrence of a second kind of separator.
  /// - Complexity: O(length of the header line).
  static func detectDelimiter(_ text: [UInt8], source: String) throws -> UInt8 {
    let n = text.count
    var i = 0
    var line = 1
    // Skip blank lines as the parser does.
    while i < n {
      var j = i
      while j < n, text[j] == RFC4180Parser.space || text[j] == RFC4180Parser.tab { j += 1 }
      guard j < n, text[j] == RFC4180Parser.lf || text[j] == RFC4180Parser.cr else { break }
      i = j + 1
      if text[j] == RFC4180Parser.cr, i < n, text[i] == RFC4180Parser.lf { i += 1 }
      line += 1
    }
    var found: [UInt8] = []
    var column = 1
    var quoted = false
    while i < n {
      let byte = text[i]
      if byte == RFC4180Parser.quote {
        quoted.toggle()
      } else if !quoted && (byte == RFC4180Parser.lf || byte == RFC4180Parser.cr) {
        break
      } else if byte == RFC4180Parser.lf || byte == RFC4180Parser.cr {
        if byte == RFC4180Parser.cr, i + 1 < n, text[i + 1] == RFC4180Parser.lf { i += 1 }
        line += 1
        column = 0
      } else if !quoted, detectedDelimiters.contains(byte), !found.contains(byte) {
        found.append(byte)
        if found.count == 2 {
          // Report every kind the line holds.
          var rest = found
          var k = i + 1
          var inQuotes = false
          while k < n, inQuotes || (text[k] != RFC4180Parser.lf && text[k] != RFC4180Parser.cr) {
            if text[k] == RFC4180Parser.quote { inQuotes.toggle() }
            if !inQuotes, detectedDelimiters.contains(text[k]), !rest.contains(text[k]) {
              rest.append(text[k])
            }
            k += 1
          }
          throw CSVDialectError(
            source: source, line: line, column: column,
            problem: .ambiguousDelimiter(found: rest))
        }
      }
      if byte & 0xC0 != 0x80 { column += 1 }
      i += 1
    }
    return found.first ?? UInt8(ascii: ",")
  }
}

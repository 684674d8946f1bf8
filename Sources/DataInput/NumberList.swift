// NumberList.swift: plain lists of numbers separated by whitespace and line breaks.
import ResampleCore

/// Reads a plain list of numbers: values separated by spaces, tabs and line breaks.
///
/// `#` starts a comment that runs to the end of the line. A UTF-8 byte order mark at the start
/// is ignored. Every value must be a finite decimal number (see `NumericText.parseFinite`);
/// the first value that is not names its file and line.
///
/// ```
/// # run times in ms
/// 12.1 12.4
/// 11.9
/// ```
public enum NumberList {
  /// Parses whitespace-separated numbers from `bytes`.
  ///
  /// - Parameters:
  ///   - bytes: the content.
  ///   - source: its name for error messages (`"FILE line N: …"`).
  /// - Returns: the numbers in order; empty when the content has none.
  /// - Throws: `InputError.invalidData(source: "FILE line N", reason:)` for a token that is not
  ///   a finite number or for invalid UTF-8.
  /// - Complexity: O(n) for n bytes.
  public static func parse(_ bytes: [UInt8], source: String) throws -> [Double] {
    try bytes.withUnsafeBufferPointer { b in
      var i = 0
      let n = b.count
      if n >= 3, b[0] == 0xEF, b[1] == 0xBB, b[2] == 0xBF { i = 3 }
      try RFC4180Parser.validateUTF8(UnsafeBufferPointer(rebasing: b[i...]), source: source)
      var values: [Double] = []
      var line = 1
      while i < n {
        let c = b[i]
        if c == UInt8(ascii: "\n") {
          line += 1
          i += 1
        } else if c == UInt8(ascii: "\r") {
          if !(i + 1 < n && b[i + 1] == UInt8(ascii: "\n")) { line += 1 }
          i += 1
        } else if c == UInt8(ascii: " ") || c == UInt8(ascii: "\t") {
          i += 1
        } else if c == UInt8(ascii: "#") {
          while i < n, b[i] != UInt8(ascii: "\n"), b[i] != UInt8(ascii: "\r") { i += 1 }
        } else {
          let start = i
          while i < n, !isSeparator(b[i]) { i += 1 }
          let token = String(decoding: UnsafeBufferPointer(rebasing: b[start..<i]), as: UTF8.self)
          values.append(try NumericText.parseFinite(token, source: "\(source) line \(line)"))
        }
      }
      return values
    }
  }

  /// Reads whitespace-separated numbers from the file at `path` (`"-"` reads standard input).
  ///
  /// - Throws: `InputError` for an unreadable file or a value that is not a finite number.
  /// - Complexity: O(file size).
  public static func read(path: String) throws -> [Double] {
    let bytes = try InputFile.readText(path: path)
    return try parse(bytes, source: path == InputFile.standardInputPath ? "standard input" : path)
  }

  private static func isSeparator(_ c: UInt8) -> Bool {
    c == UInt8(ascii: " ") || c == UInt8(ascii: "\t") || c == UInt8(ascii: "\n")
      || c == UInt8(ascii: "\r") || c == UInt8(ascii: "#")
  }
}

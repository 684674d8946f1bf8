// InputFile.swift: reading a whole input file (or standard input) as bytes.
import ResampleCore
import _Platform

/// Reads whole input files as raw bytes, turning every failure into an ``InputError``.
///
/// The readers in this module work on bytes, never on `String` decoded by a platform API,
/// so that decoding (UTF-8 validation, BOM) is under their control and errors can name the line.
public enum InputFile {
  /// The path that means "standard input".
  public static let standardInputPath = "-"

  /// Reads all bytes of the file at `path`; `"-"` reads standard input to its end.
  ///
  /// - Parameters:
  ///   - path: a file path, or `"-"` for standard input.
  /// - Returns: the file's bytes, unchanged (no BOM removal, no decoding).
  /// - Throws: `InputError.invalidData(source: path, reason:)` when the file cannot be opened
  ///   or read (the reason is the system's message, e.g. "No such file or directory"), or when
  ///   `path` names a directory.
  /// - Complexity: O(file size).
  public static func readBytes(path: String) throws -> [UInt8] {
    if path == standardInputPath {
      return try readAll(from: 0, source: "standard input")
    }
    guard !path.isEmpty else {
      throw InputError.invalidParameter(name: "path", value: "", expected: "a file path")
    }
    var info = stat()
    if stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
      throw InputError.invalidData(source: path, reason: "is a directory, expected a file")
    }
    let fd = open(path, O_RDONLY)
    guard fd >= 0 else {
      throw InputError.invalidData(source: path, reason: "cannot open: \(systemMessage())")
    }
    defer { close(fd) }
    return try readAll(from: fd, source: path)
  }

  private static func readAll(from fd: Int32, source: String) throws -> [UInt8] {
    var bytes: [UInt8] = []
    let chunk = 1 << 16
    var buffer = [UInt8](repeating: 0, count: chunk)
    while true {
      let n = buffer.withUnsafeMutableBytes { raw in read(fd, raw.baseAddress, chunk) }
      if n > 0 {
        bytes.append(contentsOf: buffer[0..<n])
      } else if n == 0 {
        return bytes
      } else if errno != EINTR {
        throw InputError.invalidData(source: source, reason: "read error: \(systemMessage())")
      }
    }
  }

  private static func systemMessage() -> String {
    guard let message = strerror(errno) else { return "error \(errno)" }
    return String(cString: message)
  }
}

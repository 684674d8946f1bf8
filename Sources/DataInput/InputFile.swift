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

  /// The default largest input, 4 GiB: a guard against endless streams (`/dev/zero`, `yes |`)
  /// and mistaken paths, far above any data set the statistics here are meant for.
  public static let defaultMaximumBytes = 4 << 30

  /// The environment variable that overrides ``defaultMaximumBytes`` (a byte count, or a number
  /// followed by K, M, G or T for powers of 1024).
  public static let maximumBytesVariable = "RESAMPLE_MAX_INPUT_BYTES"

  /// The input size limit in effect: `RESAMPLE_MAX_INPUT_BYTES` when set, else 4 GiB.
  /// - Throws: `InputError.invalidParameter` when the variable is not a positive size.
  public static func maximumBytes() throws -> Int {
    guard let raw = getenv(maximumBytesVariable) else { return defaultMaximumBytes }
    let text = String(cString: raw).trimmingCharactersInBlanks()
    let units: [Character: Int] = ["K": 1 << 10, "M": 1 << 20, "G": 1 << 30, "T": 1 << 40]
    var digits = Substring(text)
    var unit = 1
    if let last = text.last?.uppercased().first, let u = units[last] {
      unit = u
      digits = digits.dropLast()
    }
    guard let n = Int(digits), n > 0, n <= Int.max / unit else {
      throw InputError.invalidParameter(
        name: maximumBytesVariable, value: text,
        expected: "a positive byte count, optionally with K, M, G or T (e.g. 8G)")
    }
    return n * unit
  }

  /// Reads all bytes of the file at `path`; `"-"` reads standard input to its end.
  ///
  /// - Parameters:
  ///   - path: a file path, or `"-"` for standard input.
  ///   - text: when `true`, a NUL byte ends the read with an error at once (text input never
  ///     holds one; this refuses `/dev/zero` and binary files before reading them whole).
  /// - Returns: the file's bytes, unchanged (no BOM removal, no decoding).
  /// - Throws: `InputError.invalidData(source: path, reason:)` when the file cannot be opened
  ///   or read (the reason is the system's message, e.g. "No such file or directory"), when
  ///   `path` names a directory, or when the input exceeds ``maximumBytes()`` (the message names
  ///   `RESAMPLE_MAX_INPUT_BYTES`).
  /// - Complexity: O(min(file size, limit)).
  public static func readBytes(path: String, text: Bool = false) throws -> [UInt8] {
    var bytes: [UInt8] = []
    try forEachChunk(path: path, text: text) { bytes.append(contentsOf: $0) }
    return bytes
  }

  /// Reads a text file's bytes: ``readBytes(path:text:)`` with `text: true`.
  public static func readText(path: String) throws -> [UInt8] {
    try readBytes(path: path, text: true)
  }

  /// Calls `body` with the bytes of the file at `path` (`"-"`: standard input) in order, at most
  /// `chunkSize` at a time, holding no more than one chunk.
  ///
  /// - Parameters:
  ///   - path: a file path, or `"-"` for standard input.
  ///   - chunkSize: the largest chunk (positive).
  ///   - text: as in ``readBytes(path:text:)``.
  /// - Throws: the errors of ``readBytes(path:text:)``, and whatever `body` throws.
  /// - Complexity: O(min(file size, limit)) time, O(chunkSize) memory.
  public static func forEachChunk(
    path: String, chunkSize: Int = 1 << 16, text: Bool = false,
    _ body: (UnsafeBufferPointer<UInt8>) throws -> Void
  ) throws {
    precondition(chunkSize > 0, "chunkSize must be positive")
    let limit = try maximumBytes()
    if path == standardInputPath {
      return try readChunks(
        from: 0, source: "standard input", limit: limit, chunk: chunkSize, text: text, body)
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
    try readChunks(from: fd, source: path, limit: limit, chunk: chunkSize, text: text, body)
  }

  private static func readChunks(
    from fd: Int32, source: String, limit: Int, chunk: Int, text: Bool,
    _ body: (UnsafeBufferPointer<UInt8>) throws -> Void
  ) throws {
    var total = 0
    var buffer = [UInt8](repeating: 0, count: chunk)
    while true {
      let n = buffer.withUnsafeMutableBytes { raw in read(fd, raw.baseAddress, chunk) }
      if n > 0 {
        if text, buffer[0..<n].contains(0) {
          throw InputError.invalidData(
            source: source,
            reason:
              "contains a NUL byte near byte \(total + (buffer[0..<n].firstIndex(of: 0) ?? 0)): "
              + "not a text file (an endless device such as /dev/zero?)")
        }
        guard total + n <= limit else {
          throw InputError.invalidData(
            source: source,
            reason: "is larger than the input limit of \(sizeText(limit)) (an endless stream?); "
              + "set \(maximumBytesVariable) to raise it")
        }
        total += n
        try buffer.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[0..<n])) }
      } else if n == 0 {
        return
      } else if errno != EINTR {
        throw InputError.invalidData(source: source, reason: "read error: \(systemMessage())")
      }
    }
  }

  /// `n` bytes for a message: "4 GiB", "512 MiB", or the byte count.
  static func sizeText(_ n: Int) -> String {
    for (unit, name) in [(1 << 40, "TiB"), (1 << 30, "GiB"), (1 << 20, "MiB"), (1 << 10, "KiB")]
    where n >= unit && n % unit == 0 {
      return "\(n / unit) \(name)"
    }
    return "\(n) bytes"
  }

  private static func systemMessage() -> String {
    guard let message = strerror(errno) else { return "error \(errno)" }
    return String(cString: message)
  }
}

extension String {
  fileprivate func trimmingCharactersInBlanks() -> String {
    var s = Substring(self)
    while let f = s.first, f == " " || f == "\t" { s = s.dropFirst() }
    while let l = s.last, l == " " || l == "\t" { s = s.dropLast() }
    return String(s)
  }
}

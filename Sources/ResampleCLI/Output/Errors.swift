// Errors.swift: how failures reach the user: one line on stderr, exit 64 for usage/data, 1 otherwise;
// and the checked writers for standard output and output files.
import ArgumentParser
import Foundation
import Resample

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Exit statuses (sysexits.h).
enum ExitStatus {
  static let usage: Int32 = 64  // EX_USAGE: bad arguments or data
  static let failure: Int32 = 1
}

/// Writes one line to standard error.
func printError(_ message: String) {
  let oneLine = message.split(whereSeparator: \.isNewline).joined(separator: " ")
  _ = OutputWriter.writeAll(2, Array("resample: error: \(oneLine)\n".utf8))
}

/// Writes a warning line to standard error.
func printWarning(_ message: String) {
  _ = OutputWriter.writeAll(2, Array("resample: warning: \(message)\n".utf8))
}

/// Writes to standard output; a failed write (a full disk, `/dev/full`, a closed pipe) ends the
/// process with one line on stderr and exit status 1, never a trap.
func emit(_ text: String) {
  OutputWriter.standardOutput(text.hasSuffix("\n") ? text : text + "\n")
}

/// Checked writes through `write(2)`, reporting `errno` instead of trapping as
/// `FileHandle.write(_:)` does.
enum OutputWriter {
  /// Makes a closed pipe an `EPIPE` write error (reported, exit 1) instead of a silent SIGPIPE
  /// death; called once at start-up.
  static func ignoreBrokenPipeSignal() {
    _ = signal(SIGPIPE, SIG_IGN)
  }

  /// Writes every byte of `bytes` to `fd`, retrying short writes and `EINTR`.
  /// - Returns: `nil` on success, else the `errno` of the failed write.
  static func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> Int32? {
    var offset = 0
    while offset < bytes.count {
      let n = bytes.withUnsafeBytes { raw -> Int in
        guard let base = raw.baseAddress else { return 0 }  // unreachable: offset < count
        return write(fd, base + offset, raw.count - offset)
      }
      if n > 0 {
        offset += n
      } else if n < 0 && errno == EINTR {
        continue
      } else {
        return n < 0 ? errno : EIO
      }
    }
    return nil
  }

  /// The system's message for `code`.
  static func message(_ code: Int32) -> String {
    guard let text = strerror(code) else { return "error \(code)" }
    return String(cString: text)
  }

  /// Writes `text` to standard output or exits 1 with one line on stderr.
  ///
  /// A reader that closed the pipe early (`resample … | head`) ends the process with status 1 and no message, as
  /// coreutils' tools end silently there: the reader chose to stop, nothing went wrong.
  static func standardOutput(_ text: String) {
    if let code = writeAll(1, Array(text.utf8)) {
      if code == EPIPE { exit(ExitStatus.failure) }
      printError("cannot write to standard output: \(message(code))")
      exit(ExitStatus.failure)
    }
  }

  /// Writes `contents` to the file at `path` in place: a regular file is created or truncated;
  /// an existing device node or FIFO (`/dev/null`, a named pipe) is written to, never replaced.
  /// - Throws: `CLIFailure` (exit 1) naming the path and the system's reason, for a directory,
  ///   an unopenable path or a failed write (a full disk).
  static func writeFile(_ path: String, _ contents: String) throws {
    var info = stat()
    if stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
      throw CLIFailure(message: "cannot write \(path): is a directory")
    }
    let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
    guard fd >= 0 else {
      throw CLIFailure(message: "cannot write \(path): \(message(errno))")
    }
    let failed = writeAll(fd, Array(contents.utf8))
    let closed = close(fd) == 0 ? nil : errno
    if let code = failed ?? closed {
      throw CLIFailure(message: "cannot write \(path): \(message(code))")
    }
  }
}

/// Maps any error to its message and exit status.
func classify(_ error: Error) -> (message: String, status: Int32) {
  switch error {
  case let e as InputError: return (e.description, ExitStatus.usage)
  case let e as LinearAlgebraError: return (e.description, ExitStatus.failure)
  case let e as CLIFailure: return (e.message, e.status)
  default:
    return ("\(error)", ExitStatus.failure)
  }
}

/// A failure raised by the CLI layer itself (for example an unreadable output path).
struct CLIFailure: Error {
  var message: String
  var status: Int32 = ExitStatus.failure
  static func usage(_ message: String) -> CLIFailure { CLIFailure(message: message, status: 64) }
}

// Errors.swift: how failures reach the user: one line on stderr, exit 64 for usage/data, 1 otherwise.
import ArgumentParser
import Foundation
import Resample

/// Exit statuses (sysexits.h).
enum ExitStatus {
  static let usage: Int32 = 64  // EX_USAGE: bad arguments or data
  static let failure: Int32 = 1
}

/// Writes one line to standard error.
func printError(_ message: String) {
  let oneLine = message.split(whereSeparator: \.isNewline).joined(separator: " ")
  FileHandle.standardError.write(Data("resample: error: \(oneLine)\n".utf8))
}

/// Writes a warning line to standard error.
func printWarning(_ message: String) {
  FileHandle.standardError.write(Data("resample: warning: \(message)\n".utf8))
}

/// Writes to standard output.
func emit(_ text: String) {
  FileHandle.standardOutput.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
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

// RunCLI.swift: runs the built `resample` binary end to end (not public API).
import Foundation

/// What one run of the CLI produced.
public struct CLIResult: Sendable {
  public var status: Int32
  public var stdout: String
  public var stderr: String
}

/// The path of the `resample` binary built beside the test bundle.
public func resampleBinaryURL() -> URL {
  // Test bundles live in .build/<config>/ beside the executable products.
  let bundle = Bundle.main.bundleURL
  var dir = bundle
  for _ in 0..<4 {
    let candidate = dir.appendingPathComponent("resample")
    if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
    dir = dir.deletingLastPathComponent()
  }
  // Fallback: the default debug build folder.
  return repositoryRoot.appendingPathComponent(".build/debug/resample")
}

/// Runs `resample` with `arguments`, feeding `stdin` when given, and captures everything.
public func runCLI(
  _ arguments: [String], stdin: String? = nil, environment: [String: String]? = nil
) throws -> CLIResult {
  let process = Process()
  process.executableURL = resampleBinaryURL()
  process.arguments = arguments
  if let environment {
    var env = ProcessInfo.processInfo.environment
    for (k, v) in environment { env[k] = v }
    process.environment = env
  }
  let out = Pipe()
  let err = Pipe()
  process.standardOutput = out
  process.standardError = err
  let input = Pipe()
  process.standardInput = input
  try process.run()
  if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
  try? input.fileHandleForWriting.close()
  let outData = out.fileHandleForReading.readDataToEndOfFile()
  let errData = err.fileHandleForReading.readDataToEndOfFile()
  process.waitUntilExit()
  return CLIResult(
    status: process.terminationStatus,
    stdout: String(decoding: outData, as: UTF8.self),
    stderr: String(decoding: errData, as: UTF8.self))
}

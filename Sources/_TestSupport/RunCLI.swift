// RunCLI.swift: runs the built `resample` binary end to end (not public API).
import Foundation

/// What one run of the CLI produced.
public struct CLIResult: Sendable {
  public var status: Int32
  public var stdout: String
  public var stderr: String
}

/// The `resample` binary is not where the test bundle expects it.
public struct MissingCLIBinary: Error, CustomStringConvertible {
  public var searched: [String]
  public var description: String {
    "the resample binary is missing (looked in \(searched.joined(separator: ", "))): build it with "
      + "`swift build --build-tests` (the CLITests target depends on the ResampleCLI executable)"
  }
}

/// The path of the `resample` binary built beside the test bundle, in the same configuration.
///
/// Test bundles live in `.build/<triple>/<config>/` beside the executable products, so the
/// binary is looked for in the bundle's folder and its parents; there is no fallback to another
/// configuration's build (a stale debug binary would silently test old code).
public func resampleBinaryURL() throws -> URL {
  var dir = Bundle.main.bundleURL
  var searched: [String] = []
  for _ in 0..<4 {
    let candidate = dir.appendingPathComponent("resample")
    if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
    searched.append(dir.path)
    dir = dir.deletingLastPathComponent()
  }
  throw MissingCLIBinary(searched: searched)
}

/// Runs `resample` with `arguments`, feeding `stdin` when given, and captures everything.
///
/// Standard input, output and error go through temporary files rather than pipes, so neither
/// side can block the other however much the CLI writes to either stream (a pipe read to the
/// end one stream after the other deadlocks once the second one fills its buffer).
public func runCLI(
  _ arguments: [String], stdin: String? = nil, environment: [String: String]? = nil
) throws -> CLIResult {
  let process = Process()
  process.executableURL = try resampleBinaryURL()
  process.arguments = arguments
  if let environment {
    var env = ProcessInfo.processInfo.environment
    for (k, v) in environment { env[k] = v }
    process.environment = env
  }
  let fm = FileManager.default
  let dir = fm.temporaryDirectory.appendingPathComponent("resample-cli-\(UUID().uuidString)")
  try fm.createDirectory(at: dir, withIntermediateDirectories: true)
  defer { try? fm.removeItem(at: dir) }
  func file(_ name: String, _ contents: Data = Data()) throws -> URL {
    let url = dir.appendingPathComponent(name)
    guard fm.createFile(atPath: url.path, contents: contents) else {
      throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path])
    }
    return url
  }
  let inURL = try file("stdin", Data((stdin ?? "").utf8))
  let outURL = try file("stdout")
  let errURL = try file("stderr")
  let input = try FileHandle(forReadingFrom: inURL)
  let output = try FileHandle(forWritingTo: outURL)
  let error = try FileHandle(forWritingTo: errURL)
  defer {
    try? input.close()
    try? output.close()
    try? error.close()
  }
  process.standardInput = input
  process.standardOutput = output
  process.standardError = error
  try process.run()
  process.waitUntilExit()
  return CLIResult(
    status: process.terminationStatus,
    stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
    stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
}

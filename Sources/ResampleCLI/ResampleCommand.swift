// ResampleCommand.swift: the root `resample` command, its subcommand list and error handling.
import ArgumentParser
import Foundation
import Resample

@main
struct ResampleCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "resample",
    abstract: "Is the difference you see real? Bootstrap, exact and Monte Carlo tests, power.",
    discussion: """
      Every command prints aligned text by default and JSON with --format json. Random results \
      depend only on the inputs, --seed and --replicates (never on threads). Bad input exits 64 \
      with a one-line message on stderr.
      """,
    version: ResampleVersion.version,
    subcommands: [
      // The survey question end to end, then its building blocks, then resampling, then tools.
      CompareCommand.self,
      PowerCommand.self,
      ChisqCommand.self,
      FisherCommand.self,
      CmhCommand.self,
      TrendCommand.self,
      PropCommand.self,
      ReplicateWeightsCommand.self,
      SimulateCommand.self,
      MergeCommand.self,
      McNemarCommand.self,
      PAdjustCommand.self,
      BootCommand.self,
      PermCommand.self,
      RankSumCommand.self,
      SignRankCommand.self,
      KruskalCommand.self,
      BenchDiffCommand.self,
      DistCommand.self,
      DoctorCommand.self,
    ]
  )

  /// Parses, runs, and turns every failure into one line on stderr and a sysexits status.
  static func main() {
    BLASKernelPolicy.reexecIfNeeded(arguments: CommandLine.arguments)
    // One OpenBLAS thread per call: the commands parallelise over replicates instead (nested
    // threading gains nothing), dgemm's last bits depend on its thread count, and idle OpenBLAS
    // workers otherwise spin in sched_yield on the core the resampling loop needs.
    BLASRuntime.setThreadCount(1)
    OutputWriter.ignoreBrokenPipeSignal()
    do {
      var command = try parseAsRoot()
      try command.run()
    } catch {
      guard let (message, status) = failure(error) else {
        // --help, --version: ArgumentParser prints them and exits 0.
        exit(withError: error)
      }
      printError(message)
      Foundation.exit(status)
    }
  }

  /// The one error path: every failure becomes one line for stderr and a sysexits status, 64
  /// for bad arguments or data (ArgumentParser's usage errors, `validate()` failures, the
  /// library's `InputError`) and 1 for other failures, whatever `--format` says; nil for the
  /// successful "errors" that print help or the version.
  static func failure(_ error: Error) -> (message: String, status: Int32)? {
    switch error {
    case is InputError, is LinearAlgebraError, is CLIFailure:
      return classify(error)
    default:
      let code = exitCode(for: error)
      if code == .success { return nil }
      let text = oneLine(message(for: error))
      let message = text.isEmpty ? "\(error)" : text
      if code == .validationFailure { return (message, ExitStatus.usage) }
      return (message, code.rawValue == 0 ? ExitStatus.failure : code.rawValue)
    }
  }

  /// ArgumentParser's multi-line messages on one line: a bulleted list of values becomes
  /// `a, b, c`.
  static func oneLine(_ text: String) -> String {
    var out = ""
    for line in text.split(whereSeparator: \.isNewline) {
      let part = line.trimmingCharacters(in: .whitespaces)
      if part.isEmpty { continue }
      if part.hasPrefix("- ") {
        out += (out.hasSuffix(":") ? " " : ", ") + part.dropFirst(2)
      } else {
        out += (out.isEmpty ? "" : " ") + part
      }
    }
    return out
  }
}

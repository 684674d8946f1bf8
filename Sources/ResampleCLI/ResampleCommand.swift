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
      PropCommand.self,
      McNemarCommand.self,
      PAdjustCommand.self,
      BootCommand.self,
      PermCommand.self,
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
      let code = exitCode(for: error)
      if code == .success {
        // --help, --version: let ArgumentParser print them as usual.
        exit(withError: error)
      }
      if let known = error as? InputError {
        printError(known.description)
        Foundation.exit(ExitStatus.usage)
      }
      if error is LinearAlgebraError || error is CLIFailure {
        let (message, status) = classify(error)
        printError(message)
        Foundation.exit(status)
      }
      if code == .validationFailure || code.rawValue == 64 {
        printError(message(for: error))
        Foundation.exit(ExitStatus.usage)
      }
      let (message, status) = classify(error)
      printError(message)
      Foundation.exit(code.rawValue == 0 ? status : code.rawValue)
    }
  }
}

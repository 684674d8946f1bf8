// BLASKernelPolicy.swift: make sure BLAS-heavy commands do not silently run on the generic kernel.
import Foundation
import Resample
import _Platform

/// Re-executes the process once with `OPENBLAS_CORETYPE` set when OpenBLAS fell back to its
/// generic kernel on a CPU that has a better one.
///
/// OpenBLAS reads `OPENBLAS_CORETYPE` only when it is loaded, so setting it inside the running
/// process does nothing; the one safe fix is to start again with it set. The policy:
/// - only BLAS-heavy subcommands (``blasCommands``) do it, so `--version` and small commands
///   never pay for a second start;
/// - never when the user set `OPENBLAS_CORETYPE` (their choice wins, even `Prescott`);
/// - never when `RESAMPLE_BLAS_REEXEC=0` (the off switch), and at most once
///   (the child sees `RESAMPLE_BLAS_REEXEC=done`);
/// - only to a kernel matching the CPU's flags (``BLASRuntime/recommendedCoreType(cpuFlags:)``);
/// - with `OPENBLAS_NUM_THREADS=1` unless the user set it: every command pins OpenBLAS to one
///   thread per call anyway (its parallelism is over replicates), and without the variable
///   OpenBLAS starts a worker pool at load whose threads busy-wait (`sched_yield`) for their first
///   ≈ 0.1 s, taking a core from the replicate workers.
///
/// `resample doctor` shows the outcome.
enum BLASKernelPolicy {
  static let switchVariable = "RESAMPLE_BLAS_REEXEC"
  static let blasCommands: Set<String> = ["boot", "compare", "doctor"]

  /// The core type the process would re-execute with, or nil (and why not).
  static func decision(environment: [String: String]) -> (coreType: String?, reason: String) {
    if environment["OPENBLAS_CORETYPE"] != nil {
      return (nil, "OPENBLAS_CORETYPE is set by the user")
    }
    switch environment[switchVariable] {
    case "0": return (nil, "\(switchVariable)=0 turns re-execution off")
    case "done": return (nil, "already re-executed once")
    default: break
    }
    guard BLASRuntime.isGenericKernel else {
      return (nil, "OpenBLAS chose a specific kernel (\(BLASRuntime.coreName))")
    }
    guard let core = BLASRuntime.recommendedCoreType(cpuFlags: BLASRuntime.cpuFlags()) else {
      return (nil, "the CPU has no instruction set with a faster OpenBLAS kernel")
    }
    return (core, "OpenBLAS fell back to \(BLASRuntime.coreName); the CPU supports \(core)")
  }

  /// Re-executes with a better kernel if the policy says so; returns if it does not.
  static func reexecIfNeeded(arguments: [String]) {
    guard arguments.count > 1, blasCommands.contains(arguments[1]) else { return }
    let env = ProcessInfo.processInfo.environment
    guard let core = decision(environment: env).coreType, let path = Platform.selfExecutablePath
    else { return }
    setenv("OPENBLAS_CORETYPE", core, 1)
    setenv(switchVariable, "done", 1)
    let presetThreads = env["OPENBLAS_NUM_THREADS"] != nil
    if !presetThreads { setenv("OPENBLAS_NUM_THREADS", "1", 1) }
    // The executable path (Linux only: elsewhere there is no recommended kernel anyway).
    let argv = CommandLine.unsafeArgv
    execv(path, argv)
    // execv returned: it failed. Continue on the generic kernel and say so.
    unsetenv("OPENBLAS_CORETYPE")
    if !presetThreads { unsetenv("OPENBLAS_NUM_THREADS") }
    FileHandle.standardError.write(
      Data(
        "resample: warning: could not re-execute with OPENBLAS_CORETYPE=\(core); continuing on the \(BLASRuntime.coreName) kernel\n"
          .utf8))
  }
}

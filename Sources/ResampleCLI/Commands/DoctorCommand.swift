// DoctorCommand.swift: `resample doctor` — the environment facts that change numbers or speed.
import ArgumentParser
import Foundation
import Resample

struct DoctorCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "doctor",
    abstract: "Show the tool version, RNG, and the active BLAS kernel and threads.",
    discussion: """
      BLAS-heavy commands (boot, compare, doctor) re-execute once with OPENBLAS_CORETYPE set when \
      OpenBLAS fell back to its generic kernel on a CPU with a faster one. Set \
      RESAMPLE_BLAS_REEXEC=0 to turn that off, or set OPENBLAS_CORETYPE yourself to choose. The \
      re-executed process also gets OPENBLAS_NUM_THREADS=1 unless you set it (resample runs \
      OpenBLAS one thread per call and parallelises over replicates). "random kernels" is the \
      widest vector instruction set the random-number kernels use on this CPU.
      """)

  @OptionGroup var output: OutputOptions<TextJSON>

  func run() throws {
    let env = ProcessInfo.processInfo.environment
    let core = BLASRuntime.coreName
    let userCore = env["OPENBLAS_CORETYPE"]
    let reexecuted = env[BLASKernelPolicy.switchVariable] == "done"
    let recommended = BLASRuntime.recommendedCoreType(cpuFlags: BLASRuntime.cpuFlags())
    let how: String
    if reexecuted {
      how = "re-executed with OPENBLAS_CORETYPE=\(userCore ?? "?")"
    } else if let userCore {
      how = "OPENBLAS_CORETYPE=\(userCore) set by the user"
    } else {
      how = BLASKernelPolicy.decision(environment: env).reason
    }
    switch output.chosen {
    case .json:
      let json = JSON.object([
        Provenance.tool,
        ("version", .string(ResampleVersion.version)),
        Provenance.rng,
        (
          "blas",
          .object([
            ("kernel", .string(core)),
            ("generic", .bool(BLASRuntime.isGenericKernel)),
            ("threads", .integer(BLASRuntime.threadCount)),
            ("configuration", .string(BLASRuntime.configuration)),
            ("recommended_kernel", recommended.map(JSON.string) ?? .null),
            ("reexecuted", .bool(reexecuted)),
            ("how", .string(how)),
            ("openblas_num_threads", env["OPENBLAS_NUM_THREADS"].map(JSON.string) ?? .null),
          ])
        ),
        ("random_kernels", .string(Philox4x32.InstructionSet.best.name)),
        ("processors", .integer(ProcessInfo.processInfo.activeProcessorCount)),
      ])
      emit(json.rendered())
    default:
      var t = TextTable(["item", "value"], alignNumbersRight: false)
      t.add(["tool", ResampleVersion.tool])
      t.add(["rng", Provenance.rngIdentifier])
      t.add(["BLAS kernel", core + (BLASRuntime.isGenericKernel ? " (generic, slow)" : "")])
      t.add(["BLAS threads", String(BLASRuntime.threadCount)])
      t.add(["BLAS build", BLASRuntime.configuration])
      t.add(["kernel for this CPU", recommended ?? "none better than generic"])
      t.add(["how chosen", how])
      t.add(["OPENBLAS_NUM_THREADS", env["OPENBLAS_NUM_THREADS"] ?? "(unset)"])
      t.add(["random kernels", Philox4x32.InstructionSet.best.name])
      t.add(["processors", String(ProcessInfo.processInfo.activeProcessorCount)])
      emit(t.rendered())
    }
  }
}

// Runner.swift: `resample-runner WORKLOAD` — one peer workload through the library, one process.
//
// The Swift counterpart of peers/peers.py and peers/peers.R: loads the workload's data, runs the
// computation once, timed in-process (after start-up and data loading, as perf-baseline.md
// measures the peers), and prints one JSON object:
//   {"workload","peer":"resample","variant","seconds","peak_rss_mib","result":{...},"blas"}
// `resample-runner --list` prints the workloads this build knows.
import Foundation
import Resample

/// A JSON value, printed with Swift's shortest round-trip representation of doubles.
enum Value {
  case number(Double)
  case numbers([Double])
  case integer(Int)
  case text(String)
  case object([(String, Value)])

  var rendered: String {
    switch self {
    case .number(let x): return x.isFinite ? "\(x)" : "null"
    case .numbers(let xs):
      return "[" + xs.map { Value.number($0).rendered }.joined(separator: ", ") + "]"
    case .integer(let n): return "\(n)"
    case .text(let s):
      var out = "\""
      for ch in s.unicodeScalars {
        switch ch {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        default: out.unicodeScalars.append(ch)
        }
      }
      return out + "\""
    case .object(let kv):
      return "{"
        + kv.map { "\(Value.text($0.0).rendered): \($0.1.rendered)" }.joined(separator: ", ")
        + "}"
    }
  }
}

/// A workload: `prepare` loads data (not timed) and returns the timed computation.
struct Workload {
  let name: String
  let variant: String
  let prepare: () throws -> (() throws -> [(String, Value)])
  /// Extra top-level JSON keys after a run: the phases of the computation, the size of the
  /// loaded data, or none.
  var details: () -> [(String, Value)] = { [] }
}

/// Durations recorded by a workload's computation (the last run's), for `details`.
final class PhaseLog {
  private(set) var entries: [(String, Duration)] = []
  private let clock = ContinuousClock()
  private var last: ContinuousClock.Instant

  init() { last = clock.now }

  /// Starts a new run.
  func start() {
    entries = []
    last = clock.now
  }

  /// Records the time since the previous mark under `name`.
  func mark(_ name: String) {
    let now = clock.now
    entries.append((name, now - last))
    last = now
  }

  /// The entries as a JSON object of seconds.
  var value: Value { .object(entries.map { ($0.0, .number(seconds($0.1))) }) }
}

func seconds(_ d: Duration) -> Double {
  Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
}

func peakRSSMiB() -> Double {
  var usage = rusage()
  #if os(Linux)
    getrusage(RUSAGE_SELF.rawValue, &usage)
  #else
    getrusage(RUSAGE_SELF, &usage)
  #endif
  return Double(usage.ru_maxrss) / 1024  // KiB on Linux
}

/// Same policy as the CLI: when OpenBLAS fell back to a generic kernel and the user did not choose
/// one, re-execute once with the kernel matching the CPU (OpenBLAS reads the variable at load),
/// and with OPENBLAS_NUM_THREADS=1 (no idle BLAS worker pool busy-waiting beside the workers).
func reexecWithBetterKernelIfNeeded() {
  let env = ProcessInfo.processInfo.environment
  guard env["OPENBLAS_CORETYPE"] == nil, env["RESAMPLE_BLAS_REEXEC"] == nil,
    BLASRuntime.isGenericKernel,
    let core = BLASRuntime.recommendedCoreType(cpuFlags: BLASRuntime.cpuFlags())
  else { return }
  setenv("OPENBLAS_CORETYPE", core, 1)
  setenv("RESAMPLE_BLAS_REEXEC", "done", 1)
  if env["OPENBLAS_NUM_THREADS"] == nil { setenv("OPENBLAS_NUM_THREADS", "1", 1) }
  let args = CommandLine.arguments
  var argv: [UnsafeMutablePointer<CChar>?] = args.map { strdup($0) }
  argv.append(nil)
  execv("/proc/self/exe", argv)
}

@main
struct Runner {
  static func main() {
    let args = CommandLine.arguments
    let byName = Dictionary(allWorkloads().map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
    guard args.count == 2 else {
      FileHandle.standardError.write(Data("usage: resample-runner WORKLOAD | --list\n".utf8))
      exit(64)
    }
    if args[1] == "--list" {
      print(allWorkloads().map(\.name).joined(separator: "\n"))
      return
    }
    guard let workload = byName[args[1]] else {
      FileHandle.standardError.write(Data("resample-runner: unknown workload '\(args[1])'\n".utf8))
      exit(64)
    }
    reexecWithBetterKernelIfNeeded()
    do {
      let clock = ContinuousClock()
      let loadStart = clock.now
      let run = try workload.prepare()
      let loadSeconds = seconds(clock.now - loadStart)
      let start = clock.now
      let result = try run()
      let elapsed = clock.now - start
      // RESAMPLE_REPEAT=N (diagnostics only): N more warm runs, their times on stderr.
      if let r = ProcessInfo.processInfo.environment["RESAMPLE_REPEAT"], let n = Int(r) {
        var times: [String] = []
        for _ in 0..<n {
          let t0 = clock.now
          _ = try run()
          let d = clock.now - t0
          times.append(
            String(
              format: "%.1f",
              Double(d.components.attoseconds) * 1e-15
                + Double(d.components.seconds) * 1e3))
        }
        FileHandle.standardError.write(Data("warm ms: \(times.joined(separator: " "))\n".utf8))
      }
      let blas =
        "OpenBLAS \(BLASRuntime.coreName), \(BLASRuntime.threadCount) thread(s)"
        + "; resample \(threads) worker thread(s)"
      let out: Value = .object(
        [
          ("workload", .text(workload.name)), ("peer", .text("resample")),
          ("variant", .text(workload.variant)), ("seconds", .number(seconds(elapsed))),
          ("peak_rss_mib", .number(peakRSSMiB())), ("result", .object(result)),
          ("blas", .text(blas)), ("load_seconds", .number(loadSeconds)),
        ] + workload.details())
      print(out.rendered)
    } catch {
      FileHandle.standardError.write(Data("resample-runner: \(workload.name): \(error)\n".utf8))
      exit(1)
    }
  }
}

// BLASRuntime.swift: which OpenBLAS kernel is active, thread control, and the kernel the CPU merits.
internal import CLinearAlgebra
import _Platform

/// Facts about, and control of, the OpenBLAS library linked into the process.
///
/// Debian's OpenBLAS 0.3.21 does not recognise recent Intel CPUs and falls back to the generic
/// `Prescott` (SSE3) kernel, which runs dgemm 3–5× slower than the AVX-512 kernels. OpenBLAS reads
/// `OPENBLAS_CORETYPE` only when it loads, so the fix has to happen before the process starts:
/// see ``recommendedCoreType(cpuFlags:)`` and the CLI's re-execution policy (README, "BLAS kernel").
public enum BLASRuntime {
  /// The name of the kernel OpenBLAS chose at load time (for example `"Prescott"`, `"SkylakeX"`).
  public static var coreName: String {
    guard let p = openblas_get_corename() else { return "unknown" }
    return String(cString: p)
  }

  /// OpenBLAS's build configuration string.
  public static var configuration: String {
    guard let p = openblas_get_config() else { return "unknown" }
    return String(cString: p)
  }

  /// The number of threads OpenBLAS uses for one call.
  public static var threadCount: Int { Int(openblas_get_num_threads()) }

  /// Sets the number of threads OpenBLAS uses for one call.
  ///
  /// This is process-global state that is not coordinated with ``withThreadCount(_:_:)``:
  /// call it only at start-up (the CLI pins 1 before any work), not while library calls run.
  public static func setThreadCount(_ n: Int) {
    precondition(n >= 1, "BLAS thread count must be at least 1")
    openblas_set_num_threads(Int32(clamping: n))
  }

  /// Runs `body` with OpenBLAS pinned to `n` threads, restoring the previous count when the
  /// last concurrent caller leaves.
  ///
  /// Safe for concurrent callers: a process-wide lock counts the callers inside. Callers asking
  /// for the same `n` run together; a caller asking for a different `n` waits until the others
  /// have left, so no body ever sees a count it did not ask for. Pin 1 while resamples run in
  /// parallel (nested threading gains nothing) and wherever output must be bit-reproducible:
  /// dgemm results differ in the last bits between 1 and 2 threads.
  ///
  /// Do not nest calls with different counts on one thread (the inner call would wait for the
  /// outer one forever); nesting with the same count is fine.
  public static func withThreadCount<R>(_ n: Int, _ body: () throws -> R) rethrows -> R {
    precondition(n >= 1, "BLAS thread count must be at least 1")
    threadCountPin.enter(n)
    defer { threadCountPin.leave() }
    return try body()
  }

  /// Kernels that OpenBLAS uses when it does not recognise the CPU: generic SSE code.
  public static let genericCoreNames: Set<String> = ["Prescott", "Katmai", "Core2", "Unknown"]

  /// Whether the active kernel is one of the generic fallbacks.
  public static var isGenericKernel: Bool { genericCoreNames.contains(coreName) }

  /// The instruction-set flags of the first CPU in `cpuinfoPath` (default: `/proc/cpuinfo` on
  /// Linux); an empty set where there is no such file (macOS) or it cannot be read.
  public static func cpuFlags(cpuinfoPath: String? = nil) -> Set<String> {
    Platform.cpuFlags(cpuInfoPath: cpuinfoPath ?? Platform.cpuInfoPath)
  }

  /// The `OPENBLAS_CORETYPE` that matches the CPU's instruction set, or `nil` when no better
  /// kernel than the generic one applies.
  ///
  /// - `avx512_bf16` → `Cooperlake`; `avx512f` with `avx512bw`/`avx512vl`/`avx512dq` → `SkylakeX`;
  ///   `avx2` with `fma` → `Haswell`.
  public static func recommendedCoreType(cpuFlags flags: Set<String>) -> String? {
    if flags.contains("avx512_bf16") && flags.contains("avx512f") { return "Cooperlake" }
    if ["avx512f", "avx512bw", "avx512vl", "avx512dq"].allSatisfy(flags.contains) {
      return "SkylakeX"
    }
    if flags.contains("avx2") && flags.contains("fma") { return "Haswell" }
    return nil
  }
}

/// The callers inside ``BLASRuntime/withThreadCount(_:_:)``: how many, which count they pinned,
/// and the count to restore when the last one leaves, guarded by one mutex.
private let threadCountPin = ThreadCountPin()

private final class ThreadCountPin: @unchecked Sendable {  // every field is guarded by `mutex`
  private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
  private let changed = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
  private var holders = 0
  private var pinned = 0
  private var previous = 0

  init() {
    pthread_mutex_init(mutex, nil)
    pthread_cond_init(changed, nil)
  }

  func enter(_ n: Int) {
    pthread_mutex_lock(mutex)
    while holders > 0 && pinned != n { pthread_cond_wait(changed, mutex) }
    if holders == 0 {
      previous = BLASRuntime.threadCount
      pinned = n
      openblas_set_num_threads(Int32(clamping: n))
    }
    holders += 1
    pthread_mutex_unlock(mutex)
  }

  func leave() {
    pthread_mutex_lock(mutex)
    holders -= 1
    if holders == 0 {
      openblas_set_num_threads(Int32(clamping: previous))
      pthread_cond_broadcast(changed)
    }
    pthread_mutex_unlock(mutex)
  }
}

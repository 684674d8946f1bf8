// End-to-end tests of `resample doctor`, `--version` and the shared error handling.
import Foundation
import Testing
import _TestSupport

@Suite struct DoctorCLITests {
  @Test func versionAnswers() throws {
    let r = try runCLI(["--version"])
    #expect(r.status == 0)
    #expect(r.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "0.1.0")
  }

  @Test func doctorJSONShowsKernelAndProvenance() throws {
    let r = try runCLI(["doctor", "--format", "json"])
    #expect(r.status == 0)
    let obj = try #require(
      try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
    #expect(obj["rng"] as? String == "philox4x32-10/1")
    let blas = try #require(obj["blas"] as? [String: Any])
    #expect((blas["kernel"] as? String)?.isEmpty == false)
  }

  /// On a CPU with a faster kernel, doctor must not end up on the generic one unless asked.
  @Test func doctorAvoidsGenericKernelUnlessAsked() throws {
    let env = ProcessInfo.processInfo.environment
    let off = try runCLI(
      ["doctor", "--format", "json"], environment: ["RESAMPLE_BLAS_REEXEC": "0"])
    let offObj = try #require(
      try JSONSerialization.jsonObject(with: Data(off.stdout.utf8)) as? [String: Any])
    let offBlas = try #require(offObj["blas"] as? [String: Any])
    let generic = offBlas["generic"] as? Bool ?? false
    let recommended = offBlas["recommended_kernel"] as? String
    guard env["OPENBLAS_CORETYPE"] == nil, generic, let recommended else {
      // The library already picked a specific kernel (or the user chose one): nothing to fix.
      return
    }
    let on = try runCLI(["doctor", "--format", "json"])
    let onObj = try #require(
      try JSONSerialization.jsonObject(with: Data(on.stdout.utf8)) as? [String: Any])
    let onBlas = try #require(onObj["blas"] as? [String: Any])
    #expect(onBlas["reexecuted"] as? Bool == true)
    #expect(onBlas["generic"] as? Bool == false)
    #expect(onBlas["kernel"] as? String == recommended)
    // The re-executed process has no idle OpenBLAS pool unless the user asked for one.
    #expect(onBlas["openblas_num_threads"] as? String == env["OPENBLAS_NUM_THREADS"] ?? "1")
    #expect(["scalar", "AVX2", "AVX-512"].contains(onObj["random_kernels"] as? String ?? ""))
  }

  @Test func userChosenKernelWins() throws {
    let r = try runCLI(
      ["doctor", "--format", "json"], environment: ["OPENBLAS_CORETYPE": "Haswell"])
    let obj = try #require(
      try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
    let blas = try #require(obj["blas"] as? [String: Any])
    #expect(blas["kernel"] as? String == "Haswell")
    #expect(blas["reexecuted"] as? Bool == false)
  }

  @Test func unknownSubcommandIsOneLineUsageError() throws {
    let r = try runCLI(["no-such-command"])
    #expect(r.status == 64)
    #expect(r.stderr.split(separator: "\n").count == 1)
    #expect(r.stdout.isEmpty)
  }

  @Test func unsupportedFormatIsUsageError() throws {
    let r = try runCLI(["doctor", "--format", "csv"])
    #expect(r.status == 64)
    #expect(r.stderr.contains("'csv' is invalid for '--format"), "\(r.stderr)")
    #expect(r.stderr.contains("'text' and 'json'"), "\(r.stderr)")
  }
}

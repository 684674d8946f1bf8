// `boot` past the storage cap on continuous data (issue 15 item 4): streamed replicates give the
// stored path's output, B up to 1e10 is accepted and runs in bounded memory, and what still
// stores its replicates (studentized, --shard) is refused by name above 1e8.
import Foundation
import Testing
import _TestSupport

@Suite struct BootBoundedMemoryCLITests {
  /// Just above the streaming threshold (2²¹): three distinct values are neither 0/1 (tabulated)
  /// nor slow to draw, so the test takes seconds even in a debug build.
  static let streamed = "2097153"

  @Test func streamedOutputEqualsTheStoredShardsMerged() throws {
    let data = try writeTemporaryFile("three.txt", "1 2 3 1 2 3 2 2")
    let common = [
      "boot", "--sample-a", data, "--replicates", Self.streamed, "--seed", "4", "--method",
      "percentile,basic,normal,bca", "--threads", "2", "--format", "json",
    ]
    let whole = try runCLI(common)
    #expect(whole.status == 0, "\(whole.stderr)")
    #expect(whole.stdout.contains("\"replicates\": \(Self.streamed)"))
    // --shard stores each part's replicates; merge computes the intervals from them.
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
      "resample-bounded-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    var parts: [String] = []
    for i in 1...2 {
      let part = dir.appendingPathComponent("p\(i).json").path
      let r = try runCLI(common + ["--shard", "\(i)/2", "--output", part])
      #expect(r.status == 0, "\(r.stderr)")
      parts.append(part)
    }
    let merged = try runCLI(["merge"] + parts + ["--format", "json"])
    #expect(merged.status == 0, "\(merged.stderr)")
    #expect(merged.stdout == whole.stdout && !whole.stdout.isEmpty)
  }

  #if os(Linux)
    /// 10¹⁰ replicates of 1,000 continuous values are accepted and, a few seconds in, hold
    /// well under 64 MiB (the run itself would take hours; it is stopped).
    @Test func tenBillionReplicatesRunInBoundedMemory() throws {
      var g = SeededLCG(seed: 5)
      let values = g.draws(1_000) { String($0.unit() * 10) }.joined(separator: "\n")
      let data = try writeTemporaryFile("thousand.txt", values)
      let child = Process()
      child.executableURL = try resampleBinaryURL()
      child.arguments = [
        "boot", "--sample-a", data, "--replicates", "10000000000", "--seed", "1", "--threads",
        "2",
      ]
      child.standardOutput = FileHandle.nullDevice
      child.standardError = FileHandle.nullDevice
      try child.run()
      defer {
        if child.isRunning {
          kill(child.processIdentifier, SIGKILL)
          child.waitUntilExit()
        }
      }
      usleep(4_000_000)
      #expect(child.isRunning, "exit status \(child.terminationStatus)")
      let status = try String(
        contentsOfFile: "/proc/\(child.processIdentifier)/status", encoding: .utf8)
      let peak = status.split(separator: "\n").first { $0.hasPrefix("VmHWM:") }
      let kilobytes = peak.flatMap { Int($0.split(separator: " ").dropFirst().first ?? "") }
      let kb = try #require(kilobytes, "\(status)")
      #expect(kb < 64 * 1024, "peak RSS \(kb) kB")
    }
  #endif

  @Test func whatStoresItsReplicatesIsRefusedByNameAboveOneHundredMillion() throws {
    let data = try writeTemporaryFile("five.txt", "1.5 2.25 3 4.5 7.25")
    let studentized = try runCLI([
      "boot", "--sample-a", data, "--replicates", "100000001", "--method", "bca,studentized",
      "--seed", "1",
    ])
    #expect(studentized.status == 64, "\(studentized.stderr)")
    #expect(studentized.stderr.contains("--method studentized"), "\(studentized.stderr)")
    #expect(studentized.stderr.contains("1e10"), "\(studentized.stderr)")
    let part = FileManager.default.temporaryDirectory.appendingPathComponent(
      "resample-bounded-\(UUID().uuidString).json"
    ).path
    let shard = try runCLI([
      "boot", "--sample-a", data, "--replicates", "100000001", "--seed", "1", "--shard", "1/4",
      "--output", part,
    ])
    #expect(shard.status == 64 && shard.stderr.contains("--shard"), "\(shard.stderr)")
    #expect(!FileManager.default.fileExists(atPath: part))
    let over = try runCLI(["boot", "--sample-a", data, "--replicates", "10000000001"])
    #expect(over.status == 64 && over.stderr.contains("10000000000"), "\(over.stderr)")
  }
}

// SimulateCheckpointCLITests.swift: `resample simulate --checkpoint FILE.sqlite` — the same bytes
// as a run without it; a run stopped or killed mid-way resumes without redoing recorded blocks
// and gives the uninterrupted output; checkpoints of another run and non-checkpoints are refused.
import Foundation
import GRDB
import Testing
import _TestSupport

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

@Suite struct SimulateCheckpointCLITests {
  private static let spec = fixtureURL("simulation/study.toml").path

  /// A fresh path for a checkpoint (no file there yet).
  private func checkpointPath(_ name: String) throws -> String {
    let path = try writeTemporaryFile(name, "")
    try FileManager.default.removeItem(atPath: path)
    return path
  }

  @Test func aStoppedRunResumesToTheUninterruptedBytes() throws {
    let whole = try runCLI(["simulate", Self.spec, "--format", "json"])
    #expect(whole.status == 0, "\(whole.stderr)")
    let path = try checkpointPath("study.sqlite")
    let args = ["simulate", Self.spec, "--format", "json", "--threads", "2", "--checkpoint", path]
    let stopped = try runCLI(args, environment: ["RESAMPLE_TEST_STOP_AFTER_BLOCKS": "5"])
    #expect(stopped.status == 3 && stopped.stdout.isEmpty, "\(stopped.stderr)")
    let resumed = try runCLI(args)
    #expect(resumed.status == 0, "\(resumed.stderr)")
    // 2 scenarios × 20 blocks of 1,000 data sets: 5 recorded, 35 run now.
    #expect(resumed.stderr.contains("resumed: 5 of 40 blocks from \(path)"), "\(resumed.stderr)")
    #expect(resumed.stdout == whole.stdout)
    // Complete: a third run runs nothing and prints the same bytes again.
    let again = try runCLI(args)
    #expect(again.stderr.contains("resumed: 40 of 40") && again.stdout == whole.stdout)
  }

  @Test func aCheckpointPerShardMergesToTheWholeRun() throws {
    let whole = try runCLI(["simulate", Self.spec, "--format", "json"])
    var parts: [String] = []
    for i in 1...2 {
      let part = try writeTemporaryFile("ckpt-part\(i).json", "")
      let args = [
        "simulate", Self.spec, "--shard", "\(i)/2", "--output", part, "--checkpoint",
        try checkpointPath("shard\(i).sqlite"),
      ]
      let r = try runCLI(args, environment: ["RESAMPLE_TEST_STOP_AFTER_BLOCKS": "3"])
      #expect(r.status == 3, "\(r.stderr)")
      let resumed = try runCLI(args)
      #expect(
        resumed.status == 0 && resumed.stderr.contains("resumed: 3 of 20"), "\(resumed.stderr)")
      parts.append(part)
    }
    let merged = try runCLI(["merge"] + parts + ["--format", "json"])
    #expect(merged.status == 0 && merged.stdout == whole.stdout, "\(merged.stderr)")
  }

  @Test func aCheckpointOfAnotherRunOrNotACheckpointIsRefused() throws {
    let path = try checkpointPath("seed.sqlite")
    #expect(try runCLI(["simulate", Self.spec, "--checkpoint", path]).status == 0)
    for (extra, needle) in [
      (["--seed", "7"], "spec hash"), (["--shard", "2/2", "--output", path + ".json"], "shard"),
    ] {
      let r = try runCLI(["simulate", Self.spec, "--checkpoint", path] + extra)
      #expect(r.status == 64, "\(extra): \(r.stderr)")
      #expect(r.stderr.contains(path) && r.stderr.contains(needle) && r.stderr.contains("delete"))
      #expect(r.stderr.split(separator: "\n").count == 1, "\(r.stderr)")
    }
    let text = try writeTemporaryFile(
      "notes.sqlite", String(repeating: "not a database\n", count: 300))
    let directory = FileManager.default.temporaryDirectory.path
    for bad in [text, directory] {
      let r = try runCLI(["simulate", Self.spec, "--checkpoint", bad])
      #expect(
        r.status == 64 && r.stderr.contains(bad) && r.stderr.contains("checkpoint"), "\(r.stderr)")
      #expect(r.stderr.split(separator: "\n").count == 1, "\(r.stderr)")
    }
  }

  /// The real thing: SIGKILL a run once its checkpoint holds a block, then resume it.
  @Test func aKilledRunResumesToTheUninterruptedBytes() throws {
    let spec = try writeTemporaryFile(
      "long.toml",
      "seed = 11\ndatasets = 100000\n[[scenario]]\nname = \"a\"\ndata = \"binomial\"\nn = 40\n"
        + "p = 0.2\n[[method]]\nname = \"w\"\nkind = \"proportion-interval\"\ninterval = \"wilson\"\n"
        + "[[method]]\nname = \"cp\"\nkind = \"proportion-interval\"\ninterval = \"clopper_pearson\"\n"
    )
    let path = try checkpointPath("killed.sqlite")
    let args = ["simulate", spec, "--format", "json", "--threads", "2", "--checkpoint", path]
    let child = Process()
    child.executableURL = try resampleBinaryURL()
    child.arguments = args
    child.standardOutput = FileHandle.nullDevice
    child.standardError = FileHandle.nullDevice
    try child.run()
    let deadline = Date().addingTimeInterval(120)
    while child.isRunning && Date() < deadline && recordedBlocks(path) < 1 {
      usleep(10_000)
    }
    kill(child.processIdentifier, SIGKILL)
    child.waitUntilExit()
    let killedAt = recordedBlocks(path)
    #expect(killedAt >= 1)
    let resumed = try runCLI(args)
    #expect(resumed.status == 0, "\(resumed.stderr)")
    #expect(resumed.stderr.contains("resumed: "), "\(resumed.stderr)")
    let whole = try runCLI(["simulate", spec, "--format", "json"])
    #expect(resumed.stdout == whole.stdout && !whole.stdout.isEmpty)
  }

  /// The block rows in a checkpoint (0 while it is missing or being created).
  private func recordedBlocks(_ path: String) -> Int {
    guard FileManager.default.fileExists(atPath: path) else { return 0 }
    var config = Configuration()
    config.readonly = true
    guard let queue = try? DatabaseQueue(path: path, configuration: config) else { return 0 }
    return (try? queue.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM blocks") ?? 0 }) ?? 0
  }
}

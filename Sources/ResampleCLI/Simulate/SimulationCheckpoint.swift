// SimulationCheckpoint.swift: `simulate --checkpoint FILE.sqlite` — finished blocks' tallies in
// SQLite, one transaction per block, so a killed run resumes where it stopped and gives the
// same bytes.
import ArgumentParser
import Foundation
import GRDB
import Resample

/// A checkpoint file: a `meta` table (what the run is: format, tool, spec hash, block size,
/// block count, shard) and a `blocks` table (global block index → the block's tally as JSON).
///
/// A block's tally depends only on the spec and the block, so the blocks recorded by an
/// interrupted run plus the ones run on resume summarize to exactly the uninterrupted result.
struct SimulationCheckpoint {
  /// The `format` value of the files this version writes and reads.
  static let format = "resample-simulation-checkpoint/1"

  /// The file's path, as given (for messages).
  let path: String
  private let queue: DatabaseQueue

  /// Opens (or creates) the checkpoint at `path` for a run identified by `identity`.
  ///
  /// - Parameters:
  ///   - path: the SQLite file; created when missing or empty.
  ///   - identity: `(key, value)` pairs in a fixed order; a file recording other values is
  ///     refused.
  /// - Throws: `InputError.invalidData` naming `path` when the file is not SQLite, not a
  ///   checkpoint, or a checkpoint of another run.
  init(path: String, identity: [(key: String, value: String)]) throws {
    self.path = path
    var config = Configuration()
    config.busyMode = .timeout(10)
    config.prepareDatabase { db in
      // WAL: a commit is one append, and survives the process being killed.
      try db.execute(sql: "PRAGMA journal_mode = WAL")
      try db.execute(sql: "PRAGMA synchronous = NORMAL")
    }
    queue = try Self.sqlite(path) { try DatabaseQueue(path: path, configuration: config) }
    let stored = try Self.sqlite(path) {
      try queue.write { db -> [String: String]? in
        if try db.tableExists("meta") {
          var values: [String: String] = [:]
          for row in try Row.fetchAll(db, sql: "SELECT key, value FROM meta") {
            let k: DatabaseValue = row[0]
            let v: DatabaseValue = row[1]
            if let k = String.fromDatabaseValue(k) { values[k] = String.fromDatabaseValue(v) }
          }
          return values
        }
        guard try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") == 0 else {
          return nil
        }
        try db.execute(
          sql: "CREATE TABLE meta (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL)")
        try db.execute(
          sql: "CREATE TABLE blocks (block INTEGER PRIMARY KEY NOT NULL, tally TEXT NOT NULL)")
        for (k, v) in identity {
          try db.execute(sql: "INSERT INTO meta (key, value) VALUES (?, ?)", arguments: [k, v])
        }
        return Dictionary(identity.map { ($0.key, $0.value) }) { a, _ in a }
      }
    }
    guard let stored else {
      throw InputError.invalidData(
        source: path,
        reason: "an SQLite file but not a resample checkpoint; delete it or give another "
          + "--checkpoint path")
    }
    for (k, v) in identity where stored[k] != v {
      let what = ["spec_hash": "spec hash (the spec or --seed)", "tool": "tool version"][k] ?? k
      throw InputError.invalidData(
        source: path,
        reason: "a checkpoint of another run (\(what) \(stored[k] ?? "missing") in the file, "
          + "\(v) for this run); delete it or give another --checkpoint path")
    }
  }

  /// The tallies recorded so far, by global block index.
  ///
  /// - Parameter perScenario: blocks per scenario, to check each row's tally is its block's.
  /// - Throws: `InputError.invalidData` naming the file when a row is not a tally of its block.
  func finished(perScenario: Int) throws -> [Int: BlockTally] {
    let rows = try Self.sqlite(path) {
      try queue.read { try Row.fetchAll($0, sql: "SELECT block, tally FROM blocks") }
    }
    let decoder = JSONDecoder()
    var out: [Int: BlockTally] = [:]
    for row in rows {
      let g: DatabaseValue = row[0]
      let text: DatabaseValue = row[1]
      guard let g = Int.fromDatabaseValue(g), let text = String.fromDatabaseValue(text),
        let t = try? decoder.decode(BlockTally.self, from: Data(text.utf8)),
        t.scenario * perScenario + t.block == g
      else {
        throw InputError.invalidData(
          source: path,
          reason: "a damaged checkpoint (a block row is not a block's tally); delete it or give "
            + "another --checkpoint path")
      }
      out[g] = t
    }
    return out
  }

  /// Records one finished block, in its own transaction.
  ///
  /// - Parameters:
  ///   - tally: the block's tally.
  ///   - perScenario: blocks per scenario (the global index is scenario · perScenario + block).
  func record(_ tally: BlockTally, perScenario: Int) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    let text = String(decoding: try encoder.encode(tally), as: UTF8.self)
    try Self.sqlite(path) {
      try queue.write { db in
        try db.execute(
          sql: "INSERT OR REPLACE INTO blocks (block, tally) VALUES (?, ?)",
          arguments: [tally.scenario * perScenario + tally.block, text])
      }
    }
  }

  /// Runs `body`, turning an SQLite error into a one-line `InputError` naming `path`.
  private static func sqlite<T>(_ path: String, _ body: () throws -> T) throws -> T {
    do {
      return try body()
    } catch let e as DatabaseError {
      throw InputError.invalidData(
        source: path,
        reason: "not a usable checkpoint (SQLite: \(e.message ?? "\(e.resultCode)")); delete it "
          + "or give another --checkpoint path")
    }
  }
}

extension SimulationCheckpoint {
  /// The tallies of `blocks`: those the checkpoint holds, and the others run now and recorded
  /// one by one; says on standard error how many were resumed.
  ///
  /// - Parameters:
  ///   - study: the spec.
  ///   - blocks: the global blocks of this run (all, or one shard's).
  ///   - threads: the most workers.
  ///   - stopAfter: for tests only — stop (exit status 3) once this many new blocks are
  ///     recorded, as a killed run would (`RESAMPLE_TEST_STOP_AFTER_BLOCKS`).
  /// - Throws: `InputError` naming the file when it cannot be read or written.
  func complete(
    _ study: SimulationSpec, blocks: [Int], threads: Int, stopAfter: Int? = nil
  ) throws -> [BlockTally] {
    let perScenario = SimulationRunner.blockCount(study)
    let done = try finished(perScenario: perScenario)
    var tallies = blocks.compactMap { done[$0] }
    if !tallies.isEmpty {
      printNote("resumed: \(tallies.count) of \(blocks.count) blocks from \(path)")
    }
    var recorded = 0
    try SimulationRunner.run(
      study, blocks: blocks.filter { done[$0] == nil }, threads: threads
    ) { tally in
      try record(tally, perScenario: perScenario)
      tallies.append(tally)
      recorded += 1
      if let stopAfter, recorded >= stopAfter {
        printNote("stopped after \(recorded) blocks (RESAMPLE_TEST_STOP_AFTER_BLOCKS)")
        throw ExitCode(3)
      }
    }
    return tallies
  }

  /// Writes `resample: <message>` to standard error.
  private func printNote(_ message: String) {
    FileHandle.standardError.write(Data("resample: \(message)\n".utf8))
  }
}

// ShardSession.swift: sharding the replicates of perm, chisq/fisher Monte Carlo, power and boot.
// A shard computes a contiguous range of replicate indices and writes their tally to a part;
// `merge` runs the same command again with the summed tallies in place of the simulation.
import ArgumentParser
import Foundation
import Resample

/// What a range of replicates leaves for the result: counts that add (exceedances, rejections,
/// lattice counts), or a bootstrap's replicate block (values concatenated in index order).
struct ReplicateTally: Codable, Sendable, Equatable {
  /// Counts over the range; the tallies of disjoint ranges add element by element.
  var counts: [Int] = []
  /// A bootstrap's replicates of the range (tabulated lattice counts or the values).
  var block: ReplicateBlock? = nil
  /// A multi-output bootstrap's replicates of the range (OLS coefficients, …), one array per
  /// output; the ranges concatenate output by output.
  var outputs: [[Double]]? = nil

  /// The tally of all the ranges (given in replicate order).
  ///
  /// - Throws: ``InputError`` if the tallies have different shapes.
  static func merged(_ tallies: [ReplicateTally]) throws -> ReplicateTally {
    var out = ReplicateTally(counts: tallies.first?.counts ?? [])
    for t in tallies.dropFirst() {
      guard t.counts.count == out.counts.count else {
        throw InputError.invalidData(source: "parts", reason: "tallies of different shapes")
      }
      for i in t.counts.indices { out.counts[i] += t.counts[i] }
    }
    let blocks = tallies.compactMap(\.block)
    if !blocks.isEmpty { out.block = try ReplicateBlock.merge(blocks) }
    let outputs = tallies.compactMap(\.outputs)
    if let first = outputs.first {
      guard outputs.count == tallies.count, outputs.allSatisfy({ $0.count == first.count }) else {
        throw InputError.invalidData(source: "parts", reason: "tallies of different shapes")
      }
      out.outputs = first.indices.map { j in outputs.flatMap { $0[j] } }
    }
    return out
  }
}

/// The body of a part of perm, chisq, fisher, power or boot.
struct ReplayBody: Codable {
  /// One input file the command read, with the hash of its contents.
  struct Input: Codable, Equatable {
    var path: String
    var hash: String
  }

  /// The command's arguments without --shard, --output, --threads and --format.
  var arguments: [String]
  /// The files among the arguments.
  var inputs: [Input]
  /// B, the replicates of the whole run.
  var replicates: Int
  /// The shard's replicate indices, [lo, hi).
  var range: [Int]
  var tally: ReplicateTally
}

/// The merged tally of every shard, seen by the command that `merge` runs again.
struct MergedTally: Sendable {
  var tally: ReplicateTally
  var replicates: Int
}

/// How a command gets the tally of its B replicates: computed whole, computed for one shard and
/// written to its part (the command then prints nothing), or taken from the merged parts.
enum ShardSession {
  /// Set by `merge` while it runs the command again.
  @TaskLocal static var merged: MergedTally?

  /// Options that describe the run, not its result: left out of the parts and their hash.
  static let ignoredOptions: Set<String> = ["--shard", "--output", "--threads", "--format"]

  /// The tally of the B replicates, or nil when this run is a shard (its part is then written).
  ///
  /// - Parameters:
  ///   - options: the command's --shard and --output.
  ///   - command: the command's name.
  ///   - seed: `--seed` as given (a shard needs one: every shard must draw the same streams).
  ///   - replicates: B.
  ///   - compute: the tally of a range of replicate indices.
  static func tally(
    _ options: ShardOptions, command: String, seed: UInt64?, replicates: Int,
    compute: (Range<Int>) throws -> ReplicateTally
  ) throws -> ReplicateTally? {
    if let merged {
      guard merged.replicates == replicates else {
        throw InputError.invalidData(
          source: "parts", reason: "cover \(merged.replicates) replicates, not \(replicates)")
      }
      return merged.tally
    }
    guard let (index, count) = options.parsed, let output = options.output else {
      return try compute(0..<replicates)
    }
    guard seed != nil else {
      throw ValidationError("--shard needs --seed S: every shard must draw from the same streams")
    }
    let lo = Int((Int64(replicates) * Int64(index - 1)) / Int64(count))
    let hi = Int((Int64(replicates) * Int64(index)) / Int64(count))
    let arguments = Self.arguments(of: command)
    guard !arguments.contains("-") else {
      throw ValidationError(
        "--shard needs its inputs in files, not '-' (standard input): merge reads them again")
    }
    let inputs = try arguments.filter(isInputFile).map { path in
      ReplayBody.Input(path: path, hash: try fileHash(path))
    }
    let outputPath = URL(fileURLWithPath: output).standardizedFileURL.path
    if let same = inputs.first(where: {
      URL(fileURLWithPath: $0.path).standardizedFileURL.path == outputPath
    }) {
      throw ValidationError(
        "--output names the input file \(same.path): give the part its own path")
    }
    let tally = try compute(lo..<hi)
    let body = ReplayBody(
      arguments: arguments, inputs: inputs, replicates: replicates, range: [lo, hi], tally: tally)
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    let identity = try encoder.encode([command] + arguments + inputs.map(\.hash))
    try ShardPart(
      command: command, tool: ResampleVersion.tool, hash: ShardParts.hash(identity), shard: index,
      shards: count, body: body
    ).write(to: output)
    FileHandle.standardError.write(
      Data(
        "resample: shard \(index)/\(count): replicates \(lo)..<\(hi) of \(replicates) written to \(output)\n"
          .utf8))
    return nil
  }

  /// This process's arguments after the command's name, without ``ignoredOptions``.
  static func arguments(of command: String) -> [String] {
    let all = CommandLine.arguments
    let start = (all.firstIndex(of: command) ?? 0) + 1
    var out: [String] = []
    var i = start
    while i < all.count {
      let a = all[i]
      let name = String(a.prefix { $0 != "=" })
      if ignoredOptions.contains(name) {
        i += a.contains("=") ? 1 : 2
        continue
      }
      out.append(a)
      i += 1
    }
    return out
  }

  /// Whether an argument names a regular file (an input the result depends on).
  static func isInputFile(_ argument: String) -> Bool {
    var isDirectory: ObjCBool = false
    return !argument.hasPrefix("-")
      && FileManager.default.fileExists(atPath: argument, isDirectory: &isDirectory)
      && !isDirectory.boolValue
  }

  /// The FNV-1a hash of a file's contents.
  static func fileHash(_ path: String) throws -> String {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw InputError.invalidData(source: path, reason: "cannot read the file")
    }
    return ShardParts.hash(data)
  }

  /// `merge` of perm, chisq, fisher, power or boot parts: checks the inputs are still those the
  /// shards read, sums the tallies and runs the command again with them, printing its output in
  /// `format`.
  static func replay(_ parts: ShardParts, format: OutputFormat) throws {
    let decoded = try parts.decode(ReplayBody.self)
    let first = decoded[0].body
    var next = 0
    for p in decoded {
      guard p.body.range.count == 2, p.body.range[0] == next, p.body.replicates == first.replicates
      else {
        throw InputError.invalidData(
          source: "parts", reason: "shard \(p.shard) does not continue the replicates of the others"
        )
      }
      next = p.body.range[1]
    }
    guard next == first.replicates else {
      throw InputError.invalidData(
        source: "parts", reason: "cover \(next) of \(first.replicates) replicates")
    }
    for input in first.inputs {
      guard (try? fileHash(input.path)) == input.hash else {
        throw InputError.invalidData(
          source: input.path,
          reason: "is missing or differs from the file the shards read; merge needs it, "
            + "unchanged, at the same path (run merge where the shards ran)")
      }
    }
    let tally = try ReplicateTally.merged(decoded.map(\.body.tally))
    var command = try ResampleCommand.parseAsRoot(
      [parts.header.command] + first.arguments + ["--format", format.rawValue])
    try $merged.withValue(MergedTally(tally: tally, replicates: first.replicates)) {
      try command.run()
    }
  }
}

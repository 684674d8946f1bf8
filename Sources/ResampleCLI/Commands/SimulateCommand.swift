// SimulateCommand.swift: `resample simulate SPEC` — a simulation study in-process on all cores,
// or one shard of it (`resample merge PART...` combines shards exactly).
import ArgumentParser
import Foundation
import Resample

struct SimulateCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "simulate",
    abstract: "Run a simulation study (scenarios × methods × data sets) from a TOML or JSON spec.",
    discussion: """
      Every method runs on every data set of the scenarios whose data it takes; the output gives \
      coverage, width, rejection rate, bias, empirical SE and RMSE with Monte Carlo standard \
      errors. Data set d of scenario s draws from its own stream, so the results do not depend \
      on --threads or on sharding: `--shard I/K --output PART.json` runs the I-th of K shards \
      (I from 1 to K), and `resample merge PART...` gives exactly the unsharded output. With \
      --checkpoint FILE.sqlite every finished block is committed to FILE, and after a crash or \
      `kill -9` the same command resumes, running only the missing blocks, with byte-identical \
      output; a checkpoint of another spec, seed, shard or version is refused. --seed replaces \
      the spec's seed. See Guides/Simulate.md for the spec.
      """)

  @Argument(help: "The study: a TOML file (or JSON).") var spec: String
  @OptionGroup var sharding: ShardOptions
  @Option(
    help: """
      The most elementary operations one process may run (default 1e11, about ten minutes); \
      larger studies are refused — split them with --shard or raise this.
      """)
  var workLimit: Double = 1e11
  @Option(
    help: "Also draw coverage and rejection rate by scenario (±1.96 MCSE bars) to an SVG file.")
  var plot: String?
  @Option(
    help: """
      Record each finished block in this SQLite file; running the same command again resumes \
      from it and prints the same output (one checkpoint per shard with --shard).
      """)
  var checkpoint: String?
  @OptionGroup var random: RandomOptions
  @OptionGroup var format: OutputOptions<TextJSON>

  func validate() throws {
    if sharding.shard != nil && plot != nil {
      throw ValidationError(
        "--plot draws a whole study: give it to `resample merge`, not to --shard")
    }
    // Each file is read or written for one purpose: the same path twice would overwrite the
    // spec or the checkpoint with another output.
    let files = [
      ("the spec", spec), ("--checkpoint", checkpoint), ("--output", sharding.output),
      ("--plot", plot),
    ]
    .compactMap { name, path in
      path.map { (name, URL(fileURLWithPath: $0).standardizedFileURL.path) }
    }
    for (i, a) in files.enumerated() {
      if let b = files[..<i].first(where: { $0.1 == a.1 }) {
        throw ValidationError(
          "\(b.0) and \(a.0) name the same file (\(a.1)): give each its own path")
      }
    }
    guard workLimit > 0, workLimit.isFinite else {
      throw ValidationError("--work-limit must be a positive number")
    }
  }

  func run() throws {
    var study = try SimulationFiles.spec(path: spec)
    if let seed = random.seed { study.seed = seed }
    let hash = try SimulationFiles.hash(study)
    let (index, count) = sharding.parsed ?? (1, 1)
    let work = SimulationRunner.estimatedWork(study) / Double(count)
    guard work <= workLimit else {
      throw InputError.tooLarge(
        what: "this run of the study (about \(fmt(work, digits: 2)) operations)",
        limit:
          "\(fmt(workLimit, digits: 2)) (--work-limit); lower datasets or replicates, or split "
          + "it with --shard I/K")
    }
    let blocks = SimulationRunner.blocks(shard: index - 1, of: count, study)
    let tallies =
      try checkpoint.map { path in
        try SimulationCheckpoint(
          path: path,
          identity: [
            ("format", SimulationCheckpoint.format), ("tool", ResampleVersion.tool),
            ("spec_hash", hash), ("block_size", "\(SimulationRunner.blockSize)"),
            ("blocks", "\(SimulationRunner.totalBlocks(study))"), ("shard", "\(index)/\(count)"),
          ]
        ).complete(
          study, blocks: blocks, threads: random.threadCount,
          stopAfter: ProcessInfo.processInfo.environment["RESAMPLE_TEST_STOP_AFTER_BLOCKS"]
            .flatMap { Int($0) })
      } ?? SimulationRunner.run(study, blocks: blocks, threads: random.threadCount)
    if let output = sharding.output {
      try ShardPart(
        command: "simulate", tool: ResampleVersion.tool, hash: hash, shard: index, shards: count,
        body: SimulationFiles.Body(spec: study, blocks: tallies)
      ).write(to: output)
      FileHandle.standardError.write(
        Data(
          "resample: shard \(index)/\(count): \(blocks.count) of \(SimulationRunner.totalBlocks(study)) blocks written to \(output)\n"
            .utf8))
      return
    }
    let result = try SimulationRunner.summarize(study, tallies: tallies)
    try Self.emitResult(result, hash: hash, format: format.chosen, plot: plot)
  }

  /// Prints the result in `format` and, with `plot`, writes its SVG there first.
  static func emitResult(
    _ r: SimulationResult, hash: String, format: OutputFormat, plot: String?
  ) throws {
    if let plot { try SimulationPlot.svg(r).write(to: plot) }
    switch format {
    case .json: emit(SimulationOutput.json(r, specHash: hash).rendered())
    default: emit(SimulationOutput.text(r))
    }
  }
}

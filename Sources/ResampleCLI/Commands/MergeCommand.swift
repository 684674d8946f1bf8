// MergeCommand.swift: `resample merge PART...` — combines the part files of any sharded command
// (simulate, perm, chisq, fisher, power, boot) into the byte-identical output of the single run.
import ArgumentParser
import Foundation
import Resample

struct MergeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "merge",
    abstract: "Combine the part files of `--shard I/K` runs into the single run's result.",
    discussion: """
      The parts must come from one run: the same command, tool version, spec or data and \
      options (the hash), and shard count, each shard once, in any order. The result is \
      byte-identical to the unsharded command in the --format given here. simulate parts hold \
      the whole spec; the parts of perm, chisq, fisher, power and boot hold the command's \
      arguments and the hashes of its input files, which merge reads again (unchanged, at the \
      same paths) for the non-random part of the result. See Guides/ScaleOut.md.
      """)

  @Argument(help: "The part files.") var parts: [String]
  @Option(
    help: "Also draw coverage and rejection rate by scenario (±1.96 MCSE bars) to an SVG file.")
  var plot: String?
  @OptionGroup var format: OutputOptions<TextJSONCSV>

  func run() throws {
    let checked = try ShardParts(paths: parts)
    guard checked.header.command == "simulate" else {
      guard plot == nil else {
        throw ValidationError("--plot draws a simulation study, not a \(checked.header.command)")
      }
      try ShardSession.replay(checked, format: format.chosen)
      return
    }
    guard format.chosen != .csv else {
      throw ValidationError("a simulation study prints text or json, not csv")
    }
    let (spec, tallies) = try SimulationFiles.read(checked)
    let result = try SimulationRunner.summarize(spec, tallies: tallies)
    try SimulateCommand.emitResult(
      result, hash: try SimulationFiles.hash(spec), format: format.chosen, plot: plot)
  }
}

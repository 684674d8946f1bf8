// RandomOptions.swift: `--seed`, `--threads`, `--replicates`: the options of every random command.
import ArgumentParser
import Foundation
import Resample

/// `--seed S --threads T`: reproducibility and parallelism of every command that draws random
/// numbers.
///
/// Results depend only on the inputs, the seed and the replicate count: replicate b always uses
/// stream b of philox4x32-10, so `--threads` changes the speed, never the numbers. The default is
/// every core the process may use.
struct RandomOptions: ParsableArguments {
  @Option(help: "Seed (default: a fresh seed, reported in the output).")
  var seed: UInt64?

  @Option(help: "Worker threads (default: all cores; results never depend on it).")
  var threads: Int?

  func validate() throws {
    if let threads, threads < 1 {
      throw invalidOption("--threads", "\(threads)", expected: "an integer ≥ 1")
    }
  }

  /// Every core the process may use: the default of `--threads` in every command.
  static var allCores: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }

  /// `--threads`, or all cores.
  var threadCount: Int { threads ?? Self.allCores }

  /// `--seed`, or a fresh seed (reported in the result so the run can be repeated).
  func resolvedSeed() -> UInt64 { seed ?? Provenance.freshSeed() }
}

/// `--replicates B` (default 9999, SciPy's): bootstrap resamples or random arrangements.
///
/// The replicate estimates are kept in memory (for quantiles, BCa and studentized intervals):
/// about 30 bytes per replicate, 38 with studentized SEs (measured: 10⁷ replicates peak at
/// 301 MB and 379 MB). B is capped at 10⁸ (about 4 GB) so that a mistyped B is refused at once
/// with its memory estimate instead of exhausting memory.
struct ReplicateOptions: ParsableArguments {
  @Option(
    help: "Random replicates B: bootstrap resamples or permutations (default 9999, at most 1e8).")
  var replicates: Int = 9_999

  /// The largest B, 10⁸.
  static let maximum = 100_000_000
  /// Peak bytes per replicate (studentized, the largest).
  static let bytesPerReplicate = 40

  func validate() throws {
    guard replicates >= 1 else {
      throw invalidOption("--replicates", "\(replicates)", expected: "an integer ≥ 1")
    }
    try Self.requireStorable(replicates)
  }

  /// Refuses more than ``maximum`` replicates whose estimates are kept, with their memory.
  ///
  /// - Parameter reason: what keeps them (`"--method studentized"`), or nil for a command that
  ///   always does.
  static func requireStorable(_ replicates: Int, because reason: String? = nil) throws {
    guard replicates <= Self.maximum else {
      let gigabytes = Double(replicates) * Double(Self.bytesPerReplicate) / 1e9
      let tail =
        reason.map {
          "; \($0) keeps them (boot's other intervals of one or two samples stream up to 1e10 "
            + "replicates in bounded memory)"
        } ?? ""
      throw invalidOption(
        "--replicates", "\(replicates)",
        expected: "at most 100000000: \(replicates) replicates need about "
          + "\(fmt(gigabytes, digits: 3)) GB of memory for their estimates" + tail)
    }
  }
}

/// `boot`'s `--replicates B`: up to 10¹⁰ for one or two samples, in memory that does not grow
/// with B (0/1 data are tabulated over the lattice of count configurations, other data streamed
/// in passes that select the quantiles the intervals read); studentized intervals, `--shard`,
/// several columns and survey designs keep ``ReplicateOptions/maximum``, checked once the data
/// are known (``requireStored(because:)``).
struct BootReplicateOptions: ParsableArguments {
  @Option(
    help:
      "Bootstrap resamples B (default 9999; at most 1e10 in bounded memory; 1e8 with --method studentized, --shard, --columns or a survey design, which store them)."
  )
  var replicates: Int = 9_999

  /// The largest B, 10¹⁰ (about a minute per 10¹⁰ on two cores for 0/1 data; continuous data
  /// take two passes of B resamples of n values).
  static let maximum = 10_000_000_000

  func validate() throws {
    guard replicates >= 1, replicates <= Self.maximum else {
      throw invalidOption(
        "--replicates", "\(replicates)", expected: "an integer from 1 to 10000000000")
    }
  }

  @Option(
    help:
      "Refuse a run needing more random draws than this (B × n, twice when streamed above 2^21; about 1 ns each, so 5e13 is about a day on two cores)."
  )
  var workLimit: Double = 5e13

  /// Refuses a run of `draws` random draws beyond `--work-limit`: a run that would not end in a
  /// working day is an error that says how to shrink or split it, not a silent wait.
  ///
  /// - Parameter draws: B × the draws of one replicate × the passes over the replicates.
  func requireWork(_ draws: Double) throws {
    guard workLimit > 0, workLimit.isFinite else {
      throw invalidOption("--work-limit", "\(workLimit)", expected: "a positive number")
    }
    guard draws <= workLimit else {
      throw InputError.tooLarge(
        what: "this bootstrap (about \(fmt(draws, digits: 2)) random draws: B × the values "
          + "resampled, per pass)",
        limit: "\(fmt(workLimit, digits: 2)) (--work-limit); lower --replicates, or raise "
          + "--work-limit if the hours are meant")
    }
  }

  /// Refuses more than ``ReplicateOptions/maximum`` replicates that will be stored.
  ///
  /// - Parameter reason: what stores them (`"--method studentized"`), or nil.
  func requireStored(because reason: String? = nil) throws {
    try ReplicateOptions.requireStorable(replicates, because: reason)
  }
}

/// `--level L` (default 0.95): the confidence level of the intervals a command reports.
struct LevelOptions: ParsableArguments {
  @Option(help: "Confidence level, strictly between 0 and 1 (default 0.95).")
  var level: Double = 0.95

  func validate() throws {
    do {
      try InputError.requireLevel(level, "--level")
    } catch let e as InputError {
      throw ValidationError(e.description)
    }
  }
}

/// The error for an option value out of range, worded as
/// ``InputError/invalidParameter(name:value:expected:)``.
func invalidOption(_ name: String, _ value: String, expected: String) -> ValidationError {
  ValidationError(
    InputError.invalidParameter(name: name, value: value, expected: expected).description)
}

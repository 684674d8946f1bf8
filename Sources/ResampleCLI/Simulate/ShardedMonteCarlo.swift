// ShardedMonteCarlo.swift: the Monte Carlo p-values of chisq and fisher (--monte-carlo B) over a
// shard's range of random tables, or from the merged parts' count of exceedances.
import ArgumentParser
import Resample

extension MonteCarloOptionsGroup {
  /// Runs a test with this run's Monte Carlo options: all B tables; one shard's range (nil is
  /// returned once its part, the count of exceedances, is written); or, in `merge`, no tables
  /// at all, the result then carrying the merged count.
  ///
  /// - Parameters:
  ///   - sharding: --shard and --output.
  ///   - command: the command's name.
  ///   - run: the test with the given Monte Carlo options (nil: no Monte Carlo).
  ///   - monteCarlo: where the result keeps its Monte Carlo p-value.
  ///   - merged: sets what else follows from the merged p-value (fisher's p).
  func sharded<Result>(
    _ sharding: ShardOptions, command: String,
    run: (MonteCarloOptions?) throws -> Result,
    monteCarlo: WritableKeyPath<Result, MonteCarloPValue?>,
    merged: (inout Result, MonteCarloPValue) -> Void = { _, _ in }
  ) throws -> Result? {
    guard var options = options() else {
      guard sharding.shard == nil else {
        throw ValidationError("--shard splits the B random tables of --monte-carlo B: give it")
      }
      return try run(nil)
    }
    var result: Result?
    let tally = try ShardSession.tally(
      sharding, command: command, seed: random.seed, replicates: options.replicates
    ) { range in
      options.range = range
      let r = try run(options)
      result = r
      return ReplicateTally(counts: [r[keyPath: monteCarlo]?.exceedances ?? 0])
    }
    guard let tally else { return nil }
    guard tally.counts.count == 1 else {
      throw InputError.invalidData(source: "parts", reason: "not the tallies of a Monte Carlo test")
    }
    if result == nil {
      // merge: the non-random part of the result, then the merged count.
      options.range = 0..<0
      result = try run(options)
    }
    guard var r = result else { return nil }
    if r[keyPath: monteCarlo] != nil {
      let mc = MonteCarloPValue(
        replicates: options.replicates, seed: options.seed, exceedances: tally.counts[0])
      r[keyPath: monteCarlo] = mc
      merged(&r, mc)
    }
    return r
  }
}

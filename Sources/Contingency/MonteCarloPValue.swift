// MonteCarloPValue.swift: the Monte Carlo p-value result and the thread-count-independent driver.
import Foundation
import RandomStreams
import ResampleCore

/// Options for a Monte Carlo p-value.
public struct MonteCarloOptions: Sendable, Equatable {
  /// Number of random tables B (1 ≤ B ≤ 10⁹).
  public var replicates: Int
  /// The seed of the Philox streams; replicate b uses stream b.
  public var seed: UInt64
  /// Worker threads, `nil` for one per active processor.
  ///
  /// The result never depends on it.
  public var threads: Int?
  /// Only the replicates b in this part of `0..<B` (one shard of a run split over machines),
  /// or `nil` for all of them.
  ///
  /// The result's ``MonteCarloPValue/exceedances`` then counts this range only: the counts of
  /// ranges that tile `0..<B` add up to the single run's k (``MonteCarloPValue/init(replicates:seed:exceedances:)``).
  public var range: Range<Int>?

  /// - Parameters:
  ///   - replicates: number of random tables B.
  ///   - seed: the generator seed.
  ///   - threads: worker threads, or `nil` for one per processor.
  ///   - range: only these replicate indices (a shard), or `nil` for all B.
  public init(replicates: Int, seed: UInt64, threads: Int? = nil, range: Range<Int>? = nil) {
    self.replicates = replicates
    self.seed = seed
    self.threads = threads
    self.range = range
  }

  /// Throws unless the replicate count and thread count are usable.
  func validate() throws {
    guard replicates >= 1, replicates <= 1_000_000_000 else {
      throw InputError.invalidParameter(
        name: "replicates", value: "\(replicates)", expected: "an integer in 1...1000000000")
    }
    if let threads, threads < 1 {
      throw InputError.invalidParameter(
        name: "threads", value: "\(threads)", expected: "a positive integer")
    }
    if let range, range.lowerBound < 0 || range.upperBound > replicates {
      throw InputError.invalidParameter(
        name: "range", value: "\(range)", expected: "replicate indices within 0..<\(replicates)")
    }
  }
}

/// A Monte Carlo p-value: `p = (1 + k) / (B + 1)` where k of the B simulated statistics are at
/// least as extreme as the observed one (R's and SciPy's convention; never 0).
///
/// The standard error is `sqrt(p (1 − p) / B)`, the binomial standard error of the estimate
/// evaluated at the reported p.
public struct MonteCarloPValue: Sendable, Equatable, Hashable {
  /// Number of random tables B.
  public var replicates: Int
  /// The seed used.
  public var seed: UInt64
  /// k: simulated statistics at least as extreme as the observed one.
  public var exceedances: Int
  /// `(1 + k) / (B + 1)`.
  public var pValue: Double
  /// `sqrt(p (1 − p) / B)`.
  public var standardError: Double
  /// The generator, `"philox4x32-10/1"`; replicate b draws only from stream b.
  public var rng: String { Philox4x32.identifier }
  /// Whether ``pValue`` is only an upper bound (k = 0).
  ///
  /// No simulated statistic was as extreme as the observed one, so the data say only that p is
  /// below `1 / (B + 1)`, the smallest value the convention can report; ``standardError`` then
  /// describes no estimate.
  ///
  /// ``pValue`` keeps the conventional `1 / (B + 1)` (a valid p-value, as R and SciPy report);
  /// this flag tells a reader to print it as `p < 1/(B + 1)`. A larger B sharpens the bound.
  public var isUpperBound: Bool { exceedances == 0 }

  /// Builds the result from the count of exceedances (for example the sum of the counts of
  /// shards whose ranges tile `0..<B`).
  ///
  /// - Parameters:
  ///   - replicates: B.
  ///   - seed: the seed.
  ///   - exceedances: k, simulated statistics at least as extreme as the observed one.
  public init(replicates: Int, seed: UInt64, exceedances: Int) {
    self.replicates = replicates
    self.seed = seed
    self.exceedances = exceedances
    let p = Double(1 + exceedances) / Double(replicates + 1)
    self.pValue = p
    self.standardError = (p * (1 - p) / Double(replicates)).squareRoot()
  }
}

/// A sampler of count vectors (random tables, multinomial draws) the Monte Carlo driver draws
/// one vector per replicate from.
protocol CountVectorSampler: Sendable {
  /// The number of counts in one draw.
  var cellCount: Int { get }
  /// Draws one vector of ``cellCount`` counts into `cells`.
  func sample<G: RandomNumberGenerator>(
    into cells: UnsafeMutableBufferPointer<Int>, using generator: inout G)
}

extension RandomTableSampler: CountVectorSampler {
  var cellCount: Int { rowSums.count * columnSums.count }
}

extension MultinomialSampler: CountVectorSampler {
  var cellCount: Int { categoryCount }
}

/// The Monte Carlo p-value over B random count vectors (tables with fixed margins, multinomial
/// draws): replicate b draws vector b with `sampler` from its own generator
/// `Philox4x32(seed: seed, stream: b)`, so the count of extreme vectors does not depend on the
/// number of threads or on how replicates are chunked.
///
/// - Parameters:
///   - options: replicates, seed and threads.
///   - sampler: draws one vector (for tables, row-major cells) per replicate.
///   - isExtreme: whether a drawn vector is at least as extreme as the observed one.
/// - Complexity: B draws and calls of `isExtreme`, spread over the threads.
func monteCarloPValue<Sampler: CountVectorSampler>(
  _ options: MonteCarloOptions, sampler: Sampler,
  isExtreme: @escaping @Sendable (UnsafeMutableBufferPointer<Int>) -> Bool
) -> MonteCarloPValue {
  let b = options.replicates
  let range = options.range ?? 0..<b
  let threads = max(1, min(options.threads ?? activeProcessorCount(), 64))
  // Chunks of at most 4096 replicates, at least 4 per thread when B allows, so the load
  // balances; the count is a sum of integers, so the chunking never changes it.
  let chunkSize = max(1, min(4096, range.count / (threads * 4)))
  let seed = options.seed
  let cellCount = sampler.cellCount
  let k = ParallelFor.sum(count: range.count, chunkSize: chunkSize, threads: threads) { chunk in
    var cells = [Int](repeating: 0, count: cellCount)
    return cells.withUnsafeMutableBufferPointer { buffer in
      var k = 0
      for r in (chunk.lowerBound + range.lowerBound)..<(chunk.upperBound + range.lowerBound) {
        var g = Philox4x32(seed: seed, stream: UInt64(r))
        sampler.sample(into: buffer, using: &g)
        if isExtreme(buffer) { k += 1 }
      }
      return k
    }
  }
  return MonteCarloPValue(replicates: b, seed: seed, exceedances: k)
}

/// The number of processors available to this process.
func activeProcessorCount() -> Int {
  max(1, ProcessInfo.processInfo.activeProcessorCount)
}

// Streamed selection: the same intervals, standard error and bias as stored replicates, whatever
// the piece size, sorting capacity or thread count.
import Foundation
import ResampleCore
import Testing
import _TestSupport

@testable import Resampling

private func uniform(_ n: Int, seed: UInt64) -> [Double] {
  var g = SeededLCG(seed: seed)
  return g.draws(n) { $0.unit() }
}

/// Statistics whose replicates are continuous, heavily tied, or sometimes not finite.
private let streamedCases: [(String, [[Double]], BootstrapStatistic)] = {
  let x = uniform(57, seed: 11).map { exp(2 * $0) }
  let y = uniform(43, seed: 12).map { 3 * $0 - 1 }
  let tied = uniform(41, seed: 13).map { ($0 * 6).rounded(.down) }
  let signed = uniform(30, seed: 14).map { $0 - 0.5 }
  return [
    ("mean", [x], .sample(.mean)),
    ("median of tied data", [tied], .sample(.median)),
    ("difference of medians, ties", [tied, tied.map { $0 + 1 }], .difference(.median)),
    ("difference of means around 0", [signed, signed.reversed()], .difference(.mean)),
    ("trimmed mean", [y], .sample(.trimmedMean(0.2))),
    ("ratio of means", [x, y.map { $0 + 2 }], .ratio(.mean)),
    (
      "sometimes infinite", [x],
      .custom(name: "odd", statistic: { s in s[0][0] > 4 ? .infinity : s[0].reduce(0, +) })
    ),
  ]
}()

private let allMethods: [IntervalMethod] = [.percentile, .basic, .normal, .bca]

/// Expects the streamed result to equal the stored one: endpoints, Monte Carlo errors and
/// diagnostics exactly, standard error and bias within 1e-12 relative.
private func expectSame(
  _ streamed: BootstrapResult, _ stored: BootstrapResult, _ label: String
) {
  #expect(streamed.intervals.count == stored.intervals.count, "\(label)")
  for (s, r) in zip(streamed.intervals, stored.intervals) {
    let same =
      s.lower.bitPattern == r.lower.bitPattern || s.lower == r.lower
      || (s.lower.isNaN && r.lower.isNaN)
    let sameUpper =
      s.upper == r.upper || (s.upper.isNaN && r.upper.isNaN)
    #expect(
      same && sameUpper, "\(label) \(s.method): \(s.lower)…\(s.upper) vs \(r.lower)…\(r.upper)")
    #expect(
      s.lowerMonteCarloError == r.lowerMonteCarloError
        || (s.lowerMonteCarloError.isNaN && r.lowerMonteCarloError.isNaN), "\(label) \(s.method)")
    #expect(
      s.upperMonteCarloError == r.upperMonteCarloError
        || (s.upperMonteCarloError.isNaN && r.upperMonteCarloError.isNaN), "\(label) \(s.method)")
    #expect(s.diagnostics == r.diagnostics, "\(label) \(s.method)")
  }
  func close(_ a: Double, _ b: Double) -> Bool {
    a == b || (a.isNaN && b.isNaN) || abs(a - b) <= 1e-12 * max(abs(a), abs(b))
  }
  #expect(close(streamed.standardError, stored.standardError), "\(label) se")
  #expect(close(streamed.bias, stored.bias), "\(label) bias")
  #expect(streamed.diagnostics == stored.diagnostics, "\(label)")
  #expect(streamed.biasCorrection == stored.biasCorrection, "\(label) z0")
  #expect(streamed.acceleration == stored.acceleration, "\(label) a")
  #expect(streamed.replicates == stored.replicates && streamed.distribution.isEmpty)
}

@Test(arguments: 0..<7)
func streamedSelectionMatchesStoredReplicates(_ i: Int) throws {
  let (name, samples, stat) = streamedCases[i]
  let boot = try Bootstrap(samples: samples, statistic: stat)
  for alternative in [Alternative.twoSided, .less, .greater] {
    for level in [0.8, 0.95, 0.999] {
      for threads in [1, 2] {
        let stored = try boot.run(
          replicates: 10_000, seed: 7, methods: allMethods, level: level,
          alternative: alternative, threads: threads)
        // A small capacity forces refining passes; 0 refines down to single values.
        for capacity in [0, 64, 1 << 21] {
          let streamed = try boot.streamedResult(
            replicates: 10_000, seed: 7, methods: allMethods, level: level,
            alternative: alternative, threads: threads, ties: .half, piece: 4_096,
            capacity: capacity)
          expectSame(streamed, stored, "\(name) \(alternative) \(level) t\(threads) c\(capacity)")
        }
      }
    }
  }
}

@Test func streamedSelectionMatchesAtOneHundredThousandReplicates() throws {
  for (name, samples, stat) in [streamedCases[0], streamedCases[1]] {
    let boot = try Bootstrap(samples: samples, statistic: stat)
    for ties in [BCaTieRule.half, .strict] {
      let stored = try boot.run(
        replicates: 100_000, seed: 3, methods: allMethods, threads: 2, ties: ties)
      let streamed = try boot.streamedResult(
        replicates: 100_000, seed: 3, methods: allMethods, level: 0.95,
        alternative: .twoSided, threads: 2, ties: ties, piece: 30_000, capacity: 1_000)
      expectSame(streamed, stored, "\(name) B=1e5 \(ties)")
    }
  }
}

@Test func streamedResultDoesNotDependOnPieceSizeOrCapacity() throws {
  var g = SeededLCG(seed: 99)
  for trial in 0..<6 {
    let n = 5 + trial * 7
    let data = g.draws(n) { ($0.unit() * 10).rounded(.down) / 3 }
    let stat: BootstrapStatistic = trial.isMultiple(of: 2) ? .sample(.median) : .sample(.mean)
    let boot = try Bootstrap(samples: [data], statistic: stat)
    let b = 3_000 + trial * 1_111
    let reference = try boot.streamedResult(
      replicates: b, seed: UInt64(trial), methods: allMethods, level: 0.9,
      alternative: .twoSided, threads: 1, ties: .half)
    for piece in [1, 7, 256, 1_000, b] {
      for capacity in [0, 5, 300] {
        let r = try boot.streamedResult(
          replicates: b, seed: UInt64(trial), methods: allMethods, level: 0.9,
          alternative: .twoSided, threads: 2, ties: .half, piece: piece, capacity: capacity)
        #expect(r == reference, "trial \(trial) piece \(piece) capacity \(capacity)")
      }
    }
  }
}

@Test func streamedSelectionRefusesStudentizedIntervals() throws {
  let boot = try Bootstrap(samples: [uniform(20, seed: 1)], statistic: .sample(.mean))
  #expect(throws: InputError.self) {
    try boot.streamedResult(
      replicates: 100, seed: 1, methods: [.studentized], level: 0.95, alternative: .twoSided,
      threads: 1, ties: .half)
  }
}

@Test func streamedSelectionOfZeroOneDataTabulates() throws {
  let bits = uniform(60, seed: 5).map { $0 < 0.3 ? 1.0 : 0.0 }
  let boot = try Bootstrap(samples: [bits], statistic: .sample(.proportion))
  let stored = try boot.run(replicates: 5_000, seed: 2, methods: allMethods)
  let streamed = try boot.streamedResult(
    replicates: 5_000, seed: 2, methods: allMethods, level: 0.95, alternative: .twoSided,
    threads: 1, ties: .half)
  expectSame(streamed, stored, "0/1")
}

@Test func orderKeysPreserveTheOrderOfDoubles() {
  let xs: [Double] = [
    -.greatestFiniteMagnitude, -1e300, -2, -1, -.leastNonzeroMagnitude, -0.0, 0.0,
    .leastNonzeroMagnitude, .leastNormalMagnitude, 1, 1.5, 2, 1e300, .greatestFiniteMagnitude,
  ]
  for (a, b) in zip(xs, xs.dropFirst()) {
    #expect(StreamedQuantileSelection.key(a) < StreamedQuantileSelection.key(b))
  }
  for x in xs {
    let back = StreamedQuantileSelection.value(ofKey: StreamedQuantileSelection.key(x))
    #expect(back.bitPattern == x.bitPattern)
  }
}

/// Replicate b of a synthetic stream: heavy ties, both signed zeros, huge and tiny magnitudes,
/// and non-finite values, as a pure function of b.
private func synthetic(_ b: Int) -> Double {
  var g = SeededLCG(seed: UInt64(b) &* 2_654_435_761 &+ 1)
  let u = g.unit()
  switch b % 9 {
  case 0: return (u * 4).rounded(.down)
  case 1: return b % 2 == 0 ? 0.0 : -0.0
  case 2: return (u - 0.5) * 1e300
  case 3: return (u - 0.5) * 1e-300
  case 4: return u < 0.1 ? .nan : (u < 0.2 ? -.infinity : u)
  default: return u * u - 0.3
  }
}

@Test func selectionFindsEveryRankOfASyntheticStream() {
  let b = 5_000
  let values = (0..<b).map(synthetic)
  let sorted = values.filter(\.isFinite).sorted()
  let estimate = 0.0
  for (piece, capacity) in [(b, 1 << 21), (333, 100), (64, 0)] {
    let selection = StreamedQuantileSelection(
      replicates: b, piece: piece, capacity: capacity
    ) { base, out in
      for i in out.indices { out[i] = synthetic(base + i) }
    }
    let outcome = selection.run(estimate: estimate) { n, _, _ in Array(0..<n) }
    #expect(outcome.finite == sorted.count)
    #expect(outcome.below == sorted.filter { $0 < estimate }.count)
    #expect(outcome.equal == sorted.filter { $0 == estimate }.count)
    #expect(outcome.sum == values.filter(\.isFinite).reduce(0, +))
    #expect(outcome.distribution.count == sorted.count)
    var same = true
    for r in sorted.indices where outcome.distribution.orderStatistic(r) != sorted[r] {
      same = false
    }
    #expect(same, "piece \(piece) capacity \(capacity)")
    let full = ReplicateQuantile(sorted)
    #expect(outcome.distribution.rank(of: estimate) == full.rank(of: estimate))
    #expect(outcome.distribution.values.count == full.values.count)
    if capacity == 0 { #expect(outcome.passes > 2) }
  }
}

@Test func streamedProgressReportsEachPassToTheEnd() throws {
  let boot = try Bootstrap(samples: [uniform(15, seed: 8)], statistic: .sample(.mean))
  var seen: [(Int, Int)] = []
  _ = try boot.streamedResult(
    replicates: 1_000, seed: 1, methods: [.bca], level: 0.95, alternative: .twoSided,
    threads: 1, ties: .half, piece: 300, progress: { seen.append(($0, $1)) })
  #expect(seen.map(\.0) == [1, 1, 1, 1, 2, 2, 2, 2])
  #expect(seen.map(\.1) == [300, 600, 900, 1_000, 300, 600, 900, 1_000])
}

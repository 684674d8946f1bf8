// Samplers.swift: the random-number kernels every resampling result stands on, at the sizes the
// peer workloads use them (Benchmarks/peers/README.md). Each benchmark iteration draws a whole
// workload's worth, one Philox4x32 stream per replicate as the engine does.
import Benchmark
import BenchmarkSupport
import Foundation
import Resample

let benchmarks: @Sendable () -> Void = {
  let config = Benchmark.Configuration(
    metrics: [.wallClock, .mallocCountTotal, .throughput], maxDuration: .seconds(2),
    maxIterations: 200)

  // W2/W5-style index draws: 1e6 bounded integers (Lemire, no modulo bias) in 0..<10,000.
  Benchmark("bounded integers, 1e6 draws below 10,000 (Lemire)", configuration: config) {
    benchmark in
    for _ in benchmark.scaledIterations {
      var g = Philox4x32(seed: 12345, stream: 0)
      var s: UInt64 = 0
      for _ in 0..<1_000_000 { s &+= g.nextBounded(10_000 as UInt64) }
      blackHole(s)
    }
  }

  // The batch kernels the engine uses (RandomStreams' _RandomKernels), per instruction set:
  // 1e6 Philox blocks of one stream, and 1e6 16-bit Lemire draws below 10,000 from them.
  for set in Philox4x32.InstructionSet.allCases where set <= Philox4x32.InstructionSet.best {
    Benchmark("Philox blocks in batch, 1e6 blocks (\(set.name))", configuration: config) {
      benchmark in
      var words = [UInt64](repeating: 0, count: 64)
      for _ in benchmark.scaledIterations {
        var acc: UInt64 = 0
        words.withUnsafeMutableBufferPointer { w in
          for b in stride(from: 0, to: 1_000_000, by: 32) {
            Philox4x32.fillBlocks(
              seed: 12345, stream: 0, firstBlock: UInt64(b), into: w, instructionSet: set)
            acc ^= w[0] ^ w[63]
          }
        }
        blackHole(acc)
      }
    }
    Benchmark("Lemire16 in batch, 1e6 draws below 10,000 (\(set.name))", configuration: config) {
      benchmark in
      var g = Philox4x32(seed: 12345, stream: 0)
      let words = (0..<4_096).map { _ in g.next() }
      var out = [UInt32](repeating: 0, count: 20_000)
      for _ in benchmark.scaledIterations {
        var total = 0
        words.withUnsafeBufferPointer { w in
          out.withUnsafeMutableBufferPointer { o in
            while total < 1_000_000 {
              var produced = 0
              _ = Lemire16.indices(
                fromWords: w, bound: 10_000, into: o, produced: &produced, instructionSet: set)
              total += produced
            }
          }
        }
        blackHole(total)
      }
    }
  }

  // 1e6 doubles from one stream, uniform and then normal (ziggurat). The choice is made outside
  // the timed loop, so each loop is as tight as in a benchmark of its own.
  for normal in [false, true] {
    let name = normal ? "normal (ziggurat), 1e6 draws" : "uniform doubles, 1e6 draws"
    Benchmark(name, configuration: config) { benchmark in
      for _ in benchmark.scaledIterations {
        var g = Philox4x32(seed: 12345, stream: 0)
        var s = 0.0
        if normal {
          for _ in 0..<1_000_000 { s += g.nextNormal() }
        } else {
          for _ in 0..<1_000_000 { s += g.nextUniform() }
        }
        blackHole(s)
      }
    }
  }

  // W1: two binomial draws per replicate (31/50 and 21/49), B = 1e6, a stream per replicate.
  let a = valid { try BinomialSampler(trials: 50, probability: 0.62) }
  let b = valid { try BinomialSampler(trials: 49, probability: 21.0 / 49.0) }
  Benchmark("binomial, W1: 2 draws × 1e6 replicates (n = 50, 49)", configuration: config) {
    benchmark in
    for _ in benchmark.scaledIterations {
      var s = 0
      for r in 0..<1_000_000 {
        var g = Philox4x32(seed: 12345, stream: UInt64(r))
        s &+= a.sample(using: &g) &- b.sample(using: &g)
      }
      blackHole(s)
    }
  }

  // Large n·p takes the BTPE path.
  let large = valid { try BinomialSampler(trials: 100_000, probability: 0.3) }
  Benchmark("binomial, n = 1e5, p = 0.3 (BTPE), 1e6 draws", configuration: config) { benchmark in
    for _ in benchmark.scaledIterations {
      var g = Philox4x32(seed: 12345, stream: 0)
      var s = 0
      for _ in 0..<1_000_000 { s &+= large.sample(using: &g) }
      blackHole(s)
    }
  }

  // W3's collapsed plan: a segment of 60 respondents as counts over 60 categories, 1e4
  // replicates (the multinomial that replaces 60 index draws).
  let multi = valid {
    try MultinomialSampler(trials: 60, probabilities: [Double](repeating: 1.0 / 60, count: 60))
  }
  countVectorBenchmark(
    "multinomial, 60 trials over 60 categories × 1e4 replicates", multi, cells: 60,
    replicates: 10_000, configuration: config)

  // W4: 1e5 random 3×4 tables with the observed margins (Patefield 1981, R's r2dtable).
  let tables = valid {
    try RandomTableSampler(rowSums: [40, 34, 82], columnSums: [39, 44, 29, 44])
  }
  countVectorBenchmark(
    "Patefield tables, W4 3×4 margins × 1e5", tables, cells: 12, replicates: 100_000,
    configuration: config)

  // W5: 1e5 permutations of 1,000 values, each a partial Fisher–Yates of 500 positions.
  Benchmark("partial shuffle, 500 of 1,000 × 1e5 (W5)", configuration: config) { benchmark in
    var labels = Array(0..<1_000)
    for _ in benchmark.scaledIterations {
      var s = 0
      for r in 0..<100_000 {
        var g = Philox4x32(seed: 12345, stream: UInt64(r))
        labels.partialShuffle(count: 500, using: &g)
        s &+= labels[0]
      }
      blackHole(s)
    }
  }
}

/// The samplers that draw a whole vector of counts into a buffer: multinomial draws and random
/// tables with fixed margins.
protocol CountVectorSampling {
  func sample<G: RandomNumberGenerator>(
    into counts: UnsafeMutableBufferPointer<Int>, using generator: inout G)
}

extension MultinomialSampler: CountVectorSampling {}
extension RandomTableSampler: CountVectorSampling {}

/// Registers a benchmark that draws `replicates` count vectors of `cells` cells with `sampler`
/// into one reused buffer, replicate r from its own stream `Philox4x32(seed: 12345, stream: r)`
/// as the engine does.
///
/// - Parameters:
///   - name: the benchmark's name.
///   - sampler: the sampler (generic, so each use is specialized: no dynamic dispatch per draw).
///   - cells: the counts per vector.
///   - replicates: vectors per iteration.
///   - configuration: the metrics and limits.
func countVectorBenchmark<Sampler: CountVectorSampling & Sendable>(
  _ name: String, _ sampler: Sampler, cells: Int, replicates: Int,
  configuration: Benchmark.Configuration
) {
  Benchmark(name, configuration: configuration) { benchmark in
    var counts = [Int](repeating: 0, count: cells)
    for _ in benchmark.scaledIterations {
      counts.withUnsafeMutableBufferPointer { buf in
        for r in 0..<replicates {
          var g = Philox4x32(seed: 12345, stream: UInt64(r))
          sampler.sample(into: buf, using: &g)
        }
      }
      blackHole(counts)
    }
  }
}

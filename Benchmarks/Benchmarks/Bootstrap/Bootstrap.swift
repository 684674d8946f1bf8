// Bootstrap.swift: the bootstrap kernels on the peer workloads (Benchmarks/peers/README.md):
// W1 (two proportions, the binomial/lattice path), W2 (10,000 lognormal values: each interval
// method for the mean, and the median), and the resample-count × data dgemm path of W3.
import Benchmark
import BenchmarkSupport
import Foundation
import Resample

let benchmarks: @Sendable () -> Void = {
  let blas = BLASRuntime.coreName
  let heavy = Benchmark.Configuration(
    metrics: [.wallClock, .mallocCountTotal, .peakMemoryResident],
    maxDuration: .seconds(3), maxIterations: 50)

  // W1: 31/50 vs 21/49, BCa of the difference; 0/1 samples take the binomial/lattice path.
  let a = [Double](repeating: 1, count: 31) + [Double](repeating: 0, count: 19)
  let b = [Double](repeating: 1, count: 21) + [Double](repeating: 0, count: 28)
  for replicates in [10_000, 1_000_000] {
    Benchmark("W1 difference of proportions, BCa, B = \(replicates)", configuration: heavy) {
      benchmark in
      for _ in benchmark.scaledIterations {
        let boot = valid { try Bootstrap(samples: [a, b], statistic: .difference(.proportion)) }
        blackHole(valid { try boot.run(replicates: replicates, seed: 12345, methods: [.bca]) })
      }
    }
  }

  // W2: the mean of 10,000 lognormal values, B = 10,000, each interval method on its own.
  let x = valid { try NumberList.read(path: peerData("w2.txt")) }
  for method in IntervalMethod.allCases {
    Benchmark("W2 mean, \(method.rawValue), B = 1e4", configuration: heavy) { benchmark in
      for _ in benchmark.scaledIterations {
        let boot = valid { try Bootstrap(samples: [x], statistic: .sample(.mean)) }
        blackHole(valid { try boot.run(replicates: 10_000, seed: 12345, methods: [method]) })
      }
    }
  }
  Benchmark("W2 median, percentile, B = 1e4", configuration: heavy) { benchmark in
    for _ in benchmark.scaledIterations {
      let boot = valid { try Bootstrap(samples: [x], statistic: .sample(.median)) }
      blackHole(valid { try boot.run(replicates: 10_000, seed: 12345, methods: [.percentile]) })
    }
  }

  // W3's linear-statistic path: resample counts (B × n_s) times the 0/1 data (n_s × 40) through
  // dgemm. One block of 10,000 replicates for a segment of 156 respondents.
  let counts = Matrix(
    rows: 10_000, columns: 156,
    columnMajor: (0..<(10_000 * 156)).map { Double(($0 &* 2_654_435_761) % 3) })
  let answers = Matrix(
    rows: 156, columns: 40, columnMajor: (0..<(156 * 40)).map { Double(($0 * 7 + 3) % 2) })
  Benchmark("dgemm counts (1e4×156) · data (156×40) [\(blas)]", configuration: heavy) {
    benchmark in
    for _ in benchmark.scaledIterations {
      blackHole(counts * answers)
    }
  }

  // W3 end to end: 120 contrasts (40 questions × 3 segment pairs) from one joint resample.
  let table = valid { try CSVTable.read(path: peerData("w3.csv")) }
  let segments = valid { try table.numericColumn(named: "segment").map { Int($0) } }
  let questions = table.header.filter { $0 != "segment" }
  let data = Matrix(
    rows: segments.count, columns: questions.count,
    columnMajor: questions.flatMap { q in valid { try table.numericColumn(named: q) } })
  Benchmark("W3 120 segment contrasts, joint stratified, B = 1e4 [\(blas)]", configuration: heavy) {
    benchmark in
    for _ in benchmark.scaledIterations {
      let boot = valid { try SegmentContrastBootstrap(data: data, segments: segments) }
      blackHole(valid { try boot.run(replicates: 10_000, seed: 12345) })
    }
  }
}

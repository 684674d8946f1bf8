// Bootstrap.swift: the bootstrap kernels on the peer workloads (Benchmarks/peers/README.md):
// W1 (two proportions, the binomial/lattice path), W2 (10,000 lognormal values: each interval
// method for the mean, and the median), and the resample-count × data dgemm path of W3.
import Benchmark
import Foundation
import Resample

let benchmarks: @Sendable () -> Void = {
  let blas = BLASRuntime.coreName
  let heavy = Benchmark.Configuration(
    metrics: [.wallClock, .mallocCountTotal, .peakMemoryResident],
    maxDuration: .seconds(3), maxIterations: 50)

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
}

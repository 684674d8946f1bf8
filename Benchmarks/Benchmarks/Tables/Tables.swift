// Tables.swift: contingency-table tests on W4 ([[12,5,9,14],[7,14,3,10],[20,25,17,20]]) and
// a 2×2 table: Monte Carlo χ² with fixed margins, Fisher's exact r×c and 2×2 (with the
// conditional odds ratio and its interval), the asymptotic χ² family.
import Benchmark
import BenchmarkSupport
import Resample

let benchmarks: @Sendable () -> Void = {
  let config = Benchmark.Configuration(
    metrics: [.wallClock, .mallocCountTotal], maxDuration: .seconds(2), maxIterations: 200)
  let w4 = valid {
    try ContingencyTable(rows: [[12, 5, 9, 14], [7, 14, 3, 10], [20, 25, 17, 20]])
  }
  let t22 = valid { try ContingencyTable(rows: [[50, 32], [32, 42]]) }

  Benchmark("W4 Monte Carlo χ², B = 1e5", configuration: config) { benchmark in
    for _ in benchmark.scaledIterations {
      blackHole(
        valid {
          try monteCarloChiSquared(w4, options: MonteCarloOptions(replicates: 100_000, seed: 12345))
        })
    }
  }
  Benchmark("W4 Fisher exact r×c", configuration: config) { benchmark in
    for _ in benchmark.scaledIterations {
      blackHole(valid { try fisherExactTest(w4) })
    }
  }
  Benchmark("Fisher exact 2×2 with conditional odds ratio and CI", configuration: config) {
    benchmark in
    for _ in benchmark.scaledIterations {
      blackHole(valid { try fisherExactTest(t22) })
    }
  }
  Benchmark("W4 Pearson and G χ², asymptotic", configuration: config) { benchmark in
    for _ in benchmark.scaledIterations {
      blackHole(valid { try chiSquaredTest(w4, correction: .none) })
    }
  }
}

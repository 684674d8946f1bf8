// Permutation.swift: W5, the permutation test of a difference in means (500 + 500 values,
// 100,000 permutations), and a small exact enumeration.
import Benchmark
import BenchmarkSupport
import Foundation
import Resample

let benchmarks: @Sendable () -> Void = {
  let config = Benchmark.Configuration(
    metrics: [.wallClock, .mallocCountTotal, .peakMemoryResident], maxDuration: .seconds(3),
    maxIterations: 30)
  let table = valid { try CSVTable.read(path: peerData("w5.csv")) }
  let group = valid { try table.column(named: "sample") }
  let value = valid { try table.numericColumn(named: "value") }
  let x = zip(group, value).filter { $0.0 == "x" }.map(\.1)
  let y = zip(group, value).filter { $0.0 == "y" }.map(\.1)

  Benchmark("W5 difference in means, 500 + 500, B = 1e5", configuration: config) { benchmark in
    for _ in benchmark.scaledIterations {
      let test = valid { try PermutationTest(first: x, second: y) }
      blackHole(valid { try test.run(replicates: 100_000, seed: 12345) })
    }
  }
  Benchmark("W5 difference in medians, 500 + 500, B = 1e4", configuration: config) { benchmark in
    for _ in benchmark.scaledIterations {
      let test = valid { try PermutationTest(first: x, second: y, statistic: .differenceOfMedians) }
      blackHole(valid { try test.run(replicates: 10_000, seed: 12345) })
    }
  }
  // 8 + 8 values: C(16, 8) = 12,870 arrangements, enumerated exactly.
  let small = Array(x.prefix(8))
  let small2 = Array(y.prefix(8))
  Benchmark("exact enumeration, 8 + 8 (12,870 arrangements)", configuration: config) { benchmark in
    for _ in benchmark.scaledIterations {
      let test = valid { try PermutationTest(first: small, second: small2) }
      blackHole(valid { try test.run(replicates: 20_000, seed: 12345) })
    }
  }
}

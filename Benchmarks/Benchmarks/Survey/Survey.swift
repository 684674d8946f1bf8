// Survey.swift: the enumeration behind `resample compare` on published percentages (every
// integer table consistent with rounded percentages, each tested with Fisher's exact test), the
// paired feasible tables (McNemar exact), and simulated power (W6).
import Benchmark
import BenchmarkSupport
import Resample

let benchmarks: @Sendable () -> Void = {
  let config = Benchmark.Configuration(
    metrics: [.wallClock, .mallocCountTotal], maxDuration: .seconds(2), maxIterations: 500)
  let p61 = valid { try PublishedPercentage("61", decimals: 0) }
  let p43 = valid { try PublishedPercentage("43", decimals: 0) }

  // Ardour 2013: 61 % vs 43 %, segments summing to 156 (65 consistent tables).
  Benchmark("consistent tables 61 % vs 43 % of 156, with Fisher p each", configuration: config) {
    benchmark in
    for _ in benchmark.scaledIterations {
      let e = valid {
        try ConsistentTableEnumeration.enumerate(
          segmentNames: ["a", "b"], percentages: [p61, p43], sizeRanges: [1...155, 1...155],
          total: 156)
      }
      blackHole(valid { try SplitSensitivity(enumeration: e) })
    }
  }

  // One decimal and a larger survey: 61.0 % vs 43.0 % of 2,000.
  let p610 = valid { try PublishedPercentage("61.0", decimals: 1) }
  let p430 = valid { try PublishedPercentage("43.0", decimals: 1) }
  Benchmark(
    "consistent tables 61.0 % vs 43.0 % of 2,000, with Fisher p each", configuration: config
  ) { benchmark in
    for _ in benchmark.scaledIterations {
      let e = valid {
        try ConsistentTableEnumeration.enumerate(
          segmentNames: ["a", "b"], percentages: [p610, p430],
          sizeRanges: [1...1_999, 1...1_999], total: 2_000)
      }
      blackHole(valid { try SplitSensitivity(enumeration: e) })
    }
  }

  // Paired: 51 % vs 38 % of the same 156 (242 feasible tables).
  let p51 = valid { try PublishedPercentage("51", decimals: 0) }
  let p38 = valid { try PublishedPercentage("38", decimals: 0) }
  Benchmark("paired feasible tables 51 % vs 38 % of 156, McNemar exact", configuration: config) {
    benchmark in
    for _ in benchmark.scaledIterations {
      blackHole(valid { try PairedFeasibleTables.enumerate(first: p51, second: p38, n: 156) })
    }
  }

  // W6: simulated power of the pooled z-test, 10,000 studies at each of 10 sizes.
  Benchmark("W6 simulated power, 10 sizes × 1e4 studies", configuration: config) { benchmark in
    for _ in benchmark.scaledIterations {
      for n in stride(from: 20, through: 200, by: 20) {
        blackHole(
          valid {
            try TwoProportionPower.simulatedPower(
              p1: 0.61, p2: 0.43, n1: n, n2: n, test: .pooledZ, studies: 10_000, seed: 12345)
          })
      }
    }
  }
  Benchmark("exact power by enumeration, n = 200 per group", configuration: config) {
    benchmark in
    for _ in benchmark.scaledIterations {
      blackHole(
        valid {
          try TwoProportionPower.exactPower(p1: 0.61, p2: 0.43, n1: 200, n2: 200, test: .pooledZ)
        })
    }
  }
}

// W2.swift: 10,000 lognormal values; intervals of the mean (BCa, percentile) and of the median
// (percentile), B = 10,000.
import BenchmarkSupport
import Resample

func w2(_ statistic: SampleStatistic, method: IntervalMethod, name: String) -> Workload {
  Workload(
    name: name,
    variant: "Bootstrap(samples: [x], statistic: .sample(.\(statistic.name))).run(B = 1e4, "
      + "[.\(method.rawValue)])"
  ) {
    let x = try NumberList.read(path: peerData("w2.txt"))
    return {
      let boot = try Bootstrap(samples: [x], statistic: .sample(statistic))
      let r = try boot.run(replicates: 10_000, seed: seed, methods: [method], threads: threads)
      return interval(r.interval(method))
    }
  }
}

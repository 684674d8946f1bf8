// W1.swift: two proportions, A 31/50 and B 21/49; BCa interval of pA − pB, each segment
// resampled within itself.
import Resample

func w1(replicates: Int) -> Workload {
  let tag = replicates >= 1_000_000 ? "1e6" : "1e4"
  return Workload(
    name: "W1-bca-\(tag)",
    variant: "Bootstrap(samples: [a, b], statistic: .difference(.proportion)).run(B = \(tag), "
      + "[.bca])"
  ) {
    let a = [Double](repeating: 1, count: 31) + [Double](repeating: 0, count: 19)
    let b = [Double](repeating: 1, count: 21) + [Double](repeating: 0, count: 28)
    return {
      let boot = try Bootstrap(samples: [a, b], statistic: .difference(.proportion))
      let r = try boot.run(replicates: replicates, seed: seed, methods: [.bca], threads: threads)
      return interval(r.interval(.bca))
    }
  }
}

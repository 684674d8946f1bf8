// W6.swift: simulated power of the pooled two-proportion z-test at α = 0.05, p1 = 0.61,
// p2 = 0.43, n = 20, 40, …, 200 per group, 10,000 studies per n.
import Resample

func w6() -> Workload {
  Workload(
    name: "W6",
    variant: "TwoProportionPower.simulatedPower(test: .pooledZ, studies: 10_000) for 10 sizes"
  ) {
    {
      var power: [Double] = []
      for n in stride(from: 20, through: 200, by: 20) {
        let r = try TwoProportionPower.simulatedPower(
          p1: 0.61, p2: 0.43, n1: n, n2: n, alpha: 0.05, test: .pooledZ, studies: 10_000,
          seed: seed, threads: threads)
        power.append(r.power)
      }
      return [("power", .numbers(power))]
    }
  }
}

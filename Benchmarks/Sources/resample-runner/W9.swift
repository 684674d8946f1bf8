// W9.swift: OLS pairs (case) bootstrap of y on x1-x5 with an intercept, n = 10,000, B = 10,000:
// every coefficient's bootstrap SE and 95% percentile interval.
import BenchmarkSupport
import Resample

func w9() -> Workload {
  Workload(
    name: "W9",
    variant: "MultiColumnBootstrap(statistic: .leastSquares(.pairs)).run(replicates: 10_000, "
      + "methods: [.percentile]): blocks of counts × product columns through dgemm, p × p "
      + "Cholesky per replicate"
  ) {
    let table = try CSVTable.read(path: peerData("w9.csv"))
    let names = ["y", "x1", "x2", "x3", "x4", "x5"]
    let columns = try names.map { try table.numericColumn(named: $0) }
    return {
      let boot = try MultiColumnBootstrap(
        columns: columns, names: names, statistic: .leastSquares(.pairs))
      let r = try boot.run(
        replicates: 10_000, seed: seed, methods: [.percentile], threads: threads)
      return [
        ("estimate", .numbers(r.map(\.estimate))),
        ("standard_error", .numbers(r.map(\.standardError))),
        ("percentile_lower", .numbers(r.map { $0.interval(.percentile)?.lower ?? .nan })),
        ("percentile_upper", .numbers(r.map { $0.interval(.percentile)?.upper ?? .nan })),
      ]
    }
  }
}

// W5.swift: permutation test of the difference in means of two samples of 500, 100,000
// permutations.
import BenchmarkSupport
import Resample

func w5() -> Workload {
  Workload(
    name: "W5",
    variant: "PermutationTest(first: x, second: y, statistic: .differenceOfMeans)"
      + ".run(replicates: 100_000)"
  ) {
    let table = try CSVTable.read(path: peerData("w5.csv"))
    let group = try table.column(named: "sample")
    let value = try table.numericColumn(named: "value")
    let x = zip(group, value).filter { $0.0 == "x" }.map(\.1)
    let y = zip(group, value).filter { $0.0 == "y" }.map(\.1)
    return {
      let test = try PermutationTest(first: x, second: y, statistic: .differenceOfMeans)
      let r = try test.run(replicates: 100_000, seed: seed, threads: threads)
      return [("statistic", .number(r.observed)), ("p_value", .number(r.pValue))]
    }
  }
}

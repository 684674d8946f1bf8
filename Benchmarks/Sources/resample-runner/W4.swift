// W4.swift: the 3×4 table [[12,5,9,14],[7,14,3,10],[20,25,17,20]]: Pearson χ² with a Monte Carlo
// p-value from 100,000 tables with the observed margins (Patefield), and Fisher's exact r×c test.
import Resample

let w4Table = [[12, 5, 9, 14], [7, 14, 3, 10], [20, 25, 17, 20]]

func w4MonteCarlo() -> Workload {
  Workload(
    name: "W4-montecarlo",
    variant: "monteCarloChiSquared(table, options: MonteCarloOptions(replicates: 100_000, threads))"
  ) {
    {
      let table = try ContingencyTable(rows: w4Table)
      let statistic = try chiSquaredTest(table, correction: .none).pearsonStatistic
      let mc = try monteCarloChiSquared(
        table, options: MonteCarloOptions(replicates: 100_000, seed: seed, threads: threads))
      return [("statistic", .number(statistic)), ("p_value", .number(mc.pValue))]
    }
  }
}

func w4Fisher() -> Workload {
  Workload(name: "W4-fisher", variant: "fisherExactTest(table), exact r×c") {
    {
      let table = try ContingencyTable(rows: w4Table)
      let r = try fisherExactTest(table)
      return [("p_value", .number(r.pValue)), ("method", .text(r.method.rawValue))]
    }
  }
}

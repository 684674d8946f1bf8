// W3.swift: 156 respondents × 40 binary questions in 3 segments; the difference in proportions
// for every question and segment pair with a 95 % percentile interval, one joint stratified
// resample (resample counts × data through dgemm), B = 10,000.
import BenchmarkSupport
import Resample

func w3() -> Workload {
  Workload(
    name: "W3",
    variant: "SegmentContrastBootstrap(data: 156×40, segments:).run(B = 1e4) — 120 percentile "
      + "intervals, plus max-T intervals and Westfall–Young p-values from the same replicates"
  ) {
    let table = try CSVTable.read(path: peerData("w3.csv"))
    let segments = try table.numericColumn(named: "segment").map { Int($0) }
    let questions = table.header.filter { $0 != "segment" }
    var columns: [Double] = []
    for q in questions { columns += try table.numericColumn(named: q) }
    let data = Matrix(rows: segments.count, columns: questions.count, columnMajor: columns)
    return {
      let boot = try SegmentContrastBootstrap(data: data, segments: segments)
      let r = try boot.run(replicates: 10_000, seed: seed, level: 0.95, threads: threads)
      var lo = 0.0
      var hi = 0.0
      var q01 = [Double.nan, .nan]
      var q40 = [Double.nan, .nan]
      for c in r.contrasts {
        lo += c.percentile.lower
        hi += c.percentile.upper
        let (a, b) = (c.first, c.second)  // segment labels
        if c.column == 0 && a == 1 && b == 2 { q01 = [c.percentile.lower, c.percentile.upper] }
        if c.column == 39 && a == 2 && b == 3 { q40 = [c.percentile.lower, c.percentile.upper] }
      }
      return [
        ("sum_lower", .number(lo)), ("sum_upper", .number(hi)), ("q01_1v2", .numbers(q01)),
        ("q40_2v3", .numbers(q40)),
      ]
    }
  }
}

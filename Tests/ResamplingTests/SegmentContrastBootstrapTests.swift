// The joint survey bootstrap (dgemm over count blocks), max-T intervals, Westfall–Young p-values.
import Foundation
import LinearAlgebra
import ResampleCore
import Testing
import _TestSupport

@testable import Resampling

private func survey(rows: Int = 90, columns: Int = 6) -> (Matrix, [Int]) {
  var g = SeededLCG(seed: 12345)
  func u() -> Double { g.unit() }
  let seg = (0..<rows).map { $0 < 35 ? 1 : ($0 < 65 ? 2 : 3) }
  var m = Matrix(rows: rows, columns: columns)
  for i in 0..<rows {
    for j in 0..<columns {
      m[i, j] = u() < 0.3 + 0.08 * Double(j) + (seg[i] == 2 ? 0.15 : 0) ? 1 : 0
    }
  }
  return (m, seg)
}

@Test func contrastsAreDeterministicAcrossThreadsBlocksAndSplits() throws {
  let (x, seg) = survey()
  let boot = try SegmentContrastBootstrap(data: x, segments: seg)
  #expect(boot.contrastCount == 6 * 3)
  let a = try boot.replicates(0..<1_500, seed: 5)
  let b = try boot.replicates(0..<1_500, seed: 5, threads: 2, blockSize: 7)
  let c = SegmentContrastBootstrap.merge(
    [
      (try boot.replicates(0..<600, seed: 5, blockSize: 33), 600),
      (try boot.replicates(600..<1_500, seed: 5, threads: 2), 900),
    ], contrasts: 18)
  #expect(a == b)
  #expect(a == c)
  // Non-integer data go through the same dgemm with real products.
  var xr = x
  for i in xr.storage.indices { xr.storage[i] = xr.storage[i] * 1.37 + Double(i % 7) / 3 }
  let real = try SegmentContrastBootstrap(data: xr, segments: seg)
  #expect(
    try real.replicates(0..<700, seed: 9)
      == real.replicates(0..<700, seed: 9, threads: 2, blockSize: 13))
}

@Test func estimatesAndStandardErrorsMatchTheIdealBootstrap() throws {
  let (x, seg) = survey()
  let boot = try SegmentContrastBootstrap(data: x, segments: seg)
  let b = 20_000
  let r = try boot.run(replicates: b, seed: 11, threads: 2)
  #expect(r.contrasts.count == 18)
  for c in r.contrasts {
    func stats(_ s: Int) -> (Double, Double) {
      let rows = seg.indices.filter { seg[$0] == s }
      let p = rows.reduce(0) { $0 + x[$1, c.column] } / Double(rows.count)
      return (p, Double(rows.count))
    }
    let (pa, na) = stats(c.first)
    let (pb, nb) = stats(c.second)
    #expect(isClose(c.estimate, pa - pb, relative: 1e-12, absolute: 1e-15))
    // The ideal bootstrap variance of a proportion is p(1 − p)/n.
    let ideal = (pa * (1 - pa) / na + pb * (1 - pb) / nb).squareRoot()
    #expect(
      abs(c.standardError - ideal) <= 5 * ideal / (2.0 * Double(b)).squareRoot(),
      "q\(c.column) \(c.first)-\(c.second): \(c.standardError) vs \(ideal)")
    #expect(c.simultaneousLower <= c.percentile.lower + 0.02)
    #expect(c.simultaneousUpper >= c.percentile.upper - 0.02)
    #expect(c.pAdjusted >= c.pValue)
  }
  // 18 contrasts: the max-T critical value lies between z(0.975) and the Bonferroni z.
  #expect(r.criticalValue > 1.96 && r.criticalValue < 3.0)
}

/// Westfall–Young step-down by its definition (Westfall & Young 1993, Algorithm 2.8), O(m²B).
private func referenceStepDown(_ reps: [Double], b: Int, est: [Double], se: [Double]) -> [Double] {
  let m = est.count
  let t = (0..<m).map { abs(est[$0]) / se[$0] }
  let order = (0..<m).sorted { t[$0] > t[$1] }
  var adj = [Double](repeating: 0, count: m)
  var running = 0.0
  for (r, j) in order.enumerated() {
    let rest = order[r...]
    var k = 0
    for i in 0..<b {
      let mx = rest.map { abs(reps[$0 * b + i] - est[$0]) / se[$0] }.max() ?? 0
      if mx >= t[j] { k += 1 }
    }
    running = max(running, (1 + Double(k)) / Double(b + 1))
    adj[j] = min(1, running)
  }
  return adj
}

@Test func maxTMatchesADirectImplementation() throws {
  var g = SeededLCG(seed: 7)
  func u() -> Double { g.unit() }
  let m = 5
  let b = 400
  let est = [0.05, 0.4, -0.3, 0.0, 0.9]
  var reps = [Double](repeating: 0, count: m * b)
  for j in 0..<m { for i in 0..<b { reps[j * b + i] = est[j] + (u() - 0.5) * Double(j + 1) * 0.4 } }
  let a = MaxT.analyze(replicates: reps, count: b, estimates: est, level: 0.9)
  let ref = referenceStepDown(reps, b: b, est: est, se: a.standardErrors)
  for j in 0..<m { #expect(isClose(a.pAdjusted[j], ref[j], relative: 1e-14), "H\(j)") }
  // Critical value: the 0.9 quantile of the maxima, computed directly.
  let maxima = (0..<b).map { i in
    (0..<m).map { abs(reps[$0 * b + i] - est[$0]) / a.standardErrors[$0] }.max()!
  }
  #expect(isClose(a.criticalValue, ReplicateQuantile(maxima).quantile(0.9), relative: 1e-14))
  for j in 0..<m {
    #expect(
      isClose(a.upper[j] - a.lower[j], 2 * a.criticalValue * a.standardErrors[j], relative: 1e-12))
  }
}

@Test func segmentBootstrapRejectsBadInput() {
  let x = Matrix(rows: 4, columns: 2, repeating: 1)
  #expect(throws: InputError.self) { try SegmentContrastBootstrap(data: x, segments: [1, 1, 2]) }
  #expect(throws: InputError.self) {
    try SegmentContrastBootstrap(data: x, segments: [1, 1, 1, 1])
  }
  #expect(throws: InputError.self) {
    try SegmentContrastBootstrap(data: x, segments: [1, 1, 2, 2], pairs: [(1, 3)])
  }
  var bad = x
  bad[0, 0] = .nan
  #expect(throws: InputError.self) {
    try SegmentContrastBootstrap(data: bad, segments: [1, 1, 2, 2])
  }
}

@Test func summaryDoesNotDependOnThreads() throws {
  // Max-T and Westfall–Young split the replicates across workers (B ≥ 1024 per worker), the
  // percentile intervals split the contrasts: every thread count gives the same result.
  let (x, seg) = survey()
  let boot = try SegmentContrastBootstrap(data: x, segments: seg)
  let one = try boot.run(replicates: 5_000, seed: 3, threads: 1)
  for t in [2, 3, 8] {
    #expect(try boot.run(replicates: 5_000, seed: 3, threads: t) == one, "threads \(t)")
  }
  let reps = try boot.replicates(0..<5_000, seed: 3)
  let a1 = MaxT.analyze(replicates: reps, count: 5_000, estimates: boot.estimates, level: 0.95)
  let a4 = MaxT.analyze(
    replicates: reps, count: 5_000, estimates: boot.estimates, level: 0.95, threads: 4)
  #expect(a1 == a4)
}

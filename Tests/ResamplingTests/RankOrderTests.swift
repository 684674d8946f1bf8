// Tests for RankOrder: the order statistics walked over observations equal those of the
// distinct-value scan, with ties, zero counts, and strata; and the bootstrap median/quantile
// through it matches the distinct-value path replicate for replicate.
import RandomStreams
import Testing

@testable import Resampling

@Suite struct RankOrderTests {
  @Test func pairMatchesDistinctValueScan() {
    var g = Philox4x32(seed: 7, stream: 0)
    for trial in 0..<200 {
      // Small integer data: many ties; two strata.
      let n1 = 1 + Int(g.next() % 9)
      let n2 = 1 + Int(g.next() % 9)
      let a = (0..<n1).map { _ in Double(g.next() % 5) }
      let b = (0..<n2).map { _ in Double(g.next() % 5) }
      let group = Group(members: [a, b], allowCollapse: false)
      let order = RankOrder(group: group)
      let all = a + b
      // Random counts per observation with total n.
      var counts = [Int32](repeating: 0, count: all.count)
      for _ in 0..<all.count { counts[Int(g.next() % UInt64(all.count))] += 1 }
      // The same resample as counts over the group's sorted distinct values.
      var distinctCounts = [Int32](repeating: 0, count: group.distinctCount)
      for (i, c) in counts.enumerated() {
        let p = group.segments[i < n1 ? 0 : 1].positions[i < n1 ? i : i - n1]
        distinctCounts[Int(p)] += c
      }
      for j in 0..<all.count {
        let viaObservations = counts.withUnsafeBufferPointer {
          order.pair(j, counts: $0.baseAddress!)
        }
        let viaDistinct = group.sample.distinct.withUnsafeBufferPointer { v in
          distinctCounts.withUnsafeBufferPointer { c in
            SampleStatistic.orderStatisticPair(j, v, c, group.distinctCount)
          }
        }
        #expect(viaObservations == viaDistinct, "trial \(trial) rank \(j)")
      }
    }
  }

  @Test(arguments: [SampleStatistic.median, .quantile(0.1), .quantile(0.9)])
  func bootstrapReplicatesEqualTheDistinctValuePath(_ s: SampleStatistic) throws {
    // Stratified data with ties: the RankOrder path (uncollapsed order statistic) against the
    // same statistic evaluated from the recorded resample of a studentized run, which takes the
    // distinct-value path and draws the same indices first.
    var g = Philox4x32(seed: 11, stream: 0)
    let x = (0..<200).map { _ in Double(g.next() % 37) / 4 }
    let strata = (0..<200).map { $0 % 3 }
    let boot = try Bootstrap(samples: [x], statistic: .sample(s), plan: .stratified(strata: strata))
    #expect(boot.groups[0].rankOrder != nil)
    let fast = try boot.replicates(0..<300, seed: 99)
    let slow = try boot.replicates(0..<300, seed: 99, studentize: true)
    #expect(fast.values == slow.values)
  }
}

// Tests for MidRanks: average ranks and tie groups (R's rank(ties.method = "average")).
import Testing

@testable import RankTests

@Test func averageRanksLikeR() {
  // R: rank(c(3, 1, 4, 1, 5, 9, 2, 6, 5)) = 4 1.5 5 1.5 6.5 9 3 8 6.5
  let r = MidRanks([3, 1, 4, 1, 5, 9, 2, 6, 5])
  #expect(r.ranks == [4, 1.5, 5, 1.5, 6.5, 9, 3, 8, 6.5])
  #expect(r.tieGroupSizes == [2, 1, 1, 1, 2, 1, 1])
  #expect(r.hasTies)
  #expect(r.tieCorrectionSum == 12)  // two pairs: 2 × (8 − 2)
}

@Test func noTiesAndAllTied() {
  let r = MidRanks([0.5, -1, 2])
  #expect(r.ranks == [2, 1, 3])
  #expect(!r.hasTies)
  #expect(r.tieCorrectionSum == 0)
  let t = MidRanks([7, 7, 7, 7])
  #expect(t.ranks == [2.5, 2.5, 2.5, 2.5])
  #expect(t.tieGroupSizes == [4])
  #expect(MidRanks([]).ranks.isEmpty)
}

@Test func rankSumIsInvariant() {
  // Σ ranks = N(N + 1)/2 whatever the ties; zero signs tie.
  let values: [Double] = [0.0, -0.0, 1, 1, 1, 2, 3, 3, -5]
  let r = MidRanks(values)
  #expect(r.ranks.reduce(0, +) == 45)
  #expect(r.ranks[0] == r.ranks[1])
}

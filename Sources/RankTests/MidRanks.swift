// MidRanks.swift: ranks of a pooled sample with ties given their average rank.

/// The ranks of a sample, ties receiving the average of the ranks they span ("mid-ranks"),
/// as R's `rank(x)` with its default `ties.method = "average"`.
///
/// Ranks start at 1. Values are compared with `<` and `==` (so `-0.0 == 0.0` tie).
/// Every mid-rank is a multiple of 1/2, so `2 × rank` is an exact integer: the exact tests work
/// with those doubled ranks to compare sums without rounding.
public struct MidRanks: Sendable, Equatable {
  /// The mid-rank of each value, in the order of the input.
  public let ranks: [Double]
  /// The sizes of the groups of tied values, in increasing order of value
  /// (a value without ties is a group of size 1); the sizes add up to the sample size.
  public let tieGroupSizes: [Int]

  /// Whether any two values are equal.
  public var hasTies: Bool { tieGroupSizes.count < ranks.count }

  /// Σ (t³ − t) over the tie groups: the tie term of the rank-sum variance.
  public var tieCorrectionSum: Double {
    tieGroupSizes.reduce(0.0) { s, t in
      let d = Double(t)
      return s + (d * d * d - d)
    }
  }

  /// Ranks `values`; they must not contain NaN (callers validate).
  ///
  /// - Parameters:
  ///   - values: the pooled sample.
  /// - Complexity: O(n log n).
  public init(_ values: [Double]) {
    precondition(!values.contains(where: \.isNaN), "MidRanks: values must not be NaN")
    let order = values.indices.sorted { values[$0] < values[$1] }
    var ranks = [Double](repeating: 0, count: values.count)
    var groups: [Int] = []
    var i = 0
    while i < order.count {
      var j = i + 1
      while j < order.count, values[order[j]] == values[order[i]] { j += 1 }
      // Positions i..<j (0-based) hold ranks i+1 ... j; their average is (i + 1 + j) / 2.
      let rank = Double(i + 1 + j) / 2
      for k in i..<j { ranks[order[k]] = rank }
      groups.append(j - i)
      i = j
    }
    self.ranks = ranks
    self.tieGroupSizes = groups
  }
}

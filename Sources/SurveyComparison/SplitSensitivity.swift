// SplitSensitivity.swift: how a test's verdict varies over every table consistent with published
// percentages.
import Contingency
import ResampleCore

/// The p-value of the segment comparison over every consistent table, and where the verdict flips.
///
/// Two segments: Fisher's exact test, two-sided (or, under a design effect, the first-order
/// Rao–Scott χ², since effective counts are not integers). More segments: the Pearson χ² test of
/// homogeneity (Rao–Scott-adjusted under a design effect), asymptotic.
public struct SplitSensitivity: Sendable, Equatable {
  /// One consistent table, its p-value and its decision at ``alpha``.
  public struct Outcome: Sendable, Equatable {
    public var table: SegmentTable
    public var pValue: Double
    public var significant: Bool
  }

  /// Whether every table with a given size of the first segment is significant.
  public enum RunState: String, Sendable, Equatable, Codable {
    case significant
    case notSignificant = "not-significant"
    case mixed
  }

  /// One pair of segments over the consistent tables: the range of its pairwise p-value and the
  /// share of tables in which it is significant (before any multiplicity adjustment).
  public struct PairRange: Sendable, Equatable {
    /// The pair's segment indices, a < b.
    public var a: Int
    public var b: Int
    /// `"fisher-exact"`, or `"rao-scott-chi-squared"` under a design effect (the pairwise test
    /// of the comparison itself).
    public var test: String
    public var pValueMin: Double
    public var pValueMax: Double
    /// The share of tables with p < alpha.
    public var shareSignificant: Double
  }

  /// A run of consecutive first-segment sizes that share a ``RunState``.
  public struct SizeRun: Sendable, Equatable {
    /// The sizes of the first segment in this run (among the consistent ones).
    public var firstSegmentSizes: ClosedRange<Int>
    public var state: RunState
  }

  /// `"fisher-exact"`, `"pearson-chi-squared"` or `"rao-scott-chi-squared"`.
  public let test: String
  /// The significance level.
  public let alpha: Double
  /// Every consistent table with its p-value, in enumeration order (or every sampled table, in
  /// draw order, when ``sampling`` is set).
  public let outcomes: [Outcome]
  /// Set when the consistent tables were too many to list and a uniform sample was tested: the
  /// shares are then estimates (``shareStandardError(_:)``) and the p-value ranges are those of
  /// the sample (inside the true ranges).
  public let sampling: ConsistentTableEnumeration.Sampling?
  /// The table closest to an equal split, shown as the illustration.
  public let illustration: Outcome
  /// Runs of first-segment sizes by verdict, in increasing size.
  public let runs: [SizeRun]
  /// Every pair of segments (a < b, in order) over the same tables: its own p-value range, so
  /// that a pair's verdict is never read off the one illustrative table.
  public let pairs: [PairRange]

  /// The number of consistent tables (all of them, also when only a sample was tested).
  public var consistentTables: Int {
    sampling.map { Int(min($0.population, 9.007_199_254_740_992e15)) } ?? outcomes.count
  }

  /// ``consistentTables`` in words: exact below 2⁵³, else "about 5.42e17".
  public var consistentTablesText: String {
    guard let m = sampling, m.population >= 9_007_199_254_740_992 else {
      return "\(consistentTables)"
    }
    var x = m.population
    var e = 0
    while x >= 10 {
      x /= 10
      e += 1
    }
    return "about \((x * 100).rounded() / 100)e\(e)"
  }

  /// The Monte Carlo standard error of a share estimated from the sample (0 when every table
  /// was tested): √(s(1 − s)/draws).
  public func shareStandardError(_ share: Double) -> Double {
    guard let sampling else { return 0 }
    return (share * (1 - share) / Double(sampling.draws)).squareRoot()
  }
  /// The smallest p-value over the tables.
  public var pValueMin: Double { outcomes.map(\.pValue).min() ?? .nan }
  /// The largest p-value over the tables.
  public var pValueMax: Double { outcomes.map(\.pValue).max() ?? .nan }
  /// The share of tables with p < alpha.
  public var shareSignificant: Double {
    Double(outcomes.filter(\.significant).count) / Double(max(1, outcomes.count))
  }
  /// The tables whose verdict differs from the illustration's.
  public var flips: [Outcome] { outcomes.filter { $0.significant != illustration.significant } }

  /// Tests every table of `enumeration`.
  ///
  /// - Parameters:
  ///   - enumeration: the consistent tables.
  ///   - alpha: the significance level in (0, 1).
  ///   - designEffect: the design effect (1 = simple random sampling).
  /// - Throws: `InputError` for alpha outside (0, 1).
  /// - Complexity: O(tables × min segment size) for Fisher with one log-factorial table, plus
  ///   the same per pair of segments for the pairwise ranges (each distinct pair of counts is
  ///   tested once).
  public init(
    enumeration: ConsistentTableEnumeration, alpha: Double = 0.05,
    designEffect: DesignEffect = .none
  ) throws {
    try InputError.requireSignificanceLevel(alpha)
    let tables = enumeration.tables
    let twoSegments = enumeration.percentages.count == 2
    if twoSegments && designEffect.isNone {
      test = "fisher-exact"
      let capacity = tables.map { $0.sizes.reduce(0, +) }.max() ?? 1
      let kernel = FisherExact2x2Kernel(capacity: capacity)
      outcomes = tables.map { t in
        let p = kernel.twoSidedP(x1: t.counts[0], n1: t.sizes[0], x2: t.counts[1], n2: t.sizes[1])
        return Outcome(table: t, pValue: p, significant: p < alpha)
      }
    } else {
      test = designEffect.isNone ? "pearson-chi-squared" : "rao-scott-chi-squared"
      outcomes = try tables.map { t in
        let r = try RaoScottChiSquared(
          counts: t.counts.map(Double.init), sizes: t.sizes.map(Double.init),
          designEffect: designEffect)
        return Outcome(table: t, pValue: r.pValue, significant: r.pValue < alpha)
      }
    }
    self.alpha = alpha
    self.sampling = enumeration.sampling
    let eq = enumeration.equalSplitTable
    illustration = outcomes.first { $0.table == eq } ?? outcomes[0]
    // Runs over the first segment's size.
    var states: [(n: Int, state: RunState)] = []
    for o in outcomes.sorted(by: { $0.table.sizes[0] < $1.table.sizes[0] }) {
      let s: RunState = o.significant ? .significant : .notSignificant
      if let last = states.last, last.n == o.table.sizes[0] {
        if last.state != s { states[states.count - 1].state = .mixed }
      } else {
        states.append((o.table.sizes[0], s))
      }
    }
    var runs: [SizeRun] = []
    for s in states {
      if let last = runs.last, last.state == s.state {
        runs[runs.count - 1].firstSegmentSizes = last.firstSegmentSizes.lowerBound...s.n
      } else {
        runs.append(SizeRun(firstSegmentSizes: s.n...s.n, state: s.state))
      }
    }
    self.runs = runs
    self.pairs = try Self.pairRanges(tables, alpha: alpha, designEffect: designEffect)
  }

  /// The pairwise p-value ranges over `tables` (each distinct pair of counts tested once).
  static func pairRanges(
    _ tables: [SegmentTable], alpha: Double, designEffect: DesignEffect
  ) throws -> [PairRange] {
    guard let k = tables.first?.sizes.count, !tables.isEmpty else { return [] }
    let capacity = tables.map { $0.sizes.reduce(0, +) }.max() ?? 1
    let kernel = FisherExact2x2Kernel(capacity: capacity)
    var out: [PairRange] = []
    for a in 0..<k {
      for b in (a + 1)..<k {
        var cache: [[Int]: Double] = [:]
        var lo = Double.infinity
        var hi = -Double.infinity
        var significant = 0
        for t in tables {
          let key = [t.counts[a], t.sizes[a], t.counts[b], t.sizes[b]]
          let p: Double
          if let hit = cache[key] {
            p = hit
          } else if designEffect.isNone {
            p = kernel.twoSidedP(x1: key[0], n1: key[1], x2: key[2], n2: key[3])
            cache[key] = p
          } else {
            p = try RaoScottChiSquared(
              counts: [Double(key[0]), Double(key[2])], sizes: [Double(key[1]), Double(key[3])],
              designEffect: designEffect
            ).pValue
            cache[key] = p
          }
          lo = min(lo, p)
          hi = max(hi, p)
          if p < alpha { significant += 1 }
        }
        out.append(
          PairRange(
            a: a, b: b, test: designEffect.isNone ? "fisher-exact" : "rao-scott-chi-squared",
            pValueMin: lo, pValueMax: hi,
            shareSignificant: Double(significant) / Double(tables.count)))
      }
    }
    return out
  }
}

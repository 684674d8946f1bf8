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
  /// Every consistent table with its p-value, in enumeration order.
  public let outcomes: [Outcome]
  /// The table closest to an equal split, shown as the illustration.
  public let illustration: Outcome
  /// Runs of first-segment sizes by verdict, in increasing size.
  public let runs: [SizeRun]

  /// The number of consistent tables.
  public var consistentTables: Int { outcomes.count }
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
  /// - Complexity: O(tables × min segment size) for Fisher with one log-factorial table.
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
  }
}

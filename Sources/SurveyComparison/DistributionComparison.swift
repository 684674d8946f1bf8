// DistributionComparison.swift: `compare --distribution` — a multi-category item as one
// question: the segment × answer test, every pair's distributions, answer shares with Wilson
// intervals and, with scores, the mean score per segment and Welch differences.
import MultipleComparisons
import Proportions
import RandomStreams
import ResampleCore

/// The score of each answer of a multi-category item (`--scores`).
public enum AnswerScores: Sendable, Equatable {
  /// The answers' own numeric codes (every answer must be a number).
  case codes
  /// One score per answer, in the item's answer order.
  case values([Double])

  /// The scores of `item`'s answers.
  ///
  /// - Throws: `InputError.invalidParameter` naming `--scores` when the count differs from the
  ///   answers or (`codes`) an answer is not a number.
  /// - Complexity: O(answers).
  public func resolve(for item: AnswerDistribution) throws -> [Double] {
    switch self {
    case .values(let v):
      guard v.count == item.answers.count else {
        throw InputError.invalidParameter(
          name: "--scores", value: v.map { "\($0)" }.joined(separator: ","),
          expected: "\(item.answers.count) scores, one per answer of question \(item.name) "
            + "(\(item.answers.joined(separator: ", ")))")
      }
      return v
    case .codes:
      let v = item.answers.compactMap(CategoryLabels.number)
      guard v.count == item.answers.count else {
        throw InputError.invalidParameter(
          name: "--scores", value: "codes",
          expected: "numeric answers (question \(item.name) has "
            + "\(item.answers.joined(separator: ", "))); give one score per answer")
      }
      return v
    }
  }
}

/// Compares the answer distributions of multi-category items across segments.
///
/// Per item: the omnibus test of the segment × answer table with compare's rule (Pearson's χ²
/// when every expected count is at least 5, else Fisher's exact r×c test — network algorithm,
/// or a seeded Monte Carlo estimate when the enumeration is too large); the same test on every
/// pair's 2 × answers table, adjusted across all pairs of all items; each segment's share of
/// each answer with Wilson's score interval; with scores, each segment's mean score (Student's t
/// interval) and every pair's difference of mean scores (Welch's t), adjusted across all mean
/// pairs. Segments and answers without respondents are kept in the shares and left out of the
/// tests (an empty column makes χ² undefined).
///
/// Randomness: only a Monte Carlo Fisher p-value draws: the omnibus with `options.seed`, pair j
/// (counted over all items) with `splitmix64(seed + j)`.
///
/// References: K. Pearson (1900); R. A. Fisher (1935); E. B. Wilson (1927), *JASA* 22, 209–212;
/// B. L. Welch (1947), *Biometrika* 34, 28–35; S. Holm (1979), *Scand. J. Statist.* 6, 65–70.
public enum DistributionComparison {
  /// - Parameters:
  ///   - items: the items.
  ///   - scores: the answer scores, or nil for no mean scores.
  ///   - options: alpha, level, adjustment, Monte Carlo replicates and seed.
  /// - Throws: `InputError` for invalid options or scores that do not fit an item.
  /// - Complexity: per item O(k² · answers) plus the exact tests' enumeration.
  public static func compare(
    _ items: [AnswerDistribution], scores: AnswerScores? = nil, options: SurveyComparisonOptions
  ) throws -> [DistributionQuestion] {
    try options.validate()
    var out: [DistributionQuestion] = []
    var pairIndex = 0
    for item in items {
      let s = try scores?.resolve(for: item)
      var q = try question(item, scores: s, level: options.level)
      let rows = item.counts.indices.filter { q.segments[$0].n > 0 }
      for r in item.counts.indices where q.segments[r].n == 0 {
        q.notes.append(
          "\(item.name): segment \(item.segmentNames[r]) has no answers; left out of the tests.")
      }
      let empty = item.answers.indices.filter { j in rows.allSatisfy { item.counts[$0][j] == 0 } }
      if !empty.isEmpty {
        q.notes.append(
          "\(item.name): nobody answered \(empty.map { "'\(item.answers[$0])'" }.joined(separator: ", ")); "
            + "shown with share 0 and left out of the tests.")
      }
      if rows.count >= 2 {
        q.omnibus = try test(item, rows: rows, seed: options.seed, options: options)
      }
      for (x, i) in rows.enumerated() {
        for j in rows[(x + 1)...] {
          let t = try test(
            item, rows: [i, j], seed: SplitMix64.seed53(options.seed &+ UInt64(pairIndex)),
            options: options)
          pairIndex += 1
          q.pairs.append(
            DistributionPair(
              a: item.segmentNames[i], b: item.segmentNames[j], test: t, pAdjusted: .nan,
              significant: false))
          if s != nil {
            let w = try WelchTTest.test(
              q.segments[i].meanScore ?? MeanSummary([]),
              q.segments[j].meanScore ?? MeanSummary([]),
              level: options.level)
            q.meanPairs.append(
              MeanPair(
                a: item.segmentNames[i], b: item.segmentNames[j], welch: w, bootstrap: nil,
                pAdjusted: .nan, significant: false))
          }
        }
      }
      out.append(q)
    }
    let p = try adjusted(out.flatMap { $0.pairs.map(\.test.pValue) }, options.adjustment)
    let m = try adjusted(
      out.flatMap { $0.meanPairs.map { $0.welch?.pValue ?? .nan } }, options.adjustment)
    var (c, d) = (0, 0)
    for qi in out.indices {
      for pi in out[qi].pairs.indices {
        out[qi].pairs[pi].pAdjusted = p[c]
        out[qi].pairs[pi].significant = p[c] < options.alpha
        c += 1
      }
      for pi in out[qi].meanPairs.indices {
        out[qi].meanPairs[pi].pAdjusted = m[d]
        out[qi].meanPairs[pi].significant = m[d] < options.alpha
        d += 1
      }
    }
    return out
  }

  /// The shares (and mean scores) of every segment.
  static func question(
    _ item: AnswerDistribution, scores: [Double]?, level: Double
  ) throws -> DistributionQuestion {
    var segments: [SegmentDistribution] = []
    for (name, row) in zip(item.segmentNames, item.counts) {
      let n = row.reduce(0, +)
      let shares = try zip(item.answers, row).map { answer, x in
        AnswerShare(
          answer: answer, count: x, proportion: n > 0 ? Double(x) / Double(n) : .nan,
          interval: n > 0
            ? try proportionInterval(successes: x, trials: n, level: level, method: .wilson).pair
            : nil)
      }
      var segment = SegmentDistribution(name: name, n: n, shares: shares)
      if let scores {
        let summary = MeanSummary(weighted: zip(scores, row).map { ($0, Double($1)) })
        segment.meanScore = summary
        segment.meanInterval = try summary.tInterval(level: level).map {
          PairInterval(lower: $0.lower, upper: $0.upper)
        }
      }
      segments.append(segment)
    }
    return DistributionQuestion(
      item: item, segments: segments, omnibus: nil, pairs: [], scores: scores, meanPairs: [],
      notes: [])
  }

  /// The test of the given segments' distributions over the answers some of them gave.
  static func test(
    _ item: AnswerDistribution, rows: [Int], seed: UInt64, options: SurveyComparisonOptions
  ) throws -> OmnibusTest {
    let columns = item.answers.indices.filter { j in rows.contains { item.counts[$0][j] > 0 } }
    guard columns.count >= 2 else {
      return OmnibusTest(
        test: "none", statistic: nil, degreesOfFreedom: 0, pValue: 1, monteCarloError: nil,
        reason: "every respondent of these segments gave the same answer: the distributions "
          + "are identical (p = 1)")
    }
    return try omnibusForTable(
      rows.map { r in columns.map { item.counts[r][$0] } }, seed: seed,
      monteCarloReplicates: options.monteCarloReplicates)
  }

  /// Adjusted p-values of the finite entries (NaN entries stay NaN, as R `p.adjust` keeps NA).
  static func adjusted(_ p: [Double], _ method: PValueAdjustment) throws -> [Double] {
    let finite = p.indices.filter { !p[$0].isNaN }
    guard !finite.isEmpty else { return p }
    let a = try adjust(finite.map { p[$0] }, method: method)
    var out = p
    for (k, i) in finite.enumerated() { out[i] = a[k] }
    return out
  }
}

extension ProportionInterval {
  /// The interval as a ``PairInterval``.
  var pair: PairInterval { PairInterval(lower: lower, upper: upper) }
}

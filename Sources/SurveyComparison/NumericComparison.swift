// NumericComparison.swift: `compare --numeric` — a numeric column compared across segments by
// its means: Student's t interval per segment, Welch's t and a bootstrap interval per pair.
import DataInput
import RandomStreams
import ResampleCore
import Resampling

/// Compares the mean of a numeric column across segments.
///
/// Per segment: n, mean, standard deviation and Student's t interval. Per pair a − b: Welch's t
/// test and interval (R `t.test(var.equal = FALSE)`), and the bootstrap percentile and BCa
/// intervals of the difference of means (each segment resampled on its own; B = `replicates`,
/// pair j counted over all columns with seed `splitmix64(seed + j)`, replicate b on stream b of
/// Philox4x32-10). Welch p-values are adjusted across all pairs of all columns.
///
/// Reference: B. L. Welch (1947), *Biometrika* 34, 28–35; B. Efron (1987), *JASA* 82, 171–185.
public enum NumericComparison {
  /// The values of one column by segment; empty cells, `NA`, `NaN` and declared non-answers
  /// are left out and counted.
  ///
  /// - Parameters:
  ///   - name: the column.
  ///   - cells: its cells, trimmed, in row order.
  ///   - segmentOfRow: per row, the segment index.
  ///   - segmentCount: the number of segments.
  ///   - copies: per row, the respondents it stands for, or nil.
  ///   - missing: declared non-answers (compared as shown labels).
  ///   - rowLines: per row, its line in the file (for errors).
  ///   - source: the file.
  /// - Returns: values per segment and the number of cells left out.
  /// - Throws: `InputError.invalidData` naming the file, line and column for a cell that is not
  ///   a finite number.
  /// - Complexity: O(rows).
  public static func values(
    name: String, cells: [String], segmentOfRow: [Int], segmentCount: Int, copies: [Int]? = nil,
    missing: [String] = [], rowLines: [Int] = [], source: String
  ) throws -> (values: [[Double]], missing: Int) {
    let declared = Set(missing.map(CategoryLabels.display))
    var out = [[Double]](repeating: [], count: segmentCount)
    var left = 0
    for (r, cell) in cells.enumerated() {
      let k = copies?[r] ?? 1
      if RespondentData.isMissing(cell) || cell.lowercased() == "nan"
        || declared.contains(CategoryLabels.display(cell))
      {
        left += k
        continue
      }
      let line = r < rowLines.count ? rowLines[r] : r + 2
      guard let v = CategoryLabels.number(cell) else {
        throw InputError.invalidData(
          source: "\(source) line \(line)",
          reason: "column '\(name)' has '\(cell)', not a number: --numeric compares means; "
            + "declare non-answers with --missing")
      }
      out[segmentOfRow[r]].append(contentsOf: repeatElement(v, count: k))
    }
    return (out, left)
  }

  /// - Parameters:
  ///   - name: the column.
  ///   - segmentNames: the segments.
  ///   - values: per segment, its values.
  ///   - missing: cells left out, for the report.
  ///   - options: level, replicates, seed, threads.
  ///   - firstPair: the index of this column's first pair over all columns (seeds).
  /// - Throws: `InputError` for invalid options or a bootstrap failure.
  /// - Complexity: O(k² · B · n).
  public static func compare(
    name: String, segmentNames: [String], values: [[Double]], missing: Int,
    options: SurveyComparisonOptions, firstPair: Int = 0
  ) throws -> NumericQuestionResult {
    try options.validate()
    var notes: [String] = []
    let segments = try zip(segmentNames, values).map { s, v in
      let summary = MeanSummary(v)
      return NumericSegment(
        name: s, summary: summary,
        interval: try summary.tInterval(level: options.level).map {
          PairInterval(lower: $0.lower, upper: $0.upper)
        })
    }
    let usable = segments.indices.filter { segments[$0].summary.n >= 2 }
    for s in segments where s.summary.n < 2 {
      notes.append(
        "\(name): segment \(s.name) has \(Int(s.summary.n)) value(s); left out of the pairs.")
    }
    var pairs: [MeanPair] = []
    var j = firstPair
    for (x, a) in usable.enumerated() {
      for b in usable[(x + 1)...] {
        let seed = SplitMix64.seed53(options.seed &+ UInt64(j))
        j += 1
        let welch = try WelchTTest.test(
          segments[a].summary, segments[b].summary, level: options.level)
        let boot = try Bootstrap(samples: [values[a], values[b]], statistic: .difference(.mean))
        let r = try boot.run(
          replicates: options.replicates, seed: seed, methods: [.percentile, .bca],
          level: options.level, threads: options.threads)
        var bootstrap: MeanDifferenceBootstrap?
        if let p = r.interval(.percentile), let c = r.interval(.bca) {
          bootstrap = MeanDifferenceBootstrap(
            percentile: p, bca: c, replicates: options.replicates, seed: seed)
        }
        pairs.append(
          MeanPair(
            a: segmentNames[a], b: segmentNames[b], welch: welch, bootstrap: bootstrap,
            pAdjusted: .nan, significant: false))
      }
    }
    return NumericQuestionResult(
      name: name, segments: segments, pairs: pairs, missing: missing, notes: notes)
  }

  /// Adjusts the Welch p-values across all pairs of all columns.
  ///
  /// - Complexity: O(P log P).
  public static func adjust(
    _ results: [NumericQuestionResult], options: SurveyComparisonOptions
  ) throws -> [NumericQuestionResult] {
    let p = try DistributionComparison.adjusted(
      results.flatMap { $0.pairs.map { $0.welch?.pValue ?? .nan } }, options.adjustment)
    var out = results
    var c = 0
    for qi in out.indices {
      for pi in out[qi].pairs.indices {
        out[qi].pairs[pi].pAdjusted = p[c]
        out[qi].pairs[pi].significant = p[c] < options.alpha
        c += 1
      }
    }
    return out
  }
}

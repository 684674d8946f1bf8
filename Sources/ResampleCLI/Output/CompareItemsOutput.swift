// CompareItemsOutput.swift: text, JSON and CSV of `compare --distribution` and `--numeric`.
import Foundation
import Resample

extension ItemReport {
  /// The methods, by role, as the JSON `methods` object and the text list.
  var methods: [(String, String)] {
    let adj = options.adjustment.rawValue
    if !numeric.isEmpty {
      return [
        ("mean", "per segment: mean with Student's t interval (R t.test(x))"),
        (
          "pairwise test",
          "Welch's t test and interval of the difference of means (R t.test(a, b, var.equal = FALSE))"
        ),
        (
          "bootstrap",
          "percentile and BCa intervals of the difference of means, each segment resampled on "
            + "its own, B = \(options.replicates), pair j seeded splitmix64(seed + j)"
        ),
        ("multiplicity", "\(adj) over the Welch p-values of all pairs of all questions"),
      ]
    }
    var m = [
      (
        "omnibus",
        "segment × answer table: Pearson's χ² when every expected count is ≥ 5, else Fisher's "
          + "exact r×c test (seeded Monte Carlo when the enumeration is too large)"
      ),
      ("pairwise test", "the same rule on each pair's 2 × answer table"),
      ("shares", "each answer's share per segment with Wilson's score interval"),
      ("multiplicity", "\(adj) over all pairs of all questions"),
    ]
    if distributions.contains(where: { $0.scores != nil }) {
      m.append(
        (
          "mean score",
          "per segment: mean score with Student's t interval; pairs: Welch's t test and "
            + "interval, \(adj) over all mean-score pairs"
        ))
    }
    return m
  }

  // MARK: JSON

  func json() -> JSON {
    .object(
      Provenance.fields(seed: options.seed) + [
        ("mode", .string(numeric.isEmpty ? "distribution" : "numeric")),
        (
          "methods",
          .object(methods.map { ($0.0.replacingOccurrences(of: " ", with: "_"), .string($0.1)) })
        ),
        (
          "options",
          .object([
            ("alpha", .num(options.alpha)), ("level", .num(options.level)),
            ("adjust", .string(options.adjustment.rawValue)),
            ("replicates", .integer(options.replicates)),
          ])
        ),
        ("assumptions", .strings(notes)),
        (
          "questions",
          .array(numeric.isEmpty ? distributions.map(Self.json) : numeric.map(Self.json))
        ),
      ])
  }

  static func json(_ q: DistributionQuestion) -> JSON {
    let segments = q.segments.map { s in
      JSON.object([
        ("name", .string(s.name)), ("n", .integer(s.n)),
        (
          "shares",
          .array(
            s.shares.map { a in
              .object([
                ("answer", .string(a.answer)), ("count", .integer(a.count)),
                ("proportion", .num(a.proportion)),
                ("wilson", a.interval.map { .interval($0.lower, $0.upper) } ?? .null),
              ])
            })
        ),
        (
          "mean_score",
          s.meanScore.map { m in
            .object(summaryFields(m) + [("t_interval", interval(s.meanInterval))])
          } ?? .null
        ),
      ])
    }
    let pairs = q.pairs.map { p in
      JSON.object(
        [("a", .string(p.a)), ("b", .string(p.b))]
          + CompareOutput.omnibusFields(p.test).filter {
            $0.0 != "reason"
          } + [
            ("p_adjusted", .num(p.pAdjusted)), ("significant", .bool(p.significant)),
            ("reason", .string(p.test.reason)),
          ])
    }
    return .object([
      ("name", .string(q.item.name)), ("kind", .string("distribution")),
      ("answers", .strings(q.item.answers)), ("answer_order", .string(q.item.ordering.rawValue)),
      ("scores", q.scores.map(JSON.numbers) ?? .null),
      (
        "non_answers",
        .array(
          q.item.excluded.map {
            .object([("label", .string($0.label)), ("count", .integer($0.count))])
          })
      ),
      ("segments", .array(segments)),
      ("omnibus", q.omnibus.map { .object(CompareOutput.omnibusFields($0)) } ?? .null),
      ("pairs", .array(pairs)),
      ("mean_pairs", .array(q.meanPairs.map(json))),
      ("notes", .strings(q.notes)),
    ])
  }

  static func json(_ q: NumericQuestionResult) -> JSON {
    .object([
      ("name", .string(q.name)), ("kind", .string("numeric")), ("missing", .integer(q.missing)),
      (
        "segments",
        .array(
          q.segments.map { s in
            .object(
              [("name", .string(s.name))] + summaryFields(s.summary) + [
                ("t_interval", interval(s.interval))
              ])
          })
      ),
      ("mean_pairs", .array(q.pairs.map(json))),
      ("notes", .strings(q.notes)),
    ])
  }

  static func summaryFields(_ m: MeanSummary) -> [(String, JSON)] {
    // Sizes are counts of respondents (frequency weights are whole numbers).
    let n: JSON = m.n < 9e15 ? .integer(Int(m.n)) : .num(m.n)
    return [("n", n), ("mean", .num(m.mean)), ("sd", .num(m.standardDeviation))]
  }

  static func interval(_ i: PairInterval?) -> JSON {
    i.map { .interval($0.lower, $0.upper) } ?? .null
  }

  static func json(_ p: MeanPair) -> JSON {
    let w = p.welch
    var intervals: [(String, JSON)] = [("welch", w.map { .interval($0.lower, $0.upper) } ?? .null)]
    var boot: JSON = .null
    if let b = p.bootstrap {
      intervals += [
        ("bootstrap_percentile", .interval(b.percentile.lower, b.percentile.upper)),
        ("bootstrap_bca", .interval(b.bca.lower, b.bca.upper)),
      ]
      boot = .object([
        ("replicates", .integer(b.replicates)), ("seed", .seed(b.seed)),
        (
          "monte_carlo_error",
          .object([
            (
              "percentile",
              .interval(b.percentile.lowerMonteCarloError, b.percentile.upperMonteCarloError)
            ),
            ("bca", .interval(b.bca.lowerMonteCarloError, b.bca.upperMonteCarloError)),
          ])
        ),
      ])
    }
    return .object([
      ("a", .string(p.a)), ("b", .string(p.b)), ("difference", .num(w?.difference ?? .nan)),
      ("test", .string("welch-t")), ("statistic", .num(w?.statistic ?? .nan)),
      ("df", .num(w?.degreesOfFreedom ?? .nan)), ("standard_error", .num(w?.standardError ?? .nan)),
      ("p_value", .num(w?.pValue ?? .nan)), ("p_adjusted", .num(p.pAdjusted)),
      ("significant", .bool(p.significant)), ("intervals", .object(intervals)),
      ("bootstrap", boot),
    ])
  }
}

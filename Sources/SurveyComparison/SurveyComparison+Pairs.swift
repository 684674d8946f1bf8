// SurveyComparison+Pairs.swift: one pair of segments — Newcombe and bootstrap BCa intervals, the
// pairwise test, Cohen's h — and the max-T adjustment over all pairs for respondent data.
import Contingency
import LinearAlgebra
import Proportions
import ResampleCore
import Resampling

extension SurveyComparison {
  // MARK: - Pairs

  static func comparePair(
    _ p: Prepared, _ i: Int, _ j: Int, seed: UInt64, options: SurveyComparisonOptions
  ) throws -> PairComparison {
    let a = p.segments[i]
    let b = p.segments[j]
    let deff = options.designEffect
    let diff = a.proportion - b.proportion
    let nc = try newcombe(
      x1: a.proportion * a.effectiveSize, n1: a.effectiveSize,
      x2: b.proportion * b.effectiveSize, n2: b.effectiveSize, level: options.level)
    var notes: [String] = []
    var bca: PairInterval?
    let pValue: Double
    let test: String
    if let ints = p.integer, !p.weighted {
      let (ci, n) = try bootstrapBCa(
        x1: ints.yes[i], n1: ints.sizes[i], x2: ints.yes[j], n2: ints.sizes[j],
        replicates: options.replicates, seed: seed, level: options.level,
        threads: options.threads)
      notes += n
      if let ci, !deff.isNone {
        // First-order widening about the estimate by √deff.
        let s = deff.value.squareRoot()
        bca = PairInterval(lower: diff - s * (diff - ci.lower), upper: diff + s * (ci.upper - diff))
        notes.append("bootstrap interval widened by √deff about the estimate")
      } else {
        bca = ci
      }
      if deff.isNone {
        let kernel = FisherExact2x2Kernel(capacity: ints.sizes[i] + ints.sizes[j])
        pValue = kernel.twoSidedP(
          x1: ints.yes[i], n1: ints.sizes[i], x2: ints.yes[j], n2: ints.sizes[j])
        test = "fisher-exact"
      } else {
        pValue = try RaoScottChiSquared(
          counts: [Double(ints.yes[i]), Double(ints.yes[j])],
          sizes: [Double(ints.sizes[i]), Double(ints.sizes[j])], designEffect: deff
        ).pValue
        test = "rao-scott-chi-squared"
      }
    } else {
      let (ci, n) = try weightedBootstrapBCa(p, i, j, seed: seed, options: options)
      bca = ci
      notes += n
      pValue = try RaoScottChiSquared(
        counts: [a.proportion * a.effectiveSize, b.proportion * b.effectiveSize],
        sizes: [a.effectiveSize, b.effectiveSize]
      ).pValue
      test = "rao-scott-chi-squared"
      notes.append("weighted: tested on Kish effective counts")
    }
    return PairComparison(
      a: a.name, b: b.name, difference: diff, newcombe: nc, bootstrapBCa: bca, pValue: pValue,
      pAdjusted: pValue, significant: pValue < options.alpha,
      cohensH: cohensH(a.proportion, b.proportion), test: test, verdict: .notShown,
      sensitivityShare: nil, notes: notes)
  }

  /// BCa of the weighted share difference, resampling respondents within each segment.
  static func weightedBootstrapBCa(
    _ p: Prepared, _ i: Int, _ j: Int, seed: UInt64, options: SurveyComparisonOptions
  ) throws -> (PairInterval?, [String]) {
    guard let answers = p.answers, let weights = p.weights else {
      return (nil, ["bootstrap: no respondent data"])
    }
    let ya = answers[i].map { $0 ? 1.0 : 0.0 }
    let yb = answers[j].map { $0 ? 1.0 : 0.0 }
    let wa = weights[i]
    let wb = weights[j]
    // Samples are respondent indices; the statistic looks their answers and weights up.
    let ia = ya.indices.map(Double.init)
    let ib = yb.indices.map(Double.init)
    let stat: @Sendable ([[Double]]) -> Double = { s in
      func share(_ idx: [Double], _ y: [Double], _ w: [Double]) -> Double {
        var num = 0.0
        var den = 0.0
        for d in idx {
          let k = Int(d)
          num += w[k] * y[k]
          den += w[k]
        }
        return den > 0 ? num / den : .nan
      }
      return share(s[0], ya, wa) - share(s[1], yb, wb)
    }
    let boot = try Bootstrap(
      samples: [ia, ib], statistic: .custom(name: "weighted share difference", statistic: stat))
    let r = try boot.run(
      replicates: options.replicates, seed: seed, methods: [.bca],
      level: options.level, threads: options.threads)
    let notes = (r.interval(.bca)?.diagnostics ?? []).map { "bootstrap: \($0)" }
    guard let ci = r.interval(.bca), ci.lower.isFinite, ci.upper.isFinite else {
      return (nil, notes + ["bootstrap: no BCa interval (degenerate replicates)"])
    }
    return (PairInterval(lower: ci.lower, upper: ci.upper), notes)
  }

  // MARK: - Max-T

  static func maxTAdjusted(_ prepared: [Prepared], options: SurveyComparisonOptions) throws
    -> [Double]
  {
    // All questions share the respondents; each question is one column, each segment a label.
    // Questions with different segment lists or respondent counts cannot be resampled jointly.
    guard let first = prepared.first, let answers0 = first.answers else { return [] }
    let sizes = answers0.map(\.count)
    for p in prepared {
      guard p.question.segmentNames == first.question.segmentNames,
        p.answers?.map(\.count) == sizes
      else {
        throw InputError.invalidParameter(
          name: "adjust", value: "max-t",
          expected: "questions answered by the same respondents (no missing answers)")
      }
    }
    let n = sizes.reduce(0, +)
    var storage = [Double](repeating: 0, count: n * prepared.count)
    var labels: [Int] = []
    for (s, size) in sizes.enumerated() { labels += [Int](repeating: s, count: size) }
    for (q, p) in prepared.enumerated() {
      var r = 0
      for seg in p.answers ?? [] {
        for a in seg {
          storage[q * n + r] = a ? 1 : 0
          r += 1
        }
      }
    }
    let matrix = Matrix(rows: n, columns: prepared.count, columnMajor: storage)
    let boot = try SegmentContrastBootstrap(data: matrix, segments: labels)
    let result = try boot.run(
      replicates: options.replicates, seed: options.seed, level: options.level,
      threads: options.threads)
    // Contrasts are column-major (question, then pair in i < j order), as our pairs are.
    return result.contrasts.map(\.pAdjusted)
  }
}

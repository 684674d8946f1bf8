// DomainTotals.swift: the weighted totals behind domain proportions — per segment, the weighted
// count of yes answers and of answers, for the full sample and for every variance unit (the PSUs
// of a linearization design, the replicates of a replicate design); replicate totals for all
// questions at once through blocked dgemm.
import LinearAlgebra
import ResampleCore

/// Weighted yes and answer totals of one yes/no question per segment: for the full sample and for
/// each variance unit (PSU or replicate).
///
/// Every estimate of ``DomainProportions`` — segment proportions, the cells of the segment ×
/// answer table, the overall proportion — is a ratio of two linear combinations of these 2S
/// totals, so its PSU totals (linearization) or replicate values follow from them without the
/// n × (3S + 1) numerator and denominator columns of ``SurveyDesign/ratios(numerators:denominators:count:)``.
struct DomainTotals {
  /// Respondents per block of the replicate products (a block's replicate weights, R × 4096
  /// doubles, stay in cache while they are multiplied).
  static let blockRows = 4096

  /// Per segment: respondents who answered.
  var respondents: [Int]
  /// Per segment: Σ w over respondents who answered yes.
  var yes: [Double]
  /// Per segment: Σ w over respondents who answered.
  var answered: [Double]
  /// Per segment: Σ w² over respondents who answered (Kish's design effect).
  var squaredWeights: [Double]
  /// The number of variance units U (PSUs or replicates).
  var units = 0
  /// Unit u, segment d at `u + d · U`: the yes total of the PSU, or of the replicate's weights.
  var unitYes: [Double] = []
  /// The same for the answered totals.
  var unitAnswered: [Double] = []

  /// The totals of every question.
  ///
  /// - Parameters:
  ///   - questions: per question, each respondent's answer (nil: no answer).
  ///   - segmentOfRow: each respondent's segment; a respondent outside `0 ..< segments` must
  ///     have no answer to any question (the caller checks) and is left out.
  ///   - segments: S.
  ///   - design: the design over the same respondents.
  ///   - blockRows: respondents per block of the replicate products.
  /// - Complexity: one pass over the answers per question (linearization: also the PSU totals,
  ///   no BLAS); replicates: one read of the n × R replicate weights, block by block with each
  ///   block's rows ordered by segment, and per block and segment one dgemm of those rows'
  ///   weights with their Q yes columns and answered columns — O(n R (Q + M + 1)) flops with M
  ///   the questions that have non-answers, S times fewer than one product with every segment's
  ///   columns.
  static func compute(
    questions: [[Bool?]], segmentOfRow: [Int], segments s: Int, design: SurveyDesign,
    blockRows: Int = DomainTotals.blockRows
  ) -> [DomainTotals] {
    // Linearization: totals per PSU and segment. Replicates: per segment (one unit); the
    // replicate totals replace the unit totals below.
    var unitOfRow: [Int]
    var p = 1
    if case .stratifiedClusters(let sample) = design.structure {
      unitOfRow = sample.psuOfRow
      p = sample.psuCount
    } else {
      unitOfRow = [Int](repeating: 0, count: design.count)
    }
    var result = questions.map { answers in
      sampleTotals(
        answers: answers, segmentOfRow: segmentOfRow, segments: s, weights: design.weights,
        unitOfRow: unitOfRow, units: p)
    }
    if case .replicates(let rw) = design.structure {
      replicateTotals(
        questions: questions, segmentOfRow: segmentOfRow, segments: s, replicates: rw,
        blockRows: blockRows, into: &result)
    }
    return result
  }

  /// One question's totals per cell (unit, segment) — the units being the PSUs, or one unit
  /// when `unitOfRow` is all zeros — and per segment, their sums over the units.
  ///
  /// - Complexity: O(n) (one pass), O(U S) memory.
  private static func sampleTotals(
    answers: [Bool?], segmentOfRow: [Int], segments s: Int, weights: [Double], unitOfRow: [Int],
    units p: Int
  ) -> DomainTotals {
    let cells = p * s
    // Per cell: answered count; Σ w over answers, over yes answers; Σ w² over answers.
    var count = [Int](repeating: 0, count: cells)
    var sums = [Double](repeating: 0, count: 3 * cells)
    answers.withUnsafeBufferPointer { a in
      segmentOfRow.withUnsafeBufferPointer { g in
        weights.withUnsafeBufferPointer { wt in
          unitOfRow.withUnsafeBufferPointer { u in
            count.withUnsafeMutableBufferPointer { nc in
              sums.withUnsafeMutableBufferPointer { sm in
                for i in 0..<a.count {
                  guard let y = a[i] else { continue }
                  let cell = u[i] + g[i] * p
                  let w = wt[i]
                  nc[cell] += 1
                  sm[cell] += w
                  sm[cells + cell] += w * w
                  if y { sm[2 * cells + cell] += w }
                }
              }
            }
          }
        }
      }
    }
    var t = DomainTotals(
      respondents: [Int](repeating: 0, count: s), yes: [Double](repeating: 0, count: s),
      answered: [Double](repeating: 0, count: s),
      squaredWeights: [Double](repeating: 0, count: s))
    for d in 0..<s {
      for q in 0..<p {
        t.respondents[d] += count[q + d * p]
        t.answered[d] += sums[q + d * p]
        t.squaredWeights[d] += sums[cells + q + d * p]
        t.yes[d] += sums[2 * cells + q + d * p]
      }
    }
    t.units = p
    t.unitAnswered = Array(sums[0..<cells])
    t.unitYes = Array(sums[(2 * cells)...])
    return t
  }

  /// Replicate totals: for each segment d, `W_dᵀ X_d` with W_d the replicate weights of the
  /// segment's respondents (gathered in blocks) and X_d their yes indicators (one column per
  /// question) and answered indicators (one column per question with non-answers, one column of
  /// ones shared by the questions every respondent answered).
  private static func replicateTotals(
    questions: [[Bool?]], segmentOfRow: [Int], segments s: Int, replicates rw: ReplicateWeights,
    blockRows: Int, into result: inout [DomainTotals]
  ) {
    let n = rw.rows
    let r = rw.count
    let qn = questions.count
    // Answered columns: questions with a non-answer get their own, the others share the last.
    var answeredColumn = [Int](repeating: 0, count: qn)
    var m = qn
    for (q, answers) in questions.enumerated() {
      if answers.contains(where: { $0 == nil }) {
        answeredColumn[q] = m
        m += 1
      }
    }
    let shared = m
    m += 1
    for q in 0..<qn where !questions[q].contains(where: { $0 == nil }) {
      answeredColumn[q] = shared
    }
    // Blocks of consecutive respondents: each block's replicate weights are copied with its
    // rows ordered by segment (reading every weight once, in storage order), so that each
    // segment's rows form one sub-block and one dgemm per segment and block adds their totals.
    let block = max(1, min(n, blockRows))
    var wBlock = [Double](repeating: 0, count: block * r)
    var xBlock = [Double](repeating: 0, count: block * m)
    var totals = [Double](repeating: 0, count: r * m * s)  // segment d: R × m at d · R · m
    var slot = [Int](repeating: 0, count: block)  // respondent lo + c is block row slot[c]
    var start = [Int](repeating: 0, count: s + 2)
    func bucket(_ d: Int) -> Int { d >= 0 && d < s ? d : s }
    rw.values.withUnsafeBufferPointer { wAll in
      var lo = 0
      while lo < n {
        let rows = min(block, n - lo)
        // Rows outside 0 ..< S (answered nothing) go last, into bucket S, which is skipped.
        for d in 0...(s + 1) { start[d] = 0 }
        for i in lo..<(lo + rows) { start[bucket(segmentOfRow[i]) + 1] += 1 }
        for d in 0...s { start[d + 1] += start[d] }
        var next = start
        for i in lo..<(lo + rows) {
          let d = bucket(segmentOfRow[i])
          slot[i - lo] = next[d]
          next[d] += 1
        }
        // Read each replicate's weights in storage order, write them to their sorted rows.
        wBlock.withUnsafeMutableBufferPointer { wb in
          slot.withUnsafeBufferPointer { sp in
            for k in 0..<r {
              let from = lo + k * n
              let to = k * block
              for c in 0..<rows { wb[to + sp[c]] = wAll[from + c] }
            }
          }
        }
        // The indicators, read in storage order, written to the sorted rows.
        xBlock.withUnsafeMutableBufferPointer { xb in
          slot.withUnsafeBufferPointer { sp in
            xb.update(repeating: 0)
            for c in 0..<rows { xb[sp[c] + shared * block] = 1 }
            for (q, answers) in questions.enumerated() {
              let a = answeredColumn[q]
              answers.withUnsafeBufferPointer { ap in
                for c in 0..<rows {
                  guard let y = ap[lo + c] else { continue }
                  if y { xb[sp[c] + q * block] = 1 }
                  if a != shared { xb[sp[c] + a * block] = 1 }
                }
              }
            }
          }
        }
        wBlock.withUnsafeBufferPointer { wp in
          xBlock.withUnsafeBufferPointer { xp in
            totals.withUnsafeMutableBufferPointer { tp in
              guard let wb = wp.baseAddress, let xb = xp.baseAddress, let tb = tp.baseAddress
              else { return }
              for d in 0..<s where start[d + 1] > start[d] {
                BLAS.gemm(
                  .transpose, .none, m: r, n: m, k: start[d + 1] - start[d], a: wb + start[d],
                  lda: block, b: xb + start[d], ldb: block, beta: 1, c: tb + d * r * m, ldc: r)
              }
            }
          }
        }
        lo += rows
      }
    }
    for q in 0..<qn {
      var unitYes = [Double](repeating: 0, count: r * s)
      var unitAnswered = [Double](repeating: 0, count: r * s)
      for d in 0..<s {
        let base = d * r * m
        for k in 0..<r {
          unitYes[k + d * r] = totals[base + k + q * r]
          unitAnswered[k + d * r] = totals[base + k + answeredColumn[q] * r]
        }
      }
      result[q].units = r
      result[q].unitYes = unitYes
      result[q].unitAnswered = unitAnswered
    }
  }

  /// The 3S + 1 ratio estimates of ``DomainProportions`` and their design covariance: the S
  /// segment proportions, the 2S cells (segment d yes at S + 2d, no at S + 2d + 1) as shares of
  /// everyone who answered, and the overall proportion at 3S.
  ///
  /// - Throws: `InputError.invalidData` when nobody with a positive weight answered.
  /// - Complexity: O(U S + U S²) (linearization: the PSU totals of 3S + 1 influence columns and
  ///   their cross-product; replicates: the replicate estimates and their cross-product).
  func ratioEstimates(design: SurveyDesign) throws -> RatioEstimates {
    let s = yes.count
    let k = 3 * s + 1
    let all = answered.reduce(0, +)
    var top = [Double](repeating: 0, count: k)
    var bottom = [Double](repeating: 0, count: k)
    for d in 0..<s {
      top[d] = yes[d]
      bottom[d] = answered[d]
      top[s + 2 * d] = yes[d]
      top[s + 2 * d + 1] = answered[d] - yes[d]
      top[3 * s] += yes[d]
    }
    for j in s..<k { bottom[j] = all }
    let theta = try RatioEstimates.checkedRatios(top, bottom)
    // Unit values of the numerators (column j of U × k) and denominators.
    let u = units
    var unitTop = [Double](repeating: 0, count: u * k)
    var unitBottom = [Double](repeating: 0, count: u * k)
    for d in 0..<s {
      for q in 0..<u {
        let y = unitYes[q + d * u]
        let a = unitAnswered[q + d * u]
        unitTop[q + d * u] = y
        unitBottom[q + d * u] = a
        unitTop[q + (s + 2 * d) * u] = y
        unitTop[q + (s + 2 * d + 1) * u] = a - y
        unitTop[q + 3 * s * u] += y
        unitBottom[q + s * u] += a
      }
    }
    for j in (s + 1)..<k {
      for q in 0..<u { unitBottom[q + j * u] = unitBottom[q + s * u] }
    }
    switch design.structure {
    case .stratifiedClusters(let sample):
      // PSU totals of the influence values w (a − θ b) / Σ w b.
      var totals = [Double](repeating: 0, count: u * k)
      for j in 0..<k {
        let scale = 1 / bottom[j]
        for q in 0..<u {
          totals[q + j * u] = (unitTop[q + j * u] - theta[j] * unitBottom[q + j * u]) * scale
        }
      }
      let v = TaylorLinearization.covariance(psuTotals: totals, columns: k, sample: sample)
      return RatioEstimates(estimates: theta, denominators: bottom, covariance: v)
    case .replicates(let rw):
      return ReplicateVariance.ratios(
        replicateNumerators: unitTop, replicateDenominators: unitBottom, count: k,
        estimates: theta, denominators: bottom, replicates: rw)
    }
  }

  /// The 2S weighted cell totals of the answer × segment table (segment d: yes at 2d, no at
  /// 2d + 1) and their design covariance: what the Wald tests of independence need.
  ///
  /// - Complexity: O(U S + U S²).
  func cellTotals(design: SurveyDesign) -> (totals: [Double], covariance: Matrix) {
    let s = yes.count
    let k = 2 * s
    let u = units
    var totals = [Double](repeating: 0, count: k)
    var unit = [Double](repeating: 0, count: u * k)
    for d in 0..<s {
      totals[2 * d] = yes[d]
      totals[2 * d + 1] = answered[d] - yes[d]
      for q in 0..<u {
        unit[q + 2 * d * u] = unitYes[q + d * u]
        unit[q + (2 * d + 1) * u] = unitAnswered[q + d * u] - unitYes[q + d * u]
      }
    }
    switch design.structure {
    case .stratifiedClusters(let sample):
      return (totals, TaylorLinearization.covariance(psuTotals: unit, columns: k, sample: sample))
    case .replicates(let rw):
      // A total is a ratio with denominator 1: the replicate spread of the totals themselves.
      let ones = [Double](repeating: 1, count: k)
      let v = ReplicateVariance.ratios(
        replicateNumerators: unit, replicateDenominators: [Double](repeating: 1, count: u * k),
        count: k, estimates: totals, denominators: ones, replicates: rw)
      return (totals, v.covariance)
    }
  }
}

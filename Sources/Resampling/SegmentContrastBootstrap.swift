// SegmentContrastBootstrap.swift: many columns × segment pairs from one joint stratified resample.
import LinearAlgebra
import RandomStreams
import ResampleCore

/// One contrast: the difference of a column's mean between two segments.
public struct SegmentContrast: Sendable, Equatable {
  /// Column index in the data matrix.
  public var column: Int
  /// The two segment labels; the contrast is mean(first) − mean(second).
  public var first: Int
  public var second: Int
  /// The estimate on the data.
  public var estimate: Double
  /// Bootstrap standard error.
  public var standardError: Double
  /// The per-contrast percentile interval (type-7 quantiles).
  public var percentile: ConfidenceInterval
  /// The max-T simultaneous interval (family-wise level).
  public var simultaneousLower: Double
  public var simultaneousUpper: Double
  /// Bootstrap p-value for "no difference" and its Westfall–Young step-down adjustment.
  public var pValue: Double
  public var pAdjusted: Double

  /// The former name of ``pAdjusted``.
  @available(*, deprecated, renamed: "pAdjusted")
  public var adjustedPValue: Double { pAdjusted }
}

/// The result of a ``SegmentContrastBootstrap``.
public struct SegmentContrastResult: Sendable, Equatable {
  /// Contrasts in column-major order: for each column, each segment pair.
  public var contrasts: [SegmentContrast]
  /// The max-T critical value.
  public var criticalValue: Double
  public var level: Double
  public var replicates: Int
  public var seed: UInt64
  public var rng: String
}

/// The joint stratified bootstrap of segment means of many columns (a survey: questions ×
/// segments), computed as a matrix product.
///
/// Each replicate draws every segment's rows i.i.d. within the segment (stratified plan: segment
/// sizes fixed) as a row of counts; a block of b replicates forms a b × n count matrix, and the
/// segment sums of all p columns are one dgemm per segment, (b × n_s)·(n_s × p). All pairwise
/// contrasts are differences of the resulting means, resampled jointly, so max-T simultaneous
/// intervals and Westfall–Young adjusted p-values (``MaxT``) come from the same replicates.
///
/// When the data are integers (0/1 answers), segment sums are exact, so contrasts are kept as
/// integers k_a·n_b − k_b·n_a and their quantiles found by counting over that lattice (O(B + R)
/// instead of a sort); the reported values are exact rationals rounded once.
///
/// Determinism: replicate b uses only stream b, and the dgemm tiles are aligned to global
/// replicate indices with a fixed number of rows, so every replicate's sums come from the same
/// BLAS call shape at the same row whatever the split, block size or thread count (BLAS pinned
/// to one thread inside the parallel loop): results are bit-identical, for real data too.
public struct SegmentContrastBootstrap: Sendable {
  let n: Int
  let p: Int
  /// Data rows reordered so that segments are contiguous (column-major n × p).
  let data: [Double]
  /// Sorted distinct segment labels, their sizes and row offsets.
  public let segments: [Int]
  let sizes: [Int]
  let offsets: [Int]
  /// Segment-index pairs (i < j) compared.
  let pairs: [(Int, Int)]
  let integral: Bool
  let estimates: [Double]

  /// Prepares the bootstrap.
  ///
  /// - Parameters:
  ///   - data: n × p observations (rows = respondents), column-major.
  ///   - segments: one label per row.
  ///   - pairs: label pairs to compare (default: all pairs of distinct labels, ascending).
  /// - Throws: ``InputError`` for a label count ≠ n, fewer than two segments, non-finite data,
  ///   or a pair naming an unknown label.
  public init(data matrix: Matrix, segments labels: [Int], pairs: [(Int, Int)]? = nil) throws {
    guard labels.count == matrix.rows, matrix.rows > 0, matrix.columns > 0 else {
      throw InputError.invalidParameter(
        name: "segments", value: "\(labels.count) labels",
        expected: "one label per data row (\(matrix.rows)) and at least one column")
    }
    if let bad = matrix.storage.firstIndex(where: { !$0.isFinite }) {
      throw InputError.invalidData(
        source: "data row \(bad % matrix.rows + 1) column \(bad / matrix.rows + 1)",
        reason: "not a finite number")
    }
    let distinct = Array(Set(labels)).sorted()
    guard distinct.count >= 2 else {
      throw InputError.invalidData(source: "segments", reason: "at least two segments are needed")
    }
    n = matrix.rows
    p = matrix.columns
    segments = distinct
    var order: [Int] = []
    var sizes: [Int] = []
    var offsets: [Int] = []
    for l in distinct {
      offsets.append(order.count)
      let rows = labels.indices.filter { labels[$0] == l }
      sizes.append(rows.count)
      order += rows
    }
    self.sizes = sizes
    self.offsets = offsets
    var d = [Double](repeating: 0, count: n * p)
    for j in 0..<p { for (r, i) in order.enumerated() { d[r + j * n] = matrix.storage[i + j * n] } }
    data = d
    var pr: [(Int, Int)] = []
    if let pairs {
      for (a, b) in pairs {
        guard let ia = distinct.firstIndex(of: a), let ib = distinct.firstIndex(of: b), ia != ib
        else {
          throw InputError.invalidParameter(
            name: "pairs", value: "(\(a), \(b))", expected: "two different segment labels")
        }
        pr.append((ia, ib))
      }
    } else {
      for i in 0..<distinct.count { for j in (i + 1)..<distinct.count { pr.append((i, j)) } }
    }
    self.pairs = pr
    integral = d.allSatisfy { $0 == $0.rounded() && abs($0) < 1e6 }
    var est: [Double] = []
    for j in 0..<p {
      var means: [Double] = []
      for s in 0..<distinct.count {
        var sum = 0.0
        for r in offsets[s]..<(offsets[s] + sizes[s]) { sum += d[r + j * n] }
        means.append(sum / Double(sizes[s]))
      }
      for (a, b) in pr { est.append(means[a] - means[b]) }
    }
    estimates = est
  }

  /// Number of contrasts (columns × pairs).
  public var contrastCount: Int { p * pairs.count }

  /// Contrast replicates for b ∈ `range`, contrast-major: `out[j * range.count + (b − lo)]`.
  ///
  /// - Complexity: O(|range|·n·p) flops in dgemm, O(|range|·n) draws, O(|range|·m) memory.
  public func replicates(
    _ range: Range<Int>, seed: UInt64, threads: Int = 1, blockSize: Int = 0
  ) throws -> [Double] {
    guard range.lowerBound >= 0, threads >= 1, blockSize >= 0 else {
      throw InputError.invalidParameter(
        name: "range/threads/blockSize", value: "\(range), \(threads), \(blockSize)",
        expected: "indices ≥ 0, threads ≥ 1, blockSize ≥ 0")
    }
    let count = range.count
    var out = try Bootstrap.replicateBuffer(count, outputs: contrastCount, outputName: "contrasts")
    if count == 0 { return out }
    // dgemm tiles are aligned to global replicate indices (multiples of `tile`) and always have
    // `tile` rows, so every replicate is computed by the same BLAS call shape at the same row:
    // bit-identical results for any range split, block size or thread count, even for real data.
    let tile = Self.tile
    let firstTile = range.lowerBound / tile
    let lastTile = (range.upperBound - 1) / tile
    let tiles = lastTile - firstTile + 1
    let perItem = blockSize > 0 ? max(1, blockSize / tile) : 8
    let nseg = sizes.count
    BLASRuntime.withThreadCount(1) {
      out.withUnsafeMutableBufferPointer { op in
        let shared = UnsafeShared(op)
        // Work items are runs of `perItem` whole tiles.
        ParallelFor.run(count: tiles, chunkSize: perItem, threads: threads) { chunks in
          var counts = [Double](repeating: 0, count: tile * self.n)
          var sums = [Double](repeating: 0, count: tile * self.p * nseg)
          for chunk in chunks {
            for t in chunk.range {
              let g = (firstTile + t) * tile
              let active = max(g, range.lowerBound)..<min(g + tile, range.upperBound)
              self.computeTile(
                g, active, seed: seed, counts: &counts, sums: &sums,
                out: shared.value, offset: range.lowerBound, stride: count)
            }
          }
        }
      }
    }
    return out
  }

  /// Rows per dgemm tile.
  static let tile = 64

  /// One tile: count rows for replicates `active` (inside [base, base + tile)), dgemm per
  /// segment, contrasts written to `out[j * stride + b − offset]` for global replicate b.
  func computeTile(
    _ base: Int, _ active: Range<Int>, seed: UInt64, counts: inout [Double], sums: inout [Double],
    out: UnsafeMutableBufferPointer<Double>, offset: Int, stride: Int
  ) {
    let rows = Self.tile
    let nseg = sizes.count
    let bounds = sizes.map { Bound(UInt32($0)) }
    var drawn = [UInt32](repeating: 0, count: sizes.max() ?? 0)
    counts.withUnsafeMutableBufferPointer { c in
      for i in 0..<(rows * n) { c[i] = 0 }
      drawn.withUnsafeMutableBufferPointer { ib in
        guard let idx = ib.baseAddress, let cb = c.baseAddress else { return }
        for b in active {
          var d = IndexDrawer(seed: seed, stream: b)
          for s in 0..<nseg {
            // The same draws, in the same order, as sizes[s] calls of d.index(bound).
            let size = sizes[s]
            d.fillIndices(size, bounds[s], into: idx)
            let col = cb + (b - base) + offsets[s] * rows
            for i in 0..<size { col[Int(idx[i]) * rows] += 1 }
          }
        }
      }
      data.withUnsafeBufferPointer { x in
        sums.withUnsafeMutableBufferPointer { sp in
          guard let cb = c.baseAddress, let xb = x.baseAddress, let sb = sp.baseAddress else {
            return  // unreachable: n, p ≥ 1 were validated
          }
          for s in 0..<nseg {
            BLAS.gemm(
              .none, .none, m: rows, n: p, k: sizes[s],
              a: UnsafePointer(cb + offsets[s] * rows), lda: rows,
              b: xb + offsets[s], ldb: n,
              c: sb + s * rows * p, ldc: rows)
          }
        }
      }
    }
    sums.withUnsafeBufferPointer { sp in
      var j = 0
      for q in 0..<p {
        for (a, b) in pairs {
          let na = Double(sizes[a])
          let nb = Double(sizes[b])
          let pa = a * rows * p + q * rows - base
          let pb = b * rows * p + q * rows - base
          let o = j * stride - offset
          if integral {
            let den = na * nb
            for g in active { out[o + g] = (sp[pa + g] * nb - sp[pb + g] * na) / den }
          } else {
            for g in active { out[o + g] = sp[pa + g] / na - sp[pb + g] / nb }
          }
          j += 1
        }
      }
    }
  }

  /// Runs B replicates: percentile intervals per contrast, max-T simultaneous intervals, and
  /// Westfall–Young adjusted p-values.
  ///
  /// - Throws: ``InputError`` for B < 2 or a level outside (0, 1).
  public func run(
    replicates b: Int = 9_999, seed: UInt64, level: Double = 0.95, threads: Int = 1,
    blockSize: Int = 0
  ) throws -> SegmentContrastResult {
    guard b >= 2 else {
      throw InputError.invalidParameter(
        name: "replicates", value: "\(b)", expected: "an integer ≥ 2")
    }
    try InputError.requireLevel(level)
    let reps = try replicates(0..<b, seed: seed, threads: threads, blockSize: blockSize)
    return summarize(reps, count: b, seed: seed, level: level, threads: threads)
  }

  /// Summaries from contrast-major replicates [0, B) (for example merged ranges, see ``merge(_:)``).
  ///
  /// - Parameters:
  ///   - reps: contrast-major replicates, `reps[j * b + r]`.
  ///   - b: B.
  ///   - seed: the seed they were drawn with (reported).
  ///   - level: the confidence level.
  ///   - threads: workers (≥ 1); the result does not depend on it (each contrast's interval is
  ///     computed by one worker; max-T sums integer counts).
  public func summarize(
    _ reps: [Double], count b: Int, seed: UInt64, level: Double, threads: Int = 1
  ) -> SegmentContrastResult {
    let m = contrastCount
    let analysis = MaxT.analyze(
      replicates: reps, count: b, estimates: estimates, level: level, threads: threads)
    // Percentile intervals, contrasts spread over the workers.
    var intervals = [ConfidenceInterval?](repeating: nil, count: m)
    let contrastPairs = (0..<p).flatMap { _ in pairs }
    intervals.withUnsafeMutableBufferPointer { ib in
      let shared = UnsafeShared(ib)
      ParallelFor.run(count: m, chunkSize: 1, threads: min(threads, 64)) { chunks in
        for chunk in chunks {
          let j = chunk.index
          let (a, bb) = contrastPairs[j]
          let dist = self.quantiles(reps, j: j, count: b, a: a, b: bb)
          shared.value[j] = BootstrapIntervals.percentile(dist, level: level)
        }
      }
    }
    var out: [SegmentContrast] = []
    out.reserveCapacity(m)
    var j = 0
    for q in 0..<p {
      for (a, bb) in pairs {
        guard let ci = intervals[j] else { preconditionFailure("every contrast has an interval") }
        out.append(
          SegmentContrast(
            column: q, first: segments[a], second: segments[bb], estimate: estimates[j],
            standardError: analysis.standardErrors[j], percentile: ci,
            simultaneousLower: analysis.lower[j], simultaneousUpper: analysis.upper[j],
            pValue: analysis.pValues[j], pAdjusted: analysis.pAdjusted[j]))
        j += 1
      }
    }
    return SegmentContrastResult(
      contrasts: out, criticalValue: analysis.criticalValue, level: level, replicates: b,
      seed: seed, rng: Philox4x32.identifier)
  }

  /// Merges contrast-major replicate ranges (given in index order with their sizes).
  public static func merge(_ parts: [(values: [Double], count: Int)], contrasts m: Int) -> [Double]
  {
    let total = parts.reduce(0) { $0 + $1.count }
    var out = [Double](repeating: 0, count: total * m)
    var lo = 0
    for part in parts {
      for j in 0..<m {
        for r in 0..<part.count { out[j * total + lo + r] = part.values[j * part.count + r] }
      }
      lo += part.count
    }
    return out
  }

  /// The distribution of contrast j: counted over the integer lattice k_a·n_b − k_b·n_a when
  /// the data are integers, sorted otherwise.
  func quantiles(_ reps: [Double], j: Int, count b: Int, a: Int, b sb: Int) -> ReplicateQuantile {
    let den = Double(sizes[a] * sizes[sb])
    if integral, b > 0, reps.count >= (j + 1) * b,
      let lattice = reps.withUnsafeBufferPointer({ r -> ReplicateQuantile? in
        guard let base = r.baseAddress else { return nil }
        return Self.latticeQuantile(base + j * b, count: b, denominator: den)
      })
    {
      return lattice
    }
    return ReplicateQuantile(Array(reps[(j * b)..<((j + 1) * b)]))
  }

  /// The distribution of B lattice-valued replicates v = k/den (k integer): the keys
  /// k = round(v·den) are counted in a histogram over [min k, max k] and the distinct values
  /// k/den returned in ascending order with cumulative counts; nil when the key range is wider
  /// than 4B + 1024 (then sorting is cheaper).
  ///
  /// - Complexity: O(B + max k − min k).
  static func latticeQuantile(
    _ src: UnsafePointer<Double>, count b: Int, denominator den: Double
  ) -> ReplicateQuantile? {
    guard b > 0 else { return nil }
    // Pass 1: the range of v (eight at a time), hence of the keys.
    typealias V = SIMD8<Double>
    var vmin = V(repeating: .infinity)
    var vmax = V(repeating: -.infinity)
    let raw = UnsafeRawPointer(src)
    var nan = SIMDMask<SIMD8<Int64>>()
    var i = 0
    while i + 8 <= b {
      let v = raw.loadUnaligned(fromByteOffset: i * 8, as: V.self)
      vmin = vmin.replacing(with: v, where: v .< vmin)
      vmax = vmax.replacing(with: v, where: v .> vmax)
      nan .|= v .!= v
      i += 8
    }
    var low = vmin.min()
    var high = vmax.max()
    var anyNaN = any(nan)
    while i < b {
      low = Swift.min(low, src[i])
      high = Swift.max(high, src[i])
      anyNaN = anyNaN || src[i].isNaN
      i += 1
    }
    // Keys beyond ±4e18 would trap converting to Int (integers below 1e6 in segments of more
    // than ~2 million each): sort those instead.
    guard !anyNaN, abs(low * den) < 4e18, abs(high * den) < 4e18 else { return nil }
    // Nearest integer, halves away from zero, by truncation (`rounded()` is a libm call).
    @inline(__always) func key(_ x: Double) -> Int { Int(x + Double(signOf: x, magnitudeOf: 0.5)) }
    let lo = key(low * den)
    let hi = key(high * den)
    guard hi - lo <= 4 * b + 1024 else { return nil }
    // Pass 2: the histogram of keys k = round(v·den).
    var hist = [Int](repeating: 0, count: hi - lo + 1)
    hist.withUnsafeMutableBufferPointer { h in
      guard let hp = h.baseAddress else { return }
      let shifted = hp - lo
      for r in 0..<b { shifted[key(src[r] * den)] += 1 }
    }
    var values: [Double] = []
    var cumulative: [Int] = []
    values.reserveCapacity(min(b, hist.count))
    cumulative.reserveCapacity(min(b, hist.count))
    var total = 0
    hist.withUnsafeBufferPointer { h in
      for i in 0..<h.count where h[i] > 0 {
        total += h[i]
        let x = Double(i + lo) / den
        if let last = values.last, last == x {
          cumulative[cumulative.count - 1] = total
        } else {
          values.append(x)
          cumulative.append(total)
        }
      }
    }
    return ReplicateQuantile(ascendingValues: values, cumulative: cumulative)
  }
}

// MultiColumnBootstrap.swift: bootstrap of statistics of several paired columns, in dgemm blocks.
import LinearAlgebra
import RandomStreams
import ResampleCore

/// How the least-squares bootstrap resamples.
///
/// - `pairs`: case resampling, rows (y, x) drawn with replacement (Efron & Tibshirani 1993,
///   §9.5; R `boot` on the data frame); robust to heteroscedasticity.
/// - `residual`: y* = ŷ + e* with e* drawn with replacement from the raw residuals, design fixed
///   (Efron & Tibshirani §9.4; Davison & Hinkley 1997, alg. 6.1 without the leverage adjustment).
/// - `wild`: y*ᵢ = ŷᵢ + eᵢ·vᵢ with Rademacher vᵢ = ±1 (Wu 1986; Liu 1988; Davidson & Flachaire
///   2008), design fixed; valid under heteroscedasticity.
public enum OLSResampling: String, CaseIterable, Sendable, Codable {
  case pairs
  case residual
  case wild
}

/// A bootstrap of a statistic of several paired columns (rows resampled together), computed
/// for blocks of replicates at a time.
///
/// Statistics: Spearman's ρ of columns (x, y); the ratio of paired means Σx/Σu of columns (u, x)
/// (R `boot`'s `city` example); the ordinary least-squares coefficients of column y on columns
/// x₁…x_k with an intercept (one output per coefficient), by pairs, residual or wild resampling.
///
/// Kernels: a block of `tile` replicates draws its counts matrix (tile × n, replicate b from
/// stream b). Statistics that are functions of count-weighted sums (the ratio, the OLS normal
/// equations XᵀWX and XᵀWy) get all the block's sums from one dgemm of the counts matrix with
/// the data's product columns; the OLS replicate is then a p × p Cholesky solve. Residual and
/// wild replicates are one dgemm of (XᵀX)⁻¹Xᵀ with the block's resampled residual vectors.
///
/// Determinism: replicate b draws only from stream b, and blocks are aligned to global replicate
/// indices with a fixed number of rows (a function of n only), computed with OpenBLAS pinned to
/// one thread: every replicate is the same row of the same BLAS call shape, so results are
/// bit-identical for any thread count and any split into ranges.
///
/// Memory: O(tile·n) per worker plus the n × q product columns (q = p(p + 1)/2 + p for OLS).
public struct MultiColumnBootstrap: Sendable {
  /// The statistic.
  public enum Statistic: Sendable, Equatable {
    /// Spearman's ρ of columns (x, y).
    case spearman
    /// Σx/Σu of columns (u, x).
    case ratioOfMeans
    /// OLS coefficients of column 0 (y) on the other columns, with an intercept.
    case leastSquares(OLSResampling)
  }

  /// The statistic.
  public let statistic: Statistic
  /// One name per output: `"(Intercept)"` and the predictors for OLS, the statistic otherwise.
  public let names: [String]
  /// The statistic on the original data, one value per output (OLS: R `lm`'s coefficients).
  public let estimates: [Double]
  /// Observations (rows).
  public let observations: Int
  /// How resamples are drawn (`"pairs"`, `"residual"`, `"wild (Rademacher)"`).
  public let planDescription: String

  let columns: [[Double]]
  let fit: OLSFit?
  let ranks: SpearmanRanks?
  /// Product columns (n × q column-major) for statistics of count-weighted sums; empty otherwise.
  let products: [Double]
  let productCount: Int
  /// P = (XᵀX)⁻¹Xᵀ for residual and wild resampling (p × n), else empty.
  let residualOperator: [Double]
  /// Replicates per block (a multiple of 8, a function of n only).
  let tile: Int

  /// Prepares the bootstrap.
  ///
  /// - Parameters:
  ///   - columns: the columns, equal lengths: (x, y) for Spearman, (u, x) for the ratio,
  ///     (y, x₁, …, x_k) for least squares.
  ///   - names: the columns' names (for outputs and errors).
  ///   - statistic: the statistic.
  /// - Throws: ``InputError`` for columns of unequal length or the wrong number, non-finite
  ///   values, a constant column (Spearman), Σu = 0 (ratio), n ≤ p or a singular design (OLS).
  /// - Complexity: O(n log n) (Spearman), O(n·p²) (OLS).
  public init(columns: [[Double]], names: [String], statistic: Statistic) throws {
    precondition(names.count == columns.count, "one name per column")
    let need: Int?
    switch statistic {
    case .spearman, .ratioOfMeans: need = 2
    case .leastSquares: need = nil
    }
    guard columns.count >= 2, need == nil || columns.count == need else {
      throw InputError.invalidParameter(
        name: "columns", value: "\(columns.count) columns",
        expected: need.map { "exactly \($0) columns" } ?? "a response and at least one predictor")
    }
    let n = columns[0].count
    for (c, name) in zip(columns, names) {
      guard c.count == n else {
        throw InputError.invalidData(
          source: "column '\(name)'", reason: "has \(c.count) values, column '\(names[0])' \(n)")
      }
      try DataMagnitude.requireFinite(c, source: "column '\(name)'", item: "row")
      try DataMagnitude.validate(c, source: "column '\(name)'")
    }
    guard n >= 2, n < Int(UInt32.max) else {
      throw InputError.invalidData(
        source: "columns", reason: "\(n) rows: need at least 2 (and fewer than 2^32)")
    }
    self.statistic = statistic
    self.columns = columns
    self.observations = n
    var fit: OLSFit? = nil
    var ranks: SpearmanRanks? = nil
    var products: [Double] = []
    var q = 0
    var residualOperator: [Double] = []
    switch statistic {
    case .spearman:
      guard n >= 3 else {
        throw InputError.invalidData(source: "columns", reason: "a correlation needs n ≥ 3 pairs")
      }
      for (c, name) in zip(columns, names) where c.allSatisfy({ $0 == c[0] }) {
        throw InputError.invalidData(
          source: "column '\(name)'", reason: "is constant, so the correlation is undefined")
      }
      let r = SpearmanRanks(columns[0], columns[1])
      ranks = r
      self.names = ["spearman correlation"]
      estimates = [r.estimate()]
      planDescription = "pairs"
    case .ratioOfMeans:
      let su = columns[0].reduce(0, +)
      guard su != 0 else {
        throw InputError.invalidData(
          source: "column '\(names[0])'", reason: "sums to 0, so the ratio of means is undefined")
      }
      products = columns[0] + columns[1]
      q = 2
      self.names = ["ratio of means (\(names[1]) / \(names[0]))"]
      estimates = [columns[1].reduce(0, +) / su]
      planDescription = "pairs"
    case .leastSquares(let how):
      let f = try OLSFit(
        response: columns[0], predictors: Array(columns.dropFirst()),
        names: Array(names.dropFirst()))
      fit = f
      self.names = ["(Intercept)"] + names.dropFirst()
      estimates = f.coefficients
      switch how {
      case .pairs:
        products = f.productColumns()
        q = f.productCount
        planDescription = "pairs"
      case .residual:
        residualOperator = f.residualOperator()
        planDescription = "residual"
      case .wild:
        residualOperator = f.residualOperator()
        planDescription = "wild (Rademacher)"
      }
    }
    self.fit = fit
    self.ranks = ranks
    self.products = products
    self.productCount = q
    self.residualOperator = residualOperator
    self.tile = max(8, min(128, (1 << 20) / n) / 8 * 8)
  }

  /// Outputs per replicate (coefficients for OLS, else 1).
  public var outputCount: Int { names.count }

  /// Replicates b ∈ `range`, output-major: `out[j · range.count + (b − range.lowerBound)]`.
  ///
  /// - Parameters:
  ///   - range: replicate indices, 0 ≤ lo ≤ hi.
  ///   - seed: the seed; replicate b uses stream b.
  ///   - threads: workers (≥ 1); the output does not depend on it.
  /// - Throws: ``InputError`` for a negative range, threads < 1, or more than
  ///   ``Bootstrap/maximumReplicates`` values.
  /// - Complexity: O(|range|·n·q) flops in dgemm (q = p(p + 1)/2 + p for OLS pairs, p for
  ///   residual/wild), O(|range|·n) draws, O(|range|·p³) for the solves.
  public func replicates(_ range: Range<Int>, seed: UInt64, threads: Int = 1) throws -> [Double] {
    guard range.lowerBound >= 0, threads >= 1 else {
      throw InputError.invalidParameter(
        name: "range/threads", value: "\(range), \(threads)", expected: "indices ≥ 0, threads ≥ 1")
    }
    let count = range.count
    var out = try Bootstrap.replicateBuffer(count, outputs: outputCount, outputName: "outputs")
    if count == 0 { return out }
    let tile = self.tile
    let firstTile = range.lowerBound / tile
    let tiles = (range.upperBound - 1) / tile - firstTile + 1
    BLASRuntime.withThreadCount(1) {
      out.withUnsafeMutableBufferPointer { op in
        let shared = UnsafeShared(op)
        ParallelFor.run(count: tiles, chunkSize: 1, threads: threads) { chunks in
          var scratch = TileScratch(self)
          for chunk in chunks {
            for t in chunk.range {
              let g = (firstTile + t) * tile
              let active = max(g, range.lowerBound)..<min(g + tile, range.upperBound)
              self.computeTile(
                g, active, seed: seed, scratch: &scratch, out: shared.value,
                offset: range.lowerBound, stride: count)
            }
          }
        }
      }
    }
    return out
  }

  /// One worker's buffers.
  struct TileScratch {
    var block: [Double]
    var sums: [Double]
    var indices: [UInt32]
    var ols: OLSFit.ReplicateScratch
    var rx: [Double]
    var ry: [Double]

    init(_ b: MultiColumnBootstrap) {
      let n = b.observations
      let p = b.fit?.p ?? 1
      block = [Double](repeating: 0, count: b.tile * n)
      sums = [Double](repeating: 0, count: b.tile * max(b.productCount, p))
      indices = [UInt32](repeating: 0, count: n)
      ols = OLSFit.ReplicateScratch(p: p)
      rx = [Double](repeating: 0, count: b.ranks == nil ? 0 : n)
      ry = rx
    }

    /// Zeroes the first `count` values of ``block`` and passes the base addresses of ``block``
    /// and ``indices`` to `body`, which fills the block replicate by replicate.
    ///
    /// - Parameters:
    ///   - count: the values of the block this tile uses (rows · n).
    ///   - body: the filling, given the block and the index buffer.
    @inline(__always)
    mutating func withZeroedBlock(
      _ count: Int,
      _ body: (UnsafeMutablePointer<Double>, UnsafeMutablePointer<UInt32>) -> Void
    ) {
      block.withUnsafeMutableBufferPointer { blockBuffer in
        indices.withUnsafeMutableBufferPointer { indexBuffer in
          guard let values = blockBuffer.baseAddress, let idx = indexBuffer.baseAddress else {
            return
          }
          for i in 0..<count { values[i] = 0 }
          body(values, idx)
        }
      }
    }
  }

  /// One block: replicates `active` ⊂ [base, base + tile), written to
  /// `out[j · stride + b − offset]`.
  func computeTile(
    _ base: Int, _ active: Range<Int>, seed: UInt64, scratch s: inout TileScratch,
    out: UnsafeMutableBufferPointer<Double>, offset: Int, stride: Int
  ) {
    let n = observations
    let rows = tile
    let bound = Bound(UInt32(n))
    if case .leastSquares(let how) = statistic, how != .pairs, let fit {
      // Residual vectors e*_b, one column each (n × rows), then P·E (p × rows).
      let p = fit.p
      fit.residuals.withUnsafeBufferPointer { res in
        s.withZeroedBlock(rows * n) { e, idx in
          for b in active {
            var d = IndexDrawer(seed: seed, stream: b)
            let col = e + (b - base) * n
            if how == .residual {
              d.fillIndices(n, bound, into: idx)
              for i in 0..<n { col[i] = res[Int(idx[i])] }
            } else {
              var i = 0
              while i < n {
                let w = d.next()
                let m = min(64, n - i)
                for k in 0..<m {
                  col[i + k] = (w >> UInt64(k)) & 1 == 1 ? res[i + k] : -res[i + k]
                }
                i += m
              }
            }
          }
        }
      }
      BLAS.gemm(
        .none, .none, m: p, n: rows, k: n, a: residualOperator, lda: p, b: s.block, ldb: n,
        c: &s.sums, ldc: p)
      for b in active {
        let r = b - base
        for j in 0..<p { out[j * stride + b - offset] = fit.coefficients[j] + s.sums[j + r * p] }
      }
      return
    }
    // Counts matrix, rows × n column-major: count of observation i in replicate b at
    // block[(b − base) + i·rows].
    s.withZeroedBlock(rows * n) { c, idx in
      for b in active {
        var d = IndexDrawer(seed: seed, stream: b)
        d.fillIndices(n, bound, into: idx)
        let row = c + (b - base)
        for i in 0..<n { row[Int(idx[i]) * rows] += 1 }
      }
    }
    if productCount > 0 {
      BLAS.gemm(
        .none, .none, m: rows, n: productCount, k: n, a: s.block, lda: rows, b: products, ldb: n,
        c: &s.sums, ldc: rows)
    }
    switch statistic {
    case .ratioOfMeans:
      for b in active {
        let r = b - base
        out[b - offset] = s.sums[r + rows] / s.sums[r]
      }
    case .spearman:
      guard let ranks else { return }
      s.block.withUnsafeBufferPointer { cb in
        guard let c = cb.baseAddress else { return }
        for b in active {
          out[b - offset] = ranks.rho(counts: c + (b - base), stride: rows, rx: &s.rx, ry: &s.ry)
        }
      }
    case .leastSquares:
      guard let fit else { return }
      let p = fit.p
      s.sums.withUnsafeBufferPointer { sb in
        guard let sp = sb.baseAddress else { return }
        for b in active {
          fit.solveReplicate(sums: sp + (b - base), stride: rows, into: &s.ols)
          for j in 0..<p { out[j * stride + b - offset] = s.ols.beta[j] }
        }
      }
    }
  }

  /// Leave-one-out values per output, for BCa's acceleration (nil when undefined).
  func jackknife() -> [Jackknife.Values?] {
    switch statistic {
    case .spearman:
      return [ranks?.jackknife()]
    case .ratioOfMeans:
      let u = columns[0]
      let x = columns[1]
      let su = u.reduce(0, +)
      let sx = x.reduce(0, +)
      let v = u.indices.map { (sx - x[$0]) / (su - u[$0]) }
      return [Jackknife.Values(values: v, weights: [Int](repeating: 1, count: v.count))]
    case .leastSquares:
      guard let j = fit?.jackknife() else {
        return [Jackknife.Values?](repeating: nil, count: outputCount)
      }
      return j
    }
  }

  /// Runs B replicates and summarises every output.
  ///
  /// - Parameters:
  ///   - replicates: B ≥ 1.
  ///   - seed: the seed.
  ///   - methods: interval methods (not `studentized`: these statistics have no standard error
  ///     per replicate).
  ///   - level: confidence level in (0, 1).
  ///   - alternative: two-sided or one-sided.
  ///   - threads: workers; the result does not depend on it.
  ///   - ties: BCa's z0 tie rule.
  /// - Throws: ``InputError`` for B < 1, a level outside (0, 1) or a studentized interval.
  /// - Complexity: as ``replicates(_:seed:threads:)``, plus O(B log B) per output.
  public func run(
    replicates: Int = 9_999, seed: UInt64, methods: [IntervalMethod] = [.bca],
    level: Double = 0.95, alternative: Alternative = .twoSided, threads: Int = 1,
    ties: BCaTieRule = .half
  ) throws -> [BootstrapResult] {
    try InputError.requireReplicates(replicates)
    try Self.check(methods: methods, level: level)
    let values = try self.replicates(0..<replicates, seed: seed, threads: threads)
    return try results(
      fromReplicates: values, count: replicates, seed: seed, methods: methods, level: level,
      alternative: alternative, ties: ties)
  }

  /// One result per output from replicates 0..<B computed elsewhere (for example the shards of a
  /// run, concatenated output by output).
  ///
  /// - Parameters:
  ///   - values: output-major replicates: output j's replicate b at `values[j · count + b]`.
  ///   - count: B ≥ 1.
  ///   - seed: the seed they were drawn with (reported).
  ///   - methods, level, alternative, ties: as ``run(replicates:seed:methods:level:alternative:threads:ties:)``.
  /// - Throws: ``InputError`` for a size other than B × outputs, B < 1, a level outside (0, 1) or
  ///   a studentized interval.
  /// - Complexity: O(B log B) per output.
  public func results(
    fromReplicates values: [Double], count: Int, seed: UInt64, methods: [IntervalMethod] = [.bca],
    level: Double = 0.95, alternative: Alternative = .twoSided, ties: BCaTieRule = .half
  ) throws -> [BootstrapResult] {
    guard count >= 1, values.count == count * outputCount else {
      throw InputError.invalidParameter(
        name: "replicates", value: "\(values.count) values",
        expected: "\(outputCount) outputs × B = \(count) replicates (B ≥ 1)")
    }
    try Self.check(methods: methods, level: level)
    return summarize(
      values, replicates: count, seed: seed, methods: methods, level: level,
      alternative: alternative, ties: ties)
  }

  /// Throws for a level outside (0, 1) or a studentized interval (no standard error per
  /// replicate).
  static func check(methods: [IntervalMethod], level: Double) throws {
    try InputError.requireLevel(level)
    guard !methods.contains(.studentized) else {
      throw InputError.invalidParameter(
        name: "method", value: "studentized",
        expected: "percentile, basic, normal or bca for a multi-column statistic")
    }
  }

  /// One result per output from output-major replicates 0..<B.
  func summarize(
    _ values: [Double], replicates b: Int, seed: UInt64, methods: [IntervalMethod], level: Double,
    alternative: Alternative, ties: BCaTieRule
  ) -> [BootstrapResult] {
    let jack = methods.contains(.bca) ? jackknife() : []
    return (0..<outputCount).map { j in
      let block = ReplicateBlock(range: 0..<b, values: Array(values[(j * b)..<((j + 1) * b)]))
      return BootstrapSummary.make(
        name: names[j], estimate: estimates[j], block: block, lattice: nil, seed: seed,
        methods: methods, level: level, alternative: alternative,
        jackknife: jack.isEmpty ? nil : jack[j].map { [$0] }, studentError: nil,
        plan: planDescription, observations: observations, innerReplicates: nil, ties: ties)
    }
  }
}

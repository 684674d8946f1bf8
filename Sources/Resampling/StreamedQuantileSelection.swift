// StreamedQuantileSelection.swift: exact replicate quantiles at any B by regenerating replicates
// from their streams (multi-pass selection) instead of storing them.
import ResampleCore

/// Exact order statistics, moments and the estimate's rank of B replicates, in memory that does
/// not grow with B.
///
/// Replicate b always comes from its own counter-based stream, so any range of replicates can be
/// computed again at no storage cost; a pass regenerates replicates 0..<B piece by piece (in
/// parallel within a piece) and scans each piece in index order.
///
/// - Pass 1: the number of finite replicates, their sum (in index order, as the stored path
///   sums), how many lie below and at the estimate, and a histogram of 2¹⁶ linear bins over the
///   range of the first piece (plus one bin below it and one above) with each bin's smallest and
///   largest value.
/// - The ranks to find follow from these counts (``ranks(count:below:equal:methods:level:alternative:acceleration:ties:)``):
///   the type-7 quantiles that the percentile, basic and BCa intervals and their Monte Carlo
///   errors read, the smallest and largest replicate, and the neighbours of the estimate.
/// - Pass 2: the sum of squares about the mean (index order), and for each bin holding a wanted
///   rank either its values (when they fit in ``capacity`` values: sorted, the order statistics
///   are read off) or a finer histogram over its keys (the order-preserving integer image of the
///   doubles, 2¹⁴ bins); further passes repeat this until every wanted rank is known. A key
///   range shrinks by 2¹⁴ per pass, so at most five passes follow the second.
///
/// The result is a sparse ``ReplicateQuantile``: its entries are the order statistics found, with
/// cumulative count rank + 1, so ``ReplicateQuantile/orderStatistic(_:)`` at every wanted rank and
/// ``ReplicateQuantile/rank(of:)`` at the estimate agree exactly with the full distribution, and
/// the interval code reads the same endpoints as from stored replicates. Nothing depends on the
/// piece size, the capacity or the number of threads.
///
/// Reference: the two-pass exact selection of Munro & Paterson, "Selection and sorting with
/// limited storage", *Theoretical Computer Science* 12 (1980) 315–323; counter-based streams:
/// Salmon et al. (SC 2011).
struct StreamedQuantileSelection {
  /// Linear bins of the first pass.
  static let firstBins = 1 << 16
  /// Bins of a refining pass over one key range.
  static let refineBins = 1 << 14

  /// What the selection found.
  struct Outcome {
    /// Replicates, finite or not.
    var replicates: Int
    /// Finite replicates.
    var finite: Int
    /// Their sum in index order.
    var sum: Double
    /// Σ (t* − mean)² over the finite replicates, in index order.
    var sumOfSquares: Double
    /// Finite replicates below and equal to the estimate.
    var below: Int
    var equal: Int
    /// The sparse distribution of the finite replicates.
    var distribution: ReplicateQuantile
    /// Passes over the replicates.
    var passes: Int
  }

  /// A contiguous key range of replicates: `count` of them, `below` replicates before it, and
  /// the wanted ranks it holds.
  struct Segment {
    var lo: UInt64
    var hi: UInt64
    var below: Int
    var count: Int
    var ranks: [Int]
  }

  /// Counts with the smallest and largest key of each bin.
  struct Histogram {
    var counts: [Int]
    var minKey: [UInt64]
    var maxKey: [UInt64]

    init(bins: Int) {
      counts = [Int](repeating: 0, count: bins)
      minKey = [UInt64](repeating: .max, count: bins)
      maxKey = [UInt64](repeating: 0, count: bins)
    }

    @inline(__always)
    mutating func add(_ k: UInt64, bin: Int) {
      counts[bin] += 1
      if k < minKey[bin] { minKey[bin] = k }
      if k > maxKey[bin] { maxKey[bin] = k }
    }

    /// The segments of the bins that hold wanted ranks (ascending), `below` replicates before
    /// the first bin.
    func segments(below: Int, ranks: [Int]) -> [Segment] {
      var out: [Segment] = []
      var cum = below
      var next = 0
      for bin in counts.indices where counts[bin] > 0 {
        let end = cum + counts[bin]
        var inside: [Int] = []
        while next < ranks.count, ranks[next] < end {
          inside.append(ranks[next])
          next += 1
        }
        if !inside.isEmpty {
          out.append(
            Segment(
              lo: minKey[bin], hi: maxKey[bin], below: cum, count: counts[bin], ranks: inside))
        }
        cum = end
      }
      return out
    }
  }

  /// The order-preserving key of a double: x < y ⇒ key(x) < key(y), −0 just below +0.
  @inline(__always)
  static func key(_ v: Double) -> UInt64 {
    let b = v.bitPattern
    return b & (1 << 63) != 0 ? ~b : b | (1 << 63)
  }

  /// The double of a key (inverse of ``key(_:)``).
  static func value(ofKey k: UInt64) -> Double {
    Double(bitPattern: k & (1 << 63) != 0 ? k & ~(1 << 63) : ~k)
  }

  /// Replicates in total.
  let replicates: Int
  /// Replicates computed per piece of a pass.
  let piece: Int
  /// The most replicate values kept at once for sorting.
  let capacity: Int
  /// Fills a buffer with replicates base ..< base + buffer.count.
  let fill: (_ base: Int, _ out: UnsafeMutableBufferPointer<Double>) -> Void
  /// Called after each piece with the pass (from 1) and the replicates it has computed.
  var progress: ((_ pass: Int, _ done: Int) -> Void)? = nil

  /// Runs `body` on each piece of replicates 0..<B in index order (pass `number`).
  func pass(_ number: Int, _ body: (UnsafeBufferPointer<Double>) -> Void) {
    let size = min(piece, replicates)
    var buffer = [Double](repeating: 0, count: size)
    var start = 0
    while start < replicates {
      let n = min(size, replicates - start)
      buffer.withUnsafeMutableBufferPointer { b in
        let part = UnsafeMutableBufferPointer(rebasing: b[0..<n])
        fill(start, part)
        body(UnsafeBufferPointer(part))
      }
      start += n
      progress?(number, start)
    }
  }

  /// The 0-based ranks among `count` finite replicates whose order statistics the summary reads:
  /// the smallest and largest, the neighbours of the estimate (for its rank), and those of the
  /// quantiles and Monte Carlo errors of the percentile, basic and BCa intervals (BCa: at α₁, α₂
  /// and at the percentile fallback's α, 1 − α).
  ///
  /// - Complexity: O(methods).
  static func ranks(
    count n: Int, below: Int, equal: Int, methods: [IntervalMethod], level: Double,
    alternative: Alternative, acceleration a: Double, ties: BCaTieRule
  ) -> [Int] {
    guard n > 0 else { return [] }
    var ranks: Set<Int> = [0, n - 1]
    if below > 0 { ranks.insert(below - 1) }
    if equal > 0 { ranks.insert(below + equal - 1) }
    let alpha = BootstrapIntervals.tailProbability(level: level, alternative: alternative)
    var probabilities: [Double] = []
    for m in methods {
      switch m {
      case .percentile, .basic: probabilities += [alpha, 1 - alpha]
      case .bca:
        probabilities += [alpha, 1 - alpha]
        let z0 = BootstrapIntervals.biasCorrection(
          below: below, equal: equal, count: n, ties: ties)
        if let (a1, a2) = BootstrapIntervals.bcaProbabilities(
          alpha: alpha, z0: z0, acceleration: a)
        {
          probabilities += [a1, a2]
        }
      case .normal, .studentized: break
      }
    }
    for p in probabilities {
      for r in ReplicateQuantile.ranksRead(p, count: n) { ranks.insert(r) }
    }
    return ranks.sorted()
  }

  /// Selects the order statistics at the ranks `wanted(count, below, equal)` asks for.
  ///
  /// - Parameters:
  ///   - estimate: the statistic on the original data (its rank is counted).
  ///   - wanted: the ranks to find, from the number of finite replicates and of those below and
  ///     equal to the estimate.
  /// - Complexity: O(passes · B) replicate computations (two passes unless a bin near a wanted
  ///   rank holds more than ``capacity`` replicates), O(piece + capacity + 2¹⁶ + 2¹⁴·ranks)
  ///   memory.
  func run(estimate: Double, wanted: (Int, Int, Int) -> [Int]) -> Outcome {
    // Pass 1: counts, sum, and a histogram over the first piece's range.
    var finite = 0
    var sum = 0.0
    var below = 0
    var equal = 0
    let bins = Self.firstBins
    var first = Histogram(bins: bins + 2)
    var lo = 0.0
    var hi = 0.0
    var scale = 0.0
    var started = false
    pass(1) { values in
      if !started {
        started = true
        var l = Double.infinity
        var h = -Double.infinity
        for v in values where v.isFinite {
          l = min(l, v)
          h = max(h, v)
        }
        if l <= h {
          lo = l
          hi = h
        }
        let width = hi * 0.5 - lo * 0.5
        let s = Double(bins) / width
        scale = width > 0 && s.isFinite ? s : 0
      }
      let halfLo = lo * 0.5
      for v in values where v.isFinite {
        finite += 1
        sum += v
        if v < estimate {
          below += 1
        } else if v == estimate {
          equal += 1
        }
        let bin: Int
        if v < lo {
          bin = 0
        } else if v > hi {
          bin = bins + 1
        } else {
          bin = 1 + min(Int((v * 0.5 - halfLo) * scale), bins - 1)
        }
        first.add(Self.key(v), bin: bin)
      }
    }
    let mean = finite > 0 ? sum / Double(finite) : .nan
    let ranks = wanted(finite, below, equal)
    var known: [(rank: Int, value: Double)] = []
    var pending = resolve(first.segments(below: 0, ranks: ranks), into: &known)
    first = Histogram(bins: 0)
    // Pass 2 (the sum of squares) and refining passes until every wanted rank is known.
    var ss = 0.0
    var passes = 1
    var needSquares = true
    while needSquares || !pending.isEmpty {
      passes += 1
      pending.sort { $0.lo < $1.lo }
      // Collect the smallest segments that fit; refine the others.
      var collect = [Bool](repeating: false, count: pending.count)
      var room = capacity
      for i in pending.indices.sorted(by: { pending[$0].count < pending[$1].count })
      where pending[i].count <= room {
        collect[i] = true
        room -= pending[i].count
      }
      var offsets = [Int](repeating: 0, count: pending.count)
      var fillAt = [Int](repeating: 0, count: pending.count)
      var total = 0
      for i in pending.indices where collect[i] {
        offsets[i] = total
        fillAt[i] = total
        total += pending[i].count
      }
      var kept = [Double](repeating: 0, count: total)
      var histograms = pending.indices.map { collect[$0] ? Histogram(bins: 0) : nil }
      var widths = [UInt64](repeating: 1, count: pending.count)
      for i in pending.indices where !collect[i] {
        histograms[i] = Histogram(bins: Self.refineBins)
        widths[i] = (pending[i].hi - pending[i].lo) / UInt64(Self.refineBins) + 1
      }
      let los = pending.map(\.lo)
      let his = pending.map(\.hi)
      let squares = needSquares
      pass(passes) { values in
        for v in values where v.isFinite {
          if squares { ss += (v - mean) * (v - mean) }
          if los.isEmpty { continue }
          let k = Self.key(v)
          // The last segment starting at or below k.
          var a = 0
          var b = los.count
          while a < b {
            let m = (a + b) / 2
            if los[m] <= k { a = m + 1 } else { b = m }
          }
          let i = a - 1
          guard i >= 0, k <= his[i] else { continue }
          if collect[i] {
            kept[fillAt[i]] = v
            fillAt[i] += 1
          } else {
            histograms[i]?.add(k, bin: Int((k - los[i]) / widths[i]))
          }
        }
      }
      needSquares = false
      var next: [Segment] = []
      for i in pending.indices {
        let s = pending[i]
        if collect[i] {
          var part = Array(kept[offsets[i]..<(offsets[i] + s.count)])
          part.sort { Self.key($0) < Self.key($1) }
          for r in s.ranks { known.append((r, part[r - s.below])) }
        } else if let h = histograms[i] {
          next += resolve(h.segments(below: s.below, ranks: s.ranks), into: &known)
        }
      }
      pending = next
    }
    known.sort { $0.rank < $1.rank }
    var values: [Double] = []
    var cumulative: [Int] = []
    for (r, x) in known {
      if let last = values.last, last == x {
        cumulative[cumulative.count - 1] = r + 1
      } else {
        values.append(x)
        cumulative.append(r + 1)
      }
    }
    return Outcome(
      replicates: replicates, finite: finite, sum: sum, sumOfSquares: ss, below: below,
      equal: equal,
      distribution: ReplicateQuantile(ascendingValues: values, cumulative: cumulative),
      passes: passes)
  }

  /// Records the ranks of single-key segments (one value) and returns the others.
  func resolve(_ segments: [Segment], into known: inout [(rank: Int, value: Double)])
    -> [Segment]
  {
    var open: [Segment] = []
    for s in segments {
      if s.lo == s.hi {
        let v = Self.value(ofKey: s.lo)
        for r in s.ranks { known.append((r, v)) }
      } else {
        open.append(s)
      }
    }
    return open
  }
}

extension Bootstrap {
  /// Replicates above which a run streams them, 2²¹ ≈ 2.1 million.
  ///
  /// Above it, ``run(replicates:seed:methods:level:alternative:threads:ties:sampleNames:)``
  /// selects the order statistics it needs in passes that regenerate the replicates
  /// (``StreamedQuantileSelection``) instead of storing them, so memory stays near 50 MB at any
  /// B, for about twice the time of one pass. 0/1 data are tabulated instead (one pass).
  public static let streamingThreshold = 1 << 21

  /// Replicates per piece of a streamed pass (8 MiB).
  static let streamingPiece = 1 << 20

  /// Replicate values sorted at once by a streamed run (16 MiB).
  static let streamingCapacity = 1 << 21

  /// The result of B replicates computed in passes without storing them: the same intervals
  /// (every method but studentized), standard error and bias as
  /// ``result(from:seed:methods:level:alternative:ties:sampleNames:)`` on the stored
  /// replicates; `distribution` is empty.
  ///
  /// - Parameters: as ``run(replicates:seed:methods:level:alternative:threads:ties:sampleNames:)``;
  ///   `piece` and `capacity` (replicates per piece, values sorted at once) change only the
  ///   time and memory, never the result; `progress` is called on the calling thread after
  ///   each piece with the pass (from 1; usually two) and the replicates done in it.
  /// - Throws: ``InputError`` for a studentized interval (it needs every replicate's standard
  ///   error), B < 1, or a level outside (0, 1).
  /// - Complexity: about two passes of O(B · n) time (more only when a histogram bin near a
  ///   wanted quantile holds more than `capacity` replicates), O(piece + capacity + n) memory.
  func streamedResult(
    replicates: Int, seed: UInt64, methods: [IntervalMethod], level: Double,
    alternative: Alternative, threads: Int, ties: BCaTieRule,
    piece: Int = Bootstrap.streamingPiece, capacity: Int = Bootstrap.streamingCapacity,
    sampleNames: [String]? = nil, progress: ((_ pass: Int, _ done: Int) -> Void)? = nil
  ) throws -> BootstrapResult {
    guard replicates >= 1 else {
      throw InputError.invalidParameter(
        name: "replicates", value: "\(replicates)", expected: "an integer ≥ 1")
    }
    try InputError.requireLevel(level)
    guard !methods.contains(.studentized) else {
      throw InputError.invalidParameter(
        name: "methods", value: "studentized",
        expected: "percentile, basic, normal or bca above \(Bootstrap.streamingThreshold) "
          + "replicates (a studentized interval keeps every replicate's standard error; "
          + "at most \(Bootstrap.maximumReplicates) replicates)")
    }
    guard threads >= 1 else {
      throw InputError.invalidParameter(
        name: "threads", value: "\(threads)", expected: "an integer ≥ 1")
    }
    if tabulates(studentize: false), let lat = lattice {
      // 0/1 data: the histogram over the lattice is already bounded (one pass).
      return try result(
        from: tabulated(0..<replicates, lattice: lat, seed: seed, threads: threads, blockSize: 0),
        seed: seed, methods: methods, level: level, alternative: alternative, ties: ties,
        sampleNames: sampleNames)
    }
    let jack = methods.contains(.bca) ? jackknife() : nil
    let a = jack.flatMap(Jackknife.acceleration) ?? 0
    var selection = StreamedQuantileSelection(
      replicates: replicates, piece: max(1, piece), capacity: max(0, capacity)
    ) { base, out in
      let shared = UnsafeShared(OutputPointers(values: out))
      ParallelFor.run(count: out.count, chunkSize: 1024, threads: threads) { chunks in
        var scratch = Scratch(groups: self.groups)
        for chunk in chunks {
          self.computeRange(
            chunk.range, base: base, seed: seed, studentize: false, lattice: false,
            out: shared.value, scratch: &scratch)
        }
      }
    }
    selection.progress = progress
    let outcome = selection.run(estimate: estimate) { n, below, equal in
      StreamedQuantileSelection.ranks(
        count: n, below: below, equal: equal, methods: methods, level: level,
        alternative: alternative, acceleration: a, ties: ties)
    }
    let finite = outcome.finite
    return BootstrapSummary.summarize(
      name: name(sampleNames: sampleNames), estimate: estimate, replicates: replicates,
      finite: finite,
      mean: finite > 0 ? outcome.sum / Double(finite) : .nan,
      sumOfSquares: outcome.sumOfSquares, distribution: outcome.distribution, block: nil,
      lattice: nil, seed: seed, methods: methods, level: level, alternative: alternative,
      jackknife: jack, studentError: nil, plan: planDescription,
      observations: groups.map(\.n).reduce(0, +),
      innerReplicates: hasClosedFormStandardError ? nil : innerReplicates, ties: ties)
  }
}

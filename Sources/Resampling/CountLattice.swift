// CountLattice.swift: replicates of 0/1 data as points of a finite lattice of count configurations.
import RandomStreams

/// Replicates of 0/1 data tabulated over the lattice of count configurations.
///
/// When every segment of every sample holds at most two distinct values, a resample is fully
/// described by one count per segment (k_s successes), so the statistic takes at most
/// Π(n_s + 1) values. The lattice tabulates the statistic (and its closed-form standard error)
/// once per configuration; each replicate is then one binomial draw per segment and a table read,
/// and intervals come from a histogram of configurations instead of a sort of B values.
///
/// For W1 (31/50 vs 21/49) the table has 51 × 50 entries and a replicate costs two guided
/// inversions of a binomial CDF.
struct Lattice: Sendable {
  /// Replicates whose first Philox block is computed in one batch.
  static let chunk = 256

  /// Maximum number of configurations tabulated.
  static let maximumSize = 1 << 16

  /// (group, segment, stride) for segments with a random count.
  let strides: [(group: Int, segment: Int, stride: Int)]
  let size: Int
  let values: [Double]
  let standardErrors: [Double]?
  let strideValues: [Int]
  let tables: [BinomialTable]

  init?(groups: [Group], statistic: BootstrapStatistic) {
    var inner: SampleStatistic? = nil
    switch statistic {
    case .sample(let s), .difference(let s), .ratio(let s): inner = s
    case .weighted: break
    case .custom, .correlation: return nil
    }
    var strides: [(Int, Int, Int)] = []
    var size = 1
    for (g, group) in groups.enumerated() {
      for (si, seg) in group.segments.enumerated() {
        switch seg.collapse {
        case .constant: continue
        case .binary:
          strides.append((g, si, size))
          size *= seg.size + 1
          if size > Self.maximumSize { return nil }
        default: return nil
        }
      }
    }
    self.strides = strides.map { (group: $0.0, segment: $0.1, stride: $0.2) }
    self.strideValues = strides.map { $0.2 }
    self.tables = strides.compactMap {
      if case .binary(_, _, let t) = groups[$0.0].segments[$0.1].collapse { return t }
      return nil
    }
    self.size = size
    var values = [Double](repeating: 0, count: size)
    var ses = [Double](repeating: 0, count: size)
    let linear = inner?.isLinear ?? false
    // One term per segment, in group and segment order: its two count positions, the shifted
    // values there, and where its count sits in the key (stride 0: a constant segment).
    struct Term {
      let group: Int
      let low: Int
      let high: Int
      let size: Int
      let stride: Int
      let a: Double
      let b: Double
    }
    var terms: [Term] = []
    for (g, group) in groups.enumerated() {
      for (si, seg) in group.segments.enumerated() {
        var lo: Int32 = 0
        var hi: Int32 = 0
        var stride = 0
        switch seg.collapse {
        case .constant(let p):
          lo = p
          hi = p
        case .binary(let l, let h, _):
          lo = l
          hi = h
          stride = strides.first(where: { $0.0 == g && $0.1 == si })?.2 ?? 0
        default: break
        }
        terms.append(
          Term(
            group: g, low: Int(lo), high: Int(hi), size: seg.size, stride: stride,
            a: group.sample.distinct[Int(lo)] - group.shift,
            b: group.sample.distinct[Int(hi)] - group.shift))
      }
    }
    var counts = groups.map { [Int32](repeating: 0, count: $0.distinctCount) }
    var weightedVar = [Double](repeating: 0, count: groups.count)
    for key in 0..<size {
      for g in groups.indices {
        weightedVar[g] = 0
        counts[g].withUnsafeMutableBufferPointer { c in
          for i in 0..<c.count { c[i] = 0 }
        }
      }
      for term in terms {
        let k = term.stride > 0 ? (key / term.stride) % (term.size + 1) : 0
        counts[term.group].withUnsafeMutableBufferPointer { c in
          c[term.low] += Int32(term.size - k)
          c[term.high] += Int32(k)
        }
        let s1 = Double(term.size - k) * term.a + Double(k) * term.b
        let s2 = Double(term.size - k) * term.a * term.a + Double(k) * term.b * term.b
        weightedVar[term.group] += Bootstrap.segmentVariance(s1, s2, term.size)
      }
      switch statistic {
      case .weighted(_, let f):
        values[key] = f(
          groups.indices.map {
            WeightedSample(values: groups[$0].sample.distinct, counts: counts[$0].map { Int($0) })
          })
      default:
        guard let s = inner else { return nil }
        var e = GroupEstimates()
        for g in groups.indices {
          let group = groups[g]
          let tg = counts[g].withUnsafeBufferPointer { c in
            group.sample.distinct.withUnsafeBufferPointer { v in
              s.evaluate(values: v, counts: c, distinct: group.distinctCount, total: group.n)
            }
          }
          e.record(
            g, estimate: tg,
            standardError: Bootstrap.linearSE(s, weightedVariance: weightedVar[g], n: group.n))
        }
        values[key] = e.estimate(statistic)
        ses[key] = e.standardError(statistic)
      }
    }
    self.values = values
    self.standardErrors = linear ? ses : nil
  }

  /// One segment's binomial draw: its CDF table, guide and stride in the lattice key.
  struct TableDraw {
    let cdf: UnsafeBufferPointer<UInt64>
    let guide: UnsafeBufferPointer<Int32>
    let shift: UInt64
    let stride: Int
  }

  /// Keys, values (and standard errors) of `count` replicates from their first Philox words
  /// (`words[2j]` for the first draw, `words[2j + 1]` for the second), written at `offset + j`.
  @inline(never)
  static func readTables(
    words w: UnsafeMutablePointer<UInt64>, count n: Int, first a: TableDraw, second b: TableDraw?,
    values vt: UnsafeBufferPointer<Double>, ses: [Double]?, out: OutputPointers, offset: Int
  ) {
    guard let kb = out.keys.baseAddress, let vb = out.values.baseAddress else { return }
    let keys = kb + offset
    let values = vb + offset
    if let b {
      for j in 0..<n {
        let k =
          BinomialTable.sample(bits: w[2 * j] &>> 11, cdf: a.cdf, guide: a.guide, shift: a.shift)
          &* a.stride
          &+ BinomialTable.sample(
            bits: w[2 * j + 1] &>> 11, cdf: b.cdf, guide: b.guide, shift: b.shift) &* b.stride
        keys[j] = UInt32(truncatingIfNeeded: k)
        values[j] = vt[k]
      }
    } else {
      for j in 0..<n {
        let k =
          BinomialTable.sample(bits: w[2 * j] &>> 11, cdf: a.cdf, guide: a.guide, shift: a.shift)
          &* a.stride
        keys[j] = UInt32(truncatingIfNeeded: k)
        values[j] = vt[k]
      }
    }
    if let ses {
      for j in 0..<n { out.ses[offset + j] = ses[Int(keys[j])] }
    }
  }

  /// Fills replicates `local` (global index base + i): per replicate, one guided binomial
  /// inversion per random segment in order, then table reads.
  func fill(
    _ local: Range<Int>, base: Int, seed: UInt64, studentize: Bool, out: OutputPointers
  ) {
    let m = tables.count
    if m <= 2 {
      // One Philox block holds the stream's first two outputs: the uniforms of both draws.
      let t0 = m > 0 ? tables[0] : nil
      let t1 = m > 1 ? tables[1] : nil
      let s0 = m > 0 ? strideValues[0] : 0
      let s1 = m > 1 ? strideValues[1] : 0
      let empty = BinomialTable.placeholder
      let a = t0 ?? empty
      let c = t1 ?? empty
      let sh0 = a.guideShift
      let sh1 = c.guideShift
      let ses = studentize ? standardErrors : nil
      values.withUnsafeBufferPointer { vt in
        a.cdfBits.withUnsafeBufferPointer { c0 in
          a.guideBits.withUnsafeBufferPointer { g0 in
            c.cdfBits.withUnsafeBufferPointer { c1 in
              c.guideBits.withUnsafeBufferPointer { g1 in
                // The first block of 256 replicates' streams at a time (vectorised), then
                // the table reads.
                withUnsafeTemporaryAllocation(of: UInt64.self, capacity: 2 * Self.chunk) {
                  words in
                  guard let w = words.baseAddress else { return }
                  var lo = local.lowerBound
                  while lo < local.upperBound {
                    let n = min(Self.chunk, local.upperBound - lo)
                    Philox4x32.fillStreams(
                      seed: seed, block: 0, firstStream: UInt64(base + lo), count: n, into: w)
                    Self.readTables(
                      words: w, count: n,
                      first: TableDraw(cdf: c0, guide: g0, shift: sh0, stride: s0),
                      second: m > 1 ? TableDraw(cdf: c1, guide: g1, shift: sh1, stride: s1) : nil,
                      values: vt, ses: ses, out: out, offset: lo)
                    lo += n
                  }
                }
              }
            }
          }
        }
      }
      return
    }
    tables.withUnsafeBufferPointer { tb in
      for i in local {
        var d = IndexDrawer(seed: seed, stream: base + i)
        var key = 0
        for j in 0..<m { key &+= tb[j].sample(d.uniform()) &* strideValues[j] }
        out.keys[i] = UInt32(truncatingIfNeeded: key)
        out.values[i] = values[key]
        if studentize, let t = standardErrors { out.ses[i] = t[key] }
      }
    }
  }
}

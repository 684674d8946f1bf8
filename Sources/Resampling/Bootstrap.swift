// Bootstrap.swift: the bootstrap engine — validation, plans, replicate ranges and results.
import RandomStreams
import ResampleCore

/// A bootstrap of a statistic over one or more samples: deterministic, streaming, parallel.
///
/// Determinism: replicate b draws only from `Philox4x32(seed: seed, stream: UInt64(b))`, samples
/// (and strata) in order, so the replicate vector depends only on (data, statistic, seed, b) —
/// identical for any thread count, block size, or split into ranges merged with
/// ``ReplicateBlock/merge(_:)``. Memory is O(B + n): no B × n index matrix is formed; each worker
/// draws one resample at a time into a counts vector (or a running sum for linear statistics).
///
/// Kernels: linear statistics (mean, sum, proportion) sum the drawn observations directly;
/// order statistics count multiplicities over the sorted sample and scan to the needed rank (no
/// per-replicate sort); samples with few distinct values are drawn as one multinomial (binomial
/// for 0/1 data) over their values; when every sample is 0/1, replicates are read from a table
/// over the lattice of count configurations and intervals from its histogram.
///
/// References: Efron & Tibshirani, *An Introduction to the Bootstrap* (1993); Davison &
/// Hinkley, *Bootstrap Methods and their Application* (1997); Salmon et al., "Parallel random
/// numbers: as easy as 1, 2, 3" (SC 2011) for counter-based streams.
public struct Bootstrap: Sendable {
  /// The statistic.
  public let statistic: BootstrapStatistic
  /// The plan as given.
  public let plan: ResamplingPlan
  /// The statistic on the original data.
  public let estimate: Double
  /// A description of how resamples are drawn (`"independent, collapsed"`).
  public let planDescription: String
  /// The largest number of replicates computed in one call (8 bytes each are kept).
  public static let maximumReplicates = 1_000_000_000

  /// Throws `InputError.tooLarge` unless `replicates` replicates of `outputs` values each stay
  /// within ``maximumReplicates`` values.
  ///
  /// - Parameters:
  ///   - replicates: the replicates asked for in one call.
  ///   - outputs: the values each replicate yields (1 for one statistic).
  ///   - outputName: what the outputs are called in the message (`"contrasts"`), or nil for one
  ///     statistic.
  static func requireCapacity(_ replicates: Int, outputs: Int = 1, outputName: String? = nil)
    throws
  {
    let (values, overflow) = replicates.multipliedReportingOverflow(by: outputs)
    guard replicates <= maximumReplicates, !overflow, values <= maximumReplicates else {
      throw InputError.tooLarge(
        what: outputName.map { "replicates × \($0) (\(replicates) × \(outputs))" }
          ?? "replicates (\(replicates))",
        limit: "\(maximumReplicates)")
    }
  }

  /// The zeroed buffer of `replicates` replicates of `outputs` values each (output j of
  /// replicate b at j · replicates + b), once ``requireCapacity(_:outputs:outputName:)`` allows
  /// it.
  ///
  /// - Parameters: as ``requireCapacity(_:outputs:outputName:)``.
  /// - Complexity: O(replicates · outputs).
  static func replicateBuffer(_ replicates: Int, outputs: Int, outputName: String) throws
    -> [Double]
  {
    try requireCapacity(replicates, outputs: outputs, outputName: outputName)
    return [Double](zeroedHugePageCount: outputs * replicates)
  }

  /// Inner replicates of the nested bootstrap behind studentized intervals of statistics
  /// without a closed-form standard error (default 50; Efron & Tibshirani 1993, §6.4).
  public var innerReplicates: Int = 50

  let groups: [Group]
  let samples: [[Double]]
  let lattice: Lattice?

  /// Prepares a bootstrap, validating the data.
  ///
  /// - Parameters:
  ///   - samples: the data; one array per sample (one for `.sample`, two for `.difference`,
  ///     `.ratio` and `.correlation`, any number for custom statistics).
  ///   - statistic: what to compute on each resample.
  ///   - plan: how to resample (default: each sample independently).
  /// - Throws: ``InputError`` for empty samples, non-finite values, wrong sample counts, strata
  ///   of the wrong length, non-0/1 data for proportions, a ratio whose denominator is 0.
  /// - Complexity: O(n log n) preparation.
  public init(
    samples: [[Double]], statistic: BootstrapStatistic, plan: ResamplingPlan = .independent
  ) throws {
    try Self.validate(samples: samples, statistic: statistic, plan: plan)
    self.statistic = statistic
    self.plan = plan
    self.samples = samples
    let allowCollapse: Bool
    switch statistic {
    case .custom, .correlation: allowCollapse = false
    default: allowCollapse = true
    }
    var groups: [Group] = []
    switch plan {
    case .independent:
      for s in samples { groups.append(Group(members: [s], allowCollapse: allowCollapse)) }
    case .paired:
      for s in samples { groups.append(Group(members: [s], allowCollapse: false)) }
    case .stratified(let strata):
      var labels: [Int] = []
      var byLabel: [Int: [Double]] = [:]
      for (x, l) in zip(samples[0], strata) {
        if byLabel[l] == nil { labels.append(l) }
        byLabel[l, default: []].append(x)
      }
      groups.append(
        Group(members: labels.sorted().map { byLabel[$0] ?? [] }, allowCollapse: allowCollapse))
    }
    switch statistic {
    case .sample(let s), .difference(let s), .ratio(let s):
      guard s.isOrderStatistic else { break }
      for g in groups.indices
      where !groups[g].segments.contains(where: { $0.collapse.isCollapsed }) {
        groups[g].rankOrder = RankOrder(group: groups[g])
      }
    default: break
    }
    self.groups = groups
    self.lattice = Lattice(groups: groups, statistic: statistic)
    var description: String
    switch plan {
    case .independent:
      description = samples.count == 1 ? "ordinary" : "independent (\(samples.count) samples)"
    case .paired: description = "paired"
    case .stratified: description = "stratified (\(groups[0].segments.count) strata)"
    }
    if groups.contains(where: { $0.segments.contains { $0.collapse.isCollapsed } }) {
      description += ", collapsed"
    }
    planDescription = description
    estimate = Self.evaluateOriginal(statistic, groups: groups, samples: samples)
  }

  // MARK: - Replicates

  /// Computes replicates b ∈ `range` (index order), drawing replicate b from stream b.
  ///
  /// - Parameters:
  ///   - range: replicate indices, 0 ≤ lo ≤ hi.
  ///   - seed: the seed.
  ///   - threads: workers (≥ 1); the output does not depend on it.
  ///   - blockSize: replicates per work item (0 = automatic); the output does not depend on it.
  ///   - studentize: also compute se*_b for the bootstrap-t.
  ///   - tabulate: for the collapsed 0/1 plan, keep only how many replicates fell on each
  ///     lattice configuration (``ReplicateBlock/isTabulated``), computed in pieces of
  ///     ``tabulationPiece`` replicates: memory O(lattice size) at any B, and the same
  ///     intervals, standard error and bias as the full block. Ignored for other plans.
  /// - Throws: ``InputError`` for a negative range, threads < 1, blockSize < 0, or more than
  ///   ``maximumReplicates`` (tabulated: ``maximumTabulatedReplicates``) replicates.
  /// - Complexity: O(|range| · n) time (O(|range| · k) when collapsed), O(|range| + n) memory
  ///   (tabulated: O(min(|range|, piece) + lattice size)).
  public func replicates(
    _ range: Range<Int>, seed: UInt64, threads: Int = 1, blockSize: Int = 0,
    studentize: Bool = false, tabulate: Bool = false
  ) throws -> ReplicateBlock {
    guard range.lowerBound >= 0 else {
      throw InputError.invalidParameter(
        name: "range", value: "\(range)", expected: "replicate indices ≥ 0")
    }
    guard threads >= 1 else {
      throw InputError.invalidParameter(
        name: "threads", value: "\(threads)", expected: "an integer ≥ 1")
    }
    guard blockSize >= 0 else {
      throw InputError.invalidParameter(
        name: "blockSize", value: "\(blockSize)", expected: "an integer ≥ 0 (0 = automatic)")
    }
    let count = range.count
    if tabulate, tabulates(studentize: studentize), let lat = lattice {
      guard count <= Bootstrap.maximumTabulatedReplicates else {
        throw InputError.tooLarge(
          what: "replicates (\(count))", limit: "\(Bootstrap.maximumTabulatedReplicates)")
      }
      return tabulated(range, lattice: lat, seed: seed, threads: threads, blockSize: blockSize)
    }
    try Bootstrap.requireCapacity(count)
    var values = [Double](zeroedHugePageCount: count)
    var ses = [Double](zeroedHugePageCount: studentize ? count : 0)
    let useLattice = lattice != nil && (!studentize || lattice?.standardErrors != nil)
    var keys = [UInt32](zeroedHugePageCount: useLattice ? count : 0)
    values.withUnsafeMutableBufferPointer { vp in
      ses.withUnsafeMutableBufferPointer { sp in
        keys.withUnsafeMutableBufferPointer { kp in
          let shared = UnsafeShared(OutputPointers(values: vp, ses: sp, keys: kp))
          let chunkSize = blockSize > 0 ? blockSize : 1024
          ParallelFor.run(count: count, chunkSize: chunkSize, threads: threads) { chunks in
            var scratch = Scratch(groups: self.groups)
            for chunk in chunks {
              self.computeRange(
                chunk.range, base: range.lowerBound, seed: seed, studentize: studentize,
                lattice: useLattice, out: shared.value, scratch: &scratch)
            }
          }
        }
      }
    }
    return ReplicateBlock(range: range, values: values, standardErrors: ses, keys: keys)
  }

  /// Whether ``replicates(_:seed:threads:blockSize:studentize:tabulate:)`` with `tabulate` keeps
  /// only a histogram over the lattice of count configurations (0/1 data, collapsed plan; with
  /// `studentize`, when the lattice has closed-form standard errors): memory that does not grow
  /// with B.
  /// - Complexity: O(1).
  public func tabulates(studentize: Bool) -> Bool {
    guard let lat = lattice else { return false }
    return !studentize || lat.standardErrors != nil
  }

  /// The largest number of tabulated replicates in one call, 10¹²: bounded by time (about
  /// 5 ns per replicate per core), not memory.
  public static let maximumTabulatedReplicates = 1_000_000_000_000

  /// Replicates per piece of a tabulated run (12 MiB of scratch).
  public static let tabulationPiece = 1 << 20

  /// The histogram of lattice configurations of replicates `range`, piece by piece.
  func tabulated(
    _ range: Range<Int>, lattice lat: Lattice, seed: UInt64, threads: Int, blockSize: Int
  ) -> ReplicateBlock {
    var counts = [Int](repeating: 0, count: lat.size)
    let piece = min(Self.tabulationPiece, range.count)
    var values = [Double](repeating: 0, count: piece)
    var keys = [UInt32](repeating: 0, count: piece)
    var start = 0
    while start < range.count {
      let n = min(piece, range.count - start)
      let base = range.lowerBound + start
      values.withUnsafeMutableBufferPointer { vp in
        keys.withUnsafeMutableBufferPointer { kp in
          let shared = UnsafeShared(OutputPointers(values: vp, keys: kp))
          ParallelFor.run(
            count: n, chunkSize: blockSize > 0 ? blockSize : 1024, threads: threads
          ) { chunks in
            for chunk in chunks {
              lat.fill(chunk.range, base: base, seed: seed, studentize: false, out: shared.value)
            }
          }
        }
      }
      for j in 0..<n { counts[Int(keys[j])] += 1 }
      start += n
    }
    return ReplicateBlock(range: range, latticeCounts: counts)
  }

  /// Computes replicates `local` (offsets into the output) = global indices base + local.
  func computeRange(
    _ local: Range<Int>, base: Int, seed: UInt64, studentize: Bool, lattice useLattice: Bool,
    out: OutputPointers, scratch: inout Scratch
  ) {
    if useLattice, let lat = lattice {
      lat.fill(local, base: base, seed: seed, studentize: studentize, out: out)
      return
    }
    for i in local {
      var d = IndexDrawer(seed: seed, stream: base + i)
      let (t, se) = replicate(drawer: &d, studentize: studentize, scratch: &scratch)
      out.values[i] = t
      if studentize { out.ses[i] = se }
    }
  }

  // MARK: - Results

  /// Runs B replicates and computes the requested intervals.
  ///
  /// - Parameters:
  ///   - replicates: B ≥ 1 (default 9,999, SciPy's).
  ///   - seed: the seed.
  ///   - methods: interval methods (default BCa).
  ///   - level: confidence level in (0, 1), default 0.95.
  ///   - alternative: two-sided (default) or one-sided.
  ///   - threads: workers; the result does not depend on it.
  ///   - ties: BCa's z0 tie rule (default `.half`, SciPy's).
  ///   - sampleNames: names of two compared samples, for the statistic's name (as in
  ///     ``result(from:seed:methods:level:alternative:ties:sampleNames:)``).
  ///   - progress: for streamed runs, called after each piece with the pass (from 1) and the
  ///     replicates done in it; not called otherwise.
  ///
  /// Above ``streamingThreshold`` replicates nothing per replicate is kept: 0/1 data are
  /// tabulated over their lattice, other data streamed
  /// (``StreamedQuantileSelection``: the same intervals, standard error and bias, an empty
  /// `distribution`, about twice the time), so memory does not grow with B. Studentized
  /// intervals of data that are not 0/1 still store their replicates (at most
  /// ``maximumReplicates``).
  /// - Throws: ``InputError`` for B < 1, a level outside (0, 1), or stored replicates beyond
  ///   ``maximumReplicates``.
  public func run(
    replicates: Int = 9_999, seed: UInt64, methods: [IntervalMethod] = [.bca],
    level: Double = 0.95, alternative: Alternative = .twoSided, threads: Int = 1,
    ties: BCaTieRule = .half, sampleNames: [String]? = nil,
    progress: ((_ pass: Int, _ done: Int) -> Void)? = nil
  ) throws -> BootstrapResult {
    guard replicates >= 1 else {
      throw InputError.invalidParameter(
        name: "replicates", value: "\(replicates)", expected: "an integer ≥ 1")
    }
    try InputError.requireLevel(level)
    let studentize = methods.contains(.studentized)
    let large = replicates > Self.streamingThreshold
    if large, !studentize, !tabulates(studentize: false) {
      return try streamedResult(
        replicates: replicates, seed: seed, methods: methods, level: level,
        alternative: alternative, threads: threads, ties: ties, sampleNames: sampleNames,
        progress: progress)
    }
    let block = try self.replicates(
      0..<replicates, seed: seed, threads: threads, studentize: studentize, tabulate: large)
    return try result(
      from: block, seed: seed, methods: methods, level: level, alternative: alternative,
      ties: ties, sampleNames: sampleNames)
  }

  /// Intervals and summaries from replicates [0, B) (for example a merge of ranges).
  ///
  /// - Parameter sampleNames: names of the two compared samples, for the statistic's name
  ///   (`"difference of means (A vs B)"`); ignored for one sample.
  /// - Throws: ``InputError`` if the block does not start at 0, is empty, lacks standard errors
  ///   for a studentized interval, or the level is outside (0, 1).
  /// - Complexity: O(B log B), or O(B + lattice size) for the collapsed 0/1 plan.
  public func result(
    from block: ReplicateBlock, seed: UInt64, methods: [IntervalMethod] = [.bca],
    level: Double = 0.95, alternative: Alternative = .twoSided, ties: BCaTieRule = .half,
    sampleNames: [String]? = nil
  ) throws -> BootstrapResult {
    try InputError.requireLevel(level)
    guard block.range.lowerBound == 0, !block.values.isEmpty || block.isTabulated else {
      throw InputError.invalidParameter(
        name: "block", value: "\(block.range)", expected: "replicates 0..<B with B ≥ 1")
    }
    if methods.contains(.studentized)
      && (block.isTabulated
        ? lattice?.standardErrors == nil : block.standardErrors.count != block.values.count)
    {
      throw InputError.invalidParameter(
        name: "block", value: "no standard errors",
        expected: "replicates computed with studentize: true for a studentized interval")
    }
    let jack = methods.contains(.bca) ? jackknife() : nil
    let se0 = methods.contains(.studentized) ? originalStandardError(block: block) : nil
    return BootstrapSummary.make(
      name: name(sampleNames: sampleNames), estimate: estimate, block: block, lattice: lattice,
      seed: seed,
      methods: methods, level: level, alternative: alternative, jackknife: jack,
      studentError: se0, plan: planDescription, observations: groups.map(\.n).reduce(0, +),
      innerReplicates: hasClosedFormStandardError ? nil : innerReplicates, ties: ties)
  }

  /// The statistic's name, with the two samples' names when it compares two: `"difference of
  /// means (A vs B)"`.
  func name(sampleNames: [String]?) -> String {
    guard let names = sampleNames, names.count == 2, samples.count == 2 else {
      return statistic.name
    }
    return statistic.name + " (\(names[0]) vs \(names[1]))"
  }

  /// The BCa acceleration from the jackknife (closed form for built-in statistics; SciPy's
  /// multi-sample rule), or nil when undefined (all leave-one-out values equal).
  public var acceleration: Double? { jackknife().flatMap(Jackknife.acceleration) }
}

/// Raw output pointers shared by workers (through ``UnsafeShared``); each worker writes
/// disjoint indices.
struct OutputPointers {
  let values: UnsafeMutableBufferPointer<Double>
  let ses: UnsafeMutableBufferPointer<Double>
  let keys: UnsafeMutableBufferPointer<UInt32>

  init(
    values: UnsafeMutableBufferPointer<Double>,
    ses: UnsafeMutableBufferPointer<Double> = UnsafeMutableBufferPointer(start: nil, count: 0),
    keys: UnsafeMutableBufferPointer<UInt32> = UnsafeMutableBufferPointer(start: nil, count: 0)
  ) {
    self.values = values
    self.ses = ses
    self.keys = keys
  }
}

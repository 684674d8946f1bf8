// BootstrapSummary.swift: from a replicate vector to standard error, bias, intervals, diagnostics.
import RandomStreams
import ResampleCore

enum BootstrapSummary {
  /// Replicates per lattice configuration: the block's own when it is tabulated, else counted
  /// from its keys; nil without a lattice.
  static func histogram(_ block: ReplicateBlock, size: Int?) -> [Int]? {
    guard let size else { return nil }
    if block.isTabulated { return block.latticeCounts.count == size ? block.latticeCounts : nil }
    guard block.keys.count == block.values.count, !block.keys.isEmpty else { return nil }
    var hist = [Int](repeating: 0, count: size)
    block.keys.withUnsafeBufferPointer { k in
      hist.withUnsafeMutableBufferPointer { h in
        for key in k { h[Int(key)] += 1 }
      }
    }
    return hist
  }

  /// Distribution of the finite replicates: from the histogram of lattice configurations when
  /// available (O(B + lattice size)), otherwise a sort (O(B log B)).
  static func distribution(_ values: [Double], histogram: [Int]?, table: [Double]?)
    -> ReplicateQuantile
  {
    if let table, let hist = histogram {
      var v: [Double] = []
      var c: [Int] = []
      for (key, n) in hist.enumerated() where n > 0 && table[key].isFinite {
        v.append(table[key])
        c.append(n)
      }
      return ReplicateQuantile(values: v, counts: c)
    }
    return ReplicateQuantile(values.filter(\.isFinite))
  }

  static func make(
    name: String, estimate: Double, block: ReplicateBlock, lattice: Lattice?, seed: UInt64,
    methods: [IntervalMethod], level: Double, alternative: Alternative,
    jackknife: [Jackknife.Values]?, studentError: Double?, plan: String, observations: Int,
    innerReplicates: Int?, ties: BCaTieRule
  ) -> BootstrapResult {
    let values = block.values
    let b = block.isTabulated ? block.count : values.count
    let hist = histogram(block, size: lattice?.size)
    let dist = distribution(values, histogram: hist, table: lattice?.values)
    // Moments of the finite replicates: from the lattice histogram when there is one (O(lattice
    // size) instead of two passes over B values), else from the values in index order.
    var finite = 0
    var sum = 0.0
    var ss = 0.0
    let fromHistogram = hist != nil && b > 0
    if fromHistogram {
      var previous = 0
      for (v, c) in zip(dist.values, dist.cumulative) {
        sum += Double(c - previous) * v
        previous = c
      }
      finite = dist.count
    } else {
      for v in values where v.isFinite {
        finite += 1
        sum += v
      }
    }
    let mean = finite > 0 ? sum / Double(finite) : .nan
    if fromHistogram {
      var previous = 0
      for (v, c) in zip(dist.values, dist.cumulative) {
        ss += Double(c - previous) * (v - mean) * (v - mean)
        previous = c
      }
    } else {
      for v in values where v.isFinite { ss += (v - mean) * (v - mean) }
    }
    return summarize(
      name: name, estimate: estimate, replicates: b, finite: finite, mean: mean,
      sumOfSquares: ss, distribution: dist, block: block, lattice: lattice, seed: seed,
      methods: methods, level: level, alternative: alternative, jackknife: jackknife,
      studentError: studentError, plan: plan, observations: observations,
      innerReplicates: innerReplicates, ties: ties)
  }

  /// The result from the replicates' moments and distribution, however they were obtained
  /// (from a stored block, or streamed by ``StreamedQuantileSelection``).
  ///
  /// - Parameters:
  ///   - replicates: B.
  ///   - finite: the number of finite replicates.
  ///   - mean: their mean (summed in index order).
  ///   - sumOfSquares: Σ (t* − mean)² over them, in index order.
  ///   - distribution: their distribution; a sparse one must answer every order statistic
  ///     and the estimate's rank that the requested methods read.
  ///   - block: the stored replicates (for studentized intervals and `distribution`), or nil.
  /// - Complexity: O(log k) per interval.
  static func summarize(
    name: String, estimate: Double, replicates b: Int, finite: Int, mean: Double,
    sumOfSquares ss: Double, distribution dist: ReplicateQuantile, block: ReplicateBlock?,
    lattice: Lattice?, seed: UInt64, methods: [IntervalMethod], level: Double,
    alternative: Alternative, jackknife: [Jackknife.Values]?, studentError: Double?,
    plan: String, observations: Int, innerReplicates: Int?, ties: BCaTieRule
  ) -> BootstrapResult {
    var diagnostics: [BootstrapDiagnostic] = []
    if finite < b { diagnostics.append(.nonFiniteReplicates(count: b - finite)) }
    let se = finite > 1 ? (ss / Double(finite - 1)).squareRoot() : (finite == 1 ? 0 : .nan)
    if finite == 0 { diagnostics.append(.noFiniteReplicates) }
    if dist.values.count == 1 { diagnostics.append(.constantReplicates(value: dist.values[0])) }
    var intervals: [ConfidenceInterval] = []
    var z0: Double? = nil
    var acceleration: Double? = nil
    for m in methods {
      if finite == 0 {
        intervals.append(
          ConfidenceInterval(
            method: m, level: level, alternative: alternative, lower: .nan, upper: .nan,
            lowerMonteCarloError: .nan, upperMonteCarloError: .nan,
            diagnostics: [.noFiniteReplicates]))
        continue
      }
      switch m {
      case .percentile:
        intervals.append(
          BootstrapIntervals.percentile(dist, level: level, alternative: alternative))
      case .basic:
        intervals.append(
          BootstrapIntervals.basic(
            estimate: estimate, dist, level: level, alternative: alternative))
      case .normal:
        intervals.append(
          BootstrapIntervals.normal(
            estimate: estimate, replicateMean: mean, standardError: se, replicates: finite,
            level: level, alternative: alternative))
      case .bca:
        var extra: [BootstrapDiagnostic] = []
        var a = 0.0
        if let j = jackknife, let acc = Jackknife.acceleration(j) {
          a = acc
        } else {
          extra.append(.accelerationUndefined)
        }
        if finite < observations {
          extra.append(.fewReplicates(replicates: finite, observations: observations))
        }
        z0 = BootstrapIntervals.biasCorrection(estimate: estimate, dist, ties: ties)
        acceleration = extra.contains(.accelerationUndefined) ? nil : a
        var ci = BootstrapIntervals.bca(
          estimate: estimate, dist, acceleration: a, level: level, alternative: alternative,
          ties: ties)
        ci.diagnostics += extra
        intervals.append(ci)
      case .studentized:
        guard let block else {
          intervals.append(
            ConfidenceInterval(
              method: m, level: level, alternative: alternative, lower: .nan, upper: .nan,
              lowerMonteCarloError: .nan, upperMonteCarloError: .nan))
          continue
        }
        intervals.append(
          studentized(
            estimate: estimate, block: block, lattice: lattice, se0: studentError ?? se,
            level: level, alternative: alternative, inner: innerReplicates))
      }
    }
    var result = BootstrapResult(
      statistic: name, estimate: estimate, standardError: se, bias: mean - estimate,
      intervals: intervals, replicates: b, seed: seed, rng: Philox4x32.identifier, plan: plan,
      diagnostics: diagnostics, distribution: block?.values ?? [])
    result.biasCorrection = z0
    result.acceleration = acceleration
    return result
  }

  /// The studentized interval collapsed to the estimate, flagged `studentizedDegenerate`.
  static func degenerateStudentized(
    _ estimate: Double, _ level: Double, _ alternative: Alternative,
    _ diagnostics: [BootstrapDiagnostic]
  ) -> ConfidenceInterval {
    var ci = ConfidenceInterval(
      method: .studentized, level: level, alternative: alternative, lower: estimate,
      upper: estimate, lowerMonteCarloError: 0, upperMonteCarloError: 0,
      diagnostics: diagnostics + [.studentizedDegenerate])
    BootstrapIntervals.applyAlternative(&ci)
    return ci
  }

  static func studentized(
    estimate: Double, block: ReplicateBlock, lattice: Lattice?, se0: Double, level: Double,
    alternative: Alternative, inner: Int?
  ) -> ConfidenceInterval {
    var diags: [BootstrapDiagnostic] = []
    if let inner { diags.append(.nestedBootstrap(inner: inner)) }
    guard se0.isFinite, se0 > 0 else {
      return degenerateStudentized(estimate, level, alternative, diags)
    }
    var zero = 0
    let pivots: ReplicateQuantile
    if let lat = lattice, let ses = lat.standardErrors,
      let hist = histogram(block, size: lat.size)
    {
      var v: [Double] = []
      var c: [Int] = []
      for (key, n) in hist.enumerated() where n > 0 {
        let t = lat.values[key]
        guard t.isFinite else { continue }
        guard ses[key] > 0 else {
          zero += n
          continue
        }
        v.append((t - estimate) / ses[key])
        c.append(n)
      }
      pivots = ReplicateQuantile(values: v, counts: c)
    } else {
      var p: [Double] = []
      p.reserveCapacity(block.values.count)
      for (t, s) in zip(block.values, block.standardErrors) where t.isFinite {
        if s > 0 && s.isFinite { p.append((t - estimate) / s) } else { zero += 1 }
      }
      pivots = ReplicateQuantile(p)
    }
    if zero > 0 { diags.append(.studentizedZeroStandardError(count: zero)) }
    guard pivots.count > 0 else {
      return degenerateStudentized(estimate, level, alternative, diags)
    }
    var ci = BootstrapIntervals.studentized(
      estimate: estimate, standardError: se0, pivots: pivots, level: level,
      alternative: alternative)
    ci.diagnostics = diags + ci.diagnostics
    return ci
  }
}

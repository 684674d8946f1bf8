// BenchDiff.swift: comparing two benchmark result files benchmark by benchmark.
import MultipleComparisons
import RandomStreams
import RankTests
import ResampleCore
import Resampling

/// Compares the benchmarks of two result files (`base` and `new`), matched by name.
///
/// For each benchmark present in both files:
/// 1. the center of each side (median by default, or mean);
/// 2. the ratio center(new)/center(base) with a bootstrap interval for two independent samples
///    (`TwoSampleBootstrap.ratio`, BCa by default), seeded by ``seed(for:suiteSeed:)``;
/// 3. a p-value (two-sided, or one-sided for ``BenchDiffConfiguration/alternative``): Mann–Whitney U (exact with ties handled for n_base·n_new ≤ 2,500,
///    normal approximation with tie and continuity corrections beyond), or a permutation test
///    of the difference of centers;
/// 4. the p-values adjusted across the matched benchmarks (Holm by default, R `p.adjust`);
/// 5. the verdict (criterion.rs's rule, with the adjusted p-value):
///    - `slower` when p_adjusted < α and the whole ratio interval lies above 1 + threshold;
///    - `faster` when p_adjusted < α and the whole ratio interval lies below 1 − threshold;
///    - `no-change` otherwise.
///
/// The suite summary is the geometric mean of the ratios with its own bootstrap interval
/// (see ``GeometricMeanBootstrap``).
///
/// Determinism: every random number comes from Philox4x32 streams addressed by (seed, replicate);
/// a benchmark's seed depends only on the suite seed and its name, so its result does not depend
/// on the other benchmarks in the files, the order of the files, or the thread count.
///
/// References: Efron, B. & Tibshirani, R. (1993), *An Introduction to the Bootstrap*, §14.3 (BCa);
/// Holm, S. (1979), *Scand. J. Statist.* 6, 65–70; Mann & Whitney (1947); criterion.rs's
/// `compare_to_threshold` (noise threshold rule); Go's benchstat (matching, "~", n ≥ 6 advice).
public enum BenchDiff {
  /// Compares `base` and `new`.
  ///
  /// - Parameters:
  ///   - base: the reference results.
  ///   - new: the results compared with them.
  ///   - configuration: what to compute (see ``BenchDiffConfiguration``).
  /// - Returns: per-benchmark changes, names found on one side only, and the geometric mean.
  /// - Throws: `InputError.invalidParameter` for a threshold outside [0, 1), a level outside
  ///   (0, 1), fewer than 1 replicate or threads; `InputError.invalidData` naming the benchmark
  ///   when its base center is 0 or its units differ between the files.
  /// - Complexity: O(K · B · n) for K matched benchmarks of n runs and B replicates.
  public static func compare(
    base: BenchmarkSet, new: BenchmarkSet, configuration: BenchDiffConfiguration
  ) throws -> SuiteComparison {
    let c = configuration
    guard c.threshold.isFinite, c.threshold >= 0, c.threshold < 1 else {
      throw InputError.invalidParameter(
        name: "threshold", value: "\(c.threshold)", expected: "a fraction in [0, 1), e.g. 0.02")
    }
    try InputError.requireLevel(c.level)
    guard c.replicates >= 1 else {
      throw InputError.invalidParameter(
        name: "replicates", value: "\(c.replicates)", expected: "an integer ≥ 1")
    }
    guard c.threads >= 1 else {
      throw InputError.invalidParameter(
        name: "threads", value: "\(c.threads)", expected: "an integer ≥ 1")
    }
    guard c.minimumRuns.map({ $0 >= 1 }) ?? true else {
      throw InputError.invalidParameter(
        name: "minimumRuns", value: "\(c.minimumRuns ?? 0)", expected: "an integer ≥ 1")
    }

    for set in [base, new] {
      var seen = Set<String>()
      for b in set.benchmarks where !seen.insert(b.name).inserted {
        throw InputError.invalidData(
          source: set.source, reason: "benchmark '\(b.name)' appears more than once")
      }
    }
    let newNames = Set(new.benchmarks.map(\.name))
    let baseNames = Set(base.benchmarks.map(\.name))
    let matched = base.benchmarks.filter { newNames.contains($0.name) }
    let onlyInBase = base.benchmarks.map(\.name).filter { !newNames.contains($0) }
    let onlyInNew = new.benchmarks.map(\.name).filter { !baseNames.contains($0) }

    var changes: [BenchmarkChange] = []
    var leftOut: [String] = []
    var notCompared: [(name: String, reason: String)] = []
    var identicalZeros: [String] = []
    var pairs: [(base: [Double], new: [Double])] = []
    for b in matched {
      guard let n = new.benchmark(named: b.name) else { continue }
      let location = "benchmark '\(b.name)'"
      guard b.unit == n.unit else {
        throw InputError.invalidData(
          source: location,
          reason: "unit '\(b.unit)' in \(base.source) but '\(n.unit)' in \(new.source)")
      }
      let centerStatistic: SampleStatistic = c.center == .mean ? .mean : .median
      let zeroSides = [(base.source, b.values), (new.source, n.values)].filter {
        centerStatistic.evaluate($0.1) == 0
      }.map(\.0)
      if !zeroSides.isEmpty {
        if zeroSides.count == 2, (b.values + n.values).allSatisfy({ $0 == 0 }) {
          identicalZeros.append(b.name)
        } else {
          notCompared.append(
            (
              b.name,
              "its \(c.center.rawValue) is 0 in \(zeroSides.joined(separator: " and ")) "
                + "(a ratio to or from 0 is undefined)"
            ))
        }
        continue
      }
      let direct = centerStatistic.evaluate(n.values) / centerStatistic.evaluate(b.values)
      guard direct.isFinite, direct > 0 else {
        notCompared.append(
          (b.name, "the ratio new/base is beyond the floating-point range"))
        continue
      }
      var change = try compareOne(
        name: b.name, unit: b.unit, base: b.values, new: n.values,
        summaryOnly: b.summaryOnly || n.summaryOnly, c)
      change.higherIsBetter = c.higherIsBetter ?? b.higherIsBetter
      guard change.ratio.isFinite, change.ratio > 0 else {
        notCompared.append(
          (
            b.name,
            "the ratio new/base (\(change.new.center) / \(change.base.center)) is "
              + "beyond the floating-point range"
          ))
        continue
      }
      changes.append(change)
      if change.verdict != .notTested {
        pairs.append(Self.rescaled(b.values, n.values))
      } else {
        leftOut.append(b.name)
      }
    }

    // Adjust across the suite, then decide.
    let tested = changes.indices.filter { changes[$0].verdict != .notTested }
    let raw = tested.map { changes[$0].pValue }
    let adjusted = try c.adjustment.map { try adjust(raw, method: $0) } ?? raw
    for (j, k) in tested.enumerated() {
      changes[k].pAdjusted = adjusted[j]
      changes[k].verdict = verdict(
        pAdjusted: adjusted[j], interval: changes[k].ratioInterval, alpha: c.alpha,
        threshold: c.threshold, higherIsBetter: changes[k].higherIsBetter)
    }

    var warnings: [String] = []
    if matched.isEmpty {
      warnings.append("no benchmark appears in both \(base.source) and \(new.source)")
    }
    if !onlyInBase.isEmpty {
      warnings.append("only in \(base.source): \(onlyInBase.joined(separator: ", "))")
    }
    if !onlyInNew.isEmpty {
      warnings.append("only in \(new.source): \(onlyInNew.joined(separator: ", "))")
    }
    for (name, reason) in notCompared {
      warnings.append("\(name): not compared: \(reason)")
    }
    if !identicalZeros.isEmpty {
      warnings.append(
        "every run is 0 on both sides (identical; no ratio): "
          + identicalZeros.joined(separator: ", "))
    }
    if !leftOut.isEmpty {
      warnings.append(
        "left out of the geometric mean (not tested): \(leftOut.joined(separator: ", "))")
    }
    for note in base.notes { warnings.append("\(base.source): \(note)") }
    for note in new.notes { warnings.append("\(new.source): \(note)") }

    let geomean =
      pairs.isEmpty
      ? nil
      : try GeometricMeanBootstrap.run(
        pairs: pairs, center: c.center, replicates: c.replicates, seed: c.seed, level: c.level,
        method: c.intervalMethod, alternative: c.alternative, threads: c.threads)
    var result = SuiteComparison(
      benchmarks: changes, onlyInBase: onlyInBase, onlyInNew: onlyInNew, geometricMean: geomean,
      configuration: c, rng: geomean?.rng ?? "", warnings: warnings)
    result.notCompared = notCompared
    return result
  }

  /// The verdict rule (see the type's documentation).
  ///
  /// With `higherIsBetter` (throughput) the directions swap: an interval above 1 + threshold is
  /// `faster` (better), below 1 − threshold `slower` (worse). A one-sided interval has its open
  /// side at ∓∞ (its ``ConfidenceInterval/alternative``), so it can only show the change in the
  /// direction that was tested.
  public static func verdict(
    pAdjusted: Double, interval: ConfidenceInterval, alpha: Double, threshold: Double,
    higherIsBetter: Bool = false
  ) -> BenchmarkVerdict {
    let lowerOpen = interval.alternative == .less && interval.lower == -.infinity
    let upperOpen = interval.alternative == .greater && interval.upper == .infinity
    guard pAdjusted < alpha, interval.lower.isFinite || lowerOpen,
      interval.upper.isFinite || upperOpen
    else {
      return .noChange
    }
    if interval.lower > 1 + threshold { return higherIsBetter ? .faster : .slower }
    if interval.upper < 1 - threshold { return higherIsBetter ? .slower : .faster }
    return .noChange
  }

  /// Both sides multiplied by one power of two when their largest value is outside
  /// [1e-280, 1e280], so that subnormal or huge measurements neither lose precision nor
  /// overflow (the scaling is exact, and ratios, ranks and p-values do not change).
  static func rescaled(_ base: [Double], _ new: [Double]) -> (base: [Double], new: [Double]) {
    let m = max(base.map(abs).max() ?? 0, new.map(abs).max() ?? 0)
    guard m > 0, m.isFinite, m < 1e-280 || m > 1e280 else { return (base, new) }
    let k = -Int(m.exponent)
    func scale(_ v: Double) -> Double { Double(sign: .plus, exponent: k, significand: v) }
    return (base.map(scale), new.map(scale))
  }

  /// The seed of a benchmark's bootstrap and permutation test.
  ///
  /// It is the top 53 bits of SplitMix64's
  /// output function applied to `suiteSeed ⊕ FNV-1a-64(name as UTF-8)` (53 bits so that JSON
  /// readers parsing numbers as doubles keep it exact). It depends only on the suite seed and
  /// the name, so a benchmark's result does not change when others are added or removed.
  public static func seed(for name: String, suiteSeed: UInt64) -> UInt64 {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in name.utf8 {
      h ^= UInt64(byte)
      h = h &* 0x0000_0100_0000_01b3
    }
    return SplitMix64.seed53(suiteSeed ^ h)
  }

  /// The smallest p-value the exact rank test can reach for sizes m and n without ties:
  /// 2 / C(m + n, m) two-sided (`sides` = 2), 1 / C(m + n, m) one-sided.
  static func smallestExactPValue(_ m: Int, _ n: Int, sides: Int = 2) -> Double {
    var c = 1.0
    for i in 0..<min(m, n) { c = c * Double(m + n - i) / Double(i + 1) }
    return min(1, Double(sides) / c)
  }

  private static func compareOne(
    name: String, unit: String, base original: [Double], new originalNew: [Double],
    summaryOnly: Bool, _ c: BenchDiffConfiguration
  ) throws -> BenchmarkChange {
    let location = "benchmark '\(name)'"
    let seed = seed(for: name, suiteSeed: c.seed)
    let (base, new) = rescaled(original, originalNew)
    let centerStatistic: SampleStatistic = c.center == .mean ? .mean : .median
    let baseCenter = centerStatistic.evaluate(original)
    let newCenter = centerStatistic.evaluate(originalNew)
    if summaryOnly || min(base.count, new.count) < 2 {
      let why =
        summaryOnly
        ? "only a summary (the tool's median) on one side: no interval or test; rerun keeping "
          + "every run"
        : "\(min(base.count, new.count)) run on one side: no interval or test (needs ≥ 2 runs "
          + "on each side)"
      let nan = ConfidenceInterval(
        method: c.intervalMethod, level: c.level, alternative: c.alternative, lower: .nan,
        upper: .nan, lowerMonteCarloError: .nan, upperMonteCarloError: .nan)
      return BenchmarkChange(
        name: name, unit: unit, base: side(original, center: baseCenter, level: c.level),
        new: side(originalNew, center: newCenter, level: c.level),
        ratio: centerStatistic.evaluate(new) / centerStatistic.evaluate(base),
        ratioInterval: nan, seed: seed, pValue: .nan, pAdjusted: .nan,
        testDescription: summaryOnly ? "none (summary only)" : "none (needs ≥ 2 runs)",
        verdict: .notTested, warnings: [why])
    }
    let boot: BootstrapResult
    do {
      boot = try TwoSampleBootstrap.ratio(
        base: base, new: new, center: c.center, replicates: c.replicates, seed: seed,
        level: c.level, method: c.intervalMethod, alternative: c.alternative, threads: c.threads)
    } catch let error as InputError {
      throw InputError.invalidData(source: location, reason: error.description)
    }
    guard let interval = boot.interval(c.intervalMethod) else {
      throw InputError.invalidData(source: location, reason: "no \(c.intervalMethod) interval")
    }
    var warnings: [String] = []
    let p: Double
    let testDescription: String
    switch c.test {
    case .mannWhitney(let method):
      let r = try MannWhitneyU.test(new, base, alternative: c.alternative, method: method)
      p = r.pValue
      testDescription = "mann-whitney \(r.computation.rawValue)"
      warnings += r.diagnostics.map(\.description)
    case .permutation:
      let statistic: PermutationTest.Statistic =
        c.center == .mean ? .differenceOfMeans : .differenceOfMedians
      let test = try PermutationTest(first: new, second: base, statistic: statistic)
      let r = try test.run(
        alternative: c.alternative, replicates: c.replicates, seed: seed, threads: c.threads)
      p = r.pValue
      testDescription = "permutation \(r.exact ? "exact" : "monte-carlo")"
    }

    let fewest = min(base.count, new.count)
    if fewest < c.effectiveMinimumRuns {
      warnings.append(
        "\(fewest) run\(fewest == 1 ? "" : "s") on one side; at least \(c.effectiveMinimumRuns) are "
          + "advised for a \(Int((c.level * 100).rounded()))% interval (benchstat's rule)")
    }
    if case .mannWhitney = c.test {
      let floor = smallestExactPValue(
        base.count, new.count, sides: c.alternative == .twoSided ? 2 : 1)
      if floor >= c.alpha {
        warnings.append(
          "with \(base.count) and \(new.count) runs the smallest attainable p-value is "
            + "\(shortNumber(floor)) ≥ α = \(shortNumber(c.alpha)): no change can be significant")
      }
    }
    warnings += boot.allDiagnostics.map(\.description)
    return BenchmarkChange(
      name: name, unit: unit, base: side(original, center: baseCenter, level: c.level),
      new: side(originalNew, center: newCenter, level: c.level), ratio: boot.estimate,
      ratioInterval: interval, seed: seed, pValue: p, pAdjusted: p,
      testDescription: testDescription, verdict: .noChange, warnings: warnings)
  }

  private static func side(_ values: [Double], center: Double, level: Double) -> BenchmarkSide {
    let sd = standardDeviation(values)
    let interval = MedianOrderStatisticInterval.interval(values, level: level).map {
      $0.lower...$0.upper
    }
    return BenchmarkSide(
      count: values.count, center: center, standardDeviation: sd, medianInterval: interval)
  }

  /// The sample standard deviation (divisor n − 1; 0 for fewer than two values).
  ///
  /// The values are scaled by a power of two (exact) near the largest magnitude first, so squares
  /// of values near 1e308 do not overflow (an `inf` spread) and squares of values near 1e-300 or
  /// subnormal times do not underflow to 0 (a spread of 0 % for varying runs).
  ///
  /// - Complexity: O(n).
  static func standardDeviation(_ values: [Double]) -> Double {
    guard values.count > 1 else { return 0 }
    var largest = 0.0
    for v in values { largest = max(largest, abs(v)) }
    guard largest.isFinite else { return .nan }
    guard largest > 0 else { return 0 }
    let scale = Double(sign: .plus, exponent: largest.exponent, significand: 1)
    let n = Double(values.count)
    var mean = 0.0
    for v in values { mean += v / scale }
    mean /= n
    var ss = 0.0
    for v in values {
      let d = v / scale - mean
      ss += d * d
    }
    return (ss / (n - 1)).squareRoot() * scale
  }

  private static func shortNumber(_ x: Double) -> String {
    let r = (x * 1000).rounded() / 1000
    return r == 0 ? "\(x)" : "\(r)"
  }
}

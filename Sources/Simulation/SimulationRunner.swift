// SimulationRunner.swift: runs a study in blocks of data sets — data set d of scenario s from
// its own random stream — on all cores, for any shard, and combines blocks in a fixed order.
import Contingency
import Proportions
import RandomStreams
import RankTests
import ResampleCore
import Resampling
import SurveyComparison
import SurveyInference
import _Platform

/// The tallies of one block: data sets `block · blockSize ..< …` of one scenario.
public struct BlockTally: Sendable, Equatable, Codable {
  /// The scenario index.
  public var scenario: Int
  /// The block index within the scenario.
  public var block: Int
  /// One tally per method that runs on the scenario (``SimulationSpec/methods(for:)`` order).
  public var methods: [MethodTally]
}

/// Runs simulation studies.
///
/// The work is cut into blocks of ``blockSize`` data sets per scenario, numbered globally
/// scenario by scenario. Data set d of scenario s draws from stream `s · 2⁴⁰ + d` of
/// philox4x32-10 with the spec's seed, so a block's tallies depend only on the spec and the
/// block. Results combine block tallies in block order: the same bits for any thread count,
/// shard or merge order.
public enum SimulationRunner {
  /// Data sets per block.
  public static let blockSize = 1000

  /// The blocks of scenario s.
  public static func blockCount(_ spec: SimulationSpec) -> Int {
    (spec.datasets + blockSize - 1) / blockSize
  }

  /// Global block g ↔ (scenario, block).
  public static func totalBlocks(_ spec: SimulationSpec) -> Int {
    blockCount(spec) * spec.scenarios.count
  }

  /// The global blocks of shard `index` (0-based) of `count`, in ascending order.
  ///
  /// The blocks are dealt so that the shards' estimated work is even: longest first, each to the
  /// shard with the least work so far (ties to the lower shard; Graham's LPT rule), the work of
  /// a block being its data sets times ``estimatedWork(_:scenario:)``. Blocks differ in cost (a
  /// scenario's last block is short, larger n costs more), so dealing every `count`-th block
  /// could give one shard twice the work of another. The assignment depends only on the spec
  /// and `count`, and the result does not depend on it (block tallies combine by block index).
  ///
  /// - Complexity: O(G log G + G · count) for G blocks.
  public static func blocks(shard index: Int, of count: Int, _ spec: SimulationSpec) -> [Int] {
    let total = totalBlocks(spec)
    guard count > 1 else { return index == 0 ? Array(0..<total) : [] }
    let work = blockWork(spec)
    let order = (0..<total).sorted { (work($0), -$0) > (work($1), -$1) }
    var load = [Double](repeating: 0, count: count)
    var mine: [Int] = []
    for g in order {
      var target = 0
      for k in 1..<count where load[k] < load[target] { target = k }
      load[target] += work(g)
      if target == index { mine.append(g) }
    }
    return mine.sorted()
  }

  /// The estimated work of global block g: its data sets times ``estimatedWork(_:scenario:)``.
  static func blockWork(_ spec: SimulationSpec) -> (Int) -> Double {
    let perScenario = blockCount(spec)
    let perDataset = spec.scenarios.indices.map { estimatedWork(spec, scenario: $0) }
    return { g in
      let b = g % perScenario
      let datasets = min(spec.datasets, (b + 1) * blockSize) - b * blockSize
      return Double(datasets) * perDataset[g / perScenario]
    }
  }

  /// Runs global blocks `blocks` on up to `threads` workers.
  ///
  /// The blocks are dealt to the workers longest first (``ParallelFor`` deals round-robin), so
  /// that short and long blocks mix; each tally is returned in `blocks` order whatever the
  /// dealing.
  ///
  /// - Complexity: O(data sets × methods), each method's own cost per data set.
  public static func run(
    _ spec: SimulationSpec, blocks: [Int], threads: Int
  ) -> [BlockTally] {
    let perScenario = blockCount(spec)
    let applicable = spec.scenarios.indices.map { spec.methods(for: $0) }
    let capacity =
      spec.scenarios.filter { $0.data == .twoBinomial || $0.data == .clusteredBinomial }
      .map { $0.n.reduce(0, +) }
      .max() ?? 0
    let fisher = FisherExact2x2Kernel(capacity: capacity)
    var out = [BlockTally?](repeating: nil, count: blocks.count)
    let work = blockWork(spec)
    let order = blocks.indices.sorted {
      (work(blocks[$0]), -blocks[$0]) > (work(blocks[$1]), -blocks[$1])
    }
    out.withUnsafeMutableBufferPointer { buffer in
      let shared = UnsafeShared(buffer)
      ParallelFor.run(count: blocks.count, chunkSize: 1, threads: threads) { chunks in
        for chunk in chunks {
          for k in chunk.range {
            let i = order[k]
            let g = blocks[i]
            let s = g / perScenario
            let b = g % perScenario
            shared.value[i] = runBlock(
              spec, scenario: s, block: b, methods: applicable[s], fisher: fisher)
          }
        }
      }
    }
    return out.compactMap { $0 }
  }

  /// Runs global blocks `blocks` a wave of `threads` blocks at a time, handing each finished
  /// block to `onBlock` on the calling thread, in `blocks` order.
  ///
  /// The tallies are those of ``run(_:blocks:threads:)`` (a block's tally depends only on the
  /// spec and the block); only one wave is held in memory, and only one wave is in flight when
  /// the process dies, so a caller that records each block (a checkpoint) loses at most that.
  ///
  /// - Parameters:
  ///   - spec: the study.
  ///   - blocks: the global blocks to run.
  ///   - threads: the most workers, and the blocks per wave.
  ///   - onBlock: receives each finished block; a throw stops the run after the current wave.
  /// - Complexity: that of ``run(_:blocks:threads:)``; a wave waits for its slowest block.
  public static func run(
    _ spec: SimulationSpec, blocks: [Int], threads: Int, onBlock: (BlockTally) throws -> Void
  ) rethrows {
    let wave = max(1, threads)
    for start in stride(from: 0, to: blocks.count, by: wave) {
      let done = run(
        spec, blocks: Array(blocks[start..<min(blocks.count, start + wave)]), threads: threads)
      for tally in done { try onBlock(tally) }
    }
  }

  static func runBlock(
    _ spec: SimulationSpec, scenario s: Int, block b: Int, methods: [Int],
    fisher: FisherExact2x2Kernel
  ) -> BlockTally {
    let sc = spec.scenarios[s]
    var tallies = [MethodTally](repeating: MethodTally(), count: methods.count)
    let first = b * blockSize
    let last = min(spec.datasets, first + blockSize)
    // Samplers cannot fail: the spec was validated (n ≤ 10⁶, parameters in range).
    let generator = ScenarioGenerator(sc)
    for d in first..<last {
      let stream = UInt64(s) << 40 | UInt64(d)
      var g = Philox4x32(seed: spec.seed, stream: stream)
      var x = generator.counts(using: &g)
      let groups = generator.samples(using: &g)
      // Clustered data: the groups hold each cluster's successes; the tests of two proportions
      // take their totals (ignoring the clustering, as a naive analysis would).
      if sc.data == .clusteredBinomial { x = groups.map { Int($0.reduce(0, +)) } }
      let values = groups.first ?? []
      // One bootstrap per (samples, B, level) gives every requested interval method of this
      // data set; its seed is derived from the study's seed and the data set's stream.
      let seed = SplitMix64.mix(spec.seed ^ SplitMix64.mix(stream))
      var boots: [BootstrapKey: BootstrapResult] = [:]
      for (j, m) in methods.enumerated() {
        let method = spec.methods[m]
        switch method.kind {
        case .bootstrapInterval, .twoSampleBootstrapInterval:
          guard let kind = method.bootstrap else { continue }
          let key = BootstrapKey(method)
          if boots[key] == nil {
            let wanted = methods.compactMap { i -> IntervalMethod? in
              let o = spec.methods[i]
              guard o.kind == method.kind, BootstrapKey(o) == key else { return nil }
              return o.bootstrap
            }
            let statistic: BootstrapStatistic =
              key.twoSample ? .difference(.mean) : .sample(.mean)
            boots[key] = try? Bootstrap(
              samples: key.twoSample ? groups : [values], statistic: statistic
            ).run(
              replicates: key.replicates, seed: seed,
              methods: Array(Set(wanted)).sorted { $0.rawValue < $1.rawValue },
              level: key.level)
          }
          guard let r = boots[key], let ci = r.interval(kind) else { continue }
          tallies[j].add(
            hit: ci.lower <= sc.truth && sc.truth <= ci.upper, width: ci.upper - ci.lower,
            error: r.estimate - sc.truth)
        case .tInterval:
          let summary = MeanSummary(values)
          guard let ci = try? summary.tInterval(level: method.level ?? 0.95) else { continue }
          tallies[j].add(
            hit: ci.lower <= sc.truth && sc.truth <= ci.upper, width: ci.upper - ci.lower,
            error: summary.mean - sc.truth)
        case .proportionInterval:
          let n = sc.n[0]
          let estimate = Double(x[0]) / Double(n)
          guard let interval = method.interval,
            let ci = try? proportionInterval(
              successes: x[0], trials: n, level: method.level ?? 0.95, method: interval)
          else { continue }
          tallies[j].add(
            hit: ci.lower <= sc.p[0] && sc.p[0] <= ci.upper, width: ci.upper - ci.lower,
            error: estimate - sc.truth)
        case .twoProportionTest:
          let (n1, n2) = (sc.n[0], sc.n[1])
          let estimate = Double(x[0]) / Double(n1) - Double(x[1]) / Double(n2)
          let p = twoProportionP(
            method.test ?? .fisherExact, x1: x[0], n1: n1, x2: x[1], n2: n2, fisher: fisher)
          // An undefined test (all successes or none in both samples) does not reject.
          tallies[j].add(hit: p <= (method.alpha ?? 0.05), width: nil, error: estimate - sc.truth)
        case .surveyComparison, .surveyDifferenceInterval:
          let estimate = Double(x[0]) / Double(sc.n[0]) - Double(x[1]) / Double(sc.n[1])
          guard
            let pair = designComparison(
              groups, clusterSize: sc.clusterSize ?? 1, level: method.level ?? 0.95)
          else { continue }
          if method.kind == .surveyComparison {
            // No standard error (every cluster alike) gives p = 1 or 0 as the library reports.
            tallies[j].add(
              hit: pair.pValue <= (method.alpha ?? 0.05), width: nil, error: estimate - sc.truth)
          } else {
            let ci = pair.interval
            tallies[j].add(
              hit: ci.lower <= sc.truth && sc.truth <= ci.upper, width: ci.upper - ci.lower,
              error: estimate - sc.truth)
          }
        case .twoSampleTest, .kSampleTest:
          let p = continuousTestP(method, groups, seed: seed)
          let means = groups.map { MeanSummary($0).mean }
          let estimate =
            method.kind == .twoSampleTest
            ? means[0] - means[1] : (means.max() ?? .nan) - (means.min() ?? .nan)
          // An undefined test (NaN p) does not reject.
          tallies[j].add(hit: p <= (method.alpha ?? 0.05), width: nil, error: estimate - sc.truth)
        }
      }
    }
    return BlockTally(scenario: s, block: b, methods: tallies)
  }

  /// The p-value of a two-proportion test (NaN when the test is undefined).
  static func twoProportionP(
    _ test: SimulationTest, x1: Int, n1: Int, x2: Int, n2: Int, fisher: FisherExact2x2Kernel
  ) -> Double {
    switch test {
    case .fisherExact:
      return fisher.twoSidedP(x1: x1, n1: n1, x2: x2, n2: n2)
    case .z:
      return (try? twoProportions(x1: x1, n1: n1, x2: x2, n2: n2, scoreIntervals: false))?
        .pValue ?? .nan
    case .propTest:
      return (try? twoProportions(x1: x1, n1: n1, x2: x2, n2: n2, scoreIntervals: false))?
        .propTest.pValue ?? .nan
    case .chiSquare, .chiSquareYates:
      guard let table = try? ContingencyTable(rows: [[x1, n1 - x1], [x2, n2 - x2]]),
        let r = try? chiSquaredTest(table, correction: test == .chiSquare ? .none : .yates)
      else { return .nan }
      return r.pValue
    default:
      return .nan
    }
  }

  /// The p-value of a two- or k-sample test of continuous samples (NaN when undefined); a
  /// permutation test's seed is derived from the data set's `seed`.
  static func continuousTestP(
    _ method: SimulationMethod, _ groups: [[Double]], seed: UInt64
  ) -> Double {
    let replicates = method.replicates ?? 999
    let permutationSeed = SplitMix64.mix(seed ^ 0x7065_726D)
    switch method.test ?? .permutation {
    case .permutation:
      return
        (try? PermutationTest(first: groups[0], second: groups[1]).run(
          replicates: replicates, seed: permutationSeed))?.pValue ?? .nan
    case .welchT:
      let w = try? WelchTTest.test(
        MeanSummary(groups[0]), MeanSummary(groups[1]), level: 0.95)
      return (w ?? nil)?.pValue ?? .nan
    case .mannWhitney:
      return (try? MannWhitneyU.test(groups[0], groups[1]))?.pValue ?? .nan
    case .kruskalWallis:
      return (try? KruskalWallis.test(groups))?.pValue ?? .nan
    case .anovaPermutation:
      return
        (try? KSamplePermutationTest(groups: groups, statistic: .anovaF).run(
          replicates: replicates, seed: permutationSeed))?.pValue ?? .nan
    default:
      return .nan
    }
  }

  /// The design-based comparison of the two groups of clustered 0/1 answers (`groups`: each
  /// cluster's successes of `clusterSize`): clusters as PSUs of one stratum, equal weights,
  /// Taylor linearization (``DomainProportions``); nil when it cannot be computed.
  static func designComparison(
    _ groups: [[Double]], clusterSize m: Int, level: Double
  ) -> DomainProportions.Pair? {
    var answers: [Bool?] = []
    var segment: [Int] = []
    var cluster: [String] = []
    for (g, successes) in groups.enumerated() {
      for (c, y) in successes.enumerated() {
        let yes = Int(y)
        for r in 0..<m {
          answers.append(r < yes)
          segment.append(g)
          cluster.append("\(g).\(c)")
        }
      }
    }
    guard
      let sample = try? StratifiedClusterSample(
        rows: answers.count, strata: nil, clusters: cluster, fpc: nil),
      let design = try? SurveyDesign(
        weights: [Double](repeating: 1, count: answers.count), sample: sample),
      let comparison = try? DomainProportions(
        name: "y", answers: answers, segmentOfRow: segment, segmentNames: ["1", "2"],
        design: design, level: level)
    else { return nil }
    return comparison.pairs.first
  }

  struct BootstrapKey: Hashable {
    var twoSample: Bool
    var replicates: Int
    var level: Double

    init(_ m: SimulationMethod) {
      twoSample = m.kind == .twoSampleBootstrapInterval
      replicates = m.replicates ?? 999
      level = m.level ?? 0.95
    }
  }

  /// The study's results from the tallies of every block (in any order; they are combined in
  /// block order).
  ///
  /// - Throws: `InputError.invalidData` when a block is missing or given twice.
  public static func summarize(
    _ spec: SimulationSpec, tallies: [BlockTally]
  ) throws -> SimulationResult {
    let perScenario = blockCount(spec)
    var byIndex = [BlockTally?](repeating: nil, count: totalBlocks(spec))
    for t in tallies {
      let g = t.scenario * perScenario + t.block
      guard t.scenario >= 0, t.scenario < spec.scenarios.count, t.block >= 0,
        t.block < perScenario, byIndex[g] == nil,
        t.methods.count == spec.methods(for: t.scenario).count
      else {
        throw InputError.invalidData(
          source: "simulation parts",
          reason: "block \(t.block) of scenario \(t.scenario) is out of range, malformed or "
            + "given twice")
      }
      byIndex[g] = t
    }
    if let missing = byIndex.firstIndex(where: { $0 == nil }) {
      throw InputError.invalidData(
        source: "simulation parts",
        reason:
          "block \(missing % perScenario) of scenario '\(spec.scenarios[missing / perScenario].name)' "
          + "is missing (are all shards there?)")
    }
    var scenarios: [SimulationResult.Scenario] = []
    for (s, sc) in spec.scenarios.enumerated() {
      let ms = spec.methods(for: s)
      var totals = [MethodTally](repeating: MethodTally(), count: ms.count)
      for b in 0..<perScenario {
        guard let t = byIndex[s * perScenario + b] else { continue }
        for j in ms.indices { totals[j].merge(t.methods[j]) }
      }
      scenarios.append(
        SimulationResult.Scenario(
          scenario: sc,
          methods: zip(ms, totals).map { m, t in
            SimulationResult.MethodResult(
              method: spec.methods[m], tally: t,
              measures: PerformanceMeasures(
                t, interval: spec.methods[m].kind.isInterval))
          }))
    }
    return SimulationResult(spec: spec, scenarios: scenarios)
  }

  /// A rough count of the elementary operations the study needs (per data set: 1 per interval
  /// or z test, min(n₁, n₂) + 1 per Fisher test, B·n per bootstrap), so that a study too large
  /// for one process is refused before it starts instead of running for days.
  ///
  /// - Complexity: O(scenarios × methods).
  public static func estimatedWork(_ spec: SimulationSpec) -> Double {
    var total = 0.0
    for s in spec.scenarios.indices {
      total += estimatedWork(spec, scenario: s) * Double(spec.datasets)
    }
    return total
  }

  /// The estimated work of one data set of scenario `s` with every method that runs on it
  /// (in the units of ``estimatedWork(_:)``).
  public static func estimatedWork(_ spec: SimulationSpec, scenario s: Int) -> Double {
    let sc = spec.scenarios[s]
    var perDataset = Double(sc.n.reduce(0, +)) / 1000 + 1
    for m in spec.methods(for: s) {
      let method = spec.methods[m]
      switch method.kind {
      case .proportionInterval: perDataset += 1
      case .twoProportionTest:
        perDataset += method.test == .fisherExact ? Double(sc.n.min() ?? 0) + 1 : 1
      case .bootstrapInterval, .twoSampleBootstrapInterval:
        perDataset += Double(method.replicates ?? 999) * Double(sc.n.reduce(0, +))
      case .tInterval: perDataset += Double(sc.n[0])
      case .surveyComparison, .surveyDifferenceInterval:
        perDataset += 50 * Double(sc.n.reduce(0, +))
      case .twoSampleTest, .kSampleTest:
        let total = Double(sc.n.reduce(0, +))
        switch method.test {
        case .permutation?, .anovaPermutation?:
          perDataset += Double(method.replicates ?? 999) * total
        case .mannWhitney?:
          let (a, b) = (Double(sc.n[0]), Double(sc.n[1]))
          perDataset += a * b <= 2500 ? total * min(a, b) * min(a, b) + total : total * 20
        default: perDataset += total * 20
        }
      }
    }
    return perDataset
  }

  /// Runs the whole study.
  public static func run(_ spec: SimulationSpec, threads: Int) throws -> SimulationResult {
    try summarize(spec, tallies: run(spec, blocks: Array(0..<totalBlocks(spec)), threads: threads))
  }
}

/// A study's results.
public struct SimulationResult: Sendable, Equatable {
  public struct MethodResult: Sendable, Equatable {
    public var method: SimulationMethod
    public var tally: MethodTally
    public var measures: PerformanceMeasures
  }
  public struct Scenario: Sendable, Equatable {
    public var scenario: SimulationScenario
    public var methods: [MethodResult]
  }
  public var spec: SimulationSpec
  public var scenarios: [Scenario]
}

// SimulationRunner.swift: runs a study in blocks of data sets — data set d of scenario s from
// its own random stream — on all cores, for any shard, and combines blocks in a fixed order.
import Contingency
import Proportions
import RandomStreams
import ResampleCore
import Resampling
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

  /// The global blocks of shard `index` of `count` (every `count`-th block from `index`).
  public static func blocks(shard index: Int, of count: Int, _ spec: SimulationSpec) -> [Int] {
    Array(stride(from: index, to: totalBlocks(spec), by: count))
  }

  /// Runs global blocks `blocks` on up to `threads` workers.
  ///
  /// - Complexity: O(data sets × methods), each method's own cost per data set.
  public static func run(
    _ spec: SimulationSpec, blocks: [Int], threads: Int
  ) -> [BlockTally] {
    let perScenario = blockCount(spec)
    let applicable = spec.scenarios.indices.map { spec.methods(for: $0) }
    let capacity =
      spec.scenarios.filter { $0.data == .twoBinomial }.map { $0.n.reduce(0, +) }
      .max() ?? 0
    let fisher = FisherExact2x2Kernel(capacity: capacity)
    var out = [BlockTally?](repeating: nil, count: blocks.count)
    out.withUnsafeMutableBufferPointer { buffer in
      let shared = UnsafeShared(buffer)
      ParallelFor.run(count: blocks.count, chunkSize: 1, threads: threads) { chunks in
        for chunk in chunks {
          for i in chunk.range {
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
    // Samplers cannot fail: the spec was validated (n ≤ 10⁶, p in [0, 1]).
    let samplers = zip(sc.n, sc.p).compactMap { try? BinomialSampler(trials: $0, probability: $1) }
    for d in first..<last {
      let stream = UInt64(s) << 40 | UInt64(d)
      var g = Philox4x32(seed: spec.seed, stream: stream)
      let x = samplers.map { $0.sample(using: &g) }
      let values = continuousSample(sc, using: &g)
      // One bootstrap per (B, level) gives every requested interval method of this data set;
      // its seed is derived from the study's seed and the data set's stream.
      var boots: [BootstrapKey: BootstrapResult] = [:]
      for (j, m) in methods.enumerated() {
        let method = spec.methods[m]
        switch method.kind {
        case .bootstrapInterval:
          guard let kind = method.bootstrap else { continue }
          let key = BootstrapKey(replicates: method.replicates ?? 999, level: method.level ?? 0.95)
          if boots[key] == nil {
            let wanted = methods.compactMap { i -> IntervalMethod? in
              let o = spec.methods[i]
              guard o.kind == .bootstrapInterval,
                BootstrapKey(replicates: o.replicates ?? 999, level: o.level ?? 0.95) == key
              else { return nil }
              return o.bootstrap
            }
            boots[key] = try? Bootstrap(samples: [values], statistic: .sample(.mean)).run(
              replicates: key.replicates, seed: SplitMix64.mix(spec.seed ^ SplitMix64.mix(stream)),
              methods: Array(Set(wanted)).sorted { $0.rawValue < $1.rawValue },
              level: key.level)
          }
          guard let r = boots[key], let ci = r.interval(kind) else { continue }
          tallies[j].add(
            hit: ci.lower <= sc.truth && sc.truth <= ci.upper, width: ci.upper - ci.lower,
            error: r.estimate - sc.truth)
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
          let p: Double
          switch method.test ?? .fisherExact {
          case .fisherExact:
            p = fisher.twoSidedP(x1: x[0], n1: n1, x2: x[1], n2: n2)
          case .z:
            p =
              (try? twoProportions(x1: x[0], n1: n1, x2: x[1], n2: n2, scoreIntervals: false))?
              .pValue ?? .nan
          case .propTest:
            p =
              (try? twoProportions(x1: x[0], n1: n1, x2: x[1], n2: n2, scoreIntervals: false))?
              .propTest.pValue ?? .nan
          }
          // An undefined test (all successes or none in both samples) does not reject.
          tallies[j].add(hit: p <= (method.alpha ?? 0.05), width: nil, error: estimate - sc.truth)
        }
      }
    }
    return BlockTally(scenario: s, block: b, methods: tallies)
  }

  /// The continuous sample of a normal or lognormal scenario (empty for binomial data).
  static func continuousSample(_ sc: SimulationScenario, using g: inout Philox4x32) -> [Double] {
    switch sc.data {
    case .binomial, .twoBinomial: return []
    case .normal:
      let (m, sd) = (sc.mean ?? 0, sc.sd ?? 1)
      return (0..<sc.n[0]).map { _ in m + sd * g.nextNormal() }
    case .lognormal:
      let (m, sd) = (sc.meanlog ?? 0, sc.sdlog ?? 1)
      return (0..<sc.n[0]).map { _ in exp(m + sd * g.nextNormal()) }
    }
  }

  struct BootstrapKey: Hashable {
    var replicates: Int
    var level: Double
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
      let sc = spec.scenarios[s]
      var perDataset = Double(sc.n.reduce(0, +)) / 1000 + 1
      for m in spec.methods(for: s) {
        let method = spec.methods[m]
        switch method.kind {
        case .proportionInterval: perDataset += 1
        case .twoProportionTest:
          perDataset += method.test == .fisherExact ? Double(sc.n.min() ?? 0) + 1 : 1
        case .bootstrapInterval: perDataset += Double(method.replicates ?? 999) * Double(sc.n[0])
        }
      }
      total += perDataset * Double(spec.datasets)
    }
    return total
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

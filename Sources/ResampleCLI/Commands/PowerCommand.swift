// PowerCommand.swift: `resample power` — power of a two-proportion comparison and the size needed.
import ArgumentParser
import Foundation
import Resample

struct PowerCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "power",
    abstract: "Power to detect p1 vs p2 at each segment size, and the size needed for a target.",
    discussion: """
      For each n (per segment): analytic power (normal approximation), exact power by \
      enumerating every outcome, and simulated power (seeded; study s uses stream s). The \
      required n is the smallest with exact power ≥ --target. --n takes 82, 20..200 (ten \
      steps) or 20..200:20.
      """)

  @Option(help: "Proportion in segment 1.") var p1: Double
  @Option(help: "Proportion in segment 2.") var p2: Double
  @Option(help: "Size per segment: N, LO..HI or LO..HI:STEP.") var n: String = "20..200:20"
  @Option(help: "Size of segment 2 relative to segment 1.") var ratio: Double = 1
  @Option(help: "Target power for the required size.") var target: Double = 0.8
  @Option(help: "Significance level (two-sided).") var alpha: Double = 0.05
  @Option(help: "The test.") var test: PowerTest = .pooledZ
  @Option(help: "Design effect.") var deff: Double = 1
  @Option(help: "Simulated studies per n (0: none).") var simulations: Int = 10_000
  @OptionGroup var random: RandomOptions
  @OptionGroup var sharding: ShardOptions
  @OptionGroup var output: OutputOptions<TextJSONCSV>

  /// The analytic size rounded up, or nil when it is infinite or above 10⁹ per segment (a
  /// difference near 0 or a huge design effect): never an unchecked conversion to Int.
  static func roundedSize(_ n: Double) -> Int? {
    n.isFinite && n <= 1e9 ? Int(n.rounded(.up)) : nil
  }

  static func parseSizes(_ s: String) throws -> [Int] {
    let bad = InputError.invalidParameter(
      name: "--n", value: s, expected: "N, LO..HI or LO..HI:STEP with 1 ≤ LO ≤ HI ≤ 100000")
    let parts = s.split(separator: ":", omittingEmptySubsequences: false)
    guard parts.count <= 2 else { throw bad }
    let range = String(parts[0])
    let lo: Int
    let hi: Int
    if let r = range.range(of: "..") {
      guard let a = Int(range[..<r.lowerBound]), let b = Int(range[r.upperBound...]) else {
        throw bad
      }
      lo = a
      hi = b
    } else {
      guard let a = Int(range), parts.count == 1 else { throw bad }
      lo = a
      hi = a
    }
    guard lo >= 1, hi >= lo, hi <= 100_000 else { throw bad }
    var step = max(1, (hi - lo) / 9)
    if parts.count == 2 {
      guard let st = Int(parts[1]), st >= 1 else { throw bad }
      step = st
    }
    guard (hi - lo) / step < 10_000 else {
      throw InputError.tooLarge(what: "the list of sizes", limit: "10000 sizes")
    }
    return Array(stride(from: lo, through: hi, by: step))
  }

  func run() throws {
    let powerTest = test
    let threads = random.threadCount
    guard simulations >= 0 else {
      throw InputError.invalidParameter(
        name: "--simulations", value: "\(simulations)", expected: "an integer ≥ 0")
    }
    guard ratio.isFinite, ratio > 0, ratio <= 1000 else {
      throw InputError.invalidParameter(
        name: "--ratio", value: "\(ratio)", expected: "a size ratio in (0, 1000]")
    }
    let sizes = try Self.parseSizes(n)
    let d = try DesignEffect(deff)
    let seed = random.resolvedSeed()
    struct Row {
      var n1: Int
      var n2: Int
      var analytic: Double
      var exact: Double
      var sim: SimulatedPower?
    }
    var rows: [Row] = []
    for n1 in sizes {
      let n2 = max(1, Int((Double(n1) * ratio).rounded(.up)))
      let a = try TwoProportionPower.analyticPower(
        p1: p1, p2: p2, n1: Double(n1), n2: Double(n2), alpha: alpha, designEffect: d)
      let e = try TwoProportionPower.exactPower(
        p1: p1, p2: p2, n1: n1, n2: n2, alpha: alpha, test: powerTest, designEffect: d)
      rows.append(Row(n1: n1, n2: n2, analytic: a, exact: e, sim: nil))
    }
    if simulations > 0 {
      // Study s of every size draws from stream s: a shard simulates its range of studies for
      // each size, and the rejection counts add up.
      let tally = try ShardSession.tally(
        sharding, command: "power", seed: random.seed, replicates: simulations
      ) { range in
        ReplicateTally(
          counts: try rows.map { r in
            try TwoProportionPower.simulatedRejections(
              p1: p1, p2: p2, n1: r.n1, n2: r.n2, alpha: alpha, test: powerTest,
              designEffect: d, studies: simulations, range: range, seed: seed, threads: threads)
          })
      }
      guard let counts = tally?.counts else { return }
      guard counts.count == rows.count else {
        throw InputError.invalidData(source: "parts", reason: "not the tallies of these sizes")
      }
      for i in rows.indices {
        rows[i].sim = SimulatedPower(rejections: counts[i], studies: simulations, seed: seed)
      }
    } else if sharding.shard != nil {
      throw ValidationError("--shard splits the --simulations studies: give a number above 0")
    }
    var reqA: Double?
    var reqE: Int?
    if p1 != p2 {
      reqA = try TwoProportionPower.analyticSize(
        p1: p1, p2: p2, alpha: alpha, power: target, ratio: ratio, designEffect: d)
      reqE = try TwoProportionPower.exactSize(
        p1: p1, p2: p2, alpha: alpha, target: target, ratio: ratio, test: powerTest,
        designEffect: d)
    } else {
      try InputError.requireProbability(target, "target")
    }
    switch output.chosen {
    case .json:
      let json = JSON.object([
        Provenance.tool, ("seed", .seed(seed)), Provenance.rng,
        ("p1", .num(p1)), ("p2", .num(p2)), ("alpha", .num(alpha)),
        ("test", .string(test.rawValue)),
        ("deff", .num(deff)), ("ratio", .num(ratio)), ("simulations", .integer(simulations)),
        (
          "rows",
          .array(
            rows.map { r in
              .object([
                ("n", .array([.integer(r.n1), .integer(r.n2)])), ("analytic", .num(r.analytic)),
                ("exact", .num(r.exact)),
                ("simulated", r.sim.map { .num($0.power) } ?? .null),
                ("simulated_standard_error", r.sim.map { .num($0.standardError) } ?? .null),
              ])
            })
        ),
        ("target", .num(target)),
        ("n_required_analytic", reqA.flatMap(Self.roundedSize).map(JSON.integer) ?? .null),
        ("n_required_analytic_unrounded", reqA.map(JSON.num) ?? .null),
        ("n_required_exact", reqE.map(JSON.integer) ?? .null),
        (
          "methods",
          .object([
            ("analytic", .string("normal approximation, pooled variance under H0 (Fleiss)")),
            ("exact", .string("enumeration of both binomial outcomes")),
            ("simulated", .string("study s draws both binomials from stream s")),
          ])
        ),
      ])
      emit(json.rendered())
    case .csv:
      var lines = [csvLine(["n1", "n2", "analytic", "exact", "simulated", "simulated_se"])]
      for r in rows {
        lines.append(
          csvLine([
            String(r.n1), String(r.n2), csvNumber(r.analytic), csvNumber(r.exact),
            csvNumber(r.sim?.power ?? .nan), csvNumber(r.sim?.standardError ?? .nan),
          ]))
      }
      emit(lines.joined(separator: "\n"))
    default:
      var t = TextTable(["n per segment", "analytic", "exact", "simulated ± se"])
      for r in rows {
        t.add([
          r.n1 == r.n2 ? "\(r.n1)" : "\(r.n1), \(r.n2)", String(format: "%.4f", r.analytic),
          String(format: "%.4f", r.exact),
          r.sim.map { String(format: "%.4f ± %.4f", $0.power, $0.standardError) } ?? "—",
        ])
      }
      var out = [
        "Power to detect \(fmt(p1, digits: 4)) vs \(fmt(p2, digits: 4)) (\(test.rawValue), two-sided α = "
          + "\(fmt(alpha, digits: 4))"
          + "\(deff == 1 ? "" : ", design effect \(fmt(deff, digits: 4))"))",
        "", t.rendered(), "",
      ]
      if let reqA {
        out.append(
          "n per segment for \(String(format: "%.0f", 100 * target)) % power: analytic "
            + (Self.roundedSize(reqA).map { "\($0) (\(fmt(reqA, digits: 6)) before rounding)" }
              ?? "more than 10^9") + ", exact "
            + "\(reqE.map(String.init) ?? "more than 3000") (\(test.rawValue))")
      } else {
        out.append("p1 = p2: there is no difference to detect.")
      }
      out.append(
        "seed \(seed) · \(Provenance.rngIdentifier) · \(simulations) simulated studies per n")
      emit(out.joined(separator: "\n"))
    }
  }
}

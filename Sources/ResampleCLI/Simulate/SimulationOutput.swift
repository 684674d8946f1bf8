// SimulationOutput.swift: text and JSON renderings of a simulation study's results.
import Foundation
import Resample

enum SimulationOutput {
  static func json(_ r: SimulationResult, specHash: String) -> JSON {
    func measure(_ m: Measure) -> JSON {
      .object([("estimate", .num(m.estimate)), ("mcse", .num(m.mcse))])
    }
    let scenarios = r.scenarios.map { s in
      JSON.object([
        ("name", .string(s.scenario.name)),
        ("data", .string(s.scenario.data.rawValue)),
        (
          "parameters",
          .object(
            [
              ("n", .array(s.scenario.n.map(JSON.integer))), ("p", .numbers(s.scenario.p)),
              ("mean", s.scenario.mean.map(JSON.num) ?? .null),
              ("sd", s.scenario.sd.map(JSON.num) ?? .null),
              ("meanlog", s.scenario.meanlog.map(JSON.num) ?? .null),
              ("sdlog", s.scenario.sdlog.map(JSON.num) ?? .null),
            ] + extraParameters(s.scenario) + [("truth", .num(s.scenario.truth))])
        ),
        (
          "methods",
          .array(
            s.methods.map { m in
              var measures: [(String, JSON)] = []
              if m.method.kind.isInterval {
                measures.append(("coverage", measure(m.measures.hitRate)))
                if let w = m.measures.width { measures.append(("width", measure(w))) }
              } else {
                measures.append(("rejection_rate", measure(m.measures.hitRate)))
              }
              measures += [
                ("bias", measure(m.measures.bias)),
                ("empirical_se", measure(m.measures.empiricalSE)),
                ("rmse", measure(m.measures.rmse)),
              ]
              return JSON.object([
                ("name", .string(m.method.name)), ("kind", .string(m.method.kind.rawValue)),
                ("datasets", .integer(m.tally.count)), ("measures", .object(measures)),
              ])
            })
        ),
      ])
    }
    return .object([
      ("seed", .seed(r.spec.seed)), Provenance.rng, Provenance.tool,
      ("datasets", .integer(r.spec.datasets)),
      ("block_size", .integer(SimulationRunner.blockSize)),
      ("spec_hash", .string(specHash)),
      ("scenarios", .array(scenarios)),
    ])
  }

  /// The parameters of the generators added after the first four (t, gamma, beta, Poisson,
  /// mixtures, two and k normal groups): only those the scenario sets, so the output of the
  /// first generators is unchanged.
  static func extraParameters(_ s: SimulationScenario) -> [(String, JSON)] {
    let scalars: [(String, Double?)] = [
      ("df", s.df), ("location", s.location), ("scale", s.scale), ("shape", s.shape),
      ("a", s.a), ("b", s.b), ("lambda", s.lambda),
    ]
    let lists: [(String, [Double]?)] = [
      ("weights", s.weights), ("means", s.means), ("sds", s.sds),
    ]
    return scalars.compactMap { k, v in v.map { (k, JSON.num($0)) } }
      + lists.compactMap { k, v in v.map { (k, JSON.numbers($0)) } }
      + [
        ("cluster_size", s.clusterSize.map(JSON.integer)), ("icc", s.icc.map(JSON.num)),
        ("groups", s.groups.map { .array($0.map(group)) }),
      ]
      .compactMap { k, v in v.map { (k, $0) } }
  }

  /// One group of a `groups` scenario: its generator, n, the keys it sets and its truth.
  static func group(_ g: SimulationScenario) -> JSON {
    let first: [(String, Double?)] = [
      ("mean", g.mean), ("sd", g.sd), ("meanlog", g.meanlog), ("sdlog", g.sdlog),
    ]
    return .object(
      [("name", .string(g.name)), ("data", .string(g.data.rawValue)), ("n", .integer(g.n[0]))]
        + first.compactMap { k, v in v.map { (k, JSON.num($0)) } } + extraParameters(g)
        + [("truth", .num(g.truth))])
  }

  /// The scenario's parameters for the text output's heading.
  static func describe(_ s: SimulationScenario) -> String {
    if !s.p.isEmpty {
      let groups = zip(s.n, s.p).map { "n = \($0), p = \(fmt($1))" }.joined(separator: "; ")
      guard let m = s.clusterSize, let icc = s.icc else { return groups }
      return groups + "; clusters of \(m), ICC \(fmt(icc))"
    }
    if s.n.count == 1 { return "n = \(s.n[0]), truth \(fmt(s.truth))" }
    let what = s.n.count > 2 ? "range of means" : "difference of means"
    return "n = " + s.n.map(String.init).joined(separator: ", ") + ", \(what) \(fmt(s.truth))"
  }

  static func text(_ r: SimulationResult) -> String {
    var out = [
      "resample simulate: \(r.spec.datasets) data sets per scenario, seed \(r.spec.seed) "
        + "(\(Provenance.rngIdentifier))", "",
    ]
    for s in r.scenarios {
      let params = describe(s.scenario)
      out.append("Scenario \(s.scenario.name) (\(s.scenario.data.rawValue): \(params))")
      var t = TextTable(["method", "measure", "estimate", "MCSE"])
      for m in s.methods {
        var rows: [(String, Measure)] = [
          (m.method.kind.isInterval ? "coverage" : "rejection rate", m.measures.hitRate)
        ]
        if let w = m.measures.width { rows.append(("width", w)) }
        rows += [
          ("bias", m.measures.bias), ("empirical SE", m.measures.empiricalSE),
          ("RMSE", m.measures.rmse),
        ]
        for (i, (name, value)) in rows.enumerated() {
          t.add([
            i == 0 ? m.method.name : "", name, fmt(value.estimate, digits: 5),
            fmt(value.mcse, digits: 2),
          ])
        }
      }
      out.append(t.rendered())
      out.append("")
    }
    out.append("MCSE: Monte Carlo standard error (Morris, White & Crowther 2019).")
    return out.joined(separator: "\n")
  }
}

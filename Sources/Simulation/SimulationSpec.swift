// SimulationSpec.swift: a simulation study — scenarios (how data are generated) × methods
// (which interval or test is evaluated) × data sets — and its checks.
import Proportions
import ResampleCore
import Resampling
import _Platform

/// A simulation study: every method runs on every data set of every scenario whose data it
/// accepts (or of the scenarios it lists).
///
/// The TOML (or JSON) form, as `resample simulate` reads it:
/// ```toml
/// seed = 2026
/// datasets = 20000
/// [[scenario]]
/// name = "one-sample-n20-p0.1"
/// data = "binomial"
/// n = 20
/// p = 0.1
/// [[method]]
/// name = "wilson"
/// kind = "proportion-interval"
/// interval = "wilson"
/// level = 0.95
/// ```
public struct SimulationSpec: Sendable, Equatable, Codable {
  /// The seed; data set d of scenario s draws from its own stream (see ``SimulationRunner``).
  public var seed: UInt64
  /// Simulated data sets per scenario.
  public var datasets: Int
  /// The scenarios, in order.
  public var scenarios: [SimulationScenario]
  /// The methods, in order.
  public var methods: [SimulationMethod]

  enum CodingKeys: String, CodingKey {
    case seed, datasets
    case scenarios = "scenario"
    case methods = "method"
  }

  /// The largest number of data sets per scenario (streams are numbered below 2⁴⁰).
  public static let maximumDatasets = 1 << 40

  public init(
    seed: UInt64, datasets: Int, scenarios: [SimulationScenario], methods: [SimulationMethod]
  ) throws {
    self.seed = seed
    self.datasets = datasets
    self.scenarios = scenarios
    self.methods = methods
    try validate()
  }

  public init(from decoder: Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    seed = try c.decode(UInt64.self, forKey: .seed)
    datasets = try c.decode(Int.self, forKey: .datasets)
    scenarios = try c.decode([SimulationScenario].self, forKey: .scenarios)
    methods = try c.decode([SimulationMethod].self, forKey: .methods)
    try validate()
  }

  /// The methods that run on scenario `s`, in method order.
  public func methods(for s: Int) -> [Int] {
    methods.indices.filter { m in
      let method = methods[m]
      if let listed = method.scenarios { return listed.contains(scenarios[s].name) }
      return method.kind.accepts(scenarios[s])
    }
  }

  /// Checks the study: sizes and probabilities in range, unique names, every method applies
  /// to at least one scenario, and every listed scenario exists and has data the method takes.
  ///
  /// - Throws: `InputError.invalidParameter` naming the scenario or method.
  public func validate() throws {
    guard datasets >= 1, datasets <= Self.maximumDatasets else {
      throw InputError.invalidParameter(
        name: "datasets", value: "\(datasets)", expected: "an integer from 1 to 2^40")
    }
    guard !scenarios.isEmpty, scenarios.count < 1 << 20 else {
      throw InputError.invalidParameter(
        name: "scenario", value: "\(scenarios.count)", expected: "1 to 2^20 scenarios")
    }
    guard !methods.isEmpty else {
      throw InputError.invalidParameter(name: "method", value: "none", expected: "at least one")
    }
    for (what, names) in [("scenario", scenarios.map(\.name)), ("method", methods.map(\.name))] {
      var seen = Set<String>()
      for n in names where !seen.insert(n).inserted {
        throw InputError.invalidParameter(
          name: what, value: n, expected: "unique \(what) names")
      }
    }
    for s in scenarios {
      try s.validate()
      try s.validateMagnitude()
    }
    // An interval of the mean on data without a mean (t with df ≤ 1) would report coverage of
    // nothing.
    for (k, sc) in scenarios.enumerated() where !sc.meanExists {
      if let m = methods(for: k).first(where: { methods[$0].kind.isInterval }) {
        throw InputError.invalidParameter(
          name: "method '\(methods[m].name)' on scenario '\(sc.name)'", value: "t data with df ≤ 1",
          expected: "data with a mean (t with df > 1) for an interval of the mean; tests (e.g. "
            + "mann-whitney) take any df")
      }
    }
    for m in methods {
      try m.validate()
      if let listed = m.scenarios {
        for name in listed {
          guard let s = scenarios.first(where: { $0.name == name }) else {
            throw InputError.invalidParameter(
              name: "method '\(m.name)' scenarios", value: name, expected: "a scenario of the spec")
          }
          guard m.kind.accepts(s) else {
            throw InputError.invalidParameter(
              name: "method '\(m.name)' scenarios", value: name,
              expected: "a scenario with \(m.kind.dataDescription) data, not \(s.data.rawValue)")
          }
        }
      } else if !scenarios.contains(where: { m.kind.accepts($0) }) {
        throw InputError.invalidParameter(
          name: "method '\(m.name)'", value: m.kind.rawValue,
          expected: "a scenario with \(m.kind.dataDescription) data (none of "
            + scenarios.map { "'\($0.name)' (\($0.data.rawValue))" }.joined(separator: ", ") + ")")
      }
    }
  }
}

/// How a scenario's data are generated.
public enum SimulationData: String, Sendable, Codable, CaseIterable {
  /// One 0/1 sample: x ~ Binomial(n, p).
  case binomial
  /// Two independent 0/1 samples: x₁ ~ Binomial(n₁, p₁), x₂ ~ Binomial(n₂, p₂).
  case twoBinomial = "two-binomial"
  /// n values from Normal(mean, sd²); the truth is the mean.
  case normal
  /// n values exp(Normal(meanlog, sdlog²)); the truth is the mean exp(meanlog + sdlog²/2).
  case lognormal
  /// n values location + scale · T with T ~ Student t(df); the truth is the location (the
  /// median, and the mean when df > 1).
  case t
  /// n values from Gamma(shape, scale); the truth is the mean shape · scale.
  case gamma
  /// n values from Beta(a, b); the truth is the mean a/(a + b).
  case beta
  /// n counts from Poisson(lambda); the truth is the mean lambda.
  case poisson
  /// n values from the normal mixture Σ wᵢ Normal(meansᵢ, sdsᵢ²); the truth is Σ wᵢ meansᵢ.
  case normalMixture = "normal-mixture"
  /// Two independent normal samples: n = [n₁, n₂], mean = [μ₁, μ₂], sd = [σ₁, σ₂]; the truth
  /// is μ₁ − μ₂.
  case twoNormal = "two-normal"
  /// k ≥ 2 independent normal samples: n, mean and sd with k values each; the truth is the
  /// range max μ − min μ of the group means (0: all equal).
  case kNormal = "k-normal"
  /// Two groups of respondents sampled in clusters of `cluster_size`: n = [n₁, n₂] respondents
  /// (multiples of the cluster size), p = [p₁, p₂], and the intraclass correlation `icc` ρ. Each
  /// cluster's probability is Beta(p(1 − ρ)/ρ, (1 − p)(1 − ρ)/ρ) (p itself when ρ = 0), and its
  /// respondents answer yes independently with it; the truth is p₁ − p₂.
  case clusteredBinomial = "clustered-binomial"
  /// k ≥ 2 independent samples, each from its own one-sample continuous generator (TOML
  /// `[[scenario.group]]` tables with `data`, `n` and that generator's keys); the truth is
  /// mean₁ − mean₂ for two groups, the range of the group means for more.
  case groups

  /// Whether the data are one continuous sample (normal, lognormal, t, gamma, beta, Poisson or
  /// a normal mixture).
  public var isOneSampleContinuous: Bool {
    switch self {
    case .normal, .lognormal, .t, .gamma, .beta, .poisson, .normalMixture: return true
    case .binomial, .twoBinomial, .twoNormal, .kNormal, .clusteredBinomial, .groups:
      return false
    }
  }
}

/// One scenario: a data generator and its parameters.
public struct SimulationScenario: Sendable, Equatable, Codable {
  public var name: String
  public var data: SimulationData
  /// Sample sizes (one per sample).
  public var n: [Int]
  /// Success probabilities (one per sample; binomial data).
  public var p: [Double]
  /// Normal: mean and sd; lognormal: meanlog and sdlog (of the logarithm).
  public var mean: Double?
  public var sd: Double?
  public var meanlog: Double?
  public var sdlog: Double?
  /// Student t: degrees of freedom, location and scale (defaults 0 and 1).
  public var df: Double?
  public var location: Double?
  public var scale: Double?
  /// Gamma: shape (and `scale`).
  public var shape: Double?
  /// Beta: the shapes a and b.
  public var a: Double?
  public var b: Double?
  /// Poisson: the rate λ (TOML key `lambda`).
  public var lambda: Double?
  /// Normal mixture: the component weights, means and sds; two-normal and k-normal: the group
  /// means and sds (TOML `mean = [...]`, `sd = [...]`, or `means`, `sds`).
  public var weights: [Double]?
  public var means: [Double]?
  public var sds: [Double]?
  /// Clustered binomial data: respondents per cluster and the intraclass correlation.
  public var clusterSize: Int?
  public var icc: Double?
  /// `groups` data: one one-sample continuous scenario per group (named "NAME group i" unless
  /// named).
  public var groups: [SimulationScenario]?

  enum CodingKeys: String, CodingKey {
    case name, data, n, p, mean, sd, meanlog, sdlog, df, location, scale, shape, a, b, lambda
    case weights, means, sds
    case clusterSize = "cluster_size"
    case icc
    case groups = "group"
  }

  /// `cluster_size` after a decoder's snake_case conversion.
  private enum ConvertedKeys: String, CodingKey { case clusterSize }

  /// A scenario; give the parameters of `data` only (``SimulationSpec`` checks them).
  public init(
    name: String, data: SimulationData, n: [Int], p: [Double] = [], mean: Double? = nil,
    sd: Double? = nil, meanlog: Double? = nil, sdlog: Double? = nil, df: Double? = nil,
    location: Double? = nil, scale: Double? = nil, shape: Double? = nil, a: Double? = nil,
    b: Double? = nil, lambda: Double? = nil, weights: [Double]? = nil, means: [Double]? = nil,
    sds: [Double]? = nil, clusterSize: Int? = nil, icc: Double? = nil,
    groups: [SimulationScenario]? = nil
  ) {
    self.name = name
    self.data = data
    self.n = n
    self.p = p
    self.mean = mean
    self.sd = sd
    self.meanlog = meanlog
    self.sdlog = sdlog
    self.df = df
    self.location = location
    self.scale = scale
    self.shape = shape
    self.a = a
    self.b = b
    self.lambda = lambda
    self.weights = weights
    self.means = means
    self.sds = sds
    self.clusterSize = clusterSize
    self.icc = icc
    self.groups = groups
  }

  public init(from decoder: Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    // A group of a `groups` scenario may go unnamed; its sizes give the scenario's n.
    let isGroup = decoder.codingPath.contains { $0.stringValue == CodingKeys.groups.stringValue }
    name =
      try isGroup
      ? c.decodeIfPresent(String.self, forKey: .name) ?? "" : c.decode(String.self, forKey: .name)
    data = try c.decode(SimulationData.self, forKey: .data)
    let decodedGroups = try c.decodeIfPresent([SimulationScenario].self, forKey: .groups)
    if let decodedGroups, c.contains(.n) == false {
      n = decodedGroups.flatMap(\.n)
    } else {
      n = try (try? c.decode([Int].self, forKey: .n)) ?? [c.decode(Int.self, forKey: .n)]
    }
    let prefix = name
    groups = decodedGroups.map { list in
      list.enumerated().map { i, g in
        var g = g
        if g.name.isEmpty { g.name = "\(prefix) group \(i + 1)" }
        return g
      }
    }
    // Numbers may be written as TOML integers (`df = 5`), one number or a list.
    func number(_ key: CodingKeys) throws -> Double? {
      if let v = try? c.decodeIfPresent(Double.self, forKey: key) { return v }
      return try c.decodeIfPresent(Int.self, forKey: key).map(Double.init)
    }
    func list(_ key: CodingKeys) -> [Double]? {
      guard var items = try? c.nestedUnkeyedContainer(forKey: key) else { return nil }
      var out: [Double] = []
      while !items.isAtEnd {
        if let v = try? items.decode(Double.self) {
          out.append(v)
        } else if let v = try? items.decode(Int.self) {
          out.append(Double(v))
        } else {
          return nil
        }
      }
      return out
    }
    p = try list(.p) ?? number(.p).map { [$0] } ?? []
    // `mean` and `sd` are one number, or one per group (then they are `means` and `sds`).
    func scalarOrList(_ key: CodingKeys, _ plural: CodingKeys) throws -> (Double?, [Double]?) {
      let given = list(plural)
      if let many = list(key) {
        guard given == nil else {
          throw InputError.invalidParameter(
            name: "scenario '\(name)' \(key.stringValue)",
            value: "a list and \(plural.stringValue)",
            expected: "either \(key.stringValue) = [...] or \(plural.stringValue) = [...], not both"
          )
        }
        return (nil, many)
      }
      return (try number(key), given)
    }
    (mean, means) = try scalarOrList(.mean, .means)
    (sd, sds) = try scalarOrList(.sd, .sds)
    meanlog = try number(.meanlog)
    sdlog = try number(.sdlog)
    df = try number(.df)
    location = try number(.location)
    scale = try number(.scale)
    shape = try number(.shape)
    a = try number(.a)
    b = try number(.b)
    lambda = try number(.lambda)
    weights = list(.weights)
    // A decoder that converts snake_case keys (shard parts) sees `cluster_size` as
    // `clusterSize`.
    let converted = try decoder.container(keyedBy: ConvertedKeys.self)
    clusterSize =
      try c.decodeIfPresent(Int.self, forKey: .clusterSize)
      ?? converted.decodeIfPresent(Int.self, forKey: .clusterSize)
    icc = try number(.icc)
  }

  /// The parameters set, by TOML key (to refuse those that do not belong to the data).
  var givenKeys: [String] {
    let scalars: [(String, Double?)] = [
      ("mean", mean), ("sd", sd), ("meanlog", meanlog), ("sdlog", sdlog), ("df", df),
      ("location", location), ("scale", scale), ("shape", shape), ("a", a), ("b", b),
      ("lambda", lambda), ("icc", icc),
    ]
    let lists: [(String, [Double]?)] = [("weights", weights), ("means", means), ("sds", sds)]
    return (p.isEmpty ? [] : ["p"]) + (clusterSize == nil ? [] : ["cluster_size"])
      + scalars.compactMap { $0.1 == nil ? nil : $0.0 }
      + lists.compactMap { $0.1 == nil ? nil : $0.0 }
  }

  func validate() throws {
    switch data {
    case .binomial, .twoBinomial: break
    case .normal, .lognormal:
      let (location, scale) = data == .normal ? ("mean", "sd") : ("meanlog", "sdlog")
      let (l, sc) = data == .normal ? (mean, sd) : (meanlog, sdlog)
      guard n.count == 1, let l, let sc, l.isFinite, sc.isFinite, sc > 0, p.isEmpty else {
        throw InputError.invalidParameter(
          name: "scenario '\(name)'", value: data.rawValue,
          expected: "one n, a finite \(location) and a positive \(scale) (no p)")
      }
      return try requireSampleSizes(minimum: 2)
    case .t, .gamma, .beta, .poisson, .normalMixture, .twoNormal, .kNormal:
      try validateContinuous()
      return
    case .clusteredBinomial:
      try validateClustered()
      return
    case .groups:
      try validateGroups()
      return
    }
    let samples = data == .binomial ? 1 : 2
    guard n.count == samples, p.count == samples else {
      throw InputError.invalidParameter(
        name: "scenario '\(name)' n and p", value: "\(n.count) and \(p.count) values",
        expected: "\(samples) each for \(data.rawValue) data")
    }
    for v in n where !(1...1_000_000).contains(v) {
      throw InputError.invalidParameter(
        name: "scenario '\(name)' n", value: "\(v)", expected: "a sample size from 1 to 1000000")
    }
    for v in p where !(v >= 0 && v <= 1) {
      throw InputError.invalidParameter(
        name: "scenario '\(name)' p", value: "\(v)", expected: "a probability in [0, 1]")
    }
  }

  /// Every n from `minimum` to 10⁶.
  private func requireSampleSizes(minimum: Int) throws {
    for v in n where !(minimum...1_000_000).contains(v) {
      throw InputError.invalidParameter(
        name: "scenario '\(name)' n", value: "\(v)",
        expected: "a sample size from \(minimum) to 1000000")
    }
  }

  /// The checks of `groups` data: 2 to 1000 groups, each a valid one-sample continuous
  /// scenario, and no other keys.
  private func validateGroups() throws {
    guard let groups, (2...1000).contains(groups.count) else {
      throw InputError.invalidParameter(
        name: "scenario '\(name)'", value: "groups with \(groups?.count ?? 0) [[scenario.group]]",
        expected: "2 to 1000 groups")
    }
    guard givenKeys.isEmpty, clusterSize == nil, n == groups.flatMap(\.n) else {
      throw InputError.invalidParameter(
        name: "scenario '\(name)'",
        value: "groups with "
          + (givenKeys + (n == groups.flatMap(\.n) ? [] : ["n"])).joined(separator: ", "),
        expected: "only name, data and [[scenario.group]] tables (each with its own n and keys)")
    }
    for g in groups {
      guard g.data.isOneSampleContinuous else {
        throw InputError.invalidParameter(
          name: "scenario '\(g.name)'", value: g.data.rawValue,
          expected: "a one-sample continuous generator (normal, lognormal, t, gamma, beta, "
            + "poisson, normal-mixture)")
      }
      try g.validate()
    }
  }

  /// The checks of clustered binomial data: two groups of whole clusters, at least two per
  /// group, probabilities in [0, 1], an ICC in [0, 1) for which the beta shapes are at least 0.05.
  private func validateClustered() throws {
    let keys: Set<String> = ["p", "cluster_size", "icc"]
    let given = Set(givenKeys)
    guard n.count == 2, p.count == 2, given == keys, let m = clusterSize, let rho = icc else {
      throw InputError.invalidParameter(
        name: "scenario '\(name)'",
        value: "clustered-binomial with " + given.sorted().joined(separator: ", "),
        expected: "n = [n1, n2], p = [p1, p2], cluster_size and icc, nothing else")
    }
    guard (1...100_000).contains(m) else {
      throw InputError.invalidParameter(
        name: "scenario '\(name)' cluster_size", value: "\(m)", expected: "1 to 100000")
    }
    for v in n where !(2 * m...1_000_000).contains(v) || v % m != 0 {
      throw InputError.invalidParameter(
        name: "scenario '\(name)' n", value: "\(v)",
        expected: "a multiple of cluster_size \(m): at least two clusters, at most 1000000")
    }
    for v in p where !(v >= 0 && v <= 1) {
      throw InputError.invalidParameter(
        name: "scenario '\(name)' p", value: "\(v)", expected: "a probability in [0, 1]")
    }
    guard rho.isFinite, rho >= 0, rho < 1 else {
      throw InputError.invalidParameter(
        name: "scenario '\(name)' icc", value: "\(rho)", expected: "a correlation in [0, 1)")
    }
    for v in p where rho > 0 && v > 0 && v < 1 && min(v, 1 - v) * (1 - rho) / rho < 0.05 {
      throw InputError.invalidParameter(
        name: "scenario '\(name)' icc", value: "\(rho)",
        expected: "beta shapes p(1 − icc)/icc and (1 − p)(1 − icc)/icc of at least 0.05 "
          + "(p = \(v)): a smaller icc")
    }
  }

  /// The checks of the generators added for issue 15: the right number of sample sizes, exactly
  /// the generator's keys, and each parameter in its range.
  private func validateContinuous() throws {
    let required: [String]
    var optional: [String] = []
    let samples: ClosedRange<Int>
    switch data {
    case .t: (required, optional, samples) = (["df"], ["location", "scale"], 1...1)
    case .gamma: (required, samples) = (["shape", "scale"], 1...1)
    case .beta: (required, samples) = (["a", "b"], 1...1)
    case .poisson: (required, samples) = (["lambda"], 1...1)
    case .normalMixture: (required, samples) = (["weights", "means", "sds"], 1...1)
    case .twoNormal: (required, samples) = (["means", "sds"], 2...2)
    case .kNormal: (required, samples) = (["means", "sds"], 2...1000)
    default: return
    }
    let given = givenKeys
    let shown = { (k: String) in
      (data == .twoNormal || data == .kNormal) ? k.dropLast().description : k
    }
    let expected =
      "\(samples == 1...1 ? "one n" : samples == 2...2 ? "n = [n1, n2]" : "n with k ≥ 2 values")"
      + " and " + required.map(shown).joined(separator: ", ")
      + (optional.isEmpty ? "" : " (optional: " + optional.joined(separator: ", ") + ")")
    let missing = required.filter { !given.contains($0) }
    let extra = given.filter { !required.contains($0) && !optional.contains($0) }
    guard samples.contains(n.count), missing.isEmpty, extra.isEmpty else {
      let what =
        !missing.isEmpty
        ? "missing " + missing.map(shown).joined(separator: ", ")
        : !extra.isEmpty
          ? "unexpected " + extra.joined(separator: ", ") : "\(n.count) sample sizes"
      throw InputError.invalidParameter(
        name: "scenario '\(name)'", value: "\(data.rawValue): \(what)", expected: expected)
    }
    try requireSampleSizes(minimum: 2)
    func check(_ key: String, _ v: Double?, _ ok: (Double) -> Bool, _ range: String) throws {
      guard let v else { return }
      guard v.isFinite, ok(v) else {
        throw InputError.invalidParameter(
          name: "scenario '\(name)' \(key)", value: "\(v)", expected: range)
      }
    }
    try check("df", df, { $0 >= 0.1 && $0 <= 1e15 }, "degrees of freedom from 0.1 to 1e15")
    try check("location", location, { _ in true }, "a finite number")
    try check("scale", scale, { $0 > 0 }, "a finite positive number")
    try check("shape", shape, { $0 >= 1e-3 && $0 <= 1e15 }, "a shape from 0.001 to 1e15")
    // Beta shapes from 0.1: smaller ones make X + Y underflow to 0 too often.
    try check("a", a, { $0 >= 0.1 && $0 <= 1e15 }, "a shape from 0.1 to 1e15")
    try check("b", b, { $0 >= 0.1 && $0 <= 1e15 }, "a shape from 0.1 to 1e15")
    try check("lambda", lambda, { $0 >= 0 && $0 <= 1e15 }, "a rate from 0 to 1e15")
    let groups = data == .normalMixture ? (weights?.count ?? 0) : n.count
    let component = data == .normalMixture ? "component" : "group"
    for (key, list) in [("weights", weights), ("means", means), ("sds", sds)] {
      guard let list else { continue }
      let key = shown(key)
      guard list.count == groups, groups >= 1 else {
        throw InputError.invalidParameter(
          name: "scenario '\(name)' \(key)", value: "\(list.count) values",
          expected: "one per \(component) (\(groups))")
      }
      for v in list {
        try check(
          key, v, { key == "means" || key == "mean" || $0 > 0 },
          "finite numbers" + (key.hasPrefix("mean") ? "" : ", positive"))
      }
    }
    if let w = weights, abs(w.reduce(0, +) - 1) > 1e-9 {
      throw InputError.invalidParameter(
        name: "scenario '\(name)' weights", value: "sum \(w.reduce(0, +))",
        expected: "positive weights summing to 1")
    }
  }

  /// Whether the data have a mean (t needs df > 1; groups need every group's).
  var meanExists: Bool {
    switch data {
    case .t: return (df ?? 0) > 1
    case .groups: return (groups ?? []).allSatisfy(\.meanExists)
    default: return true
    }
  }

  /// The largest location or spread of the generated values (0 for 0/1 data).
  var magnitude: Double {
    func spread(_ xs: [Double?]) -> Double { xs.map { abs($0 ?? 0) }.max() ?? 0 }
    switch data {
    case .binomial, .twoBinomial, .clusteredBinomial, .beta: return 1
    case .normal: return spread([mean, sd])
    case .lognormal:
      let s = sdlog ?? 0
      return truth * max(1, (expm1(s * s)).squareRoot())
    case .t:
      return spread([
        location, scale.map { $0 * max(1, ((df ?? 3) / max(0.1, (df ?? 3) - 2)).squareRoot()) },
      ])
    case .gamma:
      return spread([(shape ?? 0) * (scale ?? 0), (shape ?? 0).squareRoot() * (scale ?? 0)])
    case .poisson: return lambda ?? 0
    case .normalMixture, .twoNormal, .kNormal: return spread((means ?? []) + (sds ?? []))
    case .groups: return (groups ?? []).map(\.magnitude).max() ?? 0
    }
  }

  /// Refuses data whose values (or their mean or spread) are beyond 1e150 in magnitude: their
  /// sums of squares overflow, and every measure would be NaN or infinite.
  func validateMagnitude() throws {
    let m = magnitude
    guard m.isFinite, m <= 1e150 else {
      throw InputError.invalidParameter(
        name: "scenario '\(name)'", value: "values of about \(m)",
        expected: "data whose mean and spread are below 1e150 in magnitude (rescale the "
          + "parameters; coverage and power do not change)")
    }
  }

  /// The true value the methods estimate: p, p₁ − p₂, the mean, μ₁ − μ₂, or (k-normal) the
  /// range of the group means.
  public var truth: Double {
    switch data {
    case .binomial: return p[0]
    case .twoBinomial, .clusteredBinomial: return p[0] - p[1]
    case .normal: return mean ?? .nan
    case .lognormal:
      let s = sdlog ?? .nan
      return exp((meanlog ?? .nan) + s * s / 2)
    case .t: return location ?? 0
    case .gamma: return (shape ?? .nan) * (scale ?? .nan)
    case .beta:
      let (a, b) = (a ?? .nan, b ?? .nan)
      return a / (a + b)
    case .poisson: return lambda ?? .nan
    case .normalMixture:
      return zip(weights ?? [], means ?? []).reduce(0) { $0 + $1.0 * $1.1 }
    case .twoNormal:
      guard let m = means, m.count == 2 else { return .nan }
      return m[0] - m[1]
    case .kNormal:
      guard let m = means, let hi = m.max(), let lo = m.min() else { return .nan }
      return hi - lo
    case .groups:
      let m = (groups ?? []).map(\.truth)
      if m.count == 2 { return m[0] - m[1] }
      guard let hi = m.max(), let lo = m.min() else { return .nan }
      return hi - lo
    }
  }
}

/// What a method is.
public enum SimulationMethodKind: String, Sendable, Codable, CaseIterable {
  /// A one-sample interval of `prop` (coverage, width, bias of p̂).
  case proportionInterval = "proportion-interval"
  /// A test of p₁ = p₂ (rejection rate: type I error or power).
  case twoProportionTest = "two-proportion-test"
  /// A bootstrap interval of the mean of one continuous sample (coverage, width, bias).
  case bootstrapInterval = "bootstrap-interval"
  /// Student's t interval of the mean of one continuous sample (R `t.test(x)$conf.int`).
  case tInterval = "t-interval"
  /// A test that two continuous samples come from one distribution (or have equal means).
  case twoSampleTest = "two-sample-test"
  /// A test that k continuous samples come from one distribution.
  case kSampleTest = "k-sample-test"
  /// A bootstrap interval of the difference of means of two continuous samples.
  case twoSampleBootstrapInterval = "two-sample-bootstrap-interval"
  /// The design-based test of p₁ = p₂ for clustered data: clusters as PSUs, Taylor
  /// linearization, t with clusters − 1 degrees of freedom (``DomainProportions``'s pair test).
  case surveyComparison = "survey-comparison"
  /// The design-based interval of p₁ − p₂ for clustered data (as `survey-comparison`).
  case surveyDifferenceInterval = "survey-difference-interval"

  func accepts(_ sc: SimulationScenario) -> Bool {
    let d = sc.data
    let groups = sc.groups?.count ?? 0
    switch self {
    case .proportionInterval: return d == .binomial
    case .twoProportionTest: return d == .twoBinomial || d == .clusteredBinomial
    case .surveyComparison, .surveyDifferenceInterval: return d == .clusteredBinomial
    case .bootstrapInterval, .tInterval: return d.isOneSampleContinuous
    case .twoSampleTest, .twoSampleBootstrapInterval:
      return d == .twoNormal || (d == .groups && groups == 2)
    case .kSampleTest: return d == .twoNormal || d == .kNormal || d == .groups
    }
  }

  var dataDescription: String {
    switch self {
    case .proportionInterval: return "binomial (one-sample)"
    case .twoProportionTest: return "two-binomial or clustered-binomial (two-sample)"
    case .surveyComparison, .surveyDifferenceInterval: return "clustered-binomial"
    case .bootstrapInterval, .tInterval:
      return "one continuous sample (normal or lognormal, t, gamma, beta, poisson, normal-mixture)"
    case .twoSampleTest, .twoSampleBootstrapInterval:
      return "two-normal or two-group `groups` (two-sample)"
    case .kSampleTest: return "two-normal, k-normal or groups (k-sample)"
    }
  }

  /// Whether the method gives an interval (coverage and width) rather than a test.
  public var isInterval: Bool {
    switch self {
    case .proportionInterval, .bootstrapInterval, .tInterval, .twoSampleBootstrapInterval,
      .surveyDifferenceInterval:
      return true
    case .twoProportionTest, .twoSampleTest, .kSampleTest, .surveyComparison: return false
    }
  }

  /// The tests a method of this kind can name (empty for intervals).
  var tests: [SimulationTest] {
    switch self {
    case .twoProportionTest: return [.fisherExact, .z, .propTest, .chiSquare, .chiSquareYates]
    case .twoSampleTest: return [.permutation, .welchT, .mannWhitney]
    case .kSampleTest: return [.kruskalWallis, .anovaPermutation]
    default: return []
    }
  }
}

/// The tests a study can evaluate.
public enum SimulationTest: String, Sendable, Codable, CaseIterable {
  /// Fisher's exact test, two-sided (R `fisher.test`).
  case fisherExact = "fisher-exact"
  /// The pooled two-proportion z test (R `prop.test(correct = FALSE)`).
  case z
  /// R `prop.test` with Yates' continuity correction.
  case propTest = "prop-test"
  /// Pearson's χ² test of the 2×2 table (R `chisq.test(correct = FALSE)`).
  case chiSquare = "chi-square"
  /// Pearson's χ² test with Yates' correction (R `chisq.test`).
  case chiSquareYates = "chi-square-yates"
  /// The permutation test of the difference of means, two-sided, with B random relabellings
  /// (`replicates`, default 999): p = (1 + #{|T*| ≥ |T|})/(B + 1) (exact when C(n, n₁) ≤ B).
  case permutation
  /// Welch's unequal-variance t test (R `t.test(x, y)`).
  case welchT = "welch-t"
  /// The Wilcoxon–Mann–Whitney rank-sum test, two-sided: exact when n₁n₂ ≤ 2500, otherwise
  /// the normal approximation with continuity correction.
  case mannWhitney = "mann-whitney"
  /// The Kruskal–Wallis test, χ²(k − 1) approximation (R `kruskal.test`).
  case kruskalWallis = "kruskal-wallis"
  /// The permutation test of the one-way ANOVA F with B random relabellings (`replicates`,
  /// default 999).
  case anovaPermutation = "anova-permutation"

  /// Whether the test draws B permutations.
  var isPermutation: Bool { self == .permutation || self == .anovaPermutation }
}

/// One method: an interval (with its level) or a test (with its α).
public struct SimulationMethod: Sendable, Equatable, Codable {
  public var name: String
  public var kind: SimulationMethodKind
  /// For proportion intervals.
  public var interval: ProportionIntervalMethod?
  /// For bootstrap intervals: the method (percentile, basic, normal, bca, studentized) and B
  /// (default 999).
  public var bootstrap: IntervalMethod?
  public var replicates: Int?
  /// For tests.
  public var test: SimulationTest?
  /// Confidence level of an interval (default 0.95).
  public var level: Double?
  /// Significance level of a test (default 0.05).
  public var alpha: Double?
  /// The scenarios it runs on (default: every scenario whose data it takes).
  public var scenarios: [String]?

  public init(
    name: String, kind: SimulationMethodKind, interval: ProportionIntervalMethod? = nil,
    bootstrap: IntervalMethod? = nil, replicates: Int? = nil,
    test: SimulationTest? = nil, level: Double? = nil, alpha: Double? = nil,
    scenarios: [String]? = nil
  ) {
    self.name = name
    self.kind = kind
    self.interval = interval
    self.bootstrap = bootstrap
    self.replicates = replicates
    self.test = test
    self.level = level
    self.alpha = alpha
    self.scenarios = scenarios
  }

  func validate() throws {
    // Exactly the key of its kind: interval, bootstrap or test (none for a t interval).
    let keys: [(key: String, value: String?, choices: [String])] = [
      ("interval", interval?.rawValue, ProportionIntervalMethod.allCases.map(\.rawValue)),
      ("bootstrap", bootstrap?.rawValue, bootstrapChoices.map(\.rawValue)),
      ("test", test?.rawValue, kind.tests.map(\.rawValue)),
    ]
    let own: String?
    switch kind {
    case .proportionInterval: own = "interval"
    case .bootstrapInterval, .twoSampleBootstrapInterval: own = "bootstrap"
    case .twoProportionTest, .twoSampleTest, .kSampleTest: own = "test"
    case .tInterval, .surveyComparison, .surveyDifferenceInterval: own = nil
    }
    for k in keys where (k.key == own) != (k.value != nil) {
      throw InputError.invalidParameter(
        name: "method '\(name)'", value: "\(k.key) = \(k.value ?? "missing")",
        expected: k.key == own
          ? "\(k.key) = one of " + k.choices.joined(separator: ", ")
          : "no \(k.key) for kind \(kind.rawValue)")
    }
    if let test, !kind.tests.contains(test) {
      throw InputError.invalidParameter(
        name: "method '\(name)' test", value: test.rawValue,
        expected: "one of " + kind.tests.map(\.rawValue).joined(separator: ", ")
          + " for kind \(kind.rawValue)")
    }
    if let bootstrap, !bootstrapChoices.contains(bootstrap) {
      throw InputError.invalidParameter(
        name: "method '\(name)' bootstrap", value: bootstrap.rawValue,
        expected: "one of " + bootstrapChoices.map(\.rawValue).joined(separator: ", ")
          + " for kind \(kind.rawValue)")
    }
    if kind.isInterval {
      try InputError.requireLevel(level ?? 0.95, "method '\(name)' level")
    } else {
      try InputError.requireSignificanceLevel(alpha ?? 0.05, "method '\(name)' alpha")
    }
    if usesReplicates, !(99...100_000).contains(replicates ?? 999) {
      throw InputError.invalidParameter(
        name: "method '\(name)' replicates", value: "\(replicates ?? 0)",
        expected: "B from 99 to 100000")
    }
  }

  /// The bootstrap interval methods of this kind (two samples: no studentized interval).
  var bootstrapChoices: [IntervalMethod] {
    kind == .twoSampleBootstrapInterval
      ? [.percentile, .basic, .normal, .bca] : IntervalMethod.allCases
  }

  /// Whether the method draws B bootstrap samples or permutations (`replicates`, default 999).
  var usesReplicates: Bool {
    kind == .bootstrapInterval || kind == .twoSampleBootstrapInterval
      || (test?.isPermutation ?? false)
  }
}

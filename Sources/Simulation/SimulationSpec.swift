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
      return method.kind.accepts(scenarios[s].data)
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
    for s in scenarios { try s.validate() }
    for m in methods {
      try m.validate()
      if let listed = m.scenarios {
        for name in listed {
          guard let s = scenarios.first(where: { $0.name == name }) else {
            throw InputError.invalidParameter(
              name: "method '\(m.name)' scenarios", value: name, expected: "a scenario of the spec")
          }
          guard m.kind.accepts(s.data) else {
            throw InputError.invalidParameter(
              name: "method '\(m.name)' scenarios", value: name,
              expected: "a scenario with \(m.kind.dataDescription) data, not \(s.data.rawValue)")
          }
        }
      } else if !scenarios.contains(where: { m.kind.accepts($0.data) }) {
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

  enum CodingKeys: String, CodingKey { case name, data, n, p, mean, sd, meanlog, sdlog }

  public init(
    name: String, data: SimulationData, n: [Int], p: [Double] = [], mean: Double? = nil,
    sd: Double? = nil, meanlog: Double? = nil, sdlog: Double? = nil
  ) {
    self.name = name
    self.data = data
    self.n = n
    self.p = p
    self.mean = mean
    self.sd = sd
    self.meanlog = meanlog
    self.sdlog = sdlog
  }

  public init(from decoder: Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    name = try c.decode(String.self, forKey: .name)
    data = try c.decode(SimulationData.self, forKey: .data)
    n = try (try? c.decode([Int].self, forKey: .n)) ?? [c.decode(Int.self, forKey: .n)]
    if let ps = try? c.decode([Double].self, forKey: .p) {
      p = ps
    } else {
      p = try c.decodeIfPresent(Double.self, forKey: .p).map { [$0] } ?? []
    }
    mean = try c.decodeIfPresent(Double.self, forKey: .mean)
    sd = try c.decodeIfPresent(Double.self, forKey: .sd)
    meanlog = try c.decodeIfPresent(Double.self, forKey: .meanlog)
    sdlog = try c.decodeIfPresent(Double.self, forKey: .sdlog)
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
      guard (2...1_000_000).contains(n[0]) else {
        throw InputError.invalidParameter(
          name: "scenario '\(name)' n", value: "\(n[0])",
          expected: "a sample size from 2 to 1000000")
      }
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

  /// The true value the methods estimate: p, p₁ − p₂, or the mean.
  public var truth: Double {
    switch data {
    case .binomial: return p[0]
    case .twoBinomial: return p[0] - p[1]
    case .normal: return mean ?? .nan
    case .lognormal:
      let s = sdlog ?? .nan
      return exp((meanlog ?? .nan) + s * s / 2)
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

  func accepts(_ d: SimulationData) -> Bool {
    switch self {
    case .proportionInterval: return d == .binomial
    case .twoProportionTest: return d == .twoBinomial
    case .bootstrapInterval: return d == .normal || d == .lognormal
    }
  }

  var dataDescription: String {
    switch self {
    case .proportionInterval: return "binomial (one-sample)"
    case .twoProportionTest: return "two-binomial (two-sample)"
    case .bootstrapInterval: return "normal or lognormal (one continuous sample)"
    }
  }

  /// Whether the method gives an interval (coverage and width) rather than a test.
  public var isInterval: Bool { self != .twoProportionTest }
}

/// The two-proportion tests a study can evaluate.
public enum SimulationTest: String, Sendable, Codable, CaseIterable {
  /// Fisher's exact test, two-sided (R `fisher.test`).
  case fisherExact = "fisher-exact"
  /// The pooled two-proportion z test (R `prop.test(correct = FALSE)`).
  case z
  /// R `prop.test` with Yates' continuity correction.
  case propTest = "prop-test"
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
    // Exactly the key of its kind: interval, bootstrap or test.
    let keys: [(key: String, value: String?, choices: [String])] = [
      ("interval", interval?.rawValue, ProportionIntervalMethod.allCases.map(\.rawValue)),
      ("bootstrap", bootstrap?.rawValue, IntervalMethod.allCases.map(\.rawValue)),
      ("test", test?.rawValue, SimulationTest.allCases.map(\.rawValue)),
    ]
    let own: String
    switch kind {
    case .proportionInterval: own = "interval"
    case .bootstrapInterval: own = "bootstrap"
    case .twoProportionTest: own = "test"
    }
    for k in keys where (k.key == own) != (k.value != nil) {
      throw InputError.invalidParameter(
        name: "method '\(name)'", value: "\(k.key) = \(k.value ?? "missing")",
        expected: k.key == own
          ? "\(k.key) = one of " + k.choices.joined(separator: ", ")
          : "no \(k.key) for kind \(kind.rawValue)")
    }
    if kind == .twoProportionTest {
      try InputError.requireSignificanceLevel(alpha ?? 0.05, "method '\(name)' alpha")
    } else {
      try InputError.requireLevel(level ?? 0.95, "method '\(name)' level")
    }
    if kind == .bootstrapInterval, !(99...100_000).contains(replicates ?? 999) {
      throw InputError.invalidParameter(
        name: "method '\(name)' replicates", value: "\(replicates ?? 0)",
        expected: "B from 99 to 100000")
    }
  }
}

// DistCommand.swift: `resample dist` — densities, distribution functions and quantiles.
import ArgumentParser
import Foundation
import Resample

/// The distributions `resample dist` knows, by their CLI names.
enum DistributionName: String, ExpressibleByArgument, CaseIterable {
  case normal, t, chisq, f, beta, gamma, binomial, poisson, hypergeometric
}

struct DistCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "dist",
    abstract:
      "Evaluate a distribution: pdf/pmf, cdf and survival function at a point, or quantiles.",
    discussion: """
      NAME and parameters: normal [--mean M --sd S] · t --df · chisq --df · f --df1 --df2 · \
      beta --alpha --beta · gamma --shape [--scale] · binomial --trials --prob · poisson --rate · \
      hypergeometric --population --successes --draws.
      The survival function is computed directly in the upper tail. For discrete distributions \
      sf(k) = P(X > k) and quantile(p) is the smallest k with cdf(k) ≥ p.
      """)

  @Argument(
    help: "The distribution: \(DistributionName.allCases.map(\.rawValue).joined(separator: ", ")).")
  var name: DistributionName

  @Option(parsing: .unconditional, help: "Normal mean (default 0).") var mean: Double?
  @Option(help: "Normal standard deviation (default 1).") var sd: Double?
  @Option(help: "Degrees of freedom (t, chisq).") var df: Double?
  @Option(help: "Numerator degrees of freedom (f).") var df1: Double?
  @Option(help: "Denominator degrees of freedom (f).") var df2: Double?
  @Option(help: "First shape parameter (beta).") var alpha: Double?
  @Option(help: "Second shape parameter (beta).") var beta: Double?
  @Option(help: "Shape (gamma).") var shape: Double?
  @Option(help: "Scale (gamma, default 1).") var scale: Double?
  @Option(help: "Number of trials (binomial).") var trials: Int?
  @Option(help: "Success probability (binomial).") var prob: Double?
  @Option(help: "Rate λ (poisson).") var rate: Double?
  @Option(help: "Population size N (hypergeometric).") var population: Int?
  @Option(help: "Successes in the population K (hypergeometric).") var successes: Int?
  @Option(help: "Draws n (hypergeometric).") var draws: Int?

  @Option(
    parsing: .unconditional, help: "Evaluate pdf/pmf, cdf and sf at X (negative values allowed).")
  var at: Double?
  @Option(help: "The quantile for lower-tail probability P.") var quantile: Double?
  @Option(name: .customLong("upper-quantile"), help: "The x with sf(x) = Q.") var upperQuantile:
    Double?

  @OptionGroup var output: OutputOptions<TextJSON>

  /// A distribution chosen on the command line, with its parameters for the report.
  enum Chosen {
    case continuous(any ContinuousDistribution)
    case discrete(any DiscreteDistribution)
  }

  func validate() throws {
    let queries = [at != nil, quantile != nil, upperQuantile != nil].filter { $0 }.count
    guard queries == 1 else {
      throw ValidationError("give exactly one of --at, --quantile, --upper-quantile")
    }
  }

  func run() throws {
    let (dist, parameters): (Chosen, [(String, JSON)])
    do {
      (dist, parameters) = try makeDistribution()
    } catch InputError.invalidParameter(let name, let value, let expected) {
      // Name the flag the user typed, not the library's parameter label.
      throw InputError.invalidParameter(
        name: Self.flagNames[name] ?? name, value: value, expected: expected)
    }
    if case .discrete(let d) = dist, let h = d as? Hypergeometric,
      h.variance.squareRoot() > Hypergeometric.maximumTailStandardDeviation
    {
      throw InputError.invalidParameter(
        name: "--population/--successes/--draws",
        value: "\(h.population)/\(h.successes)/\(h.draws)",
        expected: "a standard deviation ≤ 1e6 (here \(fmt(h.variance.squareRoot(), digits: 3))): "
          + "the exact tail sums grow with it; the normal or binomial approximation suits this size"
      )
    }
    var fields: [(String, JSON)] = [
      ("distribution", .string(name.rawValue)),
      ("parameters", .object(parameters.map { ($0.0, $0.1) })),
    ]
    if let x = at {
      try InputError.requireFinite(x, "--at")
      switch dist {
      case .continuous(let d):
        let (cdf, sf) = (d.cdf(x), d.sf(x))
        guard !cdf.isNaN, !sf.isNaN else {
          throw CLIFailure.usage("cdf/sf at \(x) cannot be computed for these parameters")
        }
        fields += [("x", .num(x)), ("pdf", .num(d.pdf(x))), ("cdf", .num(cdf)), ("sf", .num(sf))]
      case .discrete(let d):
        let k = x.rounded(.down)
        let pmf = (k == x && abs(k) < 9e15) ? d.pmf(Int(k)) : 0
        let ki = k < -9e15 ? Int.min / 2 : (k > 9e15 ? Int.max / 2 : Int(k))
        fields += [
          ("x", .num(x)), ("pmf", .num(pmf)), ("cdf", .num(d.cdf(ki))), ("sf", .num(d.sf(ki))),
        ]
      }
    } else if let p = quantile {
      try InputError.requireProbability(p, "--quantile")
      fields += [("p", .num(p))]
      switch dist {
      case .continuous(let d): fields.append(("quantile", .num(try finite(d.quantile(p), p))))
      case .discrete(let d): fields.append(("quantile", .integer(d.quantile(p))))
      }
    } else if let q = upperQuantile {
      try InputError.requireProbability(q, "--upper-quantile")
      fields += [("q", .num(q))]
      switch dist {
      case .continuous(let d):
        fields.append(("quantile", .num(try finite(d.upperQuantile(q), 1 - q))))
      case .discrete(let d): fields.append(("quantile", .integer(d.upperQuantile(q))))
      }
    }
    switch output.chosen {
    case .json: emit(JSON.object(fields).rendered())
    default:
      var t = TextTable(["", "value"], alignNumbersRight: false)
      let paramText = parameters.map { "\($0.0)=\($0.1.textValue)" }.joined(separator: " ")
      t.add(["distribution", "\(name.rawValue)(\(paramText))"])
      for (k, v) in fields.dropFirst(2) { t.add([k, v.textValue]) }
      emit(t.rendered())
    }
  }

  /// `value` when finite; a quantile strictly inside (0, 1) that overflows or fails is refused
  /// (exit 64) instead of printing `null`.
  func finite(_ value: Double, _ p: Double) throws -> Double {
    if value.isFinite || p == 0 || p == 1 { return value }
    if value.isNaN {
      throw CLIFailure.usage("the quantile cannot be computed for these parameters")
    }
    throw CLIFailure.usage(
      "the quantile is \(value < 0 ? "below −" : "above ")1.8e308, beyond the range of a double")
  }

  /// Library parameter labels and the flags that set them.
  static let flagNames: [String: String] = [
    "mean": "--mean", "standardDeviation": "--sd", "degreesOfFreedom": "--df",
    "numeratorDegreesOfFreedom": "--df1", "denominatorDegreesOfFreedom": "--df2",
    "alpha": "--alpha", "beta": "--beta", "shape": "--shape", "scale": "--scale",
    "trials": "--trials", "probability": "--prob", "rate": "--rate",
    "population": "--population", "successes": "--successes", "draws": "--draws",
  ]

  /// Builds the distribution, rejecting parameters that belong to other distributions.
  func makeDistribution() throws -> (Chosen, [(String, JSON)]) {
    let given: [(String, Bool)] = [
      ("--mean", mean != nil), ("--sd", sd != nil), ("--df", df != nil), ("--df1", df1 != nil),
      ("--df2", df2 != nil), ("--alpha", alpha != nil), ("--beta", beta != nil),
      ("--shape", shape != nil), ("--scale", scale != nil), ("--trials", trials != nil),
      ("--prob", prob != nil), ("--rate", rate != nil), ("--population", population != nil),
      ("--successes", successes != nil), ("--draws", draws != nil),
    ]
    let allowed: Set<String>
    switch name {
    case .normal: allowed = ["--mean", "--sd"]
    case .t, .chisq: allowed = ["--df"]
    case .f: allowed = ["--df1", "--df2"]
    case .beta: allowed = ["--alpha", "--beta"]
    case .gamma: allowed = ["--shape", "--scale"]
    case .binomial: allowed = ["--trials", "--prob"]
    case .poisson: allowed = ["--rate"]
    case .hypergeometric: allowed = ["--population", "--successes", "--draws"]
    }
    if let stray = given.first(where: { $0.1 && !allowed.contains($0.0) }) {
      throw InputError.invalidParameter(
        name: stray.0, value: "given",
        expected:
          "no \(stray.0) for \(name.rawValue) (takes \(allowed.sorted().joined(separator: ", ")))")
    }
    func need<T>(_ v: T?, _ flag: String) throws -> T {
      guard let v else {
        throw InputError.invalidParameter(
          name: flag, value: "missing", expected: "a value (required by \(name.rawValue))")
      }
      return v
    }
    switch name {
    case .normal:
      let m = mean ?? 0
      let s = sd ?? 1
      return (
        .continuous(try Normal(mean: m, standardDeviation: s)),
        [("mean", .num(m)), ("sd", .num(s))]
      )
    case .t:
      let v = try need(df, "--df")
      return (.continuous(try StudentT(degreesOfFreedom: v)), [("df", .num(v))])
    case .chisq:
      let v = try need(df, "--df")
      return (.continuous(try ChiSquared(degreesOfFreedom: v)), [("df", .num(v))])
    case .f:
      let a = try need(df1, "--df1")
      let b = try need(df2, "--df2")
      return (
        .continuous(try FisherF(numeratorDegreesOfFreedom: a, denominatorDegreesOfFreedom: b)),
        [("df1", .num(a)), ("df2", .num(b))]
      )
    case .beta:
      let a = try need(alpha, "--alpha")
      let b = try need(beta, "--beta")
      return (.continuous(try Beta(alpha: a, beta: b)), [("alpha", .num(a)), ("beta", .num(b))])
    case .gamma:
      let k = try need(shape, "--shape")
      let s = scale ?? 1
      return (.continuous(try Gamma(shape: k, scale: s)), [("shape", .num(k)), ("scale", .num(s))])
    case .binomial:
      let n = try need(trials, "--trials")
      let p = try need(prob, "--prob")
      return (
        .discrete(try Binomial(trials: n, probability: p)),
        [("trials", .integer(n)), ("prob", .num(p))]
      )
    case .poisson:
      let r = try need(rate, "--rate")
      return (.discrete(try Poisson(rate: r)), [("rate", .num(r))])
    case .hypergeometric:
      let size = try need(population, "--population")
      let marked = try need(successes, "--successes")
      let n = try need(draws, "--draws")
      return (
        .discrete(try Hypergeometric(population: size, successes: marked, draws: n)),
        [("population", .integer(size)), ("successes", .integer(marked)), ("draws", .integer(n))]
      )
    }
  }
}

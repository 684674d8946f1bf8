// Choices.swift: every closed set of option values, as enums `--help` lists and the parser checks.
import ArgumentParser
import Resample

extension Alternative: ExpressibleByArgument {}
extension ContinuityCorrection: ExpressibleByArgument {}
extension PublisherRounding: ExpressibleByArgument {}
extension PowerTest: ExpressibleByArgument {}

/// R's `p.adjust` names (`holm`, `BH`, …; also `fdr` and lower-case `bh`/`by`).
extension PValueAdjustment: ExpressibleByArgument {
  public init?(argument: String) { self.init(name: argument) }
}

/// `perm --statistic`.
enum PermStatisticChoice: String, ExpressibleByArgument, CaseIterable {
  case mean, median
  case anovaF = "anova-f"
  case kruskal
  case correlation
  case spearman

  /// The two-sample (or paired) statistic, or nil for the k-sample and correlation tests.
  var statistic: PermutationTest.Statistic? {
    switch self {
    case .mean: return .differenceOfMeans
    case .median: return .differenceOfMedians
    default: return nil
    }
  }
}

/// `compare --adjust`: a p.adjust method, or the single-step max-t of the bootstrap contrasts.
enum CompareAdjustChoice: String, AdjustChoice, CaseIterable {
  case holm, hochberg, hommel, bonferroni
  case benjaminiHochberg = "BH"
  case benjaminiYekutieli = "BY"
  case maxT = "max-t"

  static let other = (choice: CompareAdjustChoice.maxT, spellings: ["max-t", "maxt"])
}

/// `bench-diff --adjust`: a p.adjust method or none.
enum BenchAdjustChoice: String, AdjustChoice, CaseIterable {
  case holm, hochberg, hommel, bonferroni
  case benjaminiHochberg = "BH"
  case benjaminiYekutieli = "BY"
  case none

  static let other = (choice: BenchAdjustChoice.none, spellings: ["none"])
}

/// An `--adjust` value: one of R's `p.adjust` methods (its names, as ``PValueAdjustment``
/// parses them) or one other choice, spelled in any case.
protocol AdjustChoice: ExpressibleByArgument, RawRepresentable<String> {
  /// The choice that is not a p.adjust method, and its lower-case spellings.
  static var other: (choice: Self, spellings: [String]) { get }
}

extension AdjustChoice {
  init?(argument: String) {
    if Self.other.spellings.contains(argument.lowercased()) {
      self = Self.other.choice
    } else if let m = PValueAdjustment(name: argument) {
      self.init(rawValue: m.rawValue)
    } else {
      return nil
    }
  }

  /// The p.adjust method, or nil for the other choice.
  var adjustment: PValueAdjustment? { PValueAdjustment(rawValue: rawValue) }
}

/// `boot --method`: one interval method, a comma-separated list, or `all`.
struct BootMethodSelection: ExpressibleByArgument {
  /// The methods, in the order given, without repeats.
  var methods: [IntervalMethod]

  init(_ methods: [IntervalMethod]) { self.methods = methods }

  init?(argument: String) {
    if argument.lowercased() == "all" {
      methods = IntervalMethod.allCases
      return
    }
    var out: [IntervalMethod] = []
    for part in argument.split(separator: ",", omittingEmptySubsequences: false) {
      let name = part.trimmingCharacters(in: .whitespaces).lowercased()
      guard let m = IntervalMethod(rawValue: name) else { return nil }
      if !out.contains(m) { out.append(m) }
    }
    guard !out.isEmpty else { return nil }
    methods = out
  }

  static var allValueStrings: [String] { IntervalMethod.allCases.map(\.rawValue) + ["all"] }
  var defaultValueDescription: String { methods.map(\.rawValue).joined(separator: ",") }
}

/// `bench-diff --ci-method`: the bootstrap interval of the ratio (studentized has no variance
/// estimate for a ratio of medians).
enum RatioIntervalChoice: String, ExpressibleByArgument, CaseIterable {
  case bca, percentile, basic, normal

  var method: IntervalMethod { IntervalMethod(rawValue: rawValue) ?? .bca }
}

/// `bench-diff --test`.
enum BenchTestChoice: String, ExpressibleByArgument, CaseIterable {
  case mannWhitney = "mann-whitney"
  case permutation

  init?(argument: String) {
    switch argument {
    case "mann-whitney", "mannwhitney", "wilcoxon": self = .mannWhitney
    case "permutation": self = .permutation
    default: return nil
    }
  }
}

extension MannWhitneyU.Method: ExpressibleByArgument {}
extension BenchmarkReadOptions.GoogleBenchmarkTime: ExpressibleByArgument {}

/// `bench-diff --input-format`: auto (detect by content) or one of the readers.
struct BenchInputFormatChoice: ExpressibleByArgument {
  /// The forced reader, or nil to detect.
  var format: BenchmarkInputFormat?

  init(_ format: BenchmarkInputFormat?) { self.format = format }

  init?(argument: String) {
    if argument == "auto" {
      format = nil
    } else if let f = BenchmarkInputFormat(rawValue: argument) {
      format = f
    } else {
      return nil
    }
  }

  static var allValueStrings: [String] { ["auto"] + BenchmarkInputFormat.allCases.map(\.rawValue) }
  var defaultValueDescription: String { format?.rawValue ?? "auto" }
}

/// `boot --statistic`: a one-sample statistic (some with a parameter) or a two-sample contrast.
struct BootStatisticChoice: ExpressibleByArgument {
  var name: BootStatisticName
  var text: String

  init(_ name: BootStatisticName, text: String) {
    self.name = name
    self.text = text
  }

  init?(argument: String) {
    guard let n = try? BootStatisticName.parse(argument) else { return nil }
    name = n
    text = argument
  }

  static var allValueStrings: [String] {
    [
      "mean", "median", "proportion", "std", "sum", "skewness", "kurtosis", "quantile:Q",
      "trimmed-mean:F", "difference", "difference:median", "ratio", "ratio:median", "correlation",
      "spearman", "ratio-of-means", "ols",
    ]
  }
  var defaultValueDescription: String { text }
}

/// `boot --ols-bootstrap`: how the OLS bootstrap resamples.
extension OLSResampling: ExpressibleByArgument {}

/// `--lambda`: a power-divergence member by SciPy's name (`pearson`, `log-likelihood`,
/// `freeman-tukey`, `mod-log-likelihood`, `neyman`, `cressie-read`) or a finite number λ.
extension PowerDivergence: ExpressibleByArgument {
  public init?(argument: String) {
    if let named = PowerDivergence(name: argument) {
      self = named
    } else if let l = Double(argument), l.isFinite {
      self.init(lambda: l)
    } else {
      return nil
    }
  }
  public static var allValueStrings: [String] { named.compactMap(\.name) + ["a number λ"] }
  public var defaultValueDescription: String { description }
}

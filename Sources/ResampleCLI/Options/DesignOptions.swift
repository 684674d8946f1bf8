// DesignOptions.swift: the survey-design options every command that reads respondent rows
// shares (--weight, --strata, --cluster, --fpc, --nest, --freq-weight, replicate weights).
import ArgumentParser
import Foundation
import Resample

extension LonelyPSUPolicy: ExpressibleByArgument {}
extension ReplicateType: ExpressibleByArgument {}

/// `--omnibus`: which design-based test of the segment × answer table a comparison reports
/// (R `svychisq`'s `statistic` = "F", "Chisq", "Wald", "adjWald").
enum OmnibusChoice: String, ExpressibleByArgument, CaseIterable {
  /// Second-order (Satterthwaite) Rao–Scott F, R `svychisq`'s default.
  case raoScottF = "rao-scott-f"
  /// First-order Rao–Scott corrected χ².
  case raoScottChisq = "rao-scott-chisq"
  /// Wald F = W / m on (m, ν) df.
  case wald = "wald"
  /// Adjusted Wald F = W (ν − m + 1) / (m ν) on (m, ν − m + 1) df.
  case adjustedWald = "adj-wald"

  /// Whether the Wald tests have to be computed.
  var needsWald: Bool { self == .wald || self == .adjustedWald }

  /// How the notes describe it.
  var description: String {
    switch self {
    case .raoScottF: return "Rao–Scott second-order F (R svychisq's default)"
    case .raoScottChisq: return "Rao–Scott first-order χ² (R svychisq \"Chisq\")"
    case .wald: return "Wald F (R svychisq \"Wald\")"
    case .adjustedWald: return "adjusted Wald F (R svychisq \"adjWald\")"
    }
  }
}

/// The design of respondent data: sampling weights, strata, clusters, finite-population
/// corrections or replicate weights (design-based inference), or frequency weights.
struct DesignOptions: ParsableArguments {
  @OptionGroup var sampling: SamplingDesignOptions
  @Option(
    name: .customLong("freq-weight"),
    help:
      "Frequency weights column: each row stands for that many identical respondents (non-negative integers)."
  )
  var freqWeight: String?

  var weight: String? { sampling.weight }
  var strata: String? { sampling.strata }
  var cluster: String? { sampling.cluster }
  var fpc: String? { sampling.fpc }
  var nest: Bool { sampling.nest }
  var replicateWeights: String? { sampling.replicateWeights }
  var replicateType: ReplicateType? { sampling.replicateType }
  var lonelyPSU: LonelyPSUPolicy { sampling.lonelyPSU }

  /// Whether the analysis is design-based.
  var isDesign: Bool { sampling.isDesign }

  /// Whether any design or frequency-weight option was given.
  var isSet: Bool { isDesign || freqWeight != nil }

  func validate() throws {
    if freqWeight != nil && isDesign {
      throw ValidationError(
        "--freq-weight (identical respondents) cannot be combined with a sampling design "
          + "(--weight/--strata/--cluster/--fpc/--replicate-weights)")
    }
  }

  /// The columns the design uses (never questions by default).
  func columns(in table: CSVTable) throws -> [String] {
    var names = [weight, strata, cluster, fpc, freqWeight].compactMap { $0 }
    names += try sampling.replicateColumns(in: table)
    return names
  }

  /// The replicate weight columns named by `--replicate-weights`.
  func replicateColumns(in table: CSVTable) throws -> [String] {
    try sampling.replicateColumns(in: table)
  }

  /// The survey design over the rows of `table` (see ``SamplingDesignOptions/design(_:)``).
  func design(_ table: CSVTable) throws -> (design: SurveyDesign, description: [String]) {
    try sampling.design(table)
  }
}

/// The sampling design of respondent data alone (no frequency weights): the group of commands
/// whose `--freq-weight` is their own (`chisq --data`, `fisher --data`).
struct SamplingDesignOptions: ParsableArguments {
  @Option(help: "Sampling weights column of --data (design-based analysis, not frequency weights).")
  var weight: String?
  @Option(help: "Stratum column of --data.")
  var strata: String?
  @Option(help: "Primary sampling unit (cluster) column of --data.")
  var cluster: String?
  @Option(
    help:
      "Finite-population correction column: the stratum's population size in PSUs, or its sampling fraction when every value is ≤ 1."
  )
  var fpc: String?
  @Flag(help: "Cluster ids repeat across strata (a PSU is the pair stratum, cluster).")
  var nest = false
  @Option(
    name: .customLong("replicate-weights"),
    help: "Replicate weight columns of --data: a comma list, or a prefix glob such as rw*.")
  var replicateWeights: String?
  @Option(name: .customLong("replicate-type"), help: "How the replicate weights were made.")
  var replicateType: ReplicateType?
  @Option(
    name: .customLong("replicate-scale"),
    help:
      "The replicate variance scale (default: jk1 (R−1)/R, jkn 1, brr 1/R, fay 1/(R(1−ρ)²), bootstrap 1/(R−1))."
  )
  var replicateScale: Double?
  @Option(
    name: .customLong("replicate-rscales"),
    help: ArgumentHelp(
      "Per-replicate scales (R's rscales; required for jkn: each replicate's (n_h − 1)/n_h): a comma list, or @FILE of numbers.",
      valueName: "list"))
  var replicateRscales: String?
  @Option(name: .customLong("fay-rho"), help: "Fay's ρ for --replicate-type fay.")
  var fayRho: Double?
  @Flag(
    name: .customLong("replicate-mse"),
    help: "Centre replicate deviations at the full-sample estimate (default: the replicate mean).")
  var replicateMSE = false
  @Option(name: .customLong("lonely-psu"), help: "A stratum with a single PSU.")
  var lonelyPSU: LonelyPSUPolicy = .fail

  /// Whether the analysis is design-based.
  var isDesign: Bool {
    weight != nil || strata != nil || cluster != nil || fpc != nil || replicateWeights != nil
  }

  func validate() throws {
    if replicateWeights != nil {
      if strata != nil || cluster != nil || fpc != nil {
        throw ValidationError(
          "--replicate-weights carry the design: give them without --strata/--cluster/--fpc")
      }
      if weight == nil {
        throw ValidationError("--replicate-weights needs --weight (the full-sample weights)")
      }
      if replicateType == nil {
        throw ValidationError(
          "--replicate-weights needs --replicate-type jk1|jkn|brr|fay|bootstrap")
      }
    } else if replicateType != nil || replicateScale != nil || replicateMSE
      || replicateRscales != nil
    {
      throw ValidationError(
        "--replicate-type/--replicate-scale/--replicate-rscales/--replicate-mse need "
          + "--replicate-weights")
    }
    if fayRho != nil && replicateType != .fay {
      throw ValidationError("--fay-rho goes with --replicate-type fay")
    }
    if nest && (strata == nil || cluster == nil) {
      throw ValidationError("--nest needs --strata and --cluster")
    }
  }

  /// The columns the design uses: weights, strata, clusters, fpc and replicate weights.
  func columns(in table: CSVTable) throws -> [String] {
    [weight, strata, cluster, fpc].compactMap { $0 } + (try replicateColumns(in: table))
  }

  /// The replicate weight columns named by `--replicate-weights`.
  func replicateColumns(in table: CSVTable) throws -> [String] {
    guard let spec = replicateWeights else { return [] }
    var names: [String] = []
    for part in spec.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) {
      if part.hasSuffix("*") {
        let prefix = String(part.dropLast())
        let matched = table.header.filter { $0.hasPrefix(prefix) }
        guard !matched.isEmpty else {
          throw InputError.invalidParameter(
            name: "--replicate-weights", value: part, expected: "columns of --data matching it")
        }
        names += matched
      } else {
        _ = try table.columnIndex(named: part)
        names.append(part)
      }
    }
    return names
  }

  /// The survey design over the rows of `table`.
  ///
  /// - Returns: the design and sentences for the output saying what it is.
  func design(_ table: CSVTable) throws -> (design: SurveyDesign, description: [String]) {
    let rows = table.rows.count
    var notes: [String] = []
    let weights: [Double]
    if let weight {
      weights = try DesignOptions.numbers(table, weight, what: "sampling weight")
      notes.append(
        "Sampling weights from column '\(weight)' (inverse selection probabilities; if each row "
          + "stands for several identical respondents, use --freq-weight instead).")
    } else {
      weights = [Double](repeating: 1, count: rows)
      notes.append("No --weight: every respondent has weight 1 (equal selection probabilities).")
    }
    if replicateWeights != nil, let type = replicateType {
      let names = try replicateColumns(in: table)
      let columns = try names.map { try DesignOptions.numbers(table, $0, what: "replicate weight") }
      let rw = try ReplicateWeights(
        columns: columns, type: type, scale: replicateScale, fayRho: fayRho ?? 0,
        mse: replicateMSE, replicateScales: try replicateRscales.map(DesignOptions.rscales),
        names: names)
      let d = try SurveyDesign(weights: weights, replicates: rw, weightName: weight ?? "weight")
      notes.append(
        "Variance from \(rw.count) \(type.rawValue) replicate weights (scale \(fmt(rw.scale)), "
          + (rw.mse ? "centred at the full-sample estimate" : "centred at the replicate mean")
          + "); design degrees of freedom \(d.degreesOfFreedom) (rank of the replicate weights − 1)."
      )
      return (d, notes)
    }
    let design = try DesignOptions.linearizationDesign(
      rows: rows, weights: weights, weightName: weight,
      strata: try strata.map {
        try table.column(named: $0).map { $0.trimmingCharacters(in: .whitespaces) }
      },
      clusters: try cluster.map {
        try table.column(named: $0).map { $0.trimmingCharacters(in: .whitespaces) }
      },
      fpc: try fpc.map { try DesignOptions.numbers(table, $0, what: "fpc") },
      names: (strata, cluster, fpc), nest: nest, lonelyPSU: lonelyPSU)
    return (design.design, notes + [design.description])
  }
}

extension DesignOptions {
  /// A numeric column, each value checked (the data row is named on failure).
  ///
  /// The message's source and label are formatted only for a value that fails (a second parse
  /// gives the same error with them): formatting them for every value took most of the time of
  /// `compare --data` with 200 replicate weight columns of 100,000 rows.
  static func numbers(_ table: CSVTable, _ name: String, what: String) throws -> [Double] {
    let k = try table.columnIndex(named: name)
    return try table.rows.enumerated().map { r, row in
      if let v = try? NumericText.parseFinite(row[k], source: "") { return v }
      let line = r < table.rowLines.count ? table.rowLines[r] : r + 2
      return try NumericText.parseFinite(
        row[k], source: "\(table.source) line \(line)", what: "\(what) (column '\(name)')")
    }
  }

  /// `--replicate-rscales`: a comma list of numbers, or `@FILE` of whitespace-separated numbers.
  static func rscales(_ spec: String) throws -> [Double] {
    if spec.hasPrefix("@") { return try NumberList.read(path: String(spec.dropFirst())) }
    return try spec.split(separator: ",", omittingEmptySubsequences: false).map {
      let t = $0.trimmingCharacters(in: .whitespaces)
      guard let v = Double(t), v.isFinite else {
        throw InputError.invalidParameter(
          name: "--replicate-rscales", value: t, expected: "numbers separated by commas")
      }
      return v
    }
  }

  /// Frequency weights: whole numbers from 0 to 1e8, adding up to at most 1e8 respondents.
  static func frequencies(_ table: CSVTable, _ name: String) throws -> [Int] {
    let values = try numbers(table, name, what: "frequency weight")
    var total = 0
    return try values.enumerated().map { r, v in
      let line = r < table.rowLines.count ? table.rowLines[r] : r + 2
      guard v >= 0, v == v.rounded(), v <= 1e8 else {
        throw InputError.invalidData(
          source: "\(table.source) line \(line)",
          reason: "frequency weight \(v) in column '\(name)' is not a whole number from 0 to "
            + "100000000 (for sampling weights use --weight)")
      }
      total += Int(v)
      guard total <= 100_000_000 else {
        throw InputError.invalidData(
          source: "column '\(name)'", reason: "frequency weights add up to more than 100000000")
      }
      return Int(v)
    }
  }

  /// A stratified cluster (Taylor-linearization) design and the sentence describing it; the
  /// one place that builds it from columns (`compare`, `prop`, `replicate-weights`, `boot`).
  ///
  /// - Parameters:
  ///   - rows: respondents.
  ///   - weights: sampling weights (all 1 without `--weight`).
  ///   - weightName: the weight column, or nil.
  ///   - strata, clusters, fpc: the columns' values, or nil.
  ///   - names: the column names (nil: not given).
  ///   - nest: `--nest`.
  ///   - lonelyPSU: `--lonely-psu`.
  static func linearizationDesign(
    rows: Int, weights: [Double], weightName: String?, strata: [String]?, clusters: [String]?,
    fpc: [Double]?, names: (strata: String?, cluster: String?, fpc: String?), nest: Bool,
    lonelyPSU: LonelyPSUPolicy
  ) throws -> (design: SurveyDesign, description: String) {
    let sample = try StratifiedClusterSample(
      rows: rows, strata: strata, clusters: clusters, fpc: fpc, nest: nest, lonelyPSU: lonelyPSU,
      names: (names.strata ?? "strata", names.cluster ?? "cluster", names.fpc ?? "fpc"))
    let d = try SurveyDesign(weights: weights, sample: sample, weightName: weightName ?? "weight")
    var structure = names.cluster.map { "clusters (PSUs) from column '\($0)'" } ?? "no clusters"
    structure += names.strata.map { ", strata from column '\($0)'" } ?? ", no strata"
    structure +=
      names.fpc.map { ", finite-population correction from column '\($0)'" }
      ?? ", sampling with replacement at the first stage"
    return (
      d,
      "Design: \(structure); \(sample.psuCount) PSUs in \(sample.strataCount) strat"
        + (sample.strataCount == 1 ? "um" : "a") + "; design degrees of freedom "
        + "\(d.degreesOfFreedom); variances by Taylor linearization (ultimate clusters)"
        + (sample.psusInStratum.contains(1) ? "; single-PSU strata: \(lonelyPSU.rawValue)" : "")
        + "."
    )
  }
}

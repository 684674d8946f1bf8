// StratifiedClusterSample.swift: strata, primary sampling units and finite-population
// corrections of a survey design (the structure Taylor linearization needs).
import ResampleCore

/// What to do with a stratum that has a single primary sampling unit (R `survey`'s
/// `options(survey.lonely.psu = ...)`).
public enum LonelyPSUPolicy: String, Sendable, CaseIterable {
  /// Refuse the design, naming the stratum (the default, as in R).
  case fail
  /// The stratum adds nothing to the variance (it was sampled with certainty).
  case certainty
  /// The stratum's PSU total is centred at the mean PSU total of the whole sample instead of
  /// its stratum's mean (conservative).
  case adjust
  /// The stratum gets the average variance contribution of the other strata.
  case average
}

/// The sampling structure of a stratified cluster sample: which primary sampling unit (PSU) each
/// respondent belongs to, which stratum each PSU belongs to, and the first-stage sampling fraction
/// of each stratum.
///
/// Variances follow the ultimate-cluster (with-replacement at the first stage) estimator, with
/// the factor (1 − f_h) when a finite-population correction is given: as R `survey`'s
/// `svydesign(id = ~cluster, strata = ~stratum, fpc = ~fpc)` with one stage.
public struct StratifiedClusterSample: Sendable, Equatable {
  /// The PSU of each respondent, `0 ..< psuCount`.
  public let psuOfRow: [Int]
  /// The stratum of each PSU, `0 ..< strataCount`.
  public let stratumOfPSU: [Int]
  /// The number of sampled PSUs in each stratum.
  public let psusInStratum: [Int]
  /// The first-stage sampling fraction of each stratum (0 without a correction).
  public let samplingFraction: [Double]
  /// The stratum labels, in order of first appearance (one unnamed stratum without strata).
  public let strataLabels: [String]
  /// The lonely-PSU rule.
  public let lonelyPSU: LonelyPSUPolicy

  /// The number of PSUs.
  public var psuCount: Int { stratumOfPSU.count }
  /// The number of strata.
  public var strataCount: Int { psusInStratum.count }
  /// Design degrees of freedom: PSUs − strata (R `degf`).
  public var degreesOfFreedom: Int { psuCount - strataCount }

  /// Builds the structure from per-respondent columns.
  ///
  /// - Parameters:
  ///   - rows: the number of respondents.
  ///   - strata: the stratum label of each respondent, or nil (one stratum).
  ///   - clusters: the PSU label of each respondent, or nil (every respondent is a PSU).
  ///   - fpc: per respondent, the stratum's population size (in PSUs) or, when every value is
  ///     ≤ 1, its sampling fraction (as R); nil for sampling with replacement.
  ///   - nest: PSU labels repeat across strata (the PSU is the pair stratum, label).
  ///   - lonelyPSU: what to do with a stratum of one PSU.
  ///   - names: the column names for messages (`strata`, `cluster`, `fpc`).
  /// - Throws: `InputError.invalidData` naming the column and the data row (1-based, after the
  ///   header) for an empty label, a cluster in two strata without `nest`, an fpc that varies
  ///   within a stratum, is not finite and positive, or is smaller than the stratum's sample;
  ///   and for a lonely PSU under ``LonelyPSUPolicy/fail``.
  /// - Complexity: O(rows) expected (hashing).
  public init(
    rows: Int, strata: [String]?, clusters: [String]?, fpc: [Double]?, nest: Bool = false,
    lonelyPSU: LonelyPSUPolicy = .fail,
    names: (strata: String, cluster: String, fpc: String) = ("strata", "cluster", "fpc")
  ) throws {
    for (column, count) in [(names.strata, strata?.count), (names.cluster, clusters?.count)] {
      if let count, count != rows {
        throw InputError.invalidData(
          source: "column '\(column)'", reason: "\(count) values for \(rows) respondents")
      }
    }
    if let fpc, fpc.count != rows {
      throw InputError.invalidData(
        source: "column '\(names.fpc)'", reason: "\(fpc.count) values for \(rows) respondents")
    }
    // Strata.
    var stratumOfRow = [Int](repeating: 0, count: rows)
    var labels: [String] = [""]
    if let strata {
      (stratumOfRow, labels) = try Self.intern(strata, column: names.strata, what: "empty stratum")
    }
    // PSUs.
    var psuOfRow = [Int](repeating: 0, count: rows)
    var stratumOfPSU: [Int] = []
    if let clusters {
      // With nest, a PSU is the pair (stratum, id): prefix the id with its stratum's index.
      let keys = nest ? zip(stratumOfRow, clusters).map { "\($0)\u{0}\($1)" } : clusters
      let (psu, _) = try Self.intern(keys, column: names.cluster, what: "missing cluster id")
      psuOfRow = psu
      stratumOfPSU = [Int](repeating: -1, count: (psu.max() ?? -1) + 1)
      for (r, p) in psu.enumerated() {
        let h = stratumOfRow[r]
        if stratumOfPSU[p] < 0 {
          stratumOfPSU[p] = h
        } else if stratumOfPSU[p] != h {
          throw InputError.invalidData(
            source: "column '\(names.cluster)' data row \(r + 1)",
            reason: "cluster '\(clusters[r])' is in strata '\(labels[stratumOfPSU[p]])' and "
              + "'\(labels[h])'; if cluster ids repeat across strata, add --nest")
        }
      }
    } else {
      psuOfRow = Array(0..<rows)
      stratumOfPSU = stratumOfRow
    }
    var counts = [Int](repeating: 0, count: labels.count)
    for h in stratumOfPSU { counts[h] += 1 }
    // Finite-population corrections.
    var fraction = [Double](repeating: 0, count: labels.count)
    if let fpc {
      let asFraction = fpc.allSatisfy { $0 <= 1 }
      var seen = [Double?](repeating: nil, count: labels.count)
      for (r, v) in fpc.enumerated() {
        let h = stratumOfRow[r]
        guard v.isFinite, v > 0 else {
          throw InputError.invalidData(
            source: "column '\(names.fpc)' data row \(r + 1)",
            reason: "\(v) is not a positive population size or sampling fraction")
        }
        if let s = seen[h] {
          guard s == v else {
            throw InputError.invalidData(
              source: "column '\(names.fpc)' data row \(r + 1)",
              reason: "\(v) differs from \(s) earlier in the same stratum"
                + (strata == nil ? " (no --strata: the whole sample)" : " '\(labels[h])'"))
          }
        } else {
          seen[h] = v
        }
      }
      for h in labels.indices {
        guard let v = seen[h] else { continue }
        if asFraction {
          fraction[h] = v
        } else {
          guard v >= Double(counts[h]) else {
            throw InputError.invalidData(
              source: "column '\(names.fpc)'",
              reason: "population size \(v) in stratum '\(labels[h])' is smaller than its "
                + "\(counts[h]) sampled PSUs")
          }
          fraction[h] = Double(counts[h]) / v
        }
      }
    }
    if lonelyPSU == .fail, let h = counts.firstIndex(of: 1) {
      throw InputError.invalidData(
        source: strata == nil ? "the design" : "column '\(names.strata)'",
        reason: "stratum '\(labels[h])' has a single PSU, so its variance cannot be estimated; "
          + "choose --lonely-psu certainty, adjust or average")
    }
    self.psuOfRow = psuOfRow
    self.stratumOfPSU = stratumOfPSU
    self.psusInStratum = counts
    self.samplingFraction = fraction
    self.strataLabels = labels
    self.lonelyPSU = lonelyPSU
  }
}

extension StratifiedClusterSample {
  /// Numbers labels 0, 1, … in order of first appearance.
  ///
  /// - Returns: each row's number, and the labels in that order.
  /// - Throws: `InputError.invalidData` naming the column and data row of an empty label.
  static func intern(
    _ values: [String], column: String, what: String
  ) throws -> (index: [Int], labels: [String]) {
    var lookup: [String: Int] = [:]
    var labels: [String] = []
    var index = [Int](repeating: 0, count: values.count)
    for (r, v) in values.enumerated() {
      guard !v.isEmpty, !v.hasSuffix("\u{0}") else {
        throw InputError.invalidData(source: "column '\(column)' data row \(r + 1)", reason: what)
      }
      if let i = lookup[v] {
        index[r] = i
      } else {
        lookup[v] = labels.count
        index[r] = labels.count
        labels.append(v)
      }
    }
    return (index, labels)
  }
}

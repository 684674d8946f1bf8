// ReplicateWeights.swift: a replicate-weight design (jackknife, BRR, Fay, bootstrap) and the
// scale factors of its variance estimator.
import ResampleCore

/// How a set of replicate weights was made; it fixes the default variance scale.
public enum ReplicateType: String, Sendable, CaseIterable {
  /// Delete-one-PSU jackknife without strata: scale (R − 1)/R.
  case jk1
  /// Stratified delete-one-PSU jackknife: scale 1, replicate r's own scale (n_h − 1)/n_h for
  /// the stratum h it deletes from (given: R's `rscales`).
  case jkn
  /// Balanced repeated replication: scale 1/R.
  case brr
  /// Fay's modified BRR with factor ρ: scale 1/(R (1 − ρ)²).
  case fay
  /// Bootstrap replicate weights (e.g. Rao–Wu): scale 1/(R − 1).
  case bootstrap
}

/// Replicate weights: one column of analysis weights per replicate (R `survey`'s `svrepdesign`
/// with `combined.weights = TRUE`).
///
/// The variance of an estimate θ is `scale · Σ_r rscale_r (θ_r − c)²`, where c is the mean of the
/// replicate estimates, or the full-sample estimate when ``mse`` is set (R's `mse = TRUE`).
public struct ReplicateWeights: Sendable, Equatable {
  /// The weights, column-major: replicate r of respondent i at `values[i + r * rows]`.
  public let values: [Double]
  /// The number of respondents.
  public let rows: Int
  /// The number of replicates R.
  public let count: Int
  /// How the replicates were made.
  public let type: ReplicateType
  /// The overall scale.
  public let scale: Double
  /// The per-replicate scales (R's `rscales`: all 1 unless given; JKn's (n_h − 1)/n_h).
  public let replicateScales: [Double]
  /// Centre the squared deviations at the full-sample estimate instead of the replicate mean.
  public let mse: Bool

  /// Creates replicate weights from one array per replicate.
  ///
  /// - Parameters:
  ///   - columns: the replicate weight columns (each one value per respondent).
  ///   - type: how they were made.
  ///   - scale: the overall scale, or nil for the type's default.
  ///   - fayRho: Fay's ρ in [0, 1) (only with `.fay`).
  ///   - mse: centre at the full-sample estimate.
  ///   - replicateScales: per-replicate scales (required for `.jkn`; not for BRR and Fay).
  ///   - names: the columns' names, for messages.
  /// - Throws: `InputError` for fewer than two replicates, columns of different lengths, a
  ///   weight that is negative or not finite (naming the column and data row), or a bad scale.
  /// - Complexity: O(rows · R); the weights are copied into one column-major array.
  public init(
    columns: [[Double]], type: ReplicateType, scale: Double? = nil, fayRho: Double = 0,
    mse: Bool = false, replicateScales: [Double]? = nil, names: [String]? = nil
  ) throws {
    guard columns.count >= 2 else {
      throw InputError.invalidParameter(
        name: "--replicate-weights", value: "\(columns.count) column(s)",
        expected: "at least two replicates")
    }
    let rows = columns[0].count
    for (j, c) in columns.enumerated() where c.count != rows {
      throw InputError.invalidData(
        source: "replicate weight column '\(Self.name(j, names))'",
        reason: "\(c.count) values where the first column has \(rows)")
    }
    try self.init(
      values: columns.flatMap { $0 }, rows: rows, type: type, scale: scale, fayRho: fayRho,
      mse: mse, replicateScales: replicateScales, names: names)
  }

  /// Creates replicate weights from one column-major array (no copy: large designs keep a
  /// single instance of their n × R weights).
  ///
  /// - Parameters:
  ///   - values: replicate r of respondent i at `values[i + r * rows]`; `values.count` must be
  ///     a multiple of `rows`.
  ///   - rows: the number of respondents (at least 1).
  ///   - type: how they were made.
  ///   - scale: the overall scale, or nil for the type's default.
  ///   - fayRho: Fay's ρ in [0, 1) (only with `.fay`).
  ///   - mse: centre at the full-sample estimate.
  ///   - replicateScales: per-replicate scales, R of them, finite and positive (required for
  ///     `.jkn`, refused for BRR and Fay, whose replicates share one scale).
  ///   - names: the columns' names, for messages.
  /// - Throws: `InputError` for no rows, fewer than two replicates, a length that is not
  ///   rows × R, a weight that is negative or not finite (naming the column and data row), a
  ///   bad scale, or missing, misplaced or invalid per-replicate scales.
  /// - Complexity: O(rows · R).
  public init(
    values: [Double], rows: Int, type: ReplicateType, scale: Double? = nil, fayRho: Double = 0,
    mse: Bool = false, replicateScales: [Double]? = nil, names: [String]? = nil
  ) throws {
    guard rows >= 1 else {
      throw InputError.invalidData(source: "replicate weights", reason: "no respondents")
    }
    let r = values.count / rows
    guard r >= 2 else {
      throw InputError.invalidParameter(
        name: "--replicate-weights", value: "\(r) column(s)", expected: "at least two replicates")
    }
    guard values.count == rows * r else {
      throw InputError.invalidData(
        source: "replicate weights",
        reason: "\(values.count) values are not \(rows) respondents × whole replicates")
    }
    // One tight pass over the n × R weights (0 ≤ w ≤ the greatest finite excludes NaN and ±∞);
    // the offending value is looked for, with its column and row, only when there is one.
    var invalid = 0
    values.withUnsafeBufferPointer { v in
      for w in v { invalid |= w >= 0 && w <= .greatestFiniteMagnitude ? 0 : 1 }
    }
    if invalid != 0, let k = values.firstIndex(where: { !($0.isFinite && $0 >= 0) }) {
      throw InputError.invalidData(
        source: "replicate weight column '\(Self.name(k / rows, names))' data row \(k % rows + 1)",
        reason: "\(values[k]) is not a finite non-negative weight")
    }
    // Replicate totals and their squared deviations overflow for weights near 1e150 or above.
    var squares = 0.0
    for w in values { squares += w * w }
    guard squares.isFinite else {
      throw InputError.invalidData(
        source: "replicate weights",
        reason: "their squares overflow the floating-point range; divide every weight by a "
          + "constant (shares and tests do not change)")
    }
    if type == .fay {
      guard fayRho >= 0, fayRho < 1 else {
        throw InputError.invalidParameter(
          name: "--fay-rho", value: "\(fayRho)", expected: "a number in [0, 1)")
      }
    }
    if let rs = replicateScales {
      guard type != .brr, type != .fay else {
        throw InputError.invalidParameter(
          name: "--replicate-rscales", value: "\(rs.count) values",
          expected: "no per-replicate scales with --replicate-type \(type.rawValue)")
      }
      guard rs.count == r else {
        throw InputError.invalidParameter(
          name: "--replicate-rscales", value: "\(rs.count) values",
          expected: "one scale per replicate (\(r))")
      }
      if let bad = rs.firstIndex(where: { !($0.isFinite && $0 > 0) }) {
        throw InputError.invalidParameter(
          name: "--replicate-rscales", value: "\(rs[bad])",
          expected: "finite positive scales (replicate \(bad + 1))")
      }
    } else if type == .jkn {
      throw InputError.invalidParameter(
        name: "--replicate-type", value: "jkn",
        expected: "--replicate-rscales with each replicate's (n_h − 1)/n_h (R's rscales): "
          + "combined JKn weights do not show their strata")
    }
    let defaultScale: Double
    switch type {
    case .jkn: defaultScale = 1
    case .jk1: defaultScale = Double(r - 1) / Double(r)
    case .brr: defaultScale = 1 / Double(r)
    case .fay: defaultScale = 1 / (Double(r) * (1 - fayRho) * (1 - fayRho))
    case .bootstrap: defaultScale = 1 / Double(r - 1)
    }
    let s = scale ?? defaultScale
    guard s.isFinite, s > 0 else {
      throw InputError.invalidParameter(
        name: "--replicate-scale", value: "\(s)", expected: "a finite positive scale")
    }
    self.values = values
    self.rows = rows
    self.count = r
    self.type = type
    self.scale = s
    self.replicateScales = replicateScales ?? [Double](repeating: 1, count: r)
    self.mse = mse
  }

  /// Column j's name for messages: its given name, else `#j+1`.
  private static func name(_ j: Int, _ names: [String]?) -> String {
    names.map { $0.indices.contains(j) ? $0[j] : "#\(j + 1)" } ?? "#\(j + 1)"
  }
}

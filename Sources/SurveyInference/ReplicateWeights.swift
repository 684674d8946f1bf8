// ReplicateWeights.swift: a replicate-weight design (jackknife, BRR, Fay, bootstrap) and the
// scale factors of its variance estimator.
import ResampleCore

/// How a set of replicate weights was made; it fixes the default variance scale.
public enum ReplicateType: String, Sendable, CaseIterable {
  /// Delete-one-PSU jackknife without strata: scale (R − 1)/R.
  case jk1
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
  /// The per-replicate scales (all 1 for the types here).
  public let replicateScales: [Double]
  /// Centre the squared deviations at the full-sample estimate instead of the replicate mean.
  public let mse: Bool

  /// Creates replicate weights.
  ///
  /// - Parameters:
  ///   - columns: the replicate weight columns (each one value per respondent).
  ///   - type: how they were made.
  ///   - scale: the overall scale, or nil for the type's default.
  ///   - fayRho: Fay's ρ in [0, 1) (only with `.fay`).
  ///   - mse: centre at the full-sample estimate.
  ///   - names: the columns' names, for messages.
  /// - Throws: `InputError` for fewer than two replicates, columns of different lengths, a
  ///   weight that is negative or not finite (naming the column and data row), or a bad scale.
  /// - Complexity: O(rows · R).
  public init(
    columns: [[Double]], type: ReplicateType, scale: Double? = nil, fayRho: Double = 0,
    mse: Bool = false, names: [String]? = nil
  ) throws {
    let r = columns.count
    guard r >= 2 else {
      throw InputError.invalidParameter(
        name: "--replicate-weights", value: "\(r) column(s)", expected: "at least two replicates")
    }
    let rows = columns[0].count
    var values = [Double]()
    values.reserveCapacity(rows * r)
    for (j, c) in columns.enumerated() {
      let name = names.map { $0.indices.contains(j) ? $0[j] : "#\(j + 1)" } ?? "#\(j + 1)"
      guard c.count == rows else {
        throw InputError.invalidData(
          source: "replicate weight column '\(name)'",
          reason: "\(c.count) values where the first column has \(rows)")
      }
      for (i, w) in c.enumerated() where !(w.isFinite && w >= 0) {
        throw InputError.invalidData(
          source: "replicate weight column '\(name)' data row \(i + 1)",
          reason: "\(w) is not a finite non-negative weight")
      }
      values.append(contentsOf: c)
    }
    if type == .fay {
      guard fayRho >= 0, fayRho < 1 else {
        throw InputError.invalidParameter(
          name: "--fay-rho", value: "\(fayRho)", expected: "a number in [0, 1)")
      }
    }
    let defaultScale: Double
    switch type {
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
    self.replicateScales = [Double](repeating: 1, count: r)
    self.mse = mse
  }
}

// DistributionFixtures.swift: the mpmath reference rows under Tests/Fixtures/distributions,
// shared by the SpecialFunctions and Distributions tests (not public API).
import Foundation

/// One reference value: `function(parameters; argument) = reference`.
public struct FixtureRow: Sendable {
  public var family: String
  public var parameters: [Double]
  public var function: String
  public var argument: Double
  public var reference: Double
}

/// Reads `{"rows": [[family, [params], function, "argument", "reference"], ...]}`.
public func loadRows(_ name: String) throws -> [FixtureRow] {
  let object = try loadJSONFixture("distributions/\(name)")
  guard let dict = object as? [String: Any], let rows = dict["rows"] as? [[Any]] else {
    throw CocoaError(.fileReadCorruptFile)
  }
  return rows.compactMap { row in
    guard row.count == 5, let family = row[0] as? String, let params = row[1] as? [Any],
      let function = row[2] as? String, let argument = row[3] as? String,
      let reference = row[4] as? String
    else { return nil }
    let values = params.map { p -> Double in
      if let n = p as? NSNumber { return n.doubleValue }
      if let s = p as? String { return parseFixtureNumber(s) }
      return .nan
    }
    return FixtureRow(
      family: family, parameters: values, function: function,
      argument: parseFixtureNumber(argument), reference: parseFixtureNumber(reference))
  }
}

/// The worst relative error per function over `rows`, with the row where it occurred.
public struct ErrorSummary {
  public struct Worst {
    public var error: Double
    public var row: FixtureRow
    public var value: Double
  }
  public var worst: [String: Worst] = [:]
  public var counts: [String: Int] = [:]

  public init() {}

  public mutating func record(_ key: String, _ row: FixtureRow, _ value: Double) {
    let e = relativeError(value, row.reference)
    let error = e.isNaN ? Double.infinity : e
    counts[key, default: 0] += 1
    if let current = worst[key], current.error >= error { return }
    worst[key] = Worst(error: error, row: row, value: value)
  }

  /// One line per function: count, maximum relative error and where.
  public var report: String {
    worst.sorted { $0.key < $1.key }.map { key, w in
      "\(key): n=\(counts[key, default: 0]) max rel err \(w.error) at params "
        + "\(w.row.parameters) arg \(w.row.argument) (got \(w.value), want \(w.row.reference))"
    }.joined(separator: "\n")
  }
}

// Fixtures.swift: locating and reading files under Tests/Fixtures (not public API).
import Foundation

/// The repository root, found from this file's location (Sources/_TestSupport/Fixtures.swift).
public let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
  .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// The URL of `Tests/Fixtures/<relativePath>`.
public func fixtureURL(_ relativePath: String) -> URL {
  repositoryRoot.appendingPathComponent("Tests/Fixtures").appendingPathComponent(relativePath)
}

/// Reads and decodes a JSON fixture, failing loudly if it is missing.
public func loadJSONFixture(_ relativePath: String) throws -> Any {
  let data = try Data(contentsOf: fixtureURL(relativePath))
  return try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
}

/// How a fixture's JSON keys map to Swift property names.
public enum FixtureKeys: Sendable {
  /// Keys are used as written.
  case asWritten
  /// `snake_case` keys (what Python and R scripts write) map to `camelCase` properties.
  case snakeCase
}

/// Decodes a JSON fixture into a Decodable type.
///
/// - Parameters:
///   - type: the type to decode.
///   - relativePath: the path below `Tests/Fixtures`.
///   - keys: how JSON keys map to property names (default: as written).
public func decodeFixture<T: Decodable>(
  _ type: T.Type, _ relativePath: String, keys: FixtureKeys = .asWritten
) throws -> T {
  let data = try Data(contentsOf: fixtureURL(relativePath))
  let decoder = JSONDecoder()
  if keys == .snakeCase { decoder.keyDecodingStrategy = .convertFromSnakeCase }
  return try decoder.decode(T.self, from: data)
}

/// A fixture number in a Decodable fixture: a JSON number, or a string such as "inf", "-inf",
/// "nan" or "1e-320" (see ``parseFixtureNumber(_:)``).
public struct FixtureNumber: Decodable, Sendable {
  /// The number.
  public let value: Double
  public init(from decoder: Decoder) throws {
    let c = try decoder.singleValueContainer()
    if let d = try? c.decode(Double.self) {
      value = d
    } else {
      value = parseFixtureNumber(try c.decode(String.self))
    }
  }
}

/// Parses a number that a fixture wrote as a string (for values beyond Double's JSON range,
/// such as "inf", "-inf", "nan", or "1e-320").
public func parseFixtureNumber(_ s: String) -> Double {
  switch s.lowercased() {
  case "inf", "+inf", "infinity": return .infinity
  case "-inf", "-infinity": return -.infinity
  case "nan": return .nan
  default: return Double(s) ?? .nan
  }
}

/// A fixture number: a JSON number, or a string such as "inf", "-inf", "nan" or "1e-320"
/// (see ``parseFixtureNumber(_:)``); anything else (null, missing) is NaN.
public func fixtureNumber(_ any: Any?) -> Double {
  switch any {
  case let n as NSNumber: return n.doubleValue
  case let s as String: return parseFixtureNumber(s)
  default: return .nan
  }
}

/// A JSON array of fixture numbers (empty when `any` is not an array).
public func fixtureNumbers(_ any: Any?) -> [Double] {
  (any as? [Any] ?? []).map { fixtureNumber($0) }
}

/// A JSON array of arrays of fixture numbers.
public func fixtureMatrix(_ any: Any?) -> [[Double]] {
  (any as? [Any] ?? []).map { fixtureNumbers($0) }
}

/// A JSON array of arrays of integer counts.
public func fixtureIntMatrix(_ any: Any?) -> [[Int]] {
  fixtureMatrix(any).map { $0.map { Int($0) } }
}

/// The fixture file's file-level object is not `{key: [{…}, …]}` with at least one case.
public struct MissingFixtureCases: Error, CustomStringConvertible {
  public var path: String
  public var key: String
  public var description: String { "Tests/Fixtures/\(path) has no cases under \"\(key)\"" }
}

/// The cases of a fixture file stored as `{key: [{…}, …]}`, each a dictionary; throws when the
/// key is missing or holds no case, so a test looping over them cannot pass vacuously.
public func fixtureCases(_ path: String, key: String = "cases") throws -> [[String: Any]] {
  let root = try loadJSONFixture(path) as? [String: Any] ?? [:]
  guard let cases = root[key] as? [[String: Any]], !cases.isEmpty else {
    throw MissingFixtureCases(path: path, key: key)
  }
  return cases
}

/// A fixture string as a value of a string-backed enum; `fallback` for anything else (another
/// spelling, such as R's "two.sided", null, or a missing key).
public func fixtureValue<E: RawRepresentable>(_ any: Any?, else fallback: E) -> E
where E.RawValue == String {
  E(rawValue: any as? String ?? "") ?? fallback
}

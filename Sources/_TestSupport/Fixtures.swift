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

/// Decodes a JSON fixture into a Decodable type.
public func decodeFixture<T: Decodable>(_ type: T.Type, _ relativePath: String) throws -> T {
  let data = try Data(contentsOf: fixtureURL(relativePath))
  return try JSONDecoder().decode(T.self, from: data)
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

// FixtureCases.swift: decoding the cases listed under one key of a JSON fixture (not public API).
import Foundation

/// A fixture case of samples: its name, one or two samples, a null location, or named groups
/// (whichever the case uses).
public struct FixtureSampleCase: Decodable, Sendable {
  public var name: String
  public var x: [Double]?
  public var y: [Double]?
  public var mu: Double?
  public var groups: [String: [Double]]?
}

/// The cases listed under `key` of a JSON fixture object, decoded with `JSONDecoder` (which
/// parses every double exactly; Foundation's `JSONSerialization` on Linux can be one ulp off for
/// 17-digit numbers, and results such as root-finding intervals depend on the exact data).
///
/// - Parameters:
///   - type: the type of one case.
///   - relativePath: the path below `Tests/Fixtures`.
///   - key: the top-level key whose array holds the cases.
/// - Complexity: O(size of the fixture).
public func decodeFixtureCases<T: Decodable>(
  _ type: T.Type, _ relativePath: String, key: String
) throws -> [T] {
  let data = try Data(contentsOf: fixtureURL(relativePath))
  let entries = try JSONDecoder().decode([String: CasesOrError<T>].self, from: data)
  guard let entry = entries[key] else {
    throw MissingFixtureKey(key: key, relativePath: relativePath)
  }
  return try entry.result.get()
}

/// A fixture without the key asked for.
public struct MissingFixtureKey: Error, CustomStringConvertible {
  public let key: String
  public let relativePath: String
  public var description: String { "no key '\(key)' in Tests/Fixtures/\(relativePath)" }
}

/// One top-level value of a fixture: the cases, or why it is not an array of them (the other
/// keys, such as the generator's name, are not).
private struct CasesOrError<T: Decodable>: Decodable {
  let result: Result<[T], any Error>
  init(from decoder: Decoder) { result = Result { try [T](from: decoder) } }
}

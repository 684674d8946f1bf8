// CLIFixtureCases.swift: the expected-results fixtures of the end-to-end tests that list their
// cases under "cases" with snake_case keys (the generators' R / Python names).
import Testing
import _TestSupport

/// The "cases" list of the fixture at `relativePath` (below Tests/Fixtures), each decoded as
/// `Case`, whose camelCase properties read the fixture's snake_case keys; records an issue when
/// `count` is given and the fixture holds another number of cases.
func snakeCaseFixtureCases<Case: Decodable>(
  _ type: Case.Type, _ relativePath: String, count: Int? = nil,
  sourceLocation: SourceLocation = #_sourceLocation
) throws -> [Case] {
  let cases = try decodeFixture(CaseList<Case>.self, relativePath, keys: .snakeCase).cases
  if let count {
    #expect(cases.count == count, "\(relativePath)", sourceLocation: sourceLocation)
  }
  return cases
}

private struct CaseList<Case: Decodable>: Decodable { var cases: [Case] }

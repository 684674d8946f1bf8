// StratifiedFixture.swift: reading Tests/Fixtures/contingency/stratified/stratified_r.json (R's
// prop.trend.test, mantelhaen.test and independent R implementations; generate.R beside it).
import Foundation
import _TestSupport

/// The cases of one section (`trend`, `cmh`, `linear_by_linear`) of the fixture.
func stratifiedCases(_ section: String) throws -> [[String: Any]] {
  let root = try loadJSONFixture("contingency/stratified/stratified_r.json") as? [String: Any]
  return root?[section] as? [[String: Any]] ?? []
}

/// A fixture's list of numbers.
func fixtureDoubles(_ any: Any?) -> [Double] { (any as? [Any] ?? []).map { fixtureNumber($0) } }

/// A fixture's K×r×c counts.
func fixtureStrata(_ any: Any?) -> [[[Int]]] {
  (any as? [[[Any]]] ?? []).map { $0.map { $0.map { Int(fixtureNumber($0)) } } }
}

/// Relative closeness, or both NaN.
func agrees(_ a: Double, _ b: Double, _ tolerance: Double = 1e-9) -> Bool {
  isClose(a, b, relative: tolerance) || (a.isNaN && b.isNaN) || (a == b)
}

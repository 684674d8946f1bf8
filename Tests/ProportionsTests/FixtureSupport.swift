// FixtureSupport.swift: reading the proportion fixtures (R and statsmodels/mpmath).
import Foundation
import _TestSupport

func number(_ any: Any?) -> Double {
  switch any {
  case let n as NSNumber: return n.doubleValue
  case let s as String: return parseFixtureNumber(s)
  default: return .nan
  }
}

func numbers(_ any: Any?) -> [Double] { (any as? [Any] ?? []).map { number($0) } }

func fixtureList(_ path: String, _ key: String) throws -> [[String: Any]] {
  let root = try loadJSONFixture(path) as? [String: Any] ?? [:]
  return root[key] as? [[String: Any]] ?? []
}

/// Agreement to 1e-10 relative, or 1e-15 absolute near zero.
func agrees(_ a: Double, _ b: Double) -> Bool {
  isClose(a, b, relative: 1e-10, absolute: 1e-15) || (a.isNaN && b.isNaN)
}

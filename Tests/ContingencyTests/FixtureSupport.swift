// FixtureSupport.swift: reading the R/SciPy/mpmath contingency fixtures.
import Foundation
import _TestSupport

/// A fixture number: JSON numbers, "inf"/"-inf"/"nan" strings, null → NaN.
func number(_ any: Any?) -> Double {
  switch any {
  case let n as NSNumber: return n.doubleValue
  case let s as String: return parseFixtureNumber(s)
  default: return .nan
  }
}

func numbers(_ any: Any?) -> [Double] { (any as? [Any] ?? []).map { number($0) } }

func matrix(_ any: Any?) -> [[Double]] { (any as? [Any] ?? []).map { numbers($0) } }

func intMatrix(_ any: Any?) -> [[Int]] { matrix(any).map { $0.map { Int($0) } } }

/// The cases of a fixture file, each a dictionary.
func fixtureCases(_ path: String, key: String = "cases") throws -> [[String: Any]] {
  let root = try loadJSONFixture(path) as? [String: Any] ?? [:]
  return root[key] as? [[String: Any]] ?? []
}

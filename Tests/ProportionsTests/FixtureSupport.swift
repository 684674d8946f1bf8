// FixtureSupport.swift: the agreement rule for the proportion fixtures (R and statsmodels/mpmath);
// the one-sample case reader; the generic fixture readers are in _TestSupport.
import ResampleCore
import _TestSupport

/// Agreement to 1e-10 relative, or 1e-15 absolute near zero (both NaN agree).
func agrees(_ a: Double, _ b: Double) -> Bool {
  isClose(a, b, relative: 1e-10, absolute: 1e-15) || (a.isNaN && b.isNaN)
}

/// One case of the one-sample alternative fixtures (alternatives_r.json, alternatives_py.json):
/// x successes of n, the null proportion p0, the alternative and (R's cases) the level; the
/// references are read from `record` under their R / SciPy / statsmodels names.
struct OneSampleCase {
  let x, n: Int
  let p0, level: Double
  let alternative: Alternative
  let record: [String: Any]

  init(_ record: [String: Any]) {
    x = Int(fixtureNumber(record["x"]))
    n = Int(fixtureNumber(record["n"]))
    p0 = fixtureNumber(record["p0"])
    level = fixtureNumber(record["level"])
    alternative = fixtureValue(record["alternative"], else: .twoSided)
    self.record = record
  }

  /// The reference number under `key`.
  subscript(key: String) -> Double { fixtureNumber(record[key]) }
}

/// The "one_sample" cases of the fixture at `path` (under Tests/Fixtures).
func oneSampleCases(_ path: String) throws -> [OneSampleCase] {
  try fixtureCases(path, key: "one_sample").map(OneSampleCase.init)
}

// McNemarAlternativeTests.swift: the exact McNemar p-value for every alternative against R's
// binom.test(b, b + c, alternative =) and SciPy's binomtest.
import Contingency
import ResampleCore
import Testing
import _TestSupport

@Test func exactMcNemarMatchesRAndSciPyEveryAlternative() throws {
  for path in ["contingency/alternatives_r.json", "contingency/alternatives_py.json"] {
    let cases = try fixtureCases(path, key: "mcnemar")
    #expect(cases.count >= 27)
    for c in cases {
      let (b, cc) = (Int(fixtureNumber(c["b"])), Int(fixtureNumber(c["c"])))
      let alt = fixtureValue(c["alternative"], else: Alternative.twoSided)
      let t = try ContingencyTable(rows: [[10, b], [cc, 10]])
      let r = try mcNemarTest(t, alternative: alt)
      #expect(r.exactAlternative == alt)
      #expect(
        isClose(r.exactPValue, fixtureNumber(c["exact_p"]), relative: 1e-10),
        "\(path) b=\(b) c=\(cc) \(alt): \(r.exactPValue)")
      // The χ² p-value does not depend on the alternative.
      let twoSided = try mcNemarTest(t).pValue
      #expect(r.pValue.isNaN || r.pValue == twoSided)
    }
  }
}

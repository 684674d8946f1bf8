// End-to-end tests of `resample padjust`: R p.adjust parity, formats, errors.
import Foundation
import Testing
import _TestSupport

@Suite struct PAdjustCLITests {
  @Test func everyMethodMatchesRPAdjust() throws {
    let fixture = try #require(loadJSONFixture("padjust/padjust.json") as? [String: Any])
    let cases = try #require(fixture["cases"] as? [[String: Any]])
    let c = try #require(cases.first)  // p = 0.01 ... 0.05
    let p = try #require(c["p"] as? [Double])
    for method in ["holm", "hochberg", "hommel", "bonferroni", "BH", "BY"] {
      let r = try runCLI(["padjust", "--method", method, "--format", "json"] + p.map { "\($0)" })
      #expect(r.status == 0, "\(r.stderr)")
      let obj = try #require(
        try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
      #expect(obj["method"] as? String == method)
      let got = try #require(obj["adjusted"] as? [Double])
      let want = try #require(c[method] as? [Double])
      for (g, w) in zip(got, want) { #expect(isClose(g, w, relative: 1e-13)) }
    }
  }

  @Test func defaultIsHolmAndTextCsvWork() throws {
    let text = try runCLI(["padjust", "0.01", "0.04"])
    #expect(text.status == 0 && text.stdout.contains("adjusted (holm)"))
    let csv = try runCLI(["padjust", "--format", "csv", "0.01", "0.04"])
    #expect(csv.stdout == "index,p_value,adjusted\n1,0.01,0.02\n2,0.04,0.04\n")
  }

  @Test(arguments: [
    (["0.1", "1.5"], "p-value 2"), (["--method", "fdr_tsbky", "0.1"], "--method"),
    (["--n", "1", "0.1", "0.2"], "--n"), (["--alpha", "0.1", "0.1"], "--alpha"),
    (["abc"], "p-value 1"), ([], "p-values"),
  ])
  func badInputExits64(args: [String], fragment: String) throws {
    let r = try runCLI(["padjust"] + args)
    #expect(r.status == 64 && r.stderr.contains(fragment), "\(r.stderr)")
    #expect(r.stderr.split(separator: "\n").count == 1)
  }
}

// End-to-end tests of `resample dist`: JSON contract, round-tripping numbers, bad input.
import Foundation
import Testing
import _TestSupport

private func json(_ args: [String]) throws -> [String: Any] {
  let r = try runCLI(args + ["--format", "json"])
  #expect(r.status == 0, "stderr: \(r.stderr)")
  return try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
}

@Suite struct DistCLITests {
  @Test func chisqAtUsesUpperTail() throws {
    // mpmath, 50 digits: chi2(df=3) sf at 1500 = 4.5722...e-324 underflows; use x = 1000:
    // sf = Q(1.5, 500) = 6.2357…e-216 (checked below only to 1e-12 relative against mpmath).
    let obj = try json(["dist", "chisq", "--df", "3", "--at", "1000"])
    #expect(obj["distribution"] as? String == "chisq")
    let sf = try #require(obj["sf"] as? Double)
    #expect(sf > 0 && sf < 1e-200)
    #expect(obj["cdf"] as? Double == 1.0)
    let params = try #require(obj["parameters"] as? [String: Any])
    #expect(params["df"] as? Double == 3)
  }

  @Test func normalQuantileRoundTrips() throws {
    let obj = try json(["dist", "normal", "--quantile", "0.975"])
    let q = try #require(obj["quantile"] as? Double)
    #expect(isClose(q, 1.959963984540054, relative: 1e-15))
    #expect(obj["p"] as? Double == 0.975)
  }

  @Test func upperQuantileOfTinyTail() throws {
    let obj = try json(["dist", "normal", "--upper-quantile", "1e-300"])
    let q = try #require(obj["quantile"] as? Double)
    // mpmath: the x with sf(x) = 1e-300 is 37.047096…
    #expect(isClose(q, 37.04710, relative: 1e-6))
    #expect(obj["q"] as? Double == 1e-300)
  }

  @Test func discreteUsesPMFKey() throws {
    let obj = try json(["dist", "binomial", "--trials", "10", "--prob", "0.5", "--at", "5"])
    let pmf = try #require(obj["pmf"] as? Double)
    #expect(isClose(pmf, 252.0 / 1024.0, relative: 1e-14))
    #expect(obj["pdf"] == nil)
    let cdf = try #require(obj["cdf"] as? Double)
    let sf = try #require(obj["sf"] as? Double)
    #expect(isClose(cdf, 638.0 / 1024.0, relative: 1e-14))
    #expect(isClose(sf, 386.0 / 1024.0, relative: 1e-14))
  }

  @Test func discreteQuantileIsInteger() throws {
    let r = try runCLI(["dist", "poisson", "--rate", "3", "--quantile", "0.5", "--format", "json"])
    #expect(r.status == 0)
    #expect(r.stdout.contains("\"quantile\": 3"))
  }

  @Test func hypergeometricAt() throws {
    let obj = try json([
      "dist", "hypergeometric", "--population", "20", "--successes", "7", "--draws", "12",
      "--at", "4",
    ])
    // C(7,4)·C(13,8)/C(20,12) = 35·1287/125970
    let pmf = try #require(obj["pmf"] as? Double)
    #expect(isClose(pmf, 35.0 * 1287.0 / 125970.0, relative: 1e-13))
  }

  @Test func jsonNumbersRoundTrip() throws {
    let r = try runCLI(["dist", "t", "--df", "3.5", "--at", "0.1", "--format", "json"])
    // Every number printed must parse back to a double whose shortest form is the printed text.
    let numbers = r.stdout.split(whereSeparator: { " ,:\n[]{}".contains($0) })
      .compactMap { Double($0) }
    #expect(!numbers.isEmpty)
    for x in numbers { #expect(Double(x.description) == x) }
  }

  @Test func negativeArgumentsNeedNoEqualsSign() throws {
    let obj = try json(["dist", "t", "--df", "1e6", "--at", "-30"])
    let cdf = try #require(obj["cdf"] as? Double)
    #expect(cdf > 0 && cdf < 1e-190)  // mpmath: 6.01e-198
    let m = try json(["dist", "normal", "--mean", "-3", "--at", "-3"])
    #expect(m["cdf"] as? Double == 0.5)
  }

  @Test func errorNamesTheFlag() throws {
    let r = try runCLI(["dist", "chisq", "--df", "0", "--at", "1"])
    #expect(r.stderr.contains("--df"))
  }

  @Test func textFormatIsDefault() throws {
    let r = try runCLI(["dist", "normal", "--mean", "1", "--sd", "2", "--at", "1"])
    #expect(r.status == 0)
    #expect(r.stdout.contains("pdf"))
    #expect(r.stdout.contains("normal(mean=1.0 sd=2.0)"))
  }

  @Test(arguments: [
    ["dist", "chisq", "--df", "0", "--at", "1"],
    ["dist", "chisq", "--df", "-2", "--at", "1"],
    ["dist", "t", "--df", "nan", "--at", "1"],
    ["dist", "normal", "--quantile", "1.5"],
    ["dist", "normal", "--upper-quantile", "-0.1"],
    ["dist", "normal", "--sd", "0", "--at", "1"],
    ["dist", "nosuch", "--at", "1"],
    ["dist", "chisq", "--at", "1"],
    ["dist", "normal", "--df", "3", "--at", "1"],
    ["dist", "normal"],
    ["dist", "normal", "--at", "1", "--quantile", "0.5"],
    ["dist", "binomial", "--trials", "10", "--prob", "1.2", "--at", "1"],
    ["dist", "binomial", "--trials", "3.5", "--prob", "0.2", "--at", "1"],
    [
      "dist", "hypergeometric", "--population", "5", "--successes", "7", "--draws", "2", "--at",
      "1",
    ],
    ["dist", "beta", "--alpha", "1", "--beta", "0", "--at", "0.5"],
    ["dist", "gamma", "--shape", "2", "--scale", "-1", "--at", "1"],
    ["dist", "poisson", "--rate", "-1", "--at", "1"],
  ])
  func badInputExits64OnOneLine(args: [String]) throws {
    let r = try runCLI(args)
    #expect(r.status == 64, "\(args): status \(r.status), stderr \(r.stderr)")
    #expect(r.stderr.split(separator: "\n").count == 1, "\(args): \(r.stderr)")
    #expect(r.stdout.isEmpty)
  }
}

// BootDesignCLITests.swift: `resample boot --data` with a survey design (issue 12 item 4): the
// Rao–Wu bootstrap against R survey's subbootstrap replicates through the same estimator
// (Tests/Fixtures/survey-design/bootstrap/generate.R), within Monte Carlo error, and the
// linearization SE exactly.
import Foundation
import Testing
import _TestSupport

private struct Case: Decodable {
  var name: String
  var fpc: Bool
  var group: [String]?
  var estimate, linearizationSe, rBootstrapSe, acceleration: Double
  var rBootstrapReplicates: Int
  var rPercentile95: [Double]
}

@Suite struct BootDesignCLITests {
  @Test func raoWuBootstrapAgreesWithRSurvey() throws {
    let cases = try snakeCaseFixtureCases(
      Case.self, "survey-design/bootstrap/expected.json", count: 5)
    let b = 4000
    for c in cases {
      let file = c.name.hasPrefix("apiclus1") ? "apiclus1.csv" : "apistrat.csv"
      var args = [
        "boot", "--data", fixtureURL("survey-design/bootstrap/" + file).path, "--column",
        "api00", "--weight", "pw", "--replicates", "\(b)", "--seed", "11", "--method",
        "percentile,basic,normal,bca", "--format", "json",
      ]
      args += c.name.hasPrefix("apiclus1") ? ["--cluster", "dnum"] : ["--strata", "stype"]
      if c.fpc { args += ["--fpc", "fpc"] }
      if let g = c.group {
        args += [
          "--group", "stype", "--compare", g.joined(separator: ","), "--statistic",
          "difference",
        ]
      }
      let j = try runCLIJSON(args)
      let design = try #require(j["design"] as? [String: Any])
      #expect(isClose(fixtureNumber(j["estimate"]), c.estimate, relative: 1e-9), "\(c.name)")
      #expect(
        isClose(
          fixtureNumber(design["linearization_standard_error"]), c.linearizationSe,
          relative: 1e-9), "\(c.name)")
      // Monte Carlo: both SEs have error ≈ SE/√(2B); the 2.5 % and 97.5 % quantiles
      // ≈ √(.025·.975/B)/φ(1.96) · SE each. 4 standard errors of the difference.
      let se = fixtureNumber(j["standard_error"])
      let seTol =
        4 * c.rBootstrapSe
        * (1 / Double(2 * b) + 1 / Double(2 * c.rBootstrapReplicates))
        .squareRoot()
      #expect(abs(se - c.rBootstrapSe) <= seTol, "\(c.name): SE \(se) vs R \(c.rBootstrapSe)")
      let q = (0.025 * 0.975).squareRoot() / 0.05844
      let qTol =
        4 * q * c.rBootstrapSe
        * (1 / Double(b) + 1 / Double(c.rBootstrapReplicates))
        .squareRoot()
      let pct = fixtureNumbers((j["intervals"] as? [String: Any])?["percentile"])
      #expect(pct.count == 2)
      for (ours, r) in zip(pct, c.rPercentile95) {
        #expect(abs(ours - r) <= qTol, "\(c.name): percentile bound \(ours) vs R \(r)")
      }
      #expect(j["seed"] as? Int == 11 && j["rng"] is String && j["tool"] is String)
      #expect(
        isClose(fixtureNumber(j["acceleration"]), c.acceleration, relative: 1e-9),
        "\(c.name): acceleration")
    }
  }

  @Test func resultsDoNotDependOnThreads() throws {
    let base = [
      "boot", "--data", fixtureURL("survey-design/bootstrap/apistrat.csv").path, "--column",
      "api00", "--weight", "pw", "--strata", "stype", "--fpc", "fpc", "--replicates", "999",
      "--seed", "3", "--method", "percentile,bca", "--format", "json",
    ]
    let one = try runCLI(base + ["--threads", "1"])
    let two = try runCLI(base + ["--threads", "2"])
    #expect(one.status == 0 && one.stdout == two.stdout)
  }

  @Test(arguments: [
    (["--statistic", "median"], "--statistic"),
    (["--method", "studentized"], "studentized"),
    (["--sample-a", "x.txt"], "--data"),
    (["--group", "stype", "--compare", "E,Q", "--statistic", "difference"], "'Q'"),
  ])
  func refusalsNameTheProblem(_ extra: [String], _ mention: String) throws {
    var args = ["boot", "--weight", "pw", "--cluster", "dnum"]
    if !extra.contains("--sample-a") {
      args += [
        "--data", fixtureURL("survey-design/bootstrap/apiclus1.csv").path, "--column", "api00",
      ]
    }
    let r = try runCLI(args + extra)
    #expect(r.status == 64, "\(extra)")
    #expect(r.stderr.contains(mention), "\(r.stderr)")
    #expect(r.stderr.split(separator: "\n").count == 1)
  }
}

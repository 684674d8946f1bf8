// StratifiedCLITests.swift: `resample trend` and `resample cmh` (issue 13 item 2) against R's
// prop.trend.test, prop.test, mantelhaen.test and independent R code for Breslow–Day and the
// generalized CMH statistics (Tests/Fixtures/contingency/stratified/generate.R), from typed-in
// counts and from respondent / long data files (labels kept, order stated).
import Foundation
import Testing
import _TestSupport

private func cases(_ section: String) throws -> [[String: Any]] {
  let root = try loadJSONFixture("contingency/stratified/stratified_r.json") as? [String: Any]
  return root?[section] as? [[String: Any]] ?? []
}

private func path(_ name: String) -> String { fixtureURL("contingency/" + name).path }

private func numbers(_ any: Any?) -> [Double] { (any as? [Any] ?? []).map { fixtureNumber($0) } }

private func list(_ any: Any?) -> String {
  numbers(any).map { $0 == $0.rounded() ? String(Int($0)) : String($0) }.joined(separator: ",")
}

private func close(_ a: Any?, _ b: Any?, _ tolerance: Double = 1e-9) -> Bool {
  let x = fixtureNumber(a)
  let y = fixtureNumber(b)
  return isClose(x, y, relative: tolerance) || (x.isNaN && y.isNaN)
}

/// Checks the JSON object `result`'s estimate (its field `key`) and interval ("lower", "upper")
/// against R's `estimate` and `interval` (a two-number list).
private func expectEstimate(
  _ result: Any?, _ key: String, _ estimate: Any?, interval: Any?, _ what: String,
  sourceLocation: SourceLocation = #_sourceLocation
) {
  let got = result as? [String: Any] ?? [:]
  let ci = numbers(interval)
  #expect(close(got[key], estimate), "\(what)", sourceLocation: sourceLocation)
  #expect(
    ci.count == 2 && close(got["lower"], ci[0]) && close(got["upper"], ci[1]), "\(what) CI",
    sourceLocation: sourceLocation)
}

@Suite struct StratifiedCLITests {
  @Test func trendFromCountsAndFromDataMatchesR() throws {
    var fromData = 0
    for c in try cases("trend") {
      let name = c["name"] as? String ?? ""
      let args = c["args"] as? [String] ?? []
      var runs = [
        ["trend", "--x", list(c["x"]), "--n", list(c["n"]), "--scores", list(c["scores"])]
      ]
      if !args.isEmpty {
        runs.append(["trend", "--data", path("stratified/esoph_long.csv")] + args)
        fromData += 1
      }
      for run in runs {
        let j = try runCLIJSON(run)
        #expect(close(j["statistic"], c["statistic"]), "\(name) \(run)")
        #expect(close(j["p_value"], c["p_value"]), "\(name) p")
        #expect(j["df"] as? Int == 1)
        let d = j["departure"] as? [String: Any] ?? [:]
        #expect(close(d["statistic"], c["departure"]), "\(name) departure")  // both null for k = 2
        #expect(close(d["p_value"], c["departure_p_value"]), "\(name) departure p")
        #expect(numbers(j["x"]) == numbers(c["x"]) && numbers(j["n"]) == numbers(c["n"]))
        if run.contains("--data") {
          #expect(
            (j["row_labels"] as? [String]) == ["0-39g/day", "40-79", "80-119", "120+"], "\(name)")
          #expect(j["success"] as? String == "case")
        }
      }
    }
    #expect(fromData == 2)
  }

  @Test func trendExampleAndTableInput() throws {
    // R: prop.trend.test(c(83, 90, 129, 70), c(86, 93, 136, 82)) X-squared = 8.2249, p = 0.004132.
    let t = try runCLI(["trend", "--x", "83,90,129,70", "--n", "86,93,136,82"])
    #expect(t.status == 0 && t.stdout.contains("8.22492") && t.stdout.contains("departure"))
    let a = try runCLIJSON(["trend", "--x", "83,90,129,70", "--n", "86,93,136,82"])
    let b = try runCLIJSON(["trend", "--table", "83,3;90,3;129,7;70,12"])
    #expect(close(a["statistic"], b["statistic"], 1e-14))
    let csv = try runCLI(["trend", "--x", "83,90,129,70", "--n", "86,93,136,82", "--format", "csv"])
    #expect(csv.stdout.hasPrefix("statistic,df,p_value,z,departure_statistic"))
  }

  @Test func trendRefusesOutcomesWithoutTwoCategories() throws {
    let r = try runCLI([
      "trend", "--data", path("crosstab/housing_long.csv"), "--rows", "Infl", "--cols", "Sat",
      "--freq-weight", "Freq",
    ])
    #expect(r.status == 64 && r.stdout.isEmpty)
    #expect(r.stderr.contains("--success") && r.stderr.contains("--linear-by-linear"))
    #expect(r.stderr.split(separator: "\n").count == 1)
    // --success counts one answer against the rest.
    let j = try runCLIJSON([
      "trend", "--data", path("crosstab/housing_long.csv"), "--rows", "Infl", "--cols", "Sat",
      "--freq-weight", "Freq", "--order", "Low,Medium,High", "--success", "High",
    ])
    #expect(j["success"] as? String == "High")
    let bad = try runCLI(["trend", "--x", "1,2", "--n", "3"])
    #expect(bad.status == 64 && bad.stderr.contains("--n"))
    let none = try runCLI(["trend", "--x", "0,0,0", "--n", "3,4,5"])
    #expect(none.status == 64 && none.stderr.contains("NaN"))
  }

  @Test func linearByLinearMatchesR() throws {
    for c in try cases("linear_by_linear") {
      let name = c["name"] as? String ?? ""
      var args = c["args"] as? [String] ?? []
      if args.isEmpty {
        let rows = (c["table"] as? [[Any]] ?? []).map { list($0) }.joined(separator: ";")
        args = ["--table", rows, "--linear-by-linear"]
      } else {
        args = ["--data", path("crosstab/housing_long.csv")] + args
      }
      let j = try runCLIJSON(["trend"] + args)
      #expect(j["test"] as? String == "linear-by-linear")
      #expect(close(j["statistic"], c["statistic"]), "\(name)")
      #expect(close(j["p_value"], c["p_value"]), "\(name) p")
      #expect(close(j["correlation"], c["correlation"]), "\(name) r")
      if args.contains("--data") {
        #expect((j["row_labels"] as? [String]) == ["Low", "Medium", "High"])
      }
    }
  }

  @Test func cmhMatchesRFromTablesAndFromData() throws {
    var fromData = 0
    for c in try cases("cmh") {
      let name = c["name"] as? String ?? ""
      let args = c["args"] as? [String] ?? []
      let scores = ["--scores", list(c["row_scores"]), "--col-scores", list(c["column_scores"])]
      var runs = [["cmh", "--tables", c["text"] as? String ?? "", "--exact"] + scores]
      if !args.isEmpty {
        let file =
          name.hasPrefix("UCB")
          ? path("crosstab/ucb_long.csv")
          : name.hasPrefix("housing")
            ? path("crosstab/housing_long.csv") : path("stratified/esoph_long.csv")
        runs.append(["cmh", "--data", file, "--freq-weight", "Freq", "--exact"] + args + scores)
        fromData += 1
      }
      let twoByTwo = numbers(c["row_scores"]).count == 2 && numbers(c["column_scores"]).count == 2
      for var run in runs {
        if !twoByTwo { run.removeAll { $0 == "--exact" } }
        let j = try runCLIJSON(run)
        let g = j["generalized"] as? [String: Any] ?? [:]
        let e = c["generalized"] as? [String: Any] ?? [:]
        for key in ["general_association", "row_mean_scores", "correlation"] {
          let got = g[key] as? [String: Any] ?? [:]
          let want = e[key] as? [String: Any] ?? [:]
          #expect(close(got["statistic"], want["statistic"]), "\(name) \(key)")
          #expect(close(got["p_value"], want["p_value"]), "\(name) \(key) p")
        }
        if run.contains("--data") {
          #expect((j["row_labels"] as? [String]) == (c["row_labels"] as? [String]), "\(name)")
          #expect((j["column_labels"] as? [String]) == (c["column_labels"] as? [String]))
          #expect((j["strata_labels"] as? [String]) == (c["strata_labels"] as? [String]))
        }
        let tables = (j["tables"] as? [[[Any]]] ?? []).map {
          $0.map { $0.map { fixtureNumber($0) } }
        }
        let want = (c["tables"] as? [[[Any]]] ?? []).map { $0.map { $0.map { fixtureNumber($0) } } }
        #expect(tables == want, "\(name) counts")
        guard twoByTwo else {
          #expect(j["test"] as? String == "generalized-cmh")
          #expect(close(j["statistic"], c["statistic"]), "\(name)")
          #expect(close(j["p_value"], c["p_value"]), "\(name) p")
          #expect(j["df"] as? Int == Int(fixtureNumber(c["df"])))
          continue
        }
        // --exact: the top-level result is R's mantelhaen.test(x, exact = TRUE).
        #expect(close(j["p_value"], c["exact_p_value"]), "\(name) exact p")
        expectEstimate(
          j["exact"], "odds_ratio", c["exact_estimate"], interval: c["exact_ci"], "\(name) cMLE")
        let mh = j["mantel_haenszel"] as? [String: Any] ?? [:]
        #expect(close(mh["statistic"], c["statistic"]), "\(name) MH")
        #expect(close(mh["p_value"], c["p_value"]), "\(name) MH p")
        expectEstimate(
          j["common_odds_ratio"], "estimate", c["mh_odds_ratio"], interval: c["mh_ci"], "\(name) OR"
        )
        let bd = j["breslow_day"] as? [String: Any] ?? [:]
        #expect(close(bd["statistic"], c["breslow_day"]), "\(name) BD")
        #expect(close(bd["tarone_statistic"], c["tarone"]), "\(name) Tarone")
        #expect(close(bd["tarone_p_value"], c["tarone_p"]), "\(name) Tarone p")
        // Without --exact and with --correction none: R's mantelhaen.test(x, correct = FALSE).
        let u = try runCLIJSON(run.filter { $0 != "--exact" } + ["--correction", "none"])
        #expect(u["test"] as? String == "mantel-haenszel")
        #expect(close(u["statistic"], c["statistic_uncorrected"]), "\(name) uncorrected")
        #expect(close(u["p_value"], c["p_value_uncorrected"]), "\(name) uncorrected p")
      }
    }
    #expect(fromData == 4)
  }

  @Test func cmhOneSidedMatchesR() throws {
    for c in try cases("cmh") where c["less"] != nil {
      let name = c["name"] as? String ?? ""
      for alternative in ["less", "greater"] {
        let want = c[alternative] as? [String: Any] ?? [:]
        let base = ["cmh", "--tables", c["text"] as? String ?? "", "--alternative", alternative]
        let j = try runCLIJSON(base)
        #expect(j["alternative"] as? String == alternative)
        #expect(close(j["p_value"], want["p_value"]), "\(name) \(alternative) MH p")
        let or = j["common_odds_ratio"] as? [String: Any] ?? [:]
        let ci = want["ci"] as? [Any] ?? []
        #expect(close(or["lower"], ci.first) || fixtureNumber(ci.first) == 0, "\(name) lower")
        // JSON writes an infinite limit as null.
        #expect(close(or["upper"], ci.last) || (or["upper"] is NSNull), "\(name) upper")
        let e = try runCLIJSON(base + ["--exact"])
        #expect(close(e["p_value"], want["exact_p_value"]), "\(name) \(alternative) exact p")
        let ex = e["exact"] as? [String: Any] ?? [:]
        let eci = want["exact_ci"] as? [Any] ?? []
        #expect(close(ex["lower"], eci.first) || fixtureNumber(eci.first) == 0, "\(name)")
        #expect(close(ex["upper"], eci.last) || (ex["upper"] is NSNull), "\(name)")
      }
    }
    let r = try runCLI(["cmh", "--tables", "1,2,3;4,5,6|2,2,1;3,1,6", "--alternative", "less"])
    #expect(r.status == 64 && r.stderr.contains("2×2×K"))
  }

  @Test func cmhErrorsAndOutputs() throws {
    let ucb = path("crosstab/ucb_long.csv")
    let base = [
      "cmh", "--data", ucb, "--rows", "Admit", "--cols", "Gender", "--by", "Dept",
      "--freq-weight", "Freq",
    ]
    let text = try runCLI(base)
    #expect(
      text.status == 0 && text.stdout.contains("stratum A") && text.stdout.contains("Breslow–Day"))
    #expect(text.stdout.contains("Robins–Breslow–Greenland"))
    let csv = try runCLI(base + ["--format", "csv"])
    #expect(
      csv.stdout.hasPrefix("test,statistic,df,p_value,estimate,lower,upper\nmantel-haenszel,"))
    // One stratum; a stratum with one observation; a row empty in every stratum.
    for (tables, word) in [
      ("1,2;3,4", "2 strata"), ("1,2;3,4|1,0;0,0", "at least 2"),
      ("1,2,3;4,5,6;0,0,0|2,2,1;3,1,6;0,0,0", "singular"),
    ] {
      let r = try runCLI(["cmh", "--tables", tables])
      #expect(r.status == 64 && r.stderr.contains(word), "\(tables): \(r.stderr)")
      #expect(r.stdout.isEmpty && r.stderr.split(separator: "\n").count == 1)
    }
    let exact = try runCLI(["cmh", "--tables", "1,2,3;4,5,6|2,2,1;3,1,6", "--exact"])
    #expect(exact.status == 64 && exact.stderr.contains("2×2"))
    let missingBy = try runCLI(["cmh", "--data", ucb, "--rows", "Admit", "--cols", "Gender"])
    #expect(missingBy.status == 64 && missingBy.stderr.contains("--by"))
  }
}

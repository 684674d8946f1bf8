// `compare --distribution`, `--scores` and `--numeric` (issue 13 item 3) against R on real files:
// ANES 1996 selfLR 1–7 by party, MASS housing satisfaction by influence (frequency weights) and
// apistrat api00 by school type. References: Tests/Fixtures/survey/categorical/likert.R.
import Foundation
import Testing
import _TestSupport

@Suite struct CompareLikertCLITests {
  static let fast = ["--seed", "7", "--replicates", "999", "--no-power"]
  static let anes = fixtureURL("contingency/crosstab/anes96_respondents.csv").path
  static let housing = fixtureURL("contingency/crosstab/housing_long.csv").path
  static let api = fixtureURL("survey/categorical/apistrat.csv").path
  static let noAnswers = fixtureURL("survey/categorical/anes_no_answers.csv").path
  static let apiMissing = fixtureURL("survey/categorical/api_missing.csv").path
  static let housingArgs = [
    "--data", housing, "--segment", "Infl", "--questions", "Sat", "--freq-weight", "Freq",
    "--distribution",
  ]

  static func r(_ key: String) throws -> [String: Any] {
    let all = try #require(
      try loadJSONFixture("survey/categorical/likert_expected.json") as? [String: Any])
    return try #require(all[key] as? [String: Any])
  }

  static func question(_ args: [String]) throws -> [String: Any] {
    let j = try runCLIJSON(["compare"] + fast + args)
    #expect(j["seed"] as? Int == 7 && j["rng"] as? String == "philox4x32-10/1")
    return try #require((j["questions"] as? [[String: Any]])?.first)
  }

  /// Asserts `a` is within 1e-9 relative of `b` and records the largest error seen.
  static func close(_ a: Any?, _ b: Any?, _ what: String) {
    let (x, y) = (fixtureNumber(a), fixtureNumber(b))
    #expect(isClose(x, y, relative: 1e-9), "\(what): \(x) vs R \(y)")
  }

  static func closeAll(_ a: Any?, _ b: Any?, _ what: String) {
    let (x, y) = (fixtureNumbers(a), fixtureNumbers(b))
    #expect(x.count == y.count, "\(what): \(x) vs R \(y)")
    for (u, v) in zip(x, y) { #expect(isClose(u, v, relative: 1e-9), "\(what): \(x) vs R \(y)") }
  }

  /// Shares, Wilson intervals, the omnibus and every pair's test and Holm p-value match R.
  static func matchesDistribution(_ q: [String: Any], _ r: [String: Any]) throws {
    #expect(q["answers"] as? [String] == r["answers"] as? [String])
    let segments = try #require(q["segments"] as? [[String: Any]])
    #expect(segments.map { $0["name"] as? String ?? "" } == r["segments"] as? [String])
    let counts = fixtureIntMatrix(r["counts"])
    let wilson = try #require(r["wilson"] as? [[Any]])
    for (i, s) in segments.enumerated() {
      let shares = try #require(s["shares"] as? [[String: Any]])
      #expect(shares.map { $0["count"] as? Int ?? -1 } == counts[i])
      for (j, a) in shares.enumerated() {
        if wilson[i][j] is NSNull {
          #expect(a["wilson"] is NSNull)
        } else {
          closeAll(a["wilson"], wilson[i][j], "wilson \(i) \(j)")
        }
      }
    }
    let omnibus = try #require(q["omnibus"] as? [String: Any])
    let ro = try #require(r["omnibus"] as? [String: Any])
    #expect(omnibus["test"] as? String == ro["test"] as? String)
    close(omnibus["statistic"], ro["statistic"], "omnibus statistic")
    #expect(omnibus["df"] as? Int == ro["df"] as? Int)
    if ro["test"] as? String != "fisher-exact-monte-carlo" {
      close(omnibus["p_value"], ro["p_value"], "omnibus p")
    }
    let pairs = try #require(q["pairs"] as? [[String: Any]])
    let rp = try #require(r["pairs"] as? [[String: Any]])
    #expect(pairs.count == rp.count)
    for (p, e) in zip(pairs, rp) {
      #expect(p["a"] as? String == e["a"] as? String && p["b"] as? String == e["b"] as? String)
      #expect(p["test"] as? String == e["test"] as? String)
      close(p["statistic"], e["statistic"], "pair statistic")
      close(p["p_value"], e["p_value"], "pair p")
    }
    closeAll(pairs.map { $0["p_adjusted"] as Any }, r["p_holm"], "holm")
  }

  /// Welch differences (estimate, t, df, p, interval) and their Holm p-values match R.
  static func matchesMeans(_ pairs: [[String: Any]], _ rp: [[String: Any]], holm: Any?) throws {
    #expect(pairs.count == rp.count)
    for (p, e) in zip(pairs, rp) {
      #expect(p["test"] as? String == "welch-t")
      for (k, rk) in [
        ("difference", "difference"), ("statistic", "statistic"), ("df", "df"),
        ("p_value", "p_value"),
      ] {
        close(p[k], e[rk], "welch \(k)")
      }
      closeAll((p["intervals"] as? [String: Any])?["welch"], e["interval"], "welch interval")
    }
    closeAll(pairs.map { $0["p_adjusted"] as Any }, holm, "welch holm")
  }

  static func matchesSummaries(_ segments: [[String: Any]], _ rs: [[String: Any]]) {
    #expect(segments.count == rs.count)
    for (s, e) in zip(segments, rs) {
      #expect(fixtureNumber(s["n"]) == fixtureNumber(e["n"]))
      close(s["mean"], e["mean"], "mean")
      close(s["sd"], e["sd"], "sd")
      closeAll(s["t_interval"], e["t_interval"], "t interval")
    }
  }

  /// The distribution, the mean scores and their Welch differences match R.
  static func matchesScoredDistribution(_ q: [String: Any], _ r: [String: Any]) throws {
    try matchesDistribution(q, r)
    let segments = try #require(q["segments"] as? [[String: Any]])
    matchesSummaries(
      segments.compactMap { $0["mean_score"] as? [String: Any] },
      try #require(r["mean_score"] as? [[String: Any]]))
    try matchesMeans(
      try #require(q["mean_pairs"] as? [[String: Any]]),
      try #require(r["mean_pairs"] as? [[String: Any]]), holm: r["mean_p_holm"])
  }

  /// The segment column as a question is associated with the segments by construction: it gave
  /// exit 0 and p = 3e-67 under --distribution before; now it is refused in every mode.
  @Test func theSegmentColumnIsNotAQuestion() throws {
    for mode in [["--distribution"], ["--numeric"], []] {
      let r = try runCLI(
        ["compare", "--data", Self.anes, "--segment", "party", "--questions", "party"] + mode)
      #expect(r.status == 64, "\(mode): \(r.stderr)")
      #expect(r.stderr.contains("not the segment column 'party'"), "\(r.stderr)")
    }
  }

  @Test func housingSatisfactionByInfluence() throws {
    let r = try Self.r("housing")
    let q = try Self.question(
      Self.housingArgs + ["--order", "Low,Medium,High", "--scores", "1,2,3"])
    #expect(q["kind"] as? String == "distribution")
    #expect(q["answer_order"] as? String == "declared")
    try Self.matchesScoredDistribution(q, r)
    // Without --order the answers keep their order of first appearance, and the output says so.
    let plain = try Self.question(Self.housingArgs)
    #expect(plain["answer_order"] as? String == "first-appearance")
    #expect(plain["answers"] as? [String] == ["Low", "Medium", "High"])
    #expect(
      plain["mean_pairs"] as? [Any] == nil || (plain["mean_pairs"] as? [Any])?.isEmpty == true)
  }

  /// `--level 0.9` sets the Wilson, Student t and Welch intervals (R's conf.level = 0.9).
  @Test func levelSetsEveryInterval() throws {
    let r = try Self.r("housing_90")
    let q = try Self.question(Self.housingArgs + ["--scores", "1,2,3", "--level", "0.9"])
    try Self.matchesScoredDistribution(q, r)
  }

  @Test func anAnswerNobodyGaveHasShareZero() throws {
    let r = try Self.r("housing_unused")
    let j = try runCLIJSON(
      ["compare"] + Self.housingArgs + ["--order", "Low,Medium,High,Very high"] + Self.fast)
    let q = try #require((j["questions"] as? [[String: Any]])?.first)
    try Self.matchesDistribution(q, r)
    let notes = (j["assumptions"] as? [String] ?? []).joined(separator: " ")
    #expect(notes.contains("nobody answered 'Very high'"), "\(notes)")
  }

  @Test func anesSelfPlacementByParty() throws {
    let r = try Self.r("anes_selflr")
    let q = try Self.question([
      "--data", Self.anes, "--segment", "party", "--questions", "selfLR", "--distribution",
      "--scores", "codes",
    ])
    #expect(q["answer_order"] as? String == "numeric")
    try Self.matchesDistribution(q, r)
    // 3 × 7 with small expected counts: FEXACT runs out of workspace in R too; compare's Monte
    // Carlo finds no table as extreme (R's estimate over 9999 tables is its bound 1e-4).
    let omnibus = try #require(q["omnibus"] as? [String: Any])
    #expect(omnibus["p_value_bound"] as? String == "upper")
    #expect(fixtureNumber(omnibus["p_value"]) <= 1e-4)
    try Self.matchesMeans(
      try #require(q["mean_pairs"] as? [[String: Any]]),
      try #require(r["mean_pairs"] as? [[String: Any]]), holm: r["mean_p_holm"])
  }

  @Test func aSegmentWithoutAnswersIsLeftOutOfTheTests() throws {
    let r = try Self.r("no_answers")
    let j = try runCLIJSON(
      [
        "compare", "--data", Self.noAnswers, "--segment", "party", "--distribution",
        "--missing", "Don't know",
      ] + Self.fast)
    let q = try #require((j["questions"] as? [[String: Any]])?.first)
    try Self.matchesDistribution(q, r)
    let segments = try #require(q["segments"] as? [[String: Any]])
    #expect(segments.last?["n"] as? Int == 0)
    #expect((q["non_answers"] as? [[String: Any]])?.first?["count"] as? Int == 37)
    #expect(
      (j["assumptions"] as? [String] ?? []).contains {
        $0.contains("segment Independent has no answers")
      })
  }

  @Test func numericColumnsCompareMeans() throws {
    for (key, file) in [("api_numeric", Self.api), ("api_missing", Self.apiMissing)] {
      let r = try Self.r(key)
      let q = try Self.question([
        "--data", file, "--segment", "stype", "--questions", "api00", "--numeric",
        "--replicates", "9999",
      ])
      #expect(q["kind"] as? String == "numeric")
      #expect(q["missing"] as? Int == r["missing"] as? Int)
      Self.matchesSummaries(
        try #require(q["segments"] as? [[String: Any]]),
        try #require(r["summary"] as? [[String: Any]]))
      let pairs = try #require(q["mean_pairs"] as? [[String: Any]])
      let rp = try #require(r["pairs"] as? [[String: Any]])
      try Self.matchesMeans(pairs, rp, holm: r["p_holm"])
      // Bootstrap ends within 4 Monte Carlo standard errors of R boot (each run has its own
      // error, so the allowance is 4·√2 of ours).
      for (p, e) in zip(pairs, rp) {
        let intervals = try #require(p["intervals"] as? [String: Any])
        let mc = try #require(
          (p["bootstrap"] as? [String: Any])?["monte_carlo_error"] as? [String: Any])
        for (ours, theirs, err) in [
          ("bootstrap_percentile", "boot_percentile", "percentile"),
          ("bootstrap_bca", "boot_bca", "bca"),
        ] {
          let x = fixtureNumbers(intervals[ours])
          let y = fixtureNumbers(e[theirs])
          let se = fixtureNumbers(mc[err])
          for k in 0..<2 {
            #expect(
              abs(x[k] - y[k]) <= 4 * 2.0.squareRoot() * se[k],
              "\(ours)[\(k)] \(x) vs R \(y) (\(se))")
          }
        }
      }
    }
  }

  /// Large-n sanity check: with 419 and 488 respondents the bootstrap intervals of the
  /// difference of mean selfLR (Republican − Democrat) sit within 4 Monte Carlo standard errors
  /// of Welch's (R t.test, in likert_expected.json's anes_selflr mean pairs).
  @Test func bootstrapAgreesWithWelchAtLargeN() throws {
    let r = try Self.r("anes_selflr")
    let welch = fixtureNumbers(
      try #require((r["mean_pairs"] as? [[String: Any]])?.first)["interval"])
    let q = try Self.question([
      "--data", Self.anes, "--segment", "party", "--questions", "selfLR", "--numeric",
      "--replicates", "9999",
    ])
    let p = try #require((q["mean_pairs"] as? [[String: Any]])?.first)
    #expect(p["a"] as? String == "Republican" && p["b"] as? String == "Democrat")
    let intervals = try #require(p["intervals"] as? [String: Any])
    let mc = try #require(
      (p["bootstrap"] as? [String: Any])?["monte_carlo_error"] as? [String: Any])
    for (key, err) in [("bootstrap_percentile", "percentile"), ("bootstrap_bca", "bca")] {
      let x = fixtureNumbers(intervals[key])
      let se = fixtureNumbers(mc[err])
      for k in 0..<2 {
        #expect(abs(x[k] - welch[k]) <= 4 * se[k], "\(key)[\(k)] \(x) vs Welch \(welch) (\(se))")
      }
    }
  }

  @Test(arguments: [
    (
      [
        "--data", anes, "--segment", "party", "--questions", "voted_clinton", "--missing",
        "no,Don't know", "--distribution",
      ], "1 answer ('yes')"
    ),
    (["--data", api, "--segment", "stype", "--questions", "api00"], "--numeric"),
    (
      ["--data", anes, "--segment", "party", "--questions", "selfLR"],
      "with --distribution, its means with --numeric"
    ),
    (
      ["--data", anes, "--segment", "party", "--questions", "selfLR", "--order", "1,2"],
      "--distribution with it"
    ),
    (
      [
        "--data", anes, "--segment", "party", "--questions", "selfLR", "--distribution",
        "--numeric",
      ],
      "either --distribution or --numeric"
    ),
    (
      [
        "--data", anes, "--segment", "party", "--questions", "selfLR", "--distribution",
        "--top-box", "2",
      ],
      "no --top-box with --distribution"
    ),
    (
      [
        "--data", anes, "--segment", "party", "--questions", "selfLR", "--distribution", "--order",
        "1,2,3",
      ],
      "not in the declared order"
    ),
    (
      [
        "--data", anes, "--segment", "party", "--questions", "selfLR", "--distribution", "--scores",
        "1,2",
      ],
      "7 scores"
    ),
    (
      [
        "--data", anes, "--segment", "party", "--questions", "voted_clinton", "--distribution",
        "--scores", "codes",
      ],
      "numeric answers"
    ),
    (
      ["--data", anes, "--segment", "party", "--questions", "voted_clinton", "--numeric"], "line 2"
    ),
    (["--percent", "a=50,b=40", "--total", "100", "--distribution"], "--data FILE with them"),
  ])
  func refusals(_ args: [String], _ fragment: String) throws {
    let r = try runCLI(["compare"] + args + Self.fast)
    #expect(r.status == 64, "\(r.stderr)")
    #expect(r.stdout.isEmpty && r.stderr.split(separator: "\n").count == 1)
    #expect(r.stderr.contains(fragment), "\(r.stderr)")
  }

  @Test func textAndCSV() throws {
    let args = ["compare"] + Self.housingArgs + ["--scores", "1,2,3"] + Self.fast
    let t = try runCLI(args)
    #expect(t.status == 0, "\(t.stderr)")
    #expect(t.stdout.contains("Question: Sat (answers Low, Medium, High)"))
    #expect(t.stdout.contains("Low vs High") && t.stdout.contains("Mean scores"))
    let c = try runCLI(args + ["--format", "csv"])
    let lines = c.stdout.split(separator: "\n")
    #expect(lines.first?.hasPrefix("question,row,a,b,answer,count,n,estimate") == true)
    // 9 shares, 3 segment means, 3 distribution pairs, 3 mean differences.
    #expect(lines.count == 1 + 9 + 3 + 3 + 3, "\(c.stdout)")
    let n = try runCLI(
      ["compare", "--data", Self.api, "--segment", "stype", "--questions", "api00", "--numeric"]
        + Self.fast)
    #expect(n.status == 0 && n.stdout.contains("BCa"), "\(n.stderr)")
  }
}

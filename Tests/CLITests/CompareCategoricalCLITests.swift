// `compare --data` on multi-category items (issue 13 regression): a Likert item, a numeric score
// or a yes/no item with "Don't know" is refused with what was found, never split into one
// question per category; `Q=VALUE` and `--missing` say what to test. Files written by pandas
// (ANES 1996, Tests/Fixtures/contingency/crosstab) and R (apistrat); figures from R.
import Foundation
import Testing
import _TestSupport

@Suite struct CompareCategoricalCLITests {
  static let fast = ["--seed", "7", "--replicates", "999", "--no-power"]
  static let anes = fixtureURL("contingency/crosstab/anes96_respondents.csv").path
  static let api = fixtureURL("survey/categorical/apistrat.csv").path

  static func expected() throws -> [String: Any] {
    try #require(try loadJSONFixture("survey/categorical/expected.json") as? [String: Any])
  }

  static func json(_ args: [String]) throws -> [String: Any] {
    let r = try runCLI(["compare"] + args + fast + ["--format", "json"])
    #expect(r.status == 0, "\(args): \(r.stderr)")
    return try #require(
      try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
  }

  /// The question's segments, counts and omnibus statistic match R's table and chisq.test.
  static func matches(_ q: [String: Any], _ r: [String: Any]) throws {
    let segments = try #require(q["segments"] as? [[String: Any]])
    #expect(segments.map { $0["name"] as? String ?? "" } == r["segments"] as? [String])
    #expect(segments.map { Int($0["x"] as? Double ?? -1) } == r["x"] as? [Int])
    #expect(segments.map { Int($0["n"] as? Double ?? -1) } == r["n"] as? [Int])
    let omnibus = try #require(q["omnibus"] as? [String: Any])
    #expect(
      isClose(
        try #require(omnibus["statistic"] as? Double),
        try #require(r["pearson_statistic"] as? Double), relative: 1e-9))
    if omnibus["test"] as? String == "pearson-chi-squared" {
      #expect(
        isClose(
          try #require(omnibus["p_value"] as? Double), try #require(r["pearson_p"] as? Double),
          relative: 1e-9))
    }
  }

  @Test(arguments: [
    // Before: 7 questions "selfLR = 7.0", "selfLR = 3.0", … in order of first appearance.
    (["--data", anes, "--segment", "party", "--questions", "selfLR"], "has 7 answers (1..7)"),
    // Before: 156 questions, 468 pairwise comparisons.
    (["--data", api, "--segment", "stype", "--questions", "api00"], "156 distinct values"),
    // Before: 3 questions (no, yes, Don't know), 9 pairs in the Holm family.
    (
      ["--data", anes, "--segment", "party", "--questions", "voted_clinton"],
      "--missing \"Don't know\""
    ),
    (["--data", anes, "--segment", "party", "--questions", "selfLR=8"], "no answer '8'"),
    (
      ["--data", anes, "--segment", "party", "--questions", "selfLR", "--top-box", "7"],
      "give 1 to 6"
    ),
    (
      ["--data", anes, "--segment", "selfLR", "--questions", "party", "--top-box", "1"],
      "rating scale of 3 to 11 numeric codes"
    ),
    (
      ["--data", api, "--segment", "stype", "--questions", "api00", "--top-box", "2"], "156 answers"
    ),
  ])
  func multiCategoryItemsAreRefused(_ args: [String], _ fragment: String) throws {
    let r = try runCLI(["compare"] + args + Self.fast)
    #expect(r.status == 64, "\(r.stderr)")
    #expect(r.stdout.isEmpty && r.stderr.split(separator: "\n").count == 1)
    #expect(r.stderr.contains(fragment), "\(r.stderr)")
  }

  /// Runs `compare` with `args` and checks its first question against the reference `key`.
  /// - Returns: the questions and the assumptions stated.
  static func firstQuestion(_ args: [String], matches key: String) throws -> (
    questions: [[String: Any]], notes: [String]
  ) {
    let j = try json(args)
    let qs = try #require(j["questions"] as? [[String: Any]])
    try matches(qs[0], try #require(try expected()[key] as? [String: Any]))
    return (qs, j["assumptions"] as? [String] ?? [])
  }

  @Test func pickedAnswerIsOneQuestion() throws {
    let (qs, _) = try Self.firstQuestion(
      ["--data", Self.anes, "--segment", "party", "--questions", "selfLR=7"], matches: "selflr_7")
    #expect(qs.map { $0["name"] as? String } == ["selfLR = 7"])
  }

  @Test func declaredNonAnswerKeepsAYesNoItemOneQuestion() throws {
    let (qs, notes) = try Self.firstQuestion(
      [
        "--data", Self.anes, "--segment", "party", "--questions", "voted_clinton", "--missing",
        "Don't know",
      ], matches: "voted_clinton")
    #expect(qs.count == 1 && (qs[0]["pairs"] as? [Any])?.count == 3)  // the Holm family: 3 pairs
    #expect(notes.contains { $0.contains("1 × 'Don't know' left out as non-answers") })
  }

  @Test func zeroOneFloatsAreYesNoAndNumericSegmentsOrderedByValue() throws {
    let (qs, notes) = try Self.firstQuestion(
      ["--data", Self.anes, "--segment", "selfLR", "--questions", "vote"],
      matches: "vote_by_selflr")
    #expect(qs.map { $0["name"] as? String } == ["vote"])  // before: "vote = 1.0", "vote = 0.0"
    #expect(notes.contains { $0.contains("ordered by value, 1, 2, 3, 4, 5, 6, 7") })
  }

  @Test func yesNoTextColumnOfAnRFileIsUnchanged() throws {
    let (_, notes) = try Self.firstQuestion(
      ["--data", Self.api, "--segment", "stype", "--questions", "sch.wide"], matches: "sch_wide")
    #expect(notes.contains { $0.contains("in order of first appearance, E, M, H") })
  }

  /// `--top-box 2` on a 7-point scale: one question, the share answering 6 or 7, with R's counts,
  /// χ² and pairwise Fisher p-values; a yes/no column in the same run stays yes/no.
  @Test func topBoxIsTheShareInTheHighestCodes() throws {
    let (qs, _) = try Self.firstQuestion(
      [
        "--data", Self.anes, "--segment", "party", "--questions", "selfLR,vote", "--top-box", "2",
      ], matches: "selflr_top2")
    #expect(qs.map { $0["name"] as? String } == ["selfLR top-2 box (6, 7)", "vote"])
    let pairs = try #require(qs[0]["pairs"] as? [[String: Any]])
    let r = try #require(try Self.expected()["selflr_top2_fisher_p"] as? [Double])
    #expect(pairs.count == r.count)
    for (pair, p) in zip(pairs, r) {
      #expect(isClose(try #require(pair["p_value"] as? Double), p, relative: 1e-9), "\(pair)")
    }
  }
}

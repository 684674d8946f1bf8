// CompareCLITests.swift: `resample compare` end to end, against Tests/Fixtures/survey/survey.json
// (SciPy/statsmodels, made by make_fixtures.py).
import Foundation
import Testing
import _TestSupport

@Suite struct CompareCLITests {
  static func json(_ args: [String]) throws -> [String: Any] {
    let r = try runCLI(["compare"] + args + ["--format", "json"])
    #expect(r.status == 0, "\(r.stderr)")
    let obj = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8))
    return try #require(obj as? [String: Any])
  }

  static func fixture() throws -> [String: Any] {
    try #require(try loadJSONFixture("survey/survey.json") as? [String: Any])
  }

  /// Whether the JSON numbers `got` and `want`, both present, agree to a relative 1e-9.
  static func agree(_ got: Any?, _ want: Any?) throws -> Bool {
    isClose(try #require(got as? Double), try #require(want as? Double), relative: 1e-9)
  }

  static let fast = ["--seed", "7", "--replicates", "999", "--simulations", "2000"]

  @Test func embeddedExampleStatesAssumptionsAndVerdicts() throws {
    let r = try runCLI(["compare"] + Self.fast)
    #expect(r.status == 0, "\(r.stderr)")
    let out = r.stdout
    let a = try #require(out.range(of: "Assumptions"))
    let q = try #require(out.range(of: "Question:"))
    #expect(a.lowerBound < q.lowerBound)  // assumptions first
    #expect(out.contains("Ardour (2013)"))
    #expect(out.contains("65 tables"))
    #expect(out.contains("Real difference"))
    #expect(out.contains("In plain words"))
    #expect(out.contains("McNemar"))
    #expect(r.stderr.isEmpty)
  }

  @Test func jsonKeepsTheContractNames() throws {
    let j = try Self.json(Self.fast)
    #expect(j["tool"] as? String != nil && j["rng"] as? String == "philox4x32-10/1")
    #expect(j["seed"] as? Int == 7)
    #expect((j["assumptions"] as? [String])?.isEmpty == false)
    let q = try #require((j["questions"] as? [[String: Any]])?.first)
    #expect(q["name"] as? String == "performance better than image")
    let seg = try #require((q["segments"] as? [[String: Any]])?.first)
    for k in ["name", "x", "n", "proportion"] { #expect(seg[k] != nil, "segments.\(k)") }
    let omni = try #require(q["omnibus"] as? [String: Any])
    for k in ["test", "statistic", "df", "p_value", "p_value_bound"] {
      #expect(omni.keys.contains(k), "omnibus.\(k)")
    }
    let pair = try #require((q["pairs"] as? [[String: Any]])?.first)
    for k in ["a", "b", "difference", "intervals", "p_value", "p_adjusted", "significant"] {
      #expect(pair[k] != nil, "pairs.\(k)")
    }
    let iv = try #require(pair["intervals"] as? [String: Any])
    #expect((iv["newcombe"] as? [Double])?.count == 2)
    #expect((iv["bootstrap_bca"] as? [Double])?.count == 2)
    let s = try #require(q["sensitivity"] as? [String: Any])
    for k in ["consistent_tables", "p_value_min", "p_value_max", "share_significant"] {
      #expect(s[k] != nil, "sensitivity.\(k)")
    }
    #expect(q["power"] as? [String: Any] != nil)
  }

  @Test func sensitivityMatchesScipyEnumeration() throws {
    let f = try Self.fixture()
    let cases = try #require(f["enumeration"] as? [[String: Any]])
    for c in cases where (c["total"] as? Int) != nil && (c["consistent_tables"] as? Int ?? 0) > 0 {
      let pct = try #require(c["percent"] as? [String])
      let total = try #require(c["total"] as? Int)
      let args =
        [
          "--percent", "a=\(pct[0]),b=\(pct[1])", "--total", "\(total)",
          "--decimals", "\(c["decimals"] as? Int ?? 0)", "--rounding",
          c["rounding"] as? String ?? "",
          "--min-n", "\(c["min_n"] as? Int ?? 1)", "--no-power",
        ] + Self.fast
      let j = try Self.json(args)
      let q = try #require((j["questions"] as? [[String: Any]])?.first)
      let s = try #require(q["sensitivity"] as? [String: Any])
      #expect(s["consistent_tables"] as? Int == c["consistent_tables"] as? Int, "\(pct)")
      let lo = try #require(s["p_value_min"] as? Double)
      let hi = try #require(s["p_value_max"] as? Double)
      #expect(isClose(lo, try #require(c["p_value_min"] as? Double), relative: 1e-9))
      #expect(isClose(hi, try #require(c["p_value_max"] as? Double), relative: 1e-9))
      #expect(s["share_significant"] as? Double == c["share_significant"] as? Double)
    }
  }

  @Test func countsGiveScipyFisherAndDesignEffectGivesRaoScott() throws {
    let j = try Self.json(["--counts", "g=50/82,d=32/74"] + Self.fast)
    let pair = try #require(
      ((j["questions"] as? [[String: Any]])?.first?["pairs"] as? [[String: Any]])?.first)
    #expect(isClose(try #require(pair["p_value"] as? Double), 0.0366350618906566, relative: 1e-9))
    let f = try Self.fixture()
    let d = try #require((f["design_effect"] as? [[String: Any]])?.first)
    let j2 = try Self.json(["--counts", "g=50/82,d=32/74", "--deff", "1.5"] + Self.fast)
    let q2 = try #require((j2["questions"] as? [[String: Any]])?.first)
    let p2 = try #require((q2["pairs"] as? [[String: Any]])?.first)
    #expect(p2["test"] as? String == "rao-scott-chi-squared")
    #expect(try Self.agree(p2["p_value"], d["adjusted_p"]))
    let nc = try #require((p2["intervals"] as? [String: Any])?["newcombe"] as? [Double])
    let want = try #require(d["newcombe_adjusted"] as? [Double])
    #expect(isClose(nc[0], want[0], relative: 1e-6) && isClose(nc[1], want[1], relative: 1e-6))
    #expect(
      (j2["assumptions"] as? [String])?.contains { $0.contains("Design effect 1.50") } == true)
    // --effective-n 104 of 156 is the same design effect.
    let j3 = try Self.json(["--counts", "g=50/82,d=32/74", "--effective-n", "104"] + Self.fast)
    let p3 = try #require(
      ((j3["questions"] as? [[String: Any]])?.first?["pairs"] as? [[String: Any]])?.first)
    #expect(p3["p_value"] as? Double == p2["p_value"] as? Double)
  }

  @Test func pairedRangeMatchesScipy() throws {
    let f = try Self.fixture()
    let c = try #require((f["paired"] as? [[String: Any]])?.first)
    let j = try Self.json(
      ["--percent", "perf=51,image=38", "--paired", "--total", "156"] + Self.fast)
    let p = try #require(j["paired"] as? [String: Any])
    #expect(p["feasible_tables"] as? Int == c["feasible_tables"] as? Int)
    #expect(try Self.agree(p["p_value_min"], c["p_value_min"]))
    #expect(try Self.agree(p["p_value_max"], c["p_value_max"]))
  }

  @Test func respondentDataMatchesScipyAndHolm() throws {
    let f = try Self.fixture()
    let ref = try #require(f["respondents"] as? [[String: Any]])
    let path = fixtureURL("survey/respondents.csv").path
    let j = try Self.json(
      ["--data", path, "--segment", "segment", "--questions", "q1,q2", "--no-power"] + Self.fast)
    let qs = try #require(j["questions"] as? [[String: Any]])
    #expect(qs.count == 2)
    for (q, r) in zip(qs, ref) {
      let counts = try #require(r["counts"] as? [String: [Int]])
      for s in try #require(q["segments"] as? [[String: Any]]) {
        let name = try #require(s["name"] as? String)
        #expect(s["x"] as? Double == Double(counts[name]?[0] ?? -1))
        #expect(s["n"] as? Double == Double(counts[name]?[1] ?? -1))
      }
      let omni = try #require(q["omnibus"] as? [String: Any])
      #expect(omni["test"] as? String == "pearson-chi-squared")
      #expect(try Self.agree(omni["p_value"], r["pearson_p"]))
      let pairs = try #require(q["pairs"] as? [[String: Any]])
      for (p, rp) in zip(pairs, try #require(r["pairs"] as? [[String: Any]])) {
        #expect(p["a"] as? String == rp["a"] as? String)
        #expect(try Self.agree(p["p_value"], rp["p_value"]))
        #expect(try Self.agree(p["p_adjusted"], rp["p_holm"]))
      }
    }
    // Categorical q3 (low/mid/high) is refused until multi-category items are analysed; one
    // answer of it is a yes/no question. Sampling weights and max-T run.
    let refused = try runCLI(
      ["compare", "--data", path, "--segment", "segment", "--questions", "q3", "--no-power"]
        + Self.fast)
    #expect(refused.status == 64 && refused.stderr.contains("q3=VALUE"))
    let j2 = try Self.json(
      ["--data", path, "--segment", "segment", "--questions", "q3=high", "--no-power"] + Self.fast)
    #expect(
      (j2["questions"] as? [[String: Any]])?.map { $0["name"] as? String ?? "" } == ["q3 = high"])
    let j3 = try Self.json(
      [
        "--data", path, "--segment", "segment", "--questions", "q1", "--weight", "weight",
        "--no-power",
      ] + Self.fast)
    let pw = try #require(
      ((j3["questions"] as? [[String: Any]])?.first?["pairs"] as? [[String: Any]])?.first)
    // Sampling weights make the analysis design-based (issue 12): each row its own PSU.
    #expect((j3["method"] as? String)?.hasPrefix("design-based") == true)
    #expect((pw["df"] as? Int ?? 0) > 0 && pw["p_value"] is Double)
    let j4 = try Self.json(
      [
        "--data", path, "--segment", "segment", "--questions", "q1,q3=low,q3=mid,q3=high",
        "--adjust",
        "max-t",
        "--no-power",
      ] + Self.fast)
    let adj =
      (j4["questions"] as? [[String: Any]])?.flatMap { ($0["pairs"] as? [[String: Any]]) ?? [] }
      .compactMap { $0["p_adjusted"] as? Double } ?? []
    #expect(adj.count == 12 && adj.allSatisfy { $0 >= 0 && $0 <= 1 })
  }

  @Test func specFileRunsSeveralQuestions() throws {
    let j = try Self.json(
      ["--spec", fixtureURL("survey/spec.json").path, "--no-power"] + Self.fast)
    #expect((j["questions"] as? [[String: Any]])?.count == 2)
    #expect(j["paired"] as? [String: Any] != nil)
  }

  /// The embedded example and its committed copy (which the library tests read) are the same data.
  @Test func embeddedExampleMatchesTheArdourFixture() throws {
    let embedded = try Self.json(Self.fast)
    let spec = try Self.json(["--spec", fixtureURL("survey/ardour.json").path] + Self.fast)
    for key in ["questions", "paired"] {
      let a = try #require(embedded[key] as? NSObject, "embedded \(key)")
      let b = try #require(spec[key] as? NSObject, "spec \(key)")
      #expect(a.isEqual(b), "\(key) differs between the embedded example and ardour.json")
    }
  }

  @Test func sameSeedSameOutputAndThreadsDoNotMatter() throws {
    let a = try runCLI(["compare", "--format", "json"] + Self.fast)
    let b = try runCLI(["compare", "--format", "json", "--threads", "2"] + Self.fast)
    #expect(a.status == 0 && a.stdout == b.stdout)
  }

  @Test func seedsKeepTheFullUInt64Range() throws {
    let big = "18446744073709551615"
    let c = try runCLI(
      ["compare", "--format", "json", "--seed", big, "--replicates", "999", "--no-power"])
    #expect(c.status == 0, "\(c.stderr)")
    #expect(c.stdout.contains("\"seed\": \(big)"))
    let p = try runCLI([
      "power", "--p1", "0.6", "--p2", "0.4", "--n", "30", "--seed", big,
      "--format", "json",
    ])
    #expect(p.status == 0, "\(p.stderr)")
    #expect(p.stdout.contains("\"seed\": \(big)"))
  }

  @Test func csvHasOneRowPerPairAndThePairedRow() throws {
    let r = try runCLI(["compare", "--format", "csv"] + Self.fast)
    #expect(r.status == 0)
    let lines = r.stdout.split(separator: "\n")
    #expect(lines.count == 3)
    #expect(lines[0].hasPrefix("question,a,b,x_a,n_a"))
    #expect(lines[2].hasPrefix("paired,"))
  }

  @Test func plotIsAnSVGWithTheForestAndTheSplits() throws {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent(
      "compare-\(getpid()).svg"
    ).path
    defer { try? FileManager.default.removeItem(atPath: path) }
    let r = try runCLI(["compare", "--plot", path] + Self.fast)
    #expect(r.status == 0, "\(r.stderr)")
    let svg = try String(contentsOfFile: path, encoding: .utf8)
    #expect(svg.contains("<svg") && svg.contains("</svg>"))
    #expect(svg.contains("no difference"))
    #expect(svg.contains("α = 0.05"))
    #expect(svg.components(separatedBy: "<circle").count > 65)
  }

  /// Every bad input (the arguments as typed, split at spaces): one line on stderr, exit 64.
  @Test(arguments: [
    "--percent a=101,b=43 --total 156",
    "--percent a=-1,b=43 --total 156",
    "--percent a=61,b=43",
    "--percent a=61,b=43 --n a=82,c=74",
    "--percent a=61,b=43 --n a=78,b=77",
    "--percent a=61,b=43 --n a=0,b=77",
    "--percent a=61.5,b=43 --total 156",
    "--percent a=50,b=50 --total 3",
    "--counts a=5/0,b=3/4",
    "--counts a=5/4,b=3/4",
    "--counts a=-1/4,b=3/4",
    "--counts a=1/4",
    "--counts a=1/4,b=2/4 --percent a=1,b=2",
    "--counts a=1/9223372036854775807,b=2/4",
    "--counts a=1/4,b=2/4 --adjust max-t",
    "--counts a=1/4,b=2/4 --adjust nope",
    "--counts a=1/4,b=2/4 --deff 0",
    "--counts a=1/4,b=2/4 --alpha 1.5",
    "--percent a=51,b=38,c=3 --paired --total 156",
    "--data survey/respondents.csv --segment nope",
    "--data survey/respondents.csv --segment segment --questions q9",
    "--data survey/bad_weight.csv --segment segment --weight weight",
    "--data survey/empty_segment.csv --segment segment",
    "--data survey/segment_without_answers.csv --segment segment",
    "--data survey/ragged.csv --segment segment",
    "--data survey/does-not-exist.csv --segment segment",
  ])
  func badInputExits64WithOneLine(_ typed: String) throws {
    let args = typed.split(separator: " ").map(String.init)
    let resolved = args.map { $0.hasPrefix("survey/") ? fixtureURL($0).path : $0 }
    let r = try runCLI(["compare", "--no-power"] + resolved + Self.fast)
    #expect(r.status == 64, "\(args): \(r.stderr)")
    #expect(r.stdout.isEmpty)
    let lines = r.stderr.split(separator: "\n")
    #expect(lines.count == 1, "\(r.stderr)")
    if args.contains("survey/bad_weight.csv") { #expect(r.stderr.contains("line 4")) }
    if args.contains("survey/empty_segment.csv") { #expect(r.stderr.contains("line 3")) }
    if args.contains("survey/ragged.csv") { #expect(r.stderr.contains("line 3")) }
    if args.contains("a=78,b=77") { #expect(r.stderr.contains("GRIM")) }
  }

  /// Issue 16: near-equal proportions of a million respondents made the required-size search
  /// convert an out-of-range Double to Int (SIGILL, exit 132).
  @Test func nearEqualHugeSegmentsDoNotTrap() throws {
    let j = try Self.json([
      "--counts", "a=999999/1000000,b=999998/999999", "--replicates", "99", "--seed", "1",
    ])
    let q = try #require((j["questions"] as? [[String: Any]])?.first)
    #expect(q["pairs"] != nil)
  }

  /// Issue 16: the paired enumeration grew as ~T^4.6 with no limit (minutes at --total 10000);
  /// it is refused up front with the option that raises the limit.
  @Test func pairedEnumerationHasAWorkLimit() throws {
    let r = try runCLI([
      "compare", "--percent", "a=50,b=50", "--paired", "--total", "10000", "--seed", "1",
    ])
    #expect(r.status == 64)
    #expect(r.stderr.contains("--paired-work-limit"))
    let small = try runCLI([
      "compare", "--percent", "a=51,b=38", "--paired", "--total", "156", "--seed", "1",
      "--paired-work-limit", "1000",
    ])
    #expect(small.status == 64 && small.stderr.contains("too large"))
    let bad = try runCLI(["compare", "--paired-work-limit", "0", "--seed", "1"])
    #expect(bad.status == 64)
  }

  /// Issue 16: power is analytic by default (cheap, descriptive: `exact`/`simulated` are null),
  /// exact and simulated on request with `--power-method`; unknown methods are refused.
  @Test func powerIsAnalyticByDefaultAndExactOnRequest() throws {
    let args = ["--counts", "a=50/82,b=32/74", "--replicates", "99", "--seed", "3"]
    func power(_ j: [String: Any]) throws -> [String: Any] {
      let q = try #require((j["questions"] as? [[String: Any]])?.first)
      return try #require(((q["power"] as? [String: Any])?["pairs"] as? [[String: Any]])?.first)
    }
    let cheap = try power(try Self.json(args))
    #expect(cheap["method"] as? String == "analytic")
    #expect(cheap["exact"] is NSNull && cheap["simulated"] is NSNull)
    #expect(cheap["n_required_exact"] is NSNull)
    #expect(cheap["analytic"] is Double && cheap["n_required_analytic"] is Int)
    let full = try power(
      try Self.json(args + ["--power-method", "all", "--simulations", "500"]))
    #expect(full["method"] as? String == "all")
    #expect(full["exact"] is Double && full["n_required_exact"] is Int)
    #expect((full["simulated"] as? [String: Any])?["power"] is Double)
    #expect(cheap["analytic"] as? Double == full["analytic"] as? Double)
    let bad = try runCLI(["compare", "--power-method", "post-hoc", "--seed", "1"])
    #expect(bad.status == 64)
  }
}

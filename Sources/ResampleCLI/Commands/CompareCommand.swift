// CompareCommand.swift: `resample compare` — which segment differences in a survey are real.
import ArgumentParser
import Foundation
import Resample
import SurveyPresentation
import _Platform

struct CompareCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "compare",
    abstract:
      "Which differences between survey segments are real? (no input: the Ardour 2013 example)",
    discussion: """
      Input, one of: --percent with --n and/or --total (published percentages; every integer \
      table consistent with the rounding is tested), --counts, --data with --segment \
      (respondent rows), or --spec (a JSON file with several questions). With no input the \
      embedded Ardour 2013 example runs. --paired compares two items of the same respondents \
      (--percent "a=51,b=38" --paired --total 156); with --data F, --paired Q1,Q2 names two \
      yes/no items of its respondents (McNemar and Newcombe's paired interval). See \
      Guides/Compare.md for the JSON schema.
      """)

  @Option(help: "Published percentages, e.g. \"group-owned=61,decentralised=43\".")
  var percent: String?
  @Option(help: "Segment sizes or ranges, e.g. \"group-owned=82,decentralised=60..90\".")
  var n: String?
  @Option(help: "The total size of the compared segments (when sizes are not published).")
  var total: Int?
  @Option(help: "Decimals the percentages were rounded to.")
  var decimals: Int = 0
  @Option(help: "The publisher's rounding (unknown: both .5 boundaries).")
  var rounding: PublisherRounding = .unknown
  @Option(name: .customLong("min-n"), help: "Smallest segment size considered with --total.")
  var minN: Int = 1
  @Option(help: "Counts, e.g. \"group-owned=50/82,decentralised=32/74\".")
  var counts: String?
  @Option(help: "Respondent data: a CSV file with a header (\"-\" reads stdin).")
  var data: String?
  @Option(help: "The segment column of --data.")
  var segment: String?
  @Option(
    help:
      "Answer columns of --data, comma-separated (default: all others); COLUMN=ANSWER tests the share giving ANSWER."
  )
  var questions: String?
  // Unconditional, so that `--missing -9` is read as the value.
  @Option(
    parsing: .unconditional,
    help:
      "Answers of --data that are non-answers, comma-separated (e.g. \"Don't know,-9\"); left out and counted."
  )
  var missing: String?
  @Option(
    name: .customLong("top-box"),
    help:
      "With --data: a rating-scale question (3 to 11 numeric codes) becomes the share answering one of its K highest codes."
  )
  var topBox: Int?
  @OptionGroup(title: "Multi-category and numeric items of --data") var items: ItemOptions
  @OptionGroup(title: "Two items of the same respondents in --data") var pairedItems:
    PairedItemsOptions
  @OptionGroup(title: "Survey design of --data") var design: DesignOptions
  @OptionGroup(title: "Format of --data") var dataFormat: DataFileOptions
  @Option(help: "The omnibus test with a survey design (default rao-scott-f).")
  var omnibus: OmnibusChoice?
  @Option(help: "A JSON file describing several questions (see Guides/Compare.md).")
  var spec: String?
  @Option(help: "The question's name.")
  var name: String = "question"
  @Flag(help: "Two items answered by the same respondents (McNemar over feasible tables).")
  var paired = false
  @Option(help: "Design effect (first-order Rao–Scott).")
  var deff: Double?
  @Option(name: .customLong("effective-n"), help: "Effective total sample size (sets deff).")
  var effectiveN: Double?
  @Option(help: "Significance level.")
  var alpha: Double = 0.05
  @OptionGroup var levelOptions: LevelOptions
  @Option(help: "Multiplicity adjustment: a p.adjust method or the bootstrap max-t.")
  var adjust: CompareAdjustChoice = .holm
  @OptionGroup var replicateOptions: ReplicateOptions
  @Option(help: "Simulated studies per power figure.")
  var simulations: Int = 10_000
  @Option(help: "Target power for the required size per segment.")
  var target: Double = 0.8
  @OptionGroup var random: RandomOptions
  @Option(
    help: """
      Power figures: analytic (default; normal approximation and required n, descriptive), \
      exact (enumeration and the exact required n), simulated, all. exact/simulated cost \
      seconds per pair.
      """)
  var powerMethod: PowerMethod = .analytic
  @Flag(name: .customLong("no-power"), help: "Skip the power analysis.")
  var noPower = false
  @Option(
    help: """
      With --paired: the most McNemar terms evaluated over the feasible tables (default \
      200000000, about a second); larger enumerations are refused.
      """)
  var pairedWorkLimit: Int = PairedFeasibleTables.defaultWorkLimit
  @Option(
    name: .customLong("max-tables"),
    help: """
      With --percent: the most consistent tables tested one by one (default 1000000); beyond, \
      a uniform random sample of --sample-tables is tested (seeded, shares with their Monte \
      Carlo error).
      """)
  var maxTables: Int = ConsistentTableEnumeration.defaultLimit
  @Option(
    name: .customLong("sample-tables"),
    help:
      "With --percent beyond --max-tables: how many consistent tables to sample (default 100000).")
  var sampleTables: Int = 100_000
  @Option(help: "Write a forest plot (and the p-value across consistent splits) to this SVG file.")
  var plot: String?
  @OptionGroup var output: OutputOptions<TextJSONCSV>

  func run() throws {
    var options = SurveyComparisonOptions(seed: random.resolvedSeed())
    options.alpha = alpha
    options.level = levelOptions.level
    options.replicates = replicateOptions.replicates
    options.simulations = simulations
    options.powerTarget = target
    options.threads = random.threadCount
    options.computePower = !noPower
    options.powerMethod = powerMethod
    guard pairedWorkLimit >= 1 else {
      throw InputError.invalidParameter(
        name: "--paired-work-limit", value: "\(pairedWorkLimit)", expected: "an integer ≥ 1")
    }
    options.pairedWorkLimit = pairedWorkLimit
    guard (1...100_000_000).contains(maxTables) else {
      throw InputError.invalidParameter(
        name: "--max-tables", value: "\(maxTables)", expected: "an integer from 1 to 100000000")
    }
    guard (1...10_000_000).contains(sampleTables) else {
      throw InputError.invalidParameter(
        name: "--sample-tables", value: "\(sampleTables)",
        expected: "an integer from 1 to 10000000")
    }
    options.maxTables = maxTables
    options.sampleTables = sampleTables
    if let m = adjust.adjustment {
      options.adjustment = m
    } else {
      options.maxT = true
    }
    let roundingMode = rounding
    if let pair = try pairedItems.items(flag: paired) { return try runPairedItems(pair) }
    let inputs = [percent, counts, data, spec].compactMap { $0 }.count
    guard inputs <= 1 else {
      throw InputError.invalidParameter(
        name: "input", value: "\(inputs) kinds",
        expected: "one of --percent, --counts, --data, --spec")
    }
    if n != nil && percent == nil {
      throw InputError.invalidParameter(name: "--n", value: n ?? "", expected: "--percent with it")
    }
    if total != nil && percent == nil && !(spec != nil) {
      throw InputError.invalidParameter(
        name: "--total", value: "\(total ?? 0)", expected: "--percent with it")
    }
    if paired && n != nil {
      throw InputError.invalidParameter(
        name: "--n", value: n ?? "", expected: "--total N (the respondents) with --paired")
    }
    if paired && percent == nil {
      throw InputError.invalidParameter(
        name: "--paired", value: "set", expected: "--percent \"a=51,b=38\" and --total N")
    }
    if data == nil
      && (segment != nil || questions != nil || design.isSet || missing != nil || topBox != nil
        || items.isSet)
    {
      throw InputError.invalidParameter(
        name: "--segment/--questions/--missing/--top-box/--distribution/--numeric/design options",
        value: "set",
        expected: "--data FILE with them")
    }
    if omnibus != nil && !design.isDesign {
      throw InputError.invalidParameter(
        name: "--omnibus", value: omnibus?.rawValue ?? "",
        expected: "a survey design (--weight, --strata, --cluster or --replicate-weights)")
    }
    guard minN >= 1 else {
      throw InputError.invalidParameter(name: "--min-n", value: "\(minN)", expected: "n ≥ 1")
    }

    var qs: [SurveyQuestion] = []
    var pairedInput: PairedPercentages?
    var extraAssumptions: [String] = []
    var title = "resample compare"
    var respondentsTotal: Double?

    if inputs == 0 {
      qs = [try ArdourExample.question()]
      pairedInput = try ArdourExample.paired()
      extraAssumptions = ArdourExample.assumptions
      title = "resample compare: the embedded example, \(ArdourExample.source)"
      respondentsTotal = 156
    } else if let percent {
      let ps = try SegmentList.percentages(percent, decimals: decimals, rounding: roundingMode)
      if paired {
        guard ps.count == 2 else {
          throw InputError.invalidParameter(
            name: "--percent", value: percent, expected: "exactly two items with --paired")
        }
        guard let total, total > 0 else {
          throw InputError.invalidParameter(
            name: "--total", value: total.map(String.init) ?? "missing",
            expected: "the number of respondents (> 0) with --paired")
        }
        pairedInput = PairedPercentages(
          firstName: ps[0].name, secondName: ps[1].name, first: ps[0].percentage,
          second: ps[1].percentage, n: total)
        respondentsTotal = Double(total)
      } else {
        qs = [
          try Self.percentQuestion(
            name: name, ps: ps, sizes: n, total: total, minN: minN)
        ]
        respondentsTotal = total.map(Double.init)
      }
    } else if let counts {
      let cs = try SegmentList.counts(counts)
      qs = [
        try SurveyQuestion(
          name: name, segmentNames: cs.map(\.name),
          data: .counts(yes: cs.map(\.x), sizes: cs.map(\.n)))
      ]
      respondentsTotal = Double(cs.reduce(0) { $0 + $1.n })
    } else if let data {
      guard let segment else {
        throw InputError.invalidParameter(
          name: "--segment", value: "missing", expected: "the segment column of --data")
      }
      let cols = questions.map {
        $0.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) }
      }
      let table = try dataFormat.streamedTable(data) { header in
        try Self.usedColumns(
          header: header, source: data, segment: segment, questions: cols, design: design)
      }
      let declared =
        missing.map {
          $0.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) }
        } ?? []
      if items.isSet {
        try items.check(others: [
          ("--top-box", topBox != nil), ("design options", design.isDesign),
          ("--deff", deff != nil),
          ("--effective-n", effectiveN != nil), ("--plot", plot != nil),
          ("--adjust max-t", options.maxT),
        ])
        let r = try items.run(
          table: table, segment: segment, questions: cols, missing: declared,
          freqWeight: design.freqWeight, options: options)
        switch output.chosen {
        case .json: emit(r.json().rendered())
        case .csv: emit(r.csv())
        default: emit(r.text())
        }
        return
      }
      let rows = try RespondentData.rows(
        table: table, segmentColumn: segment, questionColumns: cols,
        excluding: try design.columns(in: table), missing: declared, topBox: topBox)
      if design.isDesign {
        try runDesignBased(table: table, rows: rows)
        return
      }
      let expanded = try Self.respondentQuestions(rows, table: table, freqWeight: design.freqWeight)
      qs = expanded.questions
      extraAssumptions = rows.notes + expanded.notes
      respondentsTotal = expanded.respondents
    } else if let spec {
      let parsed = try SurveySpec.read(path: spec)
      qs = parsed.questions
      pairedInput = parsed.paired
      if let d = parsed.deff, deff == nil { options.designEffect = try DesignEffect(d) }
    }
    if let deff { options.designEffect = try DesignEffect(deff) }
    if let effectiveN {
      guard deff == nil else {
        throw InputError.invalidParameter(
          name: "--effective-n", value: "\(effectiveN)", expected: "either --deff or --effective-n")
      }
      guard let respondentsTotal else {
        throw InputError.invalidParameter(
          name: "--effective-n", value: "\(effectiveN)",
          expected: "a known total (--total, --n, --counts or --data)")
      }
      guard effectiveN >= 1 || effectiveN.isNaN else {
        throw InputError.invalidParameter(
          name: "--effective-n", value: "\(effectiveN)", expected: "an effective sample size ≥ 1")
      }
      options.designEffect = try DesignEffect(
        respondents: InputError.checkedInt(respondentsTotal, "the total"),
        effectiveSize: effectiveN)
    }
    try Self.checkEffectiveSize(
      options.designEffect, respondents: respondentsTotal,
      option: effectiveN != nil ? "--effective-n" : "--deff",
      typed: effectiveN ?? deff ?? options.designEffect.value)

    if isatty(2) != 0 && output.chosen == .text || isatty(2) != 0 && plot != nil {
      FileHandle.standardError.write(
        Data(
          ("resample: comparing (bootstrap B = \(options.replicates), power by enumeration and "
            + "\(options.simulations) simulated studies)…\n")
            .utf8))
    }
    let result = try SurveyComparison.compare(qs, paired: pairedInput, options: options)
    let assumptions = extraAssumptions + SurveyVerdictText.assumptions(result)

    if let plot { try ComparePlot.make(result).write(to: plot) }
    switch output.chosen {
    case .json: emit(CompareOutput.json(result, assumptions: assumptions).rendered())
    case .csv: emit(CompareOutput.csv(result))
    default: emit(CompareOutput.text(result, title: title, assumptions: assumptions))
    }
  }

  /// The columns of `--data` that compare reads: the segment, the questions (every column when
  /// `--questions` is not given), and the design's columns; the others are not kept in memory.
  ///
  /// - Throws: `InputError` naming a segment, question or design column the header lacks, with
  ///   every column of the file listed.
  static func usedColumns(
    header: [String], source: String, segment: String, questions: [String]?,
    design: DesignOptions
  ) throws -> [Int] {
    let head = try CSVTable(header: header, rows: [], source: source)
    guard let questions else { return Array(header.indices) }
    var keep = [try head.columnIndex(named: segment)]
    for q in questions where !q.isEmpty {
      keep.append(try head.columnIndex(named: QuestionSelector(q, header: header).column))
    }
    for name in try design.columns(in: head) { keep.append(try head.columnIndex(named: name)) }
    return keep
  }

  /// The design-based path of `--data` (a sampling design was declared).
  func runDesignBased(table: CSVTable, rows: RespondentRows) throws {
    for (given, option) in [
      (deff != nil, "--deff"), (effectiveN != nil, "--effective-n"), (plot != nil, "--plot"),
    ] where given {
      throw InputError.invalidParameter(
        name: option, value: "set",
        expected: "no \(option) with a survey design (the design gives the variances)")
    }
    guard let adjustment = adjust.adjustment else {
      throw InputError.invalidParameter(
        name: "--adjust", value: adjust.rawValue,
        expected: "a p.adjust method with a survey design (max-t is a bootstrap adjustment)")
    }
    let (d, notes) = try design.design(table)
    let r = try DesignComparison.run(
      rows: rows, design: d, notes: notes, level: levelOptions.level, alpha: alpha,
      adjustment: adjustment, omnibus: omnibus ?? .raoScottF)
    switch output.chosen {
    case .json: emit(try r.json().rendered())
    case .csv: emit(r.csv())
    default: emit(try r.text())
    }
  }

  /// Yes/no questions by segment from respondent rows; with frequency weights each row counts
  /// as that many identical respondents (exactly the expanded data).
  static func respondentQuestions(
    _ rows: RespondentRows, table: CSVTable, freqWeight: String?
  ) throws -> (questions: [SurveyQuestion], notes: [String], respondents: Double) {
    var copies = [Int](repeating: 1, count: rows.segmentOfRow.count)
    var notes: [String] = []
    if let freqWeight {
      copies = try DesignOptions.frequencies(table, freqWeight)
      notes.append(
        "Frequency weights from column '\(freqWeight)': \(copies.count) rows stand for "
          + "\(copies.reduce(0, +)) respondents, analysed exactly as the expanded data.")
    }
    let k = rows.segmentNames.count
    var out: [SurveyQuestion] = []
    for q in rows.questions {
      var answers = [[Bool]](repeating: [], count: k)
      for (r, answer) in q.answers.enumerated() {
        guard let a = answer else { continue }
        answers[rows.segmentOfRow[r]].append(contentsOf: repeatElement(a, count: copies[r]))
      }
      out.append(
        try SurveyQuestion(
          name: q.name, segmentNames: rows.segmentNames,
          data: .respondents(answers: answers, weights: nil)))
    }
    return (out, notes, Double(copies.reduce(0, +)))
  }

  /// Refuses a design effect that leaves fewer than one effective respondent in all, or
  /// infinitely many (`--deff 1e308` widened the bootstrap interval to ±1e154 points and printed
  /// `inf`; `--deff 5e-324` made every count infinite and blamed the counts).
  /// - Throws: `InputError.invalidParameter` naming the option the user typed.
  static func checkEffectiveSize(
    _ d: DesignEffect, respondents: Double?, option: String, typed: Double
  ) throws {
    let n = respondents ?? 1
    let effective = n / d.value
    guard effective.isFinite, effective >= 1, (1 / d.value).isFinite else {
      throw InputError.invalidParameter(
        name: option, value: "\(typed)",
        expected: respondents == nil
          ? "a design effect with a finite reciprocal"
          : "a design effect ≤ the \(n < 9e18 ? String(Int(n)) : "\(n)") respondents (at least "
            + "one effective respondent) whose reciprocal is finite")
    }
  }

  /// A percentage question from --percent, --n and --total.
  static func percentQuestion(
    name: String, ps: [(name: String, percentage: PublishedPercentage)], sizes: String?,
    total: Int?, minN: Int
  ) throws -> SurveyQuestion {
    guard ps.count >= 2 else {
      throw InputError.invalidParameter(
        name: "--percent", value: ps.map(\.name).joined(separator: ","),
        expected: "at least two segments")
    }
    var ranges: [String: ClosedRange<Int>] = [:]
    if let sizes {
      for s in try SegmentList.sizes(sizes) {
        guard ps.contains(where: { $0.name == s.name }) else {
          throw InputError.invalidParameter(
            name: "--n", value: s.name,
            expected: "a segment named in --percent (\(ps.map(\.name).joined(separator: ", ")))")
        }
        ranges[s.name] = s.sizes
      }
    }
    if let total, total <= 0 {
      throw InputError.invalidParameter(name: "--total", value: "\(total)", expected: "n > 0")
    }
    var list: [ClosedRange<Int>] = []
    for p in ps {
      if let r = ranges[p.name] {
        list.append(r)
      } else if let total {
        guard minN <= total else {
          throw InputError.invalidParameter(
            name: "--min-n", value: "\(minN)", expected: "at most --total (\(total))")
        }
        list.append(minN...total)
      } else {
        throw InputError.invalidParameter(
          name: "--n", value: sizes ?? "missing",
          expected: "a size for segment '\(p.name)' (or give --total)")
      }
    }
    return try SurveyQuestion(
      name: name, segmentNames: ps.map(\.name),
      data: .percentages(ps.map(\.percentage), sizeRanges: list, total: total))
  }
}

extension PowerMethod: ExpressibleByArgument {}

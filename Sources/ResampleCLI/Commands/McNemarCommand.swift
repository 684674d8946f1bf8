// McNemarCommand.swift: `resample mcnemar` — McNemar's test for paired proportions.
import ArgumentParser
import Foundation
import Resample

struct McNemarCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "mcnemar",
    abstract:
      "McNemar's test for paired proportions (2×2), Bowker's symmetry test (k×k); tables or respondent rows.",
    discussion: """
      statistic: (|b − c| − 1)²/(b + c) with the continuity correction (default, as R's \
      mcnemar.test; R applies it only when b ≠ c), (b − c)²/(b + c) with --correction none; \
      p_value from χ²(1). exact_p_value: the exact binomial test of b out of b + c at 1/2 \
      (R's binom.test), the recommended p when b + c is small. --alternative less|greater makes \
      the exact p one-sided, as R's binom.test(b, b + c, alternative =): less is P(X ≤ b), \
      greater P(X ≥ b) for X ~ Binomial(b + c, ½) (b below or above half of the discordant \
      pairs); the χ² p-value stays two-sided (R's mcnemar.test has no one-sided form). \
      paired_difference: p1 − p2 = (b − c)/n (row 1 is the success) with Newcombe's \
      square-and-add interval for paired data (his method 10, φ with the n/2 correction, as \
      Fagerland, Lydersen & Laake 2014). \
      Respondent data: --data F --first Q1 --second Q2 tallies the two answers of each row into \
      a square table with one set of categories in one order (--order, else numeric, else first \
      appearance); --success names the answer counted as a success (default 1 of 0/1, or yes/true). \
      With k > 2 categories: Bowker's test of symmetry (R's mcnemar.test on a k×k table; a pair \
      of categories with no discordant pairs is left out of the sum and the df, where R gives NaN). \
      With a survey design (--weight, --strata, --cluster, --fpc, --replicate-weights): the \
      design-based test of equal shares, R survey's svyttest(I(y1 - y2) ~ 0, design): t = mean \
      difference / SE on (design df − 1) df, with its 95% t interval.
      """)

  @OptionGroup var input: TableInputOptions
  /// A survey design of `--data`: the design-based paired test (McNemarDesign.swift).
  @OptionGroup(title: "Survey design of --data (R svyttest of the paired difference)")
  var design: SamplingDesignOptions

  @Option(help: "With --data: the first question (rows of the paired table).")
  var first: String?
  @Option(help: "With --data: the second question (columns), answered by the same respondents.")
  var second: String?
  @Option(help: "With --data and two categories: the answer counted as a success.")
  var success: String?

  @Option(help: "Continuity correction (yates: R's default).")
  var correction: ContinuityCorrection = .yates

  @Option(
    help: "Alternative of the exact p-value: b/(b + c) ≠, < or > ½ (default two-sided).")
  var alternative: Alternative?

  @OptionGroup var output: OutputOptions<TextJSONCSV>

  func validate() throws {
    if design.isDesign {
      guard input.data != nil else {
        throw ValidationError(
          "the survey design options describe --data F --first Q1 --second Q2 (respondent rows)")
      }
      guard input.respondents.freqWeight == nil else {
        throw ValidationError(
          "--freq-weight (identical respondents) cannot be combined with a sampling design")
      }
    }
    if input.data != nil {
      guard input.respondents.rows == nil, input.respondents.cols == nil else {
        throw ValidationError(
          "mcnemar pairs two answers of the same respondents: --data F --first Q1 --second Q2 "
            + "(one set of categories for both), not --rows/--cols")
      }
      guard first != nil, second != nil else {
        throw ValidationError("--data needs --first Q1 --second Q2")
      }
    } else if first != nil || second != nil || success != nil {
      throw ValidationError("--first, --second and --success describe --data")
    }
  }

  /// The square table (from `--table`/`--table-file`, or tallied from `--data`), its category
  /// labels, the provenance of a tally, and the label of the success (2×2).
  func loadPaired() throws -> (
    table: ContingencyTable, labels: [String]?, data: JSON?, note: String?
  ) {
    guard let data = input.data, let first, let second else {
      let t = try input.loadLabelled()
      return (t.table, t.rowLabels, nil, t.labelNote)
    }
    let r = input.respondents
    let x = try RespondentCrosstab.tallyPaired(
      try r.read(data, labels: [first, second]), first: first, second: second,
      frequencyWeight: r.freqWeight,
      order: try r.order.map { try CommaList.labels($0, option: "--order") },
      missing: r.missingSet)
    var labels = x.rowLabels
    var counts = x.counts
    guard labels.count >= 2 else {
      throw InputError.invalidData(
        source: data,
        reason: "'\(first)' and '\(second)' have one category (\(labels.first ?? "")): nothing "
          + "to compare")
    }
    if labels.count > 2, let success {
      throw InputError.invalidParameter(
        name: "--success", value: success,
        expected: "two categories (these questions have \(labels.count): Bowker's test of "
          + "symmetry uses them all)")
    }
    if labels.count == 2 {
      // The success goes first, so that b counts success-then-failure.
      let s = try PairedSuccess.index(labels, success: success)
      if s == 1 { labels.reverse() }
      counts = PairedSuccess.twoByTwo(counts, success: s)
    }
    var note =
      "categories of '\(first)' and '\(second)' \(x.rowOrder.description); \(x.respondents) "
      + "respondents"
    if labels.count == 2 { note += "; success = '\(labels[0])'" }
    note += RespondentDataOptions.exclusionNote(x.excluded)
    let json = JSON.object([
      ("file", .string(data)), ("first", .string(first)), ("second", .string(second)),
      ("freq_weight", r.freqWeight.map(JSON.string) ?? .null),
      ("respondents", .integer(x.respondents)), ("order", .string(x.rowOrder.key)),
      ("excluded", RespondentDataOptions.exclusionJSON(x.excluded)),
    ])
    return (try ContingencyTable(rows: counts, source: data), labels, json, note)
  }

  func run() throws {
    let (table, labels, data, note) = try loadPaired()
    guard table.rowCount == table.columnCount else {
      throw InputError.invalidData(
        source: input.sourceName,
        reason: "McNemar's test needs a square table of paired outcomes: 2×2 \"a,b;c,d\", or "
          + "k×k for Bowker's test (got \(table.rowCount)×\(table.columnCount))")
    }
    if design.isDesign {
      guard table.rowCount == 2, let labels else {
        throw InputError.invalidParameter(
          name: "survey design options", value: "\(table.rowCount) categories",
          expected: "two categories (Bowker's test of symmetry has no design-based version)")
      }
      return try runDesign(table, labels: labels, data: data, note: note)
    }
    guard table.rowCount == 2 else {
      return try reportBowker(table, labels: labels, data: data, note: note)
    }
    let r = try mcNemarTest(
      table, correction: correction, alternative: alternative ?? .twoSided)
    let paired = try newcombePairedInterval(
      a: table[0, 0], b: table[0, 1], c: table[1, 0], d: table[1, 1])
    switch output.chosen {
    case .json:
      var fields: [(String, JSON)] = [
        ("statistic", .num(r.statistic)),
        ("p_value", .num(r.pValue)),
        ("exact_p_value", .num(r.exactPValue)),
      ]
      if let alternative { fields.append(("exact_alternative", .string(alternative.rawValue))) }
      fields += [
        ("correction", .string(r.correction.rawValue)),
        ("discordant", .array([.integer(r.discordant.b), .integer(r.discordant.c)])),
        (
          "paired_difference",
          .object([
            ("first", .num(paired.first)), ("second", .num(paired.second)),
            ("difference", .num(paired.difference)),
            ("interval", .interval(paired.interval.lower, paired.interval.upper)),
            ("level", .num(paired.interval.level)), ("method", .string("newcombe-paired")),
          ])
        ),
        ("categories", labels.map { .strings($0) } ?? .null),
      ]
      if let data { fields.append(("data", data)) }
      fields += [
        ("warnings", .messages(r.diagnostics)),
        Provenance.tool,
      ]
      emit(JSON.object(fields).rendered())
    case .csv:
      emit(
        [
          csvLine(["statistic", "p_value", "exact_p_value", "correction", "b", "c"]),
          csvLine([
            csvNumber(r.statistic), csvNumber(r.pValue), csvNumber(r.exactPValue),
            r.correction.rawValue, String(r.discordant.b), String(r.discordant.c),
          ]),
        ].joined(separator: "\n"))
      // CSV has no place for them: the warnings (why a field is empty) go to stderr.
      for w in r.warnings { printWarning(w.description) }
    default:
      var t = TextTable(["", "value"], alignNumbersRight: false)
      t.add(["discordant pairs", "b = \(r.discordant.b), c = \(r.discordant.c)"])
      let label = r.correction == .yates ? "McNemar χ² (corrected)" : "McNemar χ²"
      t.add([label, fmt(r.statistic)])
      t.add(["p-value (χ², 1 df)", fmtP(r.pValue)])
      let sided = r.exactAlternative == .twoSided ? "" : ", \(r.exactAlternative.rawValue)"
      t.add(["exact p-value (binomial\(sided))", fmtP(r.exactPValue)])
      t.add([
        "p1 − p2 (95% Newcombe)",
        "\(fmt(paired.difference)) \(fmtInterval(paired.interval.lower, paired.interval.upper))",
      ])
      var lines = ["McNemar's test for paired proportions", "", t.rendered()]
      if let note { lines.insert(note, at: 1) }
      for w in r.warnings { lines.append("warning: \(w)") }
      emit(lines.joined(separator: "\n"))
    }
  }
}

extension McNemarCommand {
  /// k > 2 categories: Bowker's test of symmetry.
  func reportBowker(
    _ table: ContingencyTable, labels: [String]?, data: JSON?, note: String?
  ) throws {
    let b = try bowkerSymmetryTest(table)
    let remark =
      b.emptyPairs > 0
      ? "\(b.emptyPairs) pair(s) of categories have no discordant pairs: left out of the sum and "
        + "the df (R's mcnemar.test gives NaN)" : nil
    switch output.chosen {
    case .json:
      var fields: [(String, JSON)] = [
        ("test", .string("bowker")), ("statistic", .num(b.statistic)),
        ("df", .integer(b.degreesOfFreedom)), ("p_value", .num(b.pValue)),
        ("empty_pairs", .integer(b.emptyPairs)),
        ("categories", labels.map { .strings($0) } ?? .null),
      ]
      if let data { fields.append(("data", data)) }
      fields += [("warnings", .array(remark.map { [.string($0)] } ?? [])), Provenance.tool]
      emit(JSON.object(fields).rendered())
    case .csv:
      emit(
        [
          csvLine(["test", "statistic", "df", "p_value", "empty_pairs"]),
          csvLine([
            "bowker", csvNumber(b.statistic), "\(b.degreesOfFreedom)", csvNumber(b.pValue),
            "\(b.emptyPairs)",
          ]),
        ].joined(separator: "\n"))
      if let remark { printWarning(remark) }
    default:
      var lines = [
        "Bowker's test of symmetry, \(table.rowCount)×\(table.rowCount) paired table", "",
        "statistic \(fmt(b.statistic)) on \(b.degreesOfFreedom) df, p = \(fmtP(b.pValue))",
      ]
      if let note { lines.insert(note, at: 1) }
      if let remark { lines.append("note: \(remark)") }
      emit(lines.joined(separator: "\n"))
    }
  }
}

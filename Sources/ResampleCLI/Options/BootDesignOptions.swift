// BootDesignOptions.swift: the survey design of `boot --data` (weights, clusters, fpc; its
// --strata is boot's own option) and the design-based bootstrap run and output.
import ArgumentParser
import Foundation
import Resample

/// `boot`'s design options: those of ``DesignOptions`` for a linearization design, without
/// `--strata` (boot's `--strata` names the design's strata when any of these is given) and
/// without replicate or frequency weights (the design bootstrap makes its own replicates).
struct BootDesignOptions: ParsableArguments {
  @Option(help: "Sampling weights column of --data: a design-based (Rao–Wu) bootstrap.")
  var weight: String?
  @Option(help: "Primary sampling unit (cluster) column of --data: resample PSUs (Rao–Wu).")
  var cluster: String?
  @Option(
    help:
      "Finite-population correction column (stratum population size in PSUs, or sampling fraction when every value is ≤ 1)."
  )
  var fpc: String?
  @Flag(help: "Cluster ids repeat across strata (a PSU is the pair stratum, cluster).")
  var nest = false
  @Option(name: .customLong("lonely-psu"), help: "A stratum with a single PSU.")
  var lonelyPSU: LonelyPSUPolicy = .fail

  /// Whether a design was declared (then `--strata` is the design's).
  var isDesign: Bool { weight != nil || cluster != nil || fpc != nil }

  func validate() throws {
    if !isDesign && (nest || lonelyPSU != .fail) {
      throw ValidationError("--nest and --lonely-psu go with a design (--weight/--cluster/--fpc)")
    }
  }

  /// The label columns the design needs from the file.
  func labelColumns(strata: String?) -> [String] { [strata, cluster].compactMap { $0 } }

  /// The numeric columns the design needs.
  var numericColumns: [String] { [weight, fpc].compactMap { $0 } }

  /// The design over the rows of `file`, and the sentences describing it.
  func design(_ file: CSVColumns, strata: String?) throws -> (SurveyDesign, [String]) {
    func trimmed(_ name: String) throws -> [String] {
      let l = try file.labels(name)
      let values = l.values.map { $0.trimmingCharacters(in: .whitespaces) }
      return l.codes.map { values[Int($0)] }
    }
    let weights = try weight.map { try file.numeric($0) }
    let built = try DesignOptions.linearizationDesign(
      rows: file.rowCount,
      weights: weights ?? [Double](repeating: 1, count: file.rowCount), weightName: weight,
      strata: try strata.map(trimmed), clusters: try cluster.map(trimmed),
      fpc: try fpc.map { try file.numeric($0) }, names: (strata, cluster, fpc), nest: nest,
      lonelyPSU: lonelyPSU)
    let weightNote =
      weight.map { "Sampling weights from column '\($0)'." }
      ?? "No --weight: every respondent has weight 1."
    return (built.design, [weightNote, built.description])
  }
}

/// `boot --data` with a survey design: the Rao–Wu bootstrap of a weighted mean or of the
/// difference of two groups' means.
struct DesignBootRun {
  let result: DesignBootstrap.Result
  let statistic: String
  let groups: [String]
  let notes: [String]
  let seed: UInt64
  let level: Double
  let alternative: Alternative
  let design: SurveyDesign

  /// Reads the data, builds the design and runs its bootstrap, or (with `--shard`) writes this
  /// shard's replicate values to its part.
  ///
  /// - Returns: the run, or nil when this run is a shard (its part is written).
  /// - Throws: `InputError` naming the option, column or file at fault.
  static func run(
    source: SampleSource, strata: String?, options: BootDesignOptions, statistic: String,
    methods: [IntervalMethod], replicates: Int, seed: UInt64, threads: Int, level: Double,
    alternative: Alternative, sharding: ShardOptions, givenSeed: UInt64?,
    requireWork: (Double) throws -> Void
  ) throws -> DesignBootRun? {
    guard source.data != nil, let column = source.column else {
      throw ValidationError(
        "a survey design (--weight/--cluster/--fpc) needs --data FILE --column COL")
    }
    let domains = source.group == nil ? 1 : 2
    switch (statistic, domains) {
    case ("mean", 1), ("proportion", 1), ("mean", 2), ("difference", 2): break
    default:
      throw InputError.invalidParameter(
        name: "--statistic", value: statistic,
        expected: "with a survey design: mean or proportion (one sample), or difference (of "
          + "the means of --compare A,B)")
    }
    guard let path = source.data else { throw ValidationError("--data is needed") }
    let file = try source.dataFormat.columns(
      path, numeric: [column] + options.numericColumns,
      labels: options.labelColumns(strata: strata) + [source.group].compactMap { $0 })
    let values = try file.numeric(column)
    var domainOfRow = [Int](repeating: 0, count: file.rowCount)
    var groups = [column]
    if let group = source.group {
      guard let compare = source.compare else {
        throw ValidationError("--group and --compare go together (--group COL --compare A,B)")
      }
      let names = try SampleSource.groupPair(compare)
      let labels = try file.labels(group)
      let domainOfCode = labels.values.map {
        names.firstIndex(of: $0.trimmingCharacters(in: .whitespaces)) ?? -1
      }
      for d in 0..<2 where !domainOfCode.contains(d) {
        let present = Array(Set(labels.values)).sorted().prefix(10).joined(separator: ", ")
        throw InputError.invalidParameter(
          name: "--compare", value: names[d],
          expected: "a value of column '\(group)' (present: \(present))")
      }
      domainOfRow = labels.codes.map { domainOfCode[Int($0)] }
      groups = names
    }
    let (design, notes) = try options.design(file, strata: strata)
    // Each replicate draws a factor per PSU and sums every PSU's totals.
    try requireWork(Double(replicates) * Double(max(design.count, 1)))
    let boot = try DesignBootstrap(
      values: values, domainOfRow: domainOfRow, domains: domains, design: design)
    guard replicates >= 2 else {
      throw InputError.invalidParameter(
        name: "--replicates", value: "\(replicates)", expected: "at least 2")
    }
    // A shard keeps its range's replicate values; merge concatenates them.
    let tally = try ShardSession.tally(
      sharding, command: "boot", seed: givenSeed, replicates: replicates
    ) { range in
      ReplicateTally(outputs: [boot.replicateValues(range, seed: seed, threads: threads)])
    }
    guard let tally else { return nil }
    guard let values = tally.outputs?.first, values.count == replicates else {
      throw InputError.invalidData(source: "parts", reason: "not the replicates of this bootstrap")
    }
    let result = try boot.result(
      fromReplicates: values, methods: methods, level: level, alternative: alternative)
    let name =
      domains == 1
      ? "weighted mean of \(column)" : "difference of weighted means \(groups[0]) − \(groups[1])"
    return DesignBootRun(
      result: result, statistic: name, groups: groups,
      notes: notes + [
        "Rao–Wu rescaling bootstrap: in each stratum n_h − 1 of its n_h PSUs are drawn with "
          + "replacement and rescaled; replicate b uses stream b of the seed, so results do "
          + "not depend on --threads. BCa's acceleration is from the delete-one-PSU jackknife."
      ], seed: seed, level: level, alternative: alternative, design: design)
  }

  /// The intervals' diagnostics, each once, in order.
  var diagnostics: [BootstrapDiagnostic] {
    var seen: [BootstrapDiagnostic] = []
    for d in result.intervals.flatMap(\.diagnostics) where !seen.contains(d) { seen.append(d) }
    return seen
  }

  var csv: String {
    BootCommand.csv(
      result.intervals, estimate: result.estimate, standardError: result.standardError,
      bias: result.bias, replicates: result.replicates, seed: seed)
  }

  var json: JSON {
    let r = result
    return JSON.object(
      [
        ("statistic", .string(statistic)),
        ("estimate", .num(r.estimate)),
        ("standard_error", .num(r.standardError)),
        ("bias", .num(r.bias)),
      ] + BootCommand.intervalFields(r.intervals) + [
        ("z0", r.biasCorrection.map(JSON.num) ?? .null),
        ("acceleration", r.acceleration.map(JSON.num) ?? .null),
        ("level", .num(level)),
        ("alternative", .string(alternative.rawValue)),
        ("replicates", .integer(r.replicates)),
        ("plan", .string("rao-wu")),
        ("quantile_convention", .string("hyndman-fan-7")),
        (
          "design",
          .object([
            ("method", .string("Rao–Wu rescaling bootstrap of PSUs within strata")),
            ("df", .integer(design.degreesOfFreedom)),
            ("linearization_standard_error", .num(r.linearizationStandardError)),
            (
              "groups",
              .array(
                zip(groups, zip(r.domainMeans, r.domainCounts)).map { name, v in
                  .object([("name", .string(name)), ("mean", .num(v.0)), ("n", .integer(v.1))])
                })
            ),
          ])
        ),
        (
          "diagnostics",
          BootCommand.diagnosticsJSON(diagnostics)
        ),
        ("notes", .array(notes.map(JSON.string))),
      ] + Provenance.fields(seed: seed))
  }

  var text: String {
    let r = result
    var out =
      "\(statistic): \(fmt(r.estimate))  (bootstrap SE \(fmt(r.standardError)), linearization "
      + "SE \(fmt(r.linearizationStandardError)), bias \(fmt(r.bias)))\n"
    let side = alternative == .twoSided ? "" : ", one-sided \(alternative.rawValue)"
    out +=
      "\(fmt(level * 100, digits: 4))% intervals\(side), \(r.replicates) Rao–Wu replicates, "
      + "seed \(seed)\n"
    out += BootCommand.intervalTable(r.intervals)
    for d in diagnostics { out += "\nnote: \(d.description)" }
    out += "\nAssumptions:\n" + notes.map { "- " + $0 }.joined(separator: "\n")
    return out
  }
}

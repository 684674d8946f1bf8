// ReplicateWeightsCommand.swift: `resample replicate-weights` — Rao–Wu bootstrap or JK1
// replicate weights for a stratified cluster sample, written as CSV columns.
import ArgumentParser
import Foundation
import Resample

/// The replicate designs `replicate-weights` can write.
enum ReplicateWeightsType: String, ExpressibleByArgument, CaseIterable {
  /// Rao–Wu rescaling bootstrap (strata allowed).
  case bootstrap
  /// Delete-one-PSU jackknife (no strata).
  case jk1
}

struct ReplicateWeightsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "replicate-weights",
    abstract: "Write replicate weights (Rao–Wu bootstrap or JK1) for a survey design as CSV.",
    discussion: """
      Reads --data and its design (--weight, --strata, --cluster, --fpc, --nest) and writes the \
      data again with R replicate weight columns PREFIX1..PREFIXR (full analysis weights: the \
      weight times the PSU's replicate factor). Bootstrap: Rao, Wu & Yue (1992) rescaling with \
      n_h − 1 PSUs drawn per stratum; replicate b uses stream b of the seed, so the columns never \
      depend on --threads. Use them with `resample compare --replicate-weights 'PREFIX*' \
      --replicate-type bootstrap|jk1`, or in R: svrepdesign(type = "bootstrap", \
      repweights = "PREFIX[0-9]+", combined.weights = TRUE, scale = 1/(R-1)) — for jk1, \
      type = "JK1". A summary line (seed, scale) goes to standard error.
      """)

  @Option(help: "Respondent data: a CSV file with a header (\"-\" reads stdin).") var data: String
  @OptionGroup(title: "Survey design of --data") var design: DesignOptions
  @OptionGroup(title: "Format of --data") var dataFormat: DataFileOptions
  @Option(help: "The replicate method.") var type: ReplicateWeightsType = .bootstrap
  @Option(help: "Bootstrap replicates R (jk1: one per PSU).") var replicates: Int = 200
  @Option(help: "The prefix of the new columns.") var prefix: String = "repw"
  @OptionGroup var random: RandomOptions

  func validate() throws {
    guard design.replicateWeights == nil, design.freqWeight == nil else {
      throw ValidationError(
        "give the sampling design (--weight/--strata/--cluster/--fpc), not replicate or frequency weights"
      )
    }
    guard replicates >= 2, replicates <= 100_000 else {
      throw ValidationError("--replicates must be from 2 to 100000")
    }
    guard !prefix.isEmpty, !prefix.contains(","), !prefix.contains("\"") else {
      throw ValidationError("--prefix must be non-empty, without commas or quotes")
    }
  }

  func run() throws {
    let table = try dataFormat.table(data)
    let (built, _) = try design.design(table)
    guard case .stratifiedClusters(let sample) = built.structure else {
      throw ValidationError("replicate weights need a stratified cluster design")
    }
    let seed = random.resolvedSeed()
    let factors: [Double]
    let count: Int
    let scale: Double
    switch type {
    case .bootstrap:
      factors = RaoWuBootstrap.factors(sample, replicates: 0..<replicates, seed: seed)
      count = replicates
      scale = 1 / Double(replicates - 1)
    case .jk1:
      factors = try DeleteOneJackknife.factors(sample)
      count = sample.psuCount
      scale = Double(count - 1) / Double(count)
    }
    let names = (1...count).map { "\(prefix)\($0)" }
    for name in names where table.header.contains(name) {
      throw InputError.invalidParameter(
        name: "--prefix", value: prefix,
        expected: "a prefix whose columns are not in --data ('\(name)' is)")
    }
    let p = sample.psuCount
    var out = csvLine(table.header + names) + "\n"
    out.reserveCapacity(table.rows.count * (count * 12 + 64))
    for (i, row) in table.rows.enumerated() {
      let w = built.weights[i]
      let q = sample.psuOfRow[i]
      var fields = row
      for r in 0..<count { fields.append(csvNumber(w * factors[q + r * p])) }
      out += csvLine(fields) + "\n"
    }
    emit(String(out.dropLast()))
    let what =
      type == .bootstrap
      ? "Rao–Wu bootstrap (seed \(seed), \(Provenance.rngIdentifier))" : "JK1 jackknife"
    FileHandle.standardError.write(
      Data(
        ("resample: \(count) \(what) replicate weights \(prefix)1..\(prefix)\(count) over "
          + "\(p) PSUs in \(sample.strataCount) strata; variance scale \(fmt(scale)) "
          + "(--replicate-type \(type.rawValue)); \(ResampleVersion.tool)\n").utf8))
  }
}

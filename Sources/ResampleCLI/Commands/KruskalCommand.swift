// KruskalCommand.swift: `resample kruskal` — the Kruskal–Wallis test of k groups of a CSV column.
import ArgumentParser
import Foundation
import Resample

struct KruskalCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "kruskal",
    abstract: "Kruskal–Wallis rank test of k groups (R's kruskal.test, SciPy's kruskal).",
    discussion: """
      --data FILE --column COL --group COL: every distinct value of the group column is a \
      sample (groups listed in sorted order). H is tie-corrected; the p-value is P(χ² with \
      k − 1 df ≥ H), as R and SciPy.
      """)

  @Option(help: "CSV file with a header row ('-' reads standard input).") var data: String
  @Option(help: "The numeric column to analyse.") var column: String
  @Option(help: "The column whose values split the rows into groups.") var group: String
  @OptionGroup(title: "Format of --data") var dataFormat: DataFileOptions
  @OptionGroup var output: OutputOptions<TextJSONCSV>

  func run() throws {
    // Only the two columns are kept (a number and a label code per row), not the whole table.
    let file = try dataFormat.columns(data, numeric: [column], labels: [group])
    let values = try file.numeric(column)
    let g = try file.labels(group)
    let trimmed = g.values.map { $0.trimmingCharacters(in: .whitespaces) }
    let names = Array(Set(trimmed)).sorted()
    guard names.count >= 2 else {
      throw InputError.invalidData(
        source: file.source,
        reason:
          "column '\(group)' has \(names.count) distinct value(s); kruskal needs two or more groups"
      )
    }
    let position = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) })
    let sampleOfCode = trimmed.map { position[$0] ?? 0 }
    var samples = [[Double]](repeating: [], count: names.count)
    for (row, code) in g.codes.enumerated() { samples[sampleOfCode[Int(code)]].append(values[row]) }
    let r = try KruskalWallis.test(samples)
    switch output.chosen {
    case .json:
      let groups = zip(names, zip(r.sizes, r.meanRanks)).map { name, sm in
        JSON.object([("group", .string(name)), ("n", .integer(sm.0)), ("mean_rank", .num(sm.1))])
      }
      emit(
        JSON.object(
          JSON.chiSquaredFields(r.statistic, df: r.degreesOfFreedom, p: r.pValue) + [
            ("method", .string("chi-squared")),
            ("ties", .bool(r.hasTies)),
            ("n", .integer(values.count)),
            ("groups", .array(groups)),
            Provenance.tool,
          ]
        ).rendered())
    case .csv:
      emit(
        [
          csvLine(["statistic", "df", "p_value", "n", "groups"]),
          csvLine([
            csvNumber(r.statistic), String(r.degreesOfFreedom), csvNumber(r.pValue),
            String(values.count), String(names.count),
          ]),
        ].joined(separator: "\n"))
    default:
      var t = TextTable(["group", "n", "mean rank"])
      for (name, (n, m)) in zip(names, zip(r.sizes, r.meanRanks)) {
        t.add([name, String(n), fmt(m)])
      }
      emit(
        t.rendered() + "\n\nKruskal–Wallis H = \(fmt(r.statistic)), df = \(r.degreesOfFreedom), "
          + "p-value = \(fmtP(r.pValue)) (χ² approximation"
          + (r.hasTies ? ", tie-corrected)" : ")"))
    }
  }
}

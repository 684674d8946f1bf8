// BootOutput.swift: `boot`'s results as JSON, CSV and text (one statistic, OLS coefficients).
import Foundation
import Resample

extension BootCommand {
  /// Prints one statistic's result in the chosen format.
  func emitSingle(_ result: BootstrapResult) {
    switch output.chosen {
    case .json: emit(Self.json(result, level: level, alternative: alternative).rendered())
    case .csv:
      emit(Self.csv(result))
      // CSV has no place for them: the diagnostics (why a field is empty) go to stderr.
      for d in result.allDiagnostics { printWarning(d.description) }
    default: emit(Self.text(result, level: level, alternative: alternative))
    }
  }

  /// JSON of an OLS bootstrap: the common fields once, then `coefficients[]`.
  static func olsJSON(
    _ rs: [BootstrapResult], response: String, boot: MultiColumnBootstrap, level: Double,
    alternative: Alternative
  ) -> JSON {
    let first = rs.first
    var seen = Set<BootstrapDiagnostic>()
    var diagnostics: [BootstrapDiagnostic] = []
    for d in rs.flatMap(\.allDiagnostics) where seen.insert(d).inserted { diagnostics.append(d) }
    return JSON.object([
      ("statistic", .string("ols")),
      ("response", .string(response)),
      ("observations", .integer(boot.observations)),
      (
        "coefficients",
        .array(
          rs.map { r in
            .object(
              [
                ("name", .string(r.statistic)),
                ("estimate", .num(r.estimate)),
                ("standard_error", .num(r.standardError)),
                ("bias", .num(r.bias)),
              ] + intervalFields(r.intervals) + [
                ("z0", r.biasCorrection.map(JSON.num) ?? .null),
                ("acceleration", r.acceleration.map(JSON.num) ?? .null),
              ])
          })
      ),
      ("level", .num(level)),
      ("alternative", .string(alternative.rawValue)),
      ("replicates", .integer(first?.replicates ?? 0)),
      ("seed", .seed(first?.seed ?? 0)),
      ("rng", .string(first?.rng ?? Philox4x32.identifier)),
      ("plan", .string(boot.planDescription)),
      ("quantile_convention", .string("hyndman-fan-7")),
      ("diagnostics", diagnosticsJSON(diagnostics)),
      Provenance.tool,
    ])
  }

  static func olsCSV(_ rs: [BootstrapResult]) -> String {
    var lines = [
      csvLine([
        "coefficient", "method", "lower", "upper", "lower_mc_error", "upper_mc_error", "estimate",
        "standard_error", "bias", "replicates", "seed",
      ])
    ]
    for r in rs {
      for ci in r.intervals {
        lines.append(
          csvLine([
            r.statistic, ci.method.rawValue, csvNumber(ci.lower), csvNumber(ci.upper),
            csvNumber(ci.lowerMonteCarloError), csvNumber(ci.upperMonteCarloError),
            csvNumber(r.estimate), csvNumber(r.standardError), csvNumber(r.bias),
            String(r.replicates), String(r.seed),
          ]))
      }
    }
    return lines.joined(separator: "\n")
  }

  static func olsText(
    _ rs: [BootstrapResult], response: String, level: Double, alternative: Alternative
  ) -> String {
    guard let first = rs.first else { return "" }
    let side = alternative == .twoSided ? "" : ", one-sided \(alternative.rawValue)"
    var out =
      "OLS coefficients of \(response): \(fmt(level * 100, digits: 4))% intervals\(side), "
      + "\(first.replicates) replicates (\(first.plan)), seed \(first.seed)\n"
    let methods = first.intervals.map(\.method.rawValue)
    var t = TextTable(["coefficient", "estimate", "bootstrap SE", "bias"] + methods)
    for r in rs {
      t.add(
        [r.statistic, fmt(r.estimate), fmt(r.standardError), fmt(r.bias)]
          + r.intervals.map { fmtInterval($0.lower, $0.upper) })
    }
    out += t.rendered()
    var seen = Set<BootstrapDiagnostic>()
    for d in rs.flatMap(\.allDiagnostics) where seen.insert(d).inserted {
      out += "\nnote: \(d.description)"
    }
    return out
  }

  static func diagnosticsJSON(_ d: [BootstrapDiagnostic]) -> JSON {
    .array(d.map { .object([("code", .string($0.code)), ("message", .string($0.description))]) })
  }

  static func json(_ r: BootstrapResult, level: Double, alternative: Alternative) -> JSON {
    var fields: [(String, JSON)] =
      [
        ("statistic", .string(r.statistic)),
        ("estimate", .num(r.estimate)),
        ("standard_error", .num(r.standardError)),
        ("bias", .num(r.bias)),
      ] + intervalFields(r.intervals) + [
        ("level", .num(level)),
        ("alternative", .string(alternative.rawValue)),
        ("replicates", .integer(r.replicates)),
        ("seed", .seed(r.seed)),
        ("rng", .string(r.rng)),
        ("plan", .string(r.plan)),
        ("quantile_convention", .string("hyndman-fan-7")),
        ("diagnostics", diagnosticsJSON(r.allDiagnostics)),
      ]
    if r.intervals.contains(where: { $0.method == .bca }) {
      fields.append(("z0", r.biasCorrection.map(JSON.num) ?? .null))
      fields.append(("acceleration", r.acceleration.map(JSON.num) ?? .null))
    }
    fields.append(Provenance.tool)
    return JSON.object(fields)
  }

  static func csv(_ r: BootstrapResult) -> String {
    csv(
      r.intervals, estimate: r.estimate, standardError: r.standardError, bias: r.bias,
      replicates: r.replicates, seed: r.seed)
  }

  /// `intervals` and `monte_carlo_error`: method → [lower, upper] (every interval output of
  /// `boot`: one statistic, each OLS coefficient, the design bootstrap).
  static func intervalFields(_ intervals: [ConfidenceInterval]) -> [(String, JSON)] {
    [
      ("intervals", .object(intervals.map { ($0.method.rawValue, .interval($0.lower, $0.upper)) })),
      (
        "monte_carlo_error",
        .object(
          intervals.map {
            ($0.method.rawValue, .interval($0.lowerMonteCarloError, $0.upperMonteCarloError))
          })
      ),
    ]
  }

  /// The CSV of `boot`: one line per interval with the shared summary columns.
  static func csv(
    _ intervals: [ConfidenceInterval], estimate: Double, standardError: Double, bias: Double,
    replicates: Int, seed: UInt64
  ) -> String {
    var lines = [
      csvLine([
        "method", "lower", "upper", "lower_mc_error", "upper_mc_error", "estimate",
        "standard_error", "bias", "replicates", "seed",
      ])
    ]
    for ci in intervals {
      lines.append(
        csvLine([
          ci.method.rawValue, csvNumber(ci.lower), csvNumber(ci.upper),
          csvNumber(ci.lowerMonteCarloError), csvNumber(ci.upperMonteCarloError),
          csvNumber(estimate), csvNumber(standardError), csvNumber(bias), String(replicates),
          String(seed),
        ]))
    }
    return lines.joined(separator: "\n")
  }

  static func text(_ r: BootstrapResult, level: Double, alternative: Alternative) -> String {
    var out =
      "\(r.statistic): \(fmt(r.estimate))  (bootstrap SE \(fmt(r.standardError)), "
      + "bias \(fmt(r.bias)))\n"
    let side = alternative == .twoSided ? "" : ", one-sided \(alternative.rawValue)"
    out +=
      "\(fmt(level * 100, digits: 4))% intervals\(side), \(r.replicates) replicates "
      + "(\(r.plan)), seed \(r.seed)\n"
    out += intervalTable(r.intervals)
    for d in r.allDiagnostics { out += "\nnote: \(d.description)" }
    return out
  }

  /// The text table of intervals with their Monte Carlo errors.
  static func intervalTable(_ intervals: [ConfidenceInterval]) -> String {
    var t = TextTable(["method", "lower", "upper", "MC error (lower, upper)"])
    for ci in intervals {
      t.add([
        ci.method.rawValue, fmt(ci.lower), fmt(ci.upper),
        "\(fmt(ci.lowerMonteCarloError, digits: 2)), \(fmt(ci.upperMonteCarloError, digits: 2))",
      ])
    }
    return t.rendered()
  }
}

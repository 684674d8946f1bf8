// RankTestOutput.swift: a rank test with a Hodges–Lehmann estimate as text, JSON or CSV
// (ranksum, signrank).
import Resample

/// One rank test's report: the command supplies its fields, this writes them in the chosen
/// format, so the commands share the notes, the interval fields and the per-format layout.
///
/// - JSON: an object of ``fields``, then `samples`, `notes` and `tool`.
/// - CSV: ``csvHeader`` and the one record ``csvRecord``.
/// - Text: a two-column table of ``rows``, then one `note: …` line a note.
struct RankTestOutput {
  /// The JSON fields, in order (`samples`, `notes` and `tool` are appended).
  var fields: [(String, JSON)]
  /// The samples' names.
  var samples: [String]
  /// The CSV header.
  var csvHeader: [String]
  /// The CSV record, one field a header name.
  var csvRecord: [String]
  /// The text table's rows: a label and a value.
  var rows: [[String]]
  /// Conditions worth reporting.
  var notes: [String]

  /// Writes the report to standard output.
  /// - Parameter format: text, json or csv.
  /// - Complexity: O(size of the report).
  func write(_ format: OutputFormat) {
    switch format {
    case .json:
      let tail: [(String, JSON)] = [
        ("samples", .strings(samples)), ("notes", .strings(notes)), Provenance.tool,
      ]
      emit(JSON.object(fields + tail).rendered())
    case .csv:
      emit([csvLine(csvHeader), csvLine(csvRecord)].joined(separator: "\n"))
    default:
      var t = TextTable(["", "value"], alignNumbersRight: false)
      for row in rows { t.add(row) }
      var text = t.rendered()
      for n in notes { text += "\nnote: " + n }
      emit(text)
    }
  }

  /// The JSON fields of the test: `statistic`, the command's `second` statistic, `p_value`,
  /// `method` and `alternative`.
  static func testFields(
    statistic: Double, _ second: (String, JSON), pValue: Double, method: String,
    alternative: Alternative
  ) -> [(String, JSON)] {
    [
      ("statistic", .num(statistic)), second, ("p_value", .num(pValue)),
      ("method", .string(method)), ("alternative", .string(alternative.rawValue)),
    ]
  }

  /// The JSON fields of the normal approximation (`continuity_correction`, `z`) and of a
  /// Hodges–Lehmann estimate: `name`, `name_interval`, `level` and `interval_method`.
  static func estimateFields(
    continuityCorrection: Bool, z: Double?, _ name: String, _ location: LocationEstimate
  ) -> [(String, JSON)] {
    [
      ("continuity_correction", .bool(continuityCorrection)),
      ("z", z.map(JSON.num) ?? .null),
      (name, .num(location.estimate)),
      (name + "_interval", .interval(location.lower, location.upper)),
      ("level", .num(location.level)),
      ("interval_method", .string(intervalMethod(location))),
    ]
  }

  /// The text table's rows: the samples, the statistic, the p-value, the method, the estimate
  /// and its interval.
  static func rows(
    _ sample: [String], statistic: String, _ value: Double, pValue: String, _ p: Double,
    method: String, estimate: String, _ location: LocationEstimate
  ) -> [[String]] {
    [
      sample, [statistic, fmt(value)], [pValue, fmtP(p)], ["method", method],
      [estimate, fmt(location.estimate)], intervalRow(location),
    ]
  }

  /// The text row of a Hodges–Lehmann interval: its level, method and ends.
  static func intervalRow(_ location: LocationEstimate) -> [String] {
    [
      "\(fmt(location.level * 100, digits: 4)) % interval (\(intervalMethod(location)))",
      fmtInterval(location.lower, location.upper),
    ]
  }

  /// How the interval was computed: `exact` or `normal`.
  static func intervalMethod(_ location: LocationEstimate) -> String {
    location.exact ? "exact" : "normal"
  }

  /// The text of a normal-approximation method, with the continuity correction when applied.
  static func normalMethod(continuityCorrection: Bool) -> String {
    "normal approximation" + (continuityCorrection ? ", continuity correction" : "")
  }

  /// The notes of a rank test: its diagnostics; `exactGiven` (a p-value exact given ties or
  /// zeros, whose interval is the normal approximation's), if any; and, when the interval's
  /// level is not the one asked for, that `subject` is too small.
  static func notes(
    _ diagnostics: [String], exactGiven: String?, tooSmall subject: String, requested: Double,
    _ location: LocationEstimate
  ) -> [String] {
    var notes = diagnostics
    if let given = exactGiven {
      notes.append(given + "; the interval is R's normal-approximation one")
    }
    if location.level != requested {
      notes.append(
        "\(subject) too small for a \(fmt(requested)) interval; its level is "
          + fmt(location.level))
    }
    return notes
  }
}

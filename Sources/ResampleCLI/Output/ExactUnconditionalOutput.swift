// ExactUnconditionalOutput.swift: how `prop --exact-unconditional` shows Chan and Zhang's interval
// and Barnard's test in JSON, CSV and text.
import Resample

extension ExactUnconditionalResult {
  /// JSON `exact_unconditional`: the interval, Barnard's p-value, and how the nuisance
  /// proportion was maximized.
  var json: JSON {
    .object([
      ("method", .string("chan-zhang")),
      ("interval", .interval(interval.lower, interval.upper)),
      ("test", .string("barnard-score-pooled")),
      ("p_value", .num(pValue)),
      ("nuisance_grid", .integer(nuisanceGrid)),
      ("nuisance_refinement", .string("golden-section")),
    ])
  }

  /// CSV rows in `prop`'s two-sample layout: quantity, value, lower, upper, p_value.
  func csvRows(difference: Double) -> [String] {
    [
      csvLine([
        "difference_exact_unconditional", csvNumber(difference), csvNumber(interval.lower),
        csvNumber(interval.upper), "",
      ]),
      csvLine(["barnard_exact", "", "", "", csvNumber(pValue)]),
    ]
  }

  /// The text rows: the interval (for the interval table) and the test (for the test table).
  var textIntervalRow: [String] {
    ["exact unconditional (Chan–Zhang)", fmtInterval(interval.lower, interval.upper)]
  }
  var textTestRow: [String] { ["Barnard exact (pooled score)", "", fmtP(pValue)] }
}

// MpmathSummary.swift: the special functions against the mpmath rows of
// Tests/Fixtures/distributions, each test naming the functions it evaluates.
import _TestSupport

/// The worst relative error per function over the rows of `files` that `keep` accepts.
///
/// Only the fixture functions `functions` names (by the fixture's name) are evaluated, each on
/// the row's parameters and argument; prints the summary (one line per function).
func mpmathSummary(
  _ files: String..., where keep: (FixtureRow) -> Bool = { _ in true },
  functions: [String: (FixtureRow) -> Double]
) throws -> ErrorSummary {
  var summary = ErrorSummary()
  for file in files {
    for row in try loadRows(file) where keep(row) {
      if let f = functions[row.function] { summary.record(row.function, row, f(row)) }
    }
  }
  print(summary.report)
  return summary
}

/// The same for functions of the row's argument alone, such as `SpecialFunctions.erf`.
func mpmathSummary(
  _ file: String, where keep: (FixtureRow) -> Bool = { _ in true },
  of functions: [String: (Double) -> Double]
) throws -> ErrorSummary {
  try mpmathSummary(file, where: keep, functions: functions.mapValues { f in { f($0.argument) } })
}

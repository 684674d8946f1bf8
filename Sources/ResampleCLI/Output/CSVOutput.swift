// CSVOutput.swift: RFC 4180 output lines.
import Foundation

/// One CSV record; fields with commas, quotes or newlines are quoted.
func csvLine(_ fields: [String]) -> String {
  fields.map { f in
    if f.contains(",") || f.contains("\"") || f.contains("\n") || f.contains("\r") {
      return "\"" + f.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
    return f
  }.joined(separator: ",")
}

/// A number in CSV: the shortest round-trip form, empty for NaN.
func csvNumber(_ x: Double) -> String {
  x.isFinite ? JSON.format(x) : (x.isNaN ? "" : (x > 0 ? "inf" : "-inf"))
}

/// A count in CSV: an integer (`512`, not `512.0`) when the value is a whole number (weighted
/// counts may not be), otherwise as ``csvNumber(_:)``.
func csvCount(_ x: Double) -> String {
  x.isFinite && x == x.rounded() && abs(x) < 9.007_199_254_740_992e15
    ? String(Int64(x)) : csvNumber(x)
}

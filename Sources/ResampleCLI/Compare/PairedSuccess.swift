// PairedSuccess.swift: which answer of two paired yes/no items is the success, shared by
// `mcnemar --data` and `compare --data --paired`, and the 2×2 table with the success first.
import Foundation
import Resample

/// The success of a paired table tallied from respondent rows.
enum PairedSuccess {
  /// Which of two categories is the success: `success`, else 1 of {0, 1}, else yes/true.
  ///
  /// - Parameters:
  ///   - labels: the categories, in the table's order.
  ///   - success: the answer named by `--success`, if any.
  /// - Throws: `InputError.invalidParameter` naming `--success` with the answers to pick from.
  /// - Complexity: O(labels).
  static func index(_ labels: [String], success: String?) throws -> Int {
    if let success {
      guard let i = labels.firstIndex(of: success) else {
        throw InputError.invalidParameter(
          name: "--success", value: success,
          expected: "one of the answers: " + labels.joined(separator: ", "))
      }
      return i
    }
    if Set(labels.compactMap { Double($0) }) == [0, 1] {
      return labels.firstIndex { Double($0) == 1 } ?? 0
    }
    let yes = labels.indices.filter { ["yes", "true"].contains(labels[$0].lowercased()) }
    guard yes.count == 1, let i = yes.first else {
      throw InputError.invalidParameter(
        name: "--success", value: "(not given)",
        expected: "the answer that counts as a success, one of: " + labels.joined(separator: ", ")
          + " (the sign of the paired difference depends on it)")
    }
    return i
  }

  /// The square table collapsed to success/failure with the success first: a = success on
  /// both, b = success then failure, c = failure then success, d = failure on both (every
  /// other answer is a failure).
  ///
  /// - Parameters:
  ///   - counts: the k×k paired table (k ≥ 2), rows the first item.
  ///   - success: the row/column index of the success.
  /// - Returns: `[[a, b], [c, d]]`.
  /// - Complexity: O(k²).
  static func twoByTwo(_ counts: [[Int]], success s: Int) -> [[Int]] {
    var t = [[0, 0], [0, 0]]
    for (i, row) in counts.enumerated() {
      for (j, x) in row.enumerated() { t[i == s ? 0 : 1][j == s ? 0 : 1] += x }
    }
    return t
  }
}

// CommaList.swift: option values written as comma lists (`--scores 1,2,4`, `--order Low,High`).
import Foundation
import Resample

/// Reads the comma lists of option values, with errors that name the option.
enum CommaList {
  /// Finite numbers, one per entry; an entry that is not one is refused as "OPTION value i".
  ///
  /// - Complexity: O(length of `text`).
  static func numbers(_ text: String, _ option: String) throws -> [Double] {
    try text.split(separator: ",", omittingEmptySubsequences: false).enumerated().map { i, v in
      try NumericText.parseFinite(v, source: "\(option) value \(i + 1)")
    }
  }

  /// Labels, trimmed; an empty entry is refused.
  ///
  /// - Complexity: O(length of `text`).
  static func labels(_ text: String, option: String) throws -> [String] {
    let parts = text.split(separator: ",", omittingEmptySubsequences: false).map {
      $0.trimmingCharacters(in: .whitespaces)
    }
    guard !parts.contains("") else {
      throw InputError.invalidParameter(
        name: option, value: text, expected: "labels separated by commas, none empty")
    }
    return parts
  }
}

// SampleSource.swift: where the samples of `boot` and `perm` come from (`--data --column
// [--group --compare]` or `--sample-a [--sample-b]`).
import ArgumentParser
import Foundation
import Resample

/// Where the samples of `boot` and `perm` come from: a CSV column (optionally split by a group
/// column) or plain number lists.
struct SampleSource: ParsableArguments {
  @Option(help: "CSV file with a header row ('-' reads standard input).") var data: String?
  @Option(help: "The numeric column to analyse.") var column: String?
  @Option(help: "A column whose values split the rows into groups.") var group: String?
  @Option(help: "Two group values A,B to compare (statistic(A) − statistic(B)).") var compare:
    String?
  @Option(name: .customLong("sample-a"), help: "A file of whitespace-separated numbers (sample A).")
  var sampleA: String?
  @Option(name: .customLong("sample-b"), help: "A second number file (sample B).") var sampleB:
    String?
  @OptionGroup(title: "Format of --data") var dataFormat: DataFileOptions

  /// The samples (one or two), their names and, for `--data` with `labelColumn`, that column of
  /// the file (read but not yet checked: its errors are thrown when it is used).
  ///
  /// Only the columns named are kept, as numbers and label codes: a few bytes per row instead
  /// of every field as text.
  func load(labelColumn: String? = nil) throws -> (
    samples: [[Double]], labels: [String], file: CSVColumns?
  ) {
    if data != nil && (sampleA != nil || sampleB != nil) {
      throw ValidationError("give either --data with --column, or --sample-a [--sample-b]")
    }
    if let a = sampleA {
      guard group == nil, compare == nil, column == nil else {
        throw ValidationError("--group, --compare and --column go with --data, not --sample-a")
      }
      var samples = [try NumberList.read(path: a)]
      var labels = [a]
      if let b = sampleB {
        samples.append(try NumberList.read(path: b))
        labels.append(b)
      }
      for (s, l) in zip(samples, labels) where s.isEmpty {
        throw InputError.invalidData(source: l, reason: "contains no numbers")
      }
      return (samples, labels, nil)
    }
    guard sampleB == nil else { throw ValidationError("--sample-b needs --sample-a") }
    guard let data else {
      throw ValidationError("give --data FILE --column COL, or --sample-a FILE")
    }
    guard let column else { throw ValidationError("--data needs --column COL") }
    let file = try dataFormat.columns(
      data, numeric: [column], labels: [group, labelColumn].compactMap { $0 })
    let values = try file.numeric(column)
    if group == nil && compare == nil {
      guard !values.isEmpty else {
        throw InputError.invalidData(source: file.source, reason: "column '\(column)' has no rows")
      }
      return ([values], [column], file)
    }
    guard let group, let compare else {
      throw ValidationError("--group and --compare go together (--group COL --compare A,B)")
    }
    let names = try Self.groupPair(compare)
    let g = try file.labels(group)
    // The group of each distinct label, trimmed as typed values are.
    let trimmed = g.values.map { $0.trimmingCharacters(in: .whitespaces) }
    var samples: [[Double]] = []
    for name in names {
      let wanted = trimmed.map { $0 == name }
      guard wanted.contains(true) else {
        let present = Array(Set(trimmed)).sorted().prefix(10).joined(separator: ", ")
        throw InputError.invalidParameter(
          name: "--compare", value: name,
          expected: "a value of column '\(group)' (present: \(present))")
      }
      var sample: [Double] = []
      for (row, code) in g.codes.enumerated() where wanted[Int(code)] { sample.append(values[row]) }
      samples.append(sample)
    }
    return (samples, names, file)
  }

  /// The two group values of `--compare A,B` (trimmed, non-empty, different).
  static func groupPair(_ compare: String) throws -> [String] {
    let names = compare.split(separator: ",", omittingEmptySubsequences: false).map {
      $0.trimmingCharacters(in: .whitespaces)
    }
    guard names.count == 2, !names[0].isEmpty, !names[1].isEmpty, names[0] != names[1] else {
      throw InputError.invalidParameter(
        name: "--compare", value: compare, expected: "two different group values A,B")
    }
    return names
  }
}

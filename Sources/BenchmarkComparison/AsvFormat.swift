// AsvFormat.swift: airspeed velocity (asv) result files.
import Foundation
import ResampleCore

/// Reads an asv results file (`.asv/results/<machine>/<commit>-<env>.json`, asv ≥ 0.5).
///
/// `results` maps each benchmark to a row laid out by `result_columns`. With
/// `asv run --record-samples` the `samples` column holds the runs of every parameter
/// combination (seconds for `time_*` benchmarks); a parameterised benchmark becomes one
/// benchmark per combination, named `name(p1, p2)` in asv's order (the Cartesian product of
/// `params`, last parameter fastest). Without samples, the `result` (asv's median) is read as a
/// summary (``BenchmarkSamples/summaryOnly``), compared without an interval or a test.
/// Combinations that failed (`null`) are skipped with a note. Units: `time_*` seconds,
/// `mem_*`/`peakmem_*` bytes, `track_*` unitless; lower is better for all of them (asv's rule).
///
/// Schema: asv `asv/results.py` (`Results.save`, format version 2).
enum AsvFormat {
  static func parse(_ bytes: [UInt8], source: String, options: BenchmarkReadOptions) throws
    -> BenchmarkSet
  {
    if let metric = options.metric {
      throw InputError.invalidData(
        source: source, reason: "asv results hold one measurement each; no metric '\(metric)'")
    }
    let root = try JSONNode.parse(bytes, source: source)
    let columns = try root.member("result_columns").array().map { try $0.string() }
    guard let resultCol = columns.firstIndex(of: "result") else {
      throw InputError.invalidData(
        source: source, reason: "result_columns has no 'result' (read as asv)")
    }
    let paramsCol = columns.firstIndex(of: "params")
    let samplesCol = columns.firstIndex(of: "samples")
    guard let results = try root.member("results").value as? [String: Any] else {
      throw InputError.invalidData(
        source: source, reason: "results: expected an object (read as asv)")
    }
    var acc = SampleAccumulator()
    var summaries = SampleAccumulator()
    summaries.summaryOnly = true
    var failed: [String] = []
    for key in results.keys.sorted() {
      let row = try root.member("results").member(key).array()
      func cell(_ k: Int?) -> JSONNode? {
        guard let k, k < row.count, !(row[k].value is NSNull) else { return nil }
        return row[k]
      }
      let combos = try combinations(cell(paramsCol))
      let resultValues = try cell(resultCol)?.array() ?? []
      let sampleLists = try cell(samplesCol)?.array()
      let unit = unitOf(key)
      for (c, label) in combos.enumerated() {
        let name = label.isEmpty ? key : "\(key)(\(label))"
        if let lists = sampleLists, c < lists.count, let list = try? lists[c].numbers(),
          !list.isEmpty
        {
          for v in list {
            try acc.append(v, to: name, unit: unit, location: "\(source) \(lists[c].path)")
          }
        } else if c < resultValues.count, let v = try? resultValues[c].number() {
          try summaries.append(
            v, to: name, unit: unit, location: "\(source) \(resultValues[c].path)")
        } else {
          failed.append(name)
        }
      }
    }
    var notes: [String] = []
    if !failed.isEmpty { notes.append("no result for \(failed.joined(separator: ", ")); skipped") }
    if !summaries.names.isEmpty {
      notes.append(
        "no samples for \(summaries.names.joined(separator: ", ")): their medians are compared "
          + "without an interval or a test; rerun asv with --record-samples")
    }
    return BenchmarkSet(
      source: source, format: .asv, benchmarks: acc.samples + summaries.samples, notes: notes)
  }

  /// The labels of every parameter combination (`[""]` for an unparameterised benchmark).
  private static func combinations(_ params: JSONNode?) throws -> [String] {
    guard let params else { return [""] }
    let lists = try params.array().map { try $0.array().map { try $0.string() } }
    guard !lists.isEmpty else { return [""] }
    var out = [""]
    for (k, list) in lists.enumerated() {
      out = out.flatMap { prefix in list.map { k == 0 ? $0 : "\(prefix), \($0)" } }
    }
    return out
  }

  private static func unitOf(_ key: String) -> String {
    let last = key.split(separator: ".").last.map(String.init) ?? key
    if last.hasPrefix("time_") { return "s" }
    if last.hasPrefix("mem_") || last.hasPrefix("peakmem_") { return "bytes" }
    return ""
  }
}

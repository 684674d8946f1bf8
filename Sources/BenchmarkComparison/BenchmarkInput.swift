// BenchmarkInput.swift: reading benchmark results in any supported format, detected or forced.
import DataInput
import Foundation
import ResampleCore

/// Reads benchmark results files (hyperfine, Google Benchmark, criterion, cargo-criterion, Go,
/// pyperf, CSV) into ``BenchmarkSet``s.
///
/// Every error is an `InputError` whose source names the file (and the line or JSON key).
public enum BenchmarkInput {
  /// Reads the results at `path`.
  ///
  /// `path` is a file, or a criterion folder (such as `target/criterion`).
  ///
  /// - Parameters:
  ///   - path: the file or folder; `"-"` reads standard input.
  ///   - format: the format, or `nil` to detect it (see ``detectFormat(_:source:)``).
  ///   - options: choices for formats with several measurements.
  /// - Returns: the benchmarks with their runs.
  /// - Throws: `InputError.invalidData` for an unreadable file, an undetectable or malformed
  ///   file, a value that is not a finite number ≥ 0, or a file without any benchmark.
  /// - Complexity: O(size of the input).
  public static func read(
    path: String, format: BenchmarkInputFormat? = nil,
    options: BenchmarkReadOptions = BenchmarkReadOptions()
  ) throws -> BenchmarkSet {
    var isDirectory: ObjCBool = false
    if path != InputFile.standardInputPath,
      FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory),
      isDirectory.boolValue
    {
      guard format == nil || format == .criterion else {
        throw InputError.invalidData(
          source: path,
          reason: "is a folder; only the criterion format reads folders (target/criterion)")
      }
      return try checked(
        CriterionFormat.readFolder(path, baseline: options.criterionBaseline, options: options))
    }
    let bytes = try InputFile.readBytes(path: path)
    let source = path == InputFile.standardInputPath ? "standard input" : path
    var set = try parse(bytes, source: source, format: format, options: options)
    if set.format == .criterion, set.benchmarks.count == 1 {
      // A single sample.json: name it after its benchmark.json (or its <id> folder).
      let url = URL(fileURLWithPath: path)
      let dir = url.deletingLastPathComponent()
      var name = dir.deletingLastPathComponent().lastPathComponent
      let meta = dir.appendingPathComponent("benchmark.json").path
      if FileManager.default.fileExists(atPath: meta),
        let node = try? JSONNode.parse(try InputFile.readBytes(path: meta), source: meta),
        let id = try? node.member("full_id").string()
      {
        name = id
      }
      if !name.isEmpty { set.benchmarks[0].name = name }
    }
    return set
  }

  /// Parses results already in memory.
  ///
  /// A criterion `sample.json` parsed this way is named after `source`.
  ///
  /// - Parameters:
  ///   - bytes: the file's content.
  ///   - source: its name, for messages.
  ///   - format: the format, or `nil` to detect it.
  ///   - options: choices for formats with several measurements.
  /// - Throws: as ``read(path:format:options:)``.
  public static func parse(
    _ bytes: [UInt8], source: String, format: BenchmarkInputFormat? = nil,
    options: BenchmarkReadOptions = BenchmarkReadOptions()
  ) throws -> BenchmarkSet {
    var bytes = bytes
    if bytes.starts(with: [0x1F, 0x8B]) { bytes = try Gzip.decompress(bytes, source: source) }
    let chosen = try format ?? detectFormat(bytes, source: source)
    if chosen != .googleBenchmarkCSV, GoogleBenchmarkCSVFormat.looksLikeConsole(bytes) {
      throw consoleRefusal(source)
    }
    if options.metric != nil,
      [.hyperfine, .criterion, .cargoCriterion, .pyperf, .csv].contains(chosen)
    {
      throw InputError.invalidData(
        source: source,
        reason: "read as \(chosen.rawValue), which holds one measurement per run: --metric "
          + "\(options.metric ?? "") needs Google Benchmark (JSON or CSV), Go, or a criterion folder"
      )
    }
    let set: BenchmarkSet
    do {
      switch chosen {
      case .hyperfine: set = try HyperfineFormat.parse(bytes, source: source)
      case .googleBenchmark:
        set = try GoogleBenchmarkFormat.parse(bytes, source: source, options: options)
      case .googleBenchmarkCSV:
        set = try GoogleBenchmarkCSVFormat.parse(bytes, source: source, options: options)
      case .criterion:
        set = try CriterionFormat.parseSampleFile(bytes, source: source, name: source)
      case .cargoCriterion: set = try CargoCriterionFormat.parse(bytes, source: source)
      case .go: set = try GoBenchmarkFormat.parse(bytes, source: source, options: options)
      case .goJSON: set = try GoJSONFormat.parse(bytes, source: source, options: options)
      case .pyperf: set = try PyperfFormat.parse(bytes, source: source)
      case .pytestBenchmark:
        set = try PytestBenchmarkFormat.parse(bytes, source: source, options: options)
      case .asv: set = try AsvFormat.parse(bytes, source: source, options: options)
      case .csv: set = try NameValueCSVFormat.parse(bytes, source: source)
      }
    } catch InputError.invalidData(let where_, let reason) where !reason.contains("(read as ") {
      let how = format == nil ? "detected as" : "read as"
      throw InputError.invalidData(source: where_, reason: "\(reason) (\(how) \(chosen.rawValue))")
    }
    return try checked(set)
  }

  /// Guesses the format of `bytes`.
  ///
  /// Rules, in order (gzip data is decompressed first): a JSON object with `result_columns`
  /// and `results` → asv; with `results` → hyperfine; with `benchmarks` whose entries have
  /// `runs` → pyperf, entries with `stats` and `fullname` (or `machine_info` + `commit_info`)
  /// → pytest-benchmark, otherwise (`context`, `run_type`, `real_time`) → Google Benchmark;
  /// with `iters` and `times` → criterion; JSON lines whose first object has `reason` →
  /// cargo-criterion, `Action` → go test -json; text with the header
  /// `name,iterations,real_time,cpu_time,time_unit` → Google Benchmark CSV; Google Benchmark's
  /// console table → refused, naming the flag to use; a line `Benchmark<Name> <N> <value>
  /// <unit>` → Go; anything else → CSV.
  ///
  /// - Throws: `InputError.invalidData` for JSON that matches no known schema or an empty file.
  public static func detectFormat(_ bytes: [UInt8], source: String) throws -> BenchmarkInputFormat {
    var start = 0
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
    while start < bytes.count, [9, 10, 13, 32].contains(bytes[start]) { start += 1 }
    guard start < bytes.count else {
      throw InputError.invalidData(source: source, reason: "empty file")
    }
    if bytes[start] == UInt8(ascii: "{") {
      let body = Array(bytes[start...])
      if let root = try? JSONNode.parse(body, source: source) {
        if let format = jsonFormat(root) { return format }
        throw InputError.invalidData(
          source: source,
          reason: "JSON of an unknown schema (expected hyperfine, Google Benchmark, criterion, "
            + "cargo-criterion, go test -json, pyperf, pytest-benchmark or asv); use --input-format"
        )
      }
      // JSON lines: look at the first line.
      let firstLine = body.prefix { $0 != UInt8(ascii: "\n") }
      if let first = try? JSONNode.parse(Array(firstLine), source: source) {
        if first.has("reason") { return .cargoCriterion }
        if first.has("Action") { return .goJSON }
      }
      throw InputError.invalidData(
        source: source,
        reason: "starts like JSON but is neither valid JSON nor JSON lines of cargo-criterion "
          + "(\"reason\") or go test -json (\"Action\")")
    }
    if GoogleBenchmarkCSVFormat.headerOffset(bytes) != nil { return .googleBenchmarkCSV }
    if GoogleBenchmarkCSVFormat.looksLikeConsole(bytes) { throw consoleRefusal(source) }
    if GoBenchmarkFormat.looksLikeGo(bytes) { return .go }
    return .csv
  }

  /// The refusal of Google Benchmark's console table, saying which flag writes a readable file.
  static func consoleRefusal(_ source: String) -> InputError {
    InputError.invalidData(
      source: source,
      reason: "Google Benchmark console output (detected by its 'Benchmark Time CPU Iterations' "
        + "header) has rounded values and no units per run: rerun with --benchmark_format=json "
        + "(or --benchmark_out=FILE --benchmark_out_format=json) and --benchmark_repetitions=10")
  }

  private static func jsonFormat(_ root: JSONNode) -> BenchmarkInputFormat? {
    if root.has("result_columns") && root.has("results") { return .asv }
    if root.has("results") { return .hyperfine }
    if root.has("Action") { return .goJSON }
    if root.has("reason") { return .cargoCriterion }
    if root.has("iters") && root.has("times") { return .criterion }
    if let benchmarks = try? root.member("benchmarks").array() {
      if let first = benchmarks.first, first.has("runs") { return .pyperf }
      if let first = benchmarks.first, first.has("stats"), first.has("fullname") {
        return .pytestBenchmark
      }
      if root.has("machine_info") && root.has("commit_info") { return .pytestBenchmark }
      if root.has("context") { return .googleBenchmark }
      if let first = benchmarks.first, first.has("run_type") || first.has("real_time") {
        return .googleBenchmark
      }
      if root.has("version") || root.has("metadata") { return .pyperf }
    }
    return nil
  }

  /// Drops benchmarks without runs (noting them) and rejects a file with none left.
  private static func checked(_ set: BenchmarkSet) throws -> BenchmarkSet {
    var out = set
    let empty = set.benchmarks.filter { $0.values.isEmpty }.map(\.name)
    if !empty.isEmpty {
      out.benchmarks.removeAll { $0.values.isEmpty }
      out.notes.append("no runs for \(empty.joined(separator: ", ")); skipped")
    }
    guard !out.benchmarks.isEmpty else {
      throw InputError.invalidData(
        source: set.source,
        reason: "no benchmark results found (read as \(set.format.rawValue)"
          + (set.notes.isEmpty ? "" : "; " + set.notes.joined(separator: "; ")) + ")")
    }
    return out
  }
}

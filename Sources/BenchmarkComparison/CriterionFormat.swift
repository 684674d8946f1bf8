// CriterionFormat.swift: criterion.rs sample files (target/criterion/<id>/<baseline>/sample.json).
import DataInput
import Foundation
import ResampleCore

/// Reads criterion.rs measurements.
///
/// A `sample.json` holds `iters` (iterations per sample) and `times` (total nanoseconds per
/// sample); each sample's per-iteration time is `times[i] / iters[i]` ns, converted to seconds
/// (criterion's own estimates are computed from the same ratios). In a folder such as
/// `target/criterion`, every `<id>/<baseline>/sample.json` is one benchmark, named by the
/// `full_id` of the `benchmark.json` beside it (else by the folder path `<id>`). With the metric
/// `throughput`, each sample is the `benchmark.json`'s `throughput` (`Bytes` or `Elements` per
/// iteration) divided by the sample's time per iteration: bytes/s or elements/s, higher is
/// better (criterion's own throughput report).
///
/// Schema: criterion.rs `src/fs.rs` and `src/report.rs` (0.3 – 0.5).
enum CriterionFormat {
  /// One `sample.json` file's per-iteration times in seconds.
  static func samples(_ bytes: [UInt8], source: String) throws -> [Double] {
    let root = try JSONNode.parse(bytes, source: source)
    let iters = try root.member("iters").numbers()
    let times = try root.member("times").numbers()
    guard iters.count == times.count else {
      throw InputError.invalidData(
        source: source,
        reason: "iters has \(iters.count) entries but times has \(times.count)")
    }
    var out: [Double] = []
    for (k, (n, t)) in zip(iters, times).enumerated() {
      guard n > 0 else {
        throw InputError.invalidData(source: source, reason: "iters[\(k)] is \(n), expected > 0")
      }
      out.append(t / n * 1e-9)
    }
    return out
  }

  /// Parses one `sample.json` given as bytes; the benchmark is named `name`.
  static func parseSampleFile(_ bytes: [UInt8], source: String, name: String) throws
    -> BenchmarkSet
  {
    var acc = SampleAccumulator()
    for v in try samples(bytes, source: source) {
      try acc.append(v, to: name, unit: "s", location: source)
    }
    return BenchmarkSet(source: source, format: .criterion, benchmarks: acc.samples)
  }

  /// Reads every `<id>/<baseline>/sample.json` under `folder`, sorted by benchmark name.
  static func readFolder(
    _ folder: String, baseline: String, options: BenchmarkReadOptions = BenchmarkReadOptions()
  ) throws -> BenchmarkSet {
    if let metric = options.metric, metric != "throughput" {
      throw InputError.invalidData(
        source: folder,
        reason: "criterion folders carry the time and 'throughput' only, not '\(metric)'")
    }
    let root = URL(fileURLWithPath: folder)
    guard
      let walker = FileManager.default.enumerator(
        at: root, includingPropertiesForKeys: nil, options: [])
    else {
      throw InputError.invalidData(source: folder, reason: "cannot list the folder")
    }
    var found: [(name: String, path: String, perIteration: Double?, unit: String)] = []
    var baselines = Set<String>()
    var withoutThroughput: [String] = []
    for case let url as URL in walker where url.lastPathComponent == "sample.json" {
      let dir = url.deletingLastPathComponent()
      baselines.insert(dir.lastPathComponent)
      guard dir.lastPathComponent == baseline else { continue }
      let idDir = dir.deletingLastPathComponent()
      var name = relativePath(of: idDir.path, under: root.path)
      let meta = dir.appendingPathComponent("benchmark.json").path
      var perIteration: Double? = nil
      var unit = "s"
      if FileManager.default.fileExists(atPath: meta) {
        let node = try JSONNode.parse(try InputFile.readBytes(path: meta), source: meta)
        if let id = node.optionalMember("full_id"), let s = try? id.string() { name = s }
        if options.metric != nil, let t = node.optionalMember("throughput") {
          for (key, label) in [("Bytes", "bytes/s"), ("Elements", "elements/s")] {
            if let n = t.optionalMember(key) {
              perIteration = try n.number()
              unit = label
            }
          }
        }
      }
      if options.metric != nil, perIteration == nil {
        withoutThroughput.append(name)
        continue
      }
      found.append((name, url.path, perIteration, unit))
    }
    guard !found.isEmpty else {
      let seen = baselines.sorted().joined(separator: ", ")
      throw InputError.invalidData(
        source: folder,
        reason: "no criterion measurements found (expected <id>/\(baseline)/sample.json"
          + (seen.isEmpty ? ")" : "; saved measurements here: \(seen))"))
    }
    found.sort { $0.name < $1.name }
    var acc = SampleAccumulator()
    acc.higherIsBetter = options.metric != nil
    for (name, path, perIteration, unit) in found {
      guard !acc.contains(name) else {
        throw InputError.invalidData(
          source: path, reason: "benchmark '\(name)' appears twice under \(folder)")
      }
      for v in try samples(try InputFile.readBytes(path: path), source: path) {
        if let perIteration {
          guard v > 0 else {
            throw InputError.invalidData(
              source: path, reason: "benchmark '\(name)': a time of 0 has no throughput")
          }
          try acc.append(perIteration / v, to: name, unit: unit, location: path)
        } else {
          try acc.append(v, to: name, unit: "s", location: path)
        }
      }
    }
    var notes: [String] = []
    if !withoutThroughput.isEmpty {
      notes.append(
        "no throughput (Throughput::Bytes or Elements) for "
          + withoutThroughput.sorted().joined(separator: ", ") + "; skipped")
    }
    return BenchmarkSet(source: folder, format: .criterion, benchmarks: acc.samples, notes: notes)
  }

  private static func relativePath(of path: String, under root: String) -> String {
    let base = root.hasSuffix("/") ? root : root + "/"
    return path.hasPrefix(base) ? String(path.dropFirst(base.count)) : path
  }
}

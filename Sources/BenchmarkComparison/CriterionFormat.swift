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
/// `full_id` of the `benchmark.json` beside it (else by the folder path `<id>`).
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
  static func readFolder(_ folder: String, baseline: String) throws -> BenchmarkSet {
    let root = URL(fileURLWithPath: folder)
    guard
      let walker = FileManager.default.enumerator(
        at: root, includingPropertiesForKeys: nil, options: [])
    else {
      throw InputError.invalidData(source: folder, reason: "cannot list the folder")
    }
    var found: [(name: String, path: String)] = []
    for case let url as URL in walker where url.lastPathComponent == "sample.json" {
      let dir = url.deletingLastPathComponent()
      guard dir.lastPathComponent == baseline else { continue }
      let idDir = dir.deletingLastPathComponent()
      var name = relativePath(of: idDir.path, under: root.path)
      let meta = dir.appendingPathComponent("benchmark.json").path
      if FileManager.default.fileExists(atPath: meta) {
        let node = try JSONNode.parse(try InputFile.readBytes(path: meta), source: meta)
        if let id = node.optionalMember("full_id"), let s = try? id.string() { name = s }
      }
      found.append((name, url.path))
    }
    guard !found.isEmpty else {
      throw InputError.invalidData(
        source: folder,
        reason: "no criterion measurements found (expected <id>/\(baseline)/sample.json)")
    }
    found.sort { $0.name < $1.name }
    var acc = SampleAccumulator()
    for (name, path) in found {
      guard !acc.contains(name) else {
        throw InputError.invalidData(
          source: path, reason: "benchmark '\(name)' appears twice under \(folder)")
      }
      for v in try samples(try InputFile.readBytes(path: path), source: path) {
        try acc.append(v, to: name, unit: "s", location: path)
      }
    }
    return BenchmarkSet(source: folder, format: .criterion, benchmarks: acc.samples)
  }

  private static func relativePath(of path: String, under root: String) -> String {
    let base = root.hasSuffix("/") ? root : root + "/"
    return path.hasPrefix(base) ? String(path.dropFirst(base.count)) : path
  }
}

// PyperfFormat.swift: pyperf's JSON result files.
import ResampleCore

/// Reads pyperf JSON result files.
///
/// In pyperf JSON (`-o FILE.json`, `pyperf timeit -o`), each entry of `benchmarks` is one
/// benchmark, named by its `metadata.name` (or the file's common `metadata.name`), whose runs
/// are the `values` of all its `runs` (warmups and calibration runs, which have no `values`,
/// are skipped). The unit is `metadata.unit` (`second` by default, converted to `"s"`).
/// Compressed `.json.gz` files (`-o FILE.json.gz`) are decompressed first (``Gzip``).
///
/// Schema: pyperf `doc/api.rst` ("JSON format", version 1.0).
enum PyperfFormat {
  static func parse(_ bytes: [UInt8], source: String) throws -> BenchmarkSet {
    let bytes =
      bytes.starts(with: [0x1F, 0x8B]) ? try Gzip.decompress(bytes, source: source) : bytes
    let root = try JSONNode.parse(bytes, source: source)
    let common = root.optionalMember("metadata")
    var acc = SampleAccumulator()
    for bench in try root.member("benchmarks").array() {
      let meta = bench.optionalMember("metadata")
      guard let nameNode = meta?.optionalMember("name") ?? common?.optionalMember("name") else {
        throw InputError.invalidData(source: source, reason: "\(bench.path): no metadata.name")
      }
      let name = try nameNode.string()
      guard !acc.contains(name) else {
        throw InputError.invalidData(
          source: source, reason: "benchmark '\(name)' appears twice")
      }
      let unitNode = meta?.optionalMember("unit") ?? common?.optionalMember("unit")
      let unitName = try unitNode?.string() ?? "second"
      let unit = unitName == "second" ? "s" : unitName
      for run in try bench.member("runs").array() {
        guard let values = run.optionalMember("values") else { continue }
        for v in try values.numbers() {
          try acc.append(v, to: name, unit: unit, location: "\(source) \(run.path)")
        }
      }
    }
    return BenchmarkSet(source: source, format: .pyperf, benchmarks: acc.samples)
  }
}

// SimulationFiles.swift: reading a study spec (TOML or JSON), and the shard part files that
// `simulate --shard` writes and `merge` reads.
import Foundation
import Resample
import TOMLKit

enum SimulationFiles {
  /// Reads a spec: JSON when the file starts with `{`, TOML otherwise.
  static func spec(path: String) throws -> SimulationSpec {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw InputError.invalidData(source: path, reason: "cannot read the file")
    }
    let text = String(decoding: data, as: UTF8.self)
    do {
      if text.drop(while: { $0.isWhitespace }).first == "{" {
        return try JSONDecoder().decode(SimulationSpec.self, from: data)
      }
      return try TOMLDecoder().decode(SimulationSpec.self, from: text)
    } catch let e as InputError {
      throw InputError.invalidData(source: path, reason: e.description)
    } catch let e as TOMLParseError {
      throw InputError.invalidData(source: path, reason: "not valid TOML: \(e.description)")
    } catch let e as DecodingError {
      throw InputError.invalidData(source: path, reason: describe(e))
    }
  }

  static func describe(_ e: DecodingError) -> String {
    func path(_ c: [CodingKey]) -> String {
      c.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
    }
    switch e {
    case .keyNotFound(let k, let ctx):
      return "missing key '\(k.stringValue)' at \(path(ctx.codingPath))"
    case .typeMismatch(_, let ctx), .valueNotFound(_, let ctx), .dataCorrupted(let ctx):
      return "\(path(ctx.codingPath)): \(ctx.debugDescription)"
    @unknown default: return "\(e)"
    }
  }

  /// A 64-bit FNV-1a hash of the spec's canonical JSON (keys sorted), in hex.
  static func hash(_ spec: SimulationSpec) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in try encoder.encode(spec) {
      h = (h ^ UInt64(byte)) &* 0x100_0000_01b3
    }
    return String(h, radix: 16)
  }

  /// One shard's tallies, with what identifies the run they belong to.
  struct Part: Codable {
    var format = "resample-simulation-part/1"
    var tool: String
    var specHash: String
    var shard: Int
    var shards: Int
    var spec: SimulationSpec
    var blocks: [BlockTally]
  }

  static func write(_ part: Part, to path: String) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    encoder.keyEncodingStrategy = .convertToSnakeCase
    let data = try encoder.encode(part)
    guard FileManager.default.createFile(atPath: path, contents: data) else {
      throw InputError.invalidData(source: path, reason: "cannot write the part file")
    }
  }

  /// Reads parts and checks they are the shards of one run: same tool, spec and shard count,
  /// each shard once.
  static func read(_ paths: [String]) throws -> (SimulationSpec, [BlockTally]) {
    let decoder = JSONDecoder()
    decoder.keyDecodingStrategy = .convertFromSnakeCase
    var parts: [Part] = []
    for path in paths {
      guard let data = FileManager.default.contents(atPath: path) else {
        throw InputError.invalidData(source: path, reason: "cannot read the part file")
      }
      do {
        let p = try decoder.decode(Part.self, from: data)
        guard p.format == "resample-simulation-part/1" else {
          throw InputError.invalidData(source: path, reason: "unknown part format '\(p.format)'")
        }
        parts.append(p)
      } catch let e as DecodingError {
        throw InputError.invalidData(
          source: path, reason: "not a simulation part file (\(describe(e)))")
      }
    }
    guard let first = parts.first else {
      throw InputError.invalidParameter(name: "PART", value: "none", expected: "part files")
    }
    for (p, path) in zip(parts, paths) {
      guard p.tool == first.tool else {
        throw InputError.invalidData(
          source: path, reason: "made by \(p.tool), the first part by \(first.tool)")
      }
      guard p.specHash == first.specHash, p.spec == first.spec else {
        throw InputError.invalidData(
          source: path, reason: "a different study (spec hash \(p.specHash), not \(first.specHash))"
        )
      }
      guard p.shards == first.shards else {
        throw InputError.invalidData(
          source: path, reason: "shard of \(p.shards), the first part of \(first.shards)")
      }
    }
    let shards = parts.map(\.shard)
    guard Set(shards).count == shards.count, Set(shards) == Set(0..<first.shards) else {
      throw InputError.invalidData(
        source: "parts",
        reason:
          "shards \(shards.sorted().map { "\($0 + 1)/\(first.shards)" }.joined(separator: ", ")) "
          + "given; need each of 1/\(first.shards) … \(first.shards)/\(first.shards) exactly once")
    }
    return (first.spec, parts.flatMap(\.blocks))
  }
}

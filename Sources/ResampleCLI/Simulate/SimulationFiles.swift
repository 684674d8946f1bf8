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
    return ShardParts.hash(try encoder.encode(spec))
  }

  /// The body of a simulation part: the spec and the shard's block tallies.
  struct Body: Codable {
    var spec: SimulationSpec
    var blocks: [BlockTally]
  }

  /// The spec and every block tally of checked parts (``ShardParts``) of a study.
  static func read(_ parts: ShardParts) throws -> (SimulationSpec, [BlockTally]) {
    let decoded = try parts.decode(Body.self)
    return (decoded[0].body.spec, decoded.flatMap(\.body.blocks))
  }
}

// ShardPart.swift: the part file every `--shard I/K --output PART.json` writes (simulate, perm,
// chisq, fisher, power, boot), and the checks `resample merge` makes before combining parts.
import ArgumentParser
import Foundation
import Resample

/// `--shard I/K --output PART.json`: run shard I of K and write its part file.
struct ShardOptions: ParsableArguments {
  @Option(
    help: """
      Run only shard I of K (e.g. 2/4) and write its part file to --output; `resample merge` \
      combines the parts.
      """)
  var shard: String?
  @Option(help: "The part file of --shard.") var output: String?

  func validate() throws {
    if (shard == nil) != (output == nil) {
      throw ValidationError("--shard I/K and --output PART.json go together")
    }
    do {
      if let shard { _ = try Self.parse(shard) }
    } catch let e as InputError {
      throw ValidationError(e.description)
    }
  }

  /// The shard (1-based index, count), or nil without --shard.
  var parsed: (index: Int, count: Int)? { shard.flatMap { try? Self.parse($0) } }

  /// Reads `I/K`.
  ///
  /// - Throws: ``InputError`` unless 1 ≤ I ≤ K ≤ 10⁶.
  static func parse(_ s: String) throws -> (index: Int, count: Int) {
    let parts = s.split(separator: "/").map { Int($0.trimmingCharacters(in: .whitespaces)) }
    guard parts.count == 2, let i = parts[0], let k = parts[1], k >= 1, k <= 1_000_000, i >= 1,
      i <= k
    else {
      throw InputError.invalidParameter(
        name: "--shard", value: s, expected: "I/K with 1 ≤ I ≤ K ≤ 1000000, e.g. 2/4")
    }
    return (i, k)
  }
}

/// One shard's part file: a header that identifies the run, and the command's body.
///
/// JSON (keys sorted, snake case): `format` (`resample-part/1`), `command`, `tool`, `hash` (of
/// everything the result depends on: the spec, or the arguments and the input files' contents),
/// `shard` (1-based) and `shards`, then `body`.
struct ShardPart<Body: Codable>: Codable {
  /// The format identifier of every part file.
  static var formatName: String { "resample-part/1" }

  var format = Self.formatName
  var command: String
  var tool: String
  var hash: String
  var shard: Int
  var shards: Int
  var body: Body

  /// Writes the part as JSON (non-finite numbers as the strings "inf", "-inf", "nan").
  func write(to path: String) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    encoder.keyEncodingStrategy = .convertToSnakeCase
    encoder.nonConformingFloatEncodingStrategy = .convertToString(
      positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
    let data = try encoder.encode(self)
    guard FileManager.default.createFile(atPath: path, contents: data) else {
      throw InputError.invalidData(source: path, reason: "cannot write the part file")
    }
  }

  /// Decodes the part in `data`, read from `path`.
  static func decode(_ data: Data, path: String) throws -> Self {
    let decoder = JSONDecoder()
    decoder.keyDecodingStrategy = .convertFromSnakeCase
    decoder.nonConformingFloatDecodingStrategy = .convertFromString(
      positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
    do {
      return try decoder.decode(Self.self, from: data)
    } catch let e as DecodingError {
      throw InputError.invalidData(
        source: path, reason: "not a resample part file (\(SimulationFiles.describe(e)))")
    }
  }
}

/// A body that decodes from anything: reading only a part's header.
struct SkippedBody: Codable {
  init() {}
  init(from decoder: Decoder) throws {}
  func encode(to encoder: Encoder) throws {}
}

/// The part files given to `merge`, checked to be every shard of one run.
struct ShardParts {
  /// The first part's header (command, tool, hash, shard count).
  var header: ShardPart<SkippedBody>
  /// Each file's bytes, in shard order.
  var files: [(path: String, data: Data)]

  /// Reads the parts and checks they are the shards of one run: same format, command, tool,
  /// hash and shard count, each shard once.
  ///
  /// - Throws: ``InputError`` naming the first file that does not fit, in one line.
  init(paths: [String]) throws {
    var headers: [ShardPart<SkippedBody>] = []
    var files: [(String, Data)] = []
    for path in paths {
      guard let data = FileManager.default.contents(atPath: path) else {
        throw InputError.invalidData(source: path, reason: "cannot read the part file")
      }
      let h = try ShardPart<SkippedBody>.decode(data, path: path)
      guard h.format == ShardPart<SkippedBody>.formatName else {
        throw InputError.invalidData(source: path, reason: "unknown part format '\(h.format)'")
      }
      headers.append(h)
      files.append((path, data))
    }
    guard let first = headers.first else {
      throw InputError.invalidParameter(name: "PART", value: "none", expected: "part files")
    }
    for (h, path) in zip(headers, paths) {
      guard h.command == first.command else {
        throw InputError.invalidData(
          source: path, reason: "a part of `\(h.command)`, the first part is of `\(first.command)`")
      }
      guard h.tool == first.tool else {
        throw InputError.invalidData(
          source: path, reason: "made by \(h.tool), the first part by \(first.tool)")
      }
      guard h.hash == first.hash else {
        let what =
          first.command == "simulate"
          ? "a different study (spec hash \(h.hash), not \(first.hash))"
          : "a different run of \(first.command): other data, options, seed or B "
            + "(hash \(h.hash), not \(first.hash))"
        throw InputError.invalidData(source: path, reason: what)
      }
      guard h.shards == first.shards else {
        throw InputError.invalidData(
          source: path, reason: "shard of \(h.shards), the first part of \(first.shards)")
      }
    }
    let shards = headers.map(\.shard)
    guard Set(shards).count == shards.count, Set(shards) == Set(1...first.shards) else {
      throw InputError.invalidData(
        source: "parts",
        reason:
          "shards \(shards.sorted().map { "\($0)/\(first.shards)" }.joined(separator: ", ")) "
          + "given; need each of 1/\(first.shards) … \(first.shards)/\(first.shards) exactly once")
    }
    header = first
    self.files = zip(headers, files).sorted { $0.0.shard < $1.0.shard }.map { $0.1 }
  }

  /// The parts decoded with their command's body, in shard order.
  func decode<Body: Codable>(_: Body.Type) throws -> [ShardPart<Body>] {
    try files.map { try ShardPart<Body>.decode($0.data, path: $0.path) }
  }

  /// A 64-bit FNV-1a hash of `bytes`, in hex.
  static func hash<S: Sequence<UInt8>>(_ bytes: S) -> String {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in bytes { h = (h ^ UInt64(byte)) &* 0x100_0000_01b3 }
    return String(h, radix: 16)
  }
}

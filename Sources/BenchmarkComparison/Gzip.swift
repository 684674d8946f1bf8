// Gzip.swift: decompressing gzip files (pyperf's .json.gz) without a C library.
import ResampleCore

/// A gzip (RFC 1952) reader with a DEFLATE (RFC 1951) decoder: stored, fixed-Huffman and
/// dynamic-Huffman blocks, checked against the trailer's length (ISIZE) and CRC-32.
///
/// Used for pyperf's `-o FILE.json.gz`. Output is capped at 1 GiB.
/// - Complexity: O(compressed + decompressed size).
enum Gzip {
  static let limit = 1 << 30

  static func decompress(_ bytes: [UInt8], source: String) throws -> [UInt8] {
    func fail(_ why: String) -> InputError {
      InputError.invalidData(source: source, reason: "gzip: \(why)")
    }
    guard bytes.count >= 18, bytes[0] == 0x1F, bytes[1] == 0x8B, bytes[2] == 8 else {
      throw fail("not a gzip file with DEFLATE data")
    }
    let flags = bytes[3]
    var pos = 10
    if flags & 4 != 0 {
      guard pos + 2 <= bytes.count else { throw fail("truncated header") }
      pos += 2 + Int(bytes[pos]) | Int(bytes[pos + 1]) << 8
    }
    for bit: UInt8 in [8, 16] where flags & bit != 0 {
      while pos < bytes.count, bytes[pos] != 0 { pos += 1 }
      pos += 1
    }
    if flags & 2 != 0 { pos += 2 }
    guard pos < bytes.count - 8 else { throw fail("truncated header") }
    var reader = BitReader(bytes: bytes, pos: pos, end: bytes.count - 8)
    var out: [UInt8] = []
    do { try inflate(&reader, into: &out) } catch let error as InflateError {
      throw fail(error.reason)
    }
    let t = bytes.count - 8
    func le32(_ i: Int) -> UInt32 {
      UInt32(bytes[i]) | UInt32(bytes[i + 1]) << 8 | UInt32(bytes[i + 2]) << 16
        | UInt32(bytes[i + 3]) << 24
    }
    guard le32(t + 4) == UInt32(truncatingIfNeeded: out.count) else {
      throw fail("length does not match the trailer (truncated or concatenated file)")
    }
    guard le32(t) == crc32(out) else { throw fail("CRC-32 mismatch (corrupt file)") }
    return out
  }

  struct InflateError: Error { var reason: String }

  struct BitReader {
    let bytes: [UInt8]
    var pos: Int
    let end: Int
    var bitBuffer: UInt32 = 0
    var bitCount = 0

    mutating func bits(_ n: Int) throws -> Int {
      while bitCount < n {
        guard pos < end else { throw InflateError(reason: "truncated data") }
        bitBuffer |= UInt32(bytes[pos]) << UInt32(bitCount)
        pos += 1
        bitCount += 8
      }
      let v = Int(bitBuffer & ((1 << UInt32(n)) - 1))
      bitBuffer >>= UInt32(n)
      bitCount -= n
      return v
    }

    mutating func alignToByte() {
      bitBuffer = 0
      bitCount = 0
    }
  }

  /// A canonical Huffman code: counts per length and symbols in code order.
  struct Huffman {
    var counts = [Int](repeating: 0, count: 16)
    var symbols: [Int] = []

    init(lengths: [Int]) throws {
      for l in lengths { counts[l] += 1 }
      counts[0] = 0
      var offsets = [Int](repeating: 0, count: 16)
      for l in 1..<16 { offsets[l] = offsets[l - 1] + counts[l - 1] }
      symbols = [Int](repeating: 0, count: lengths.count)
      for (s, l) in lengths.enumerated() where l > 0 {
        symbols[offsets[l]] = s
        offsets[l] += 1
      }
    }

    func decode(_ r: inout BitReader) throws -> Int {
      var code = 0
      var first = 0
      var index = 0
      for l in 1..<16 {
        code |= try r.bits(1)
        let count = counts[l]
        if code - first < count { return symbols[index + code - first] }
        index += count
        first = (first + count) << 1
        code <<= 1
      }
      throw InflateError(reason: "invalid Huffman code")
    }
  }

  static let lengthBase = [
    3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115,
    131, 163, 195, 227, 258,
  ]
  static let lengthExtra = [
    0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0,
  ]
  static let distBase = [
    1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537,
    2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577,
  ]
  static let distExtra = [
    0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13,
    13,
  ]

  static func inflate(_ r: inout BitReader, into out: inout [UInt8]) throws {
    var last = false
    while !last {
      last = try r.bits(1) == 1
      switch try r.bits(2) {
      case 0:
        r.alignToByte()
        guard r.pos + 4 <= r.end else { throw InflateError(reason: "truncated stored block") }
        let len = Int(r.bytes[r.pos]) | Int(r.bytes[r.pos + 1]) << 8
        let nlen = Int(r.bytes[r.pos + 2]) | Int(r.bytes[r.pos + 3]) << 8
        guard len == ~nlen & 0xFFFF, r.pos + 4 + len <= r.end else {
          throw InflateError(reason: "bad stored block")
        }
        out.append(contentsOf: r.bytes[(r.pos + 4)..<(r.pos + 4 + len)])
        r.pos += 4 + len
      case 1:
        let lit = try Huffman(
          lengths: [Int](repeating: 8, count: 144) + [Int](repeating: 9, count: 112)
            + [Int](repeating: 7, count: 24) + [Int](repeating: 8, count: 8))
        let dist = try Huffman(lengths: [Int](repeating: 5, count: 30))
        try codes(&r, lit, dist, &out)
      case 2:
        let nlen = try r.bits(5) + 257
        let ndist = try r.bits(5) + 1
        let ncode = try r.bits(4) + 4
        let order = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]
        var clen = [Int](repeating: 0, count: 19)
        for k in 0..<ncode { clen[order[k]] = try r.bits(3) }
        let codeCode = try Huffman(lengths: clen)
        var lengths: [Int] = []
        while lengths.count < nlen + ndist {
          let sym = try codeCode.decode(&r)
          switch sym {
          case 0..<16: lengths.append(sym)
          case 16:
            guard let prev = lengths.last else { throw InflateError(reason: "bad code lengths") }
            lengths += [Int](repeating: prev, count: 3 + (try r.bits(2)))
          case 17: lengths += [Int](repeating: 0, count: 3 + (try r.bits(3)))
          default: lengths += [Int](repeating: 0, count: 11 + (try r.bits(7)))
          }
        }
        guard lengths.count == nlen + ndist else { throw InflateError(reason: "bad code lengths") }
        try codes(
          &r, try Huffman(lengths: Array(lengths[..<nlen])),
          try Huffman(lengths: Array(lengths[nlen...])), &out)
      default:
        throw InflateError(reason: "invalid block type")
      }
    }
  }

  private static func codes(
    _ r: inout BitReader, _ lit: Huffman, _ dist: Huffman, _ out: inout [UInt8]
  ) throws {
    while true {
      let sym = try lit.decode(&r)
      if sym < 256 {
        out.append(UInt8(sym))
      } else if sym == 256 {
        return
      } else {
        let k = sym - 257
        guard k < lengthBase.count else { throw InflateError(reason: "bad length code") }
        let length = lengthBase[k] + (try r.bits(lengthExtra[k]))
        let d = try dist.decode(&r)
        guard d < distBase.count else { throw InflateError(reason: "bad distance code") }
        let distance = distBase[d] + (try r.bits(distExtra[d]))
        guard distance <= out.count else { throw InflateError(reason: "distance too far back") }
        guard out.count + length <= limit else {
          throw InflateError(reason: "more than 1 GiB decompressed")
        }
        let start = out.count - distance
        for i in 0..<length { out.append(out[start + i]) }
      }
    }
  }

  /// CRC-32 (IEEE 802.3, reflected polynomial 0xEDB88320).
  static func crc32(_ data: [UInt8]) -> UInt32 {
    var table = [UInt32](repeating: 0, count: 256)
    for n in 0..<256 {
      var c = UInt32(n)
      for _ in 0..<8 { c = c & 1 != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
      table[n] = c
    }
    var crc: UInt32 = 0xFFFF_FFFF
    for b in data { crc = table[Int((crc ^ UInt32(b)) & 0xFF)] ^ (crc >> 8) }
    return crc ^ 0xFFFF_FFFF
  }
}

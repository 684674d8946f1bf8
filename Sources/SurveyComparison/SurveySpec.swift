// SurveySpec.swift: several questions at once from a JSON specification file.
import DataInput
import Foundation
import ResampleCore

/// A JSON description of several questions (the `--spec` file of `resample compare`).
///
/// ```json
/// {"decimals": 0, "rounding": "unknown", "deff": 1.5,
///  "questions": [
///    {"name": "performance beats image", "percent": {"group-owned": "61", "decentralised": "43"},
///     "total": 156},
///    {"name": "has IT marketing", "counts": "internal=40/70,group-owned=30/50"},
///    {"name": "q3", "percent": "a=61,b=43", "n": "a=82,b=60..90", "decimals": 0}],
///  "paired": {"percent": {"performance good": "51", "image good": "38"}, "n": 156}}
/// ```
/// Segment lists are either strings in the command-line syntax or objects (name → value;
/// percentages as strings keep their printed decimals, integers are accepted). `decimals`,
/// `rounding` and `min_n` at the top level are defaults for each question.
public struct SurveySpec: Sendable, Equatable {
  public var questions: [SurveyQuestion]
  public var paired: PairedPercentages?
  public var deff: Double?

  /// Reads and parses a spec file.
  /// - Throws: `InputError` naming the file for unreadable JSON or an invalid entry.
  public static func read(path: String) throws -> SurveySpec {
    try parse(InputFile.readBytes(path: path), source: path)
  }

  /// Parses a spec.
  /// - Throws: `InputError.invalidData(source: "<source> question N", …)` for invalid entries.
  public static func parse(_ bytes: [UInt8], source: String) throws -> SurveySpec {
    guard let root = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any] else {
      throw InputError.invalidData(source: source, reason: "not a JSON object")
    }
    let known: Set<String> = ["decimals", "rounding", "deff", "min_n", "questions", "paired"]
    if let bad = root.keys.first(where: { !known.contains($0) }) {
      throw InputError.invalidData(source: source, reason: "unknown key '\(bad)'")
    }
    let decimals = try int(root["decimals"], source, "decimals") ?? 0
    let rounding = try roundingMode(root["rounding"], source) ?? .unknown
    let minN = try int(root["min_n"], source, "min_n") ?? 1
    var deff: Double?
    if let d = root["deff"] {
      guard let v = (d as? NSNumber)?.doubleValue else {
        throw InputError.invalidData(source: source, reason: "deff must be a number")
      }
      deff = v
    }
    var questions: [SurveyQuestion] = []
    if let qsAny = root["questions"] {
      guard let qs = qsAny as? [[String: Any]] else {
        throw InputError.invalidData(
          source: source, reason: "questions must be an array of objects")
      }
      for (i, q) in qs.enumerated() {
        let place = "\(source) question \(i + 1)"
        let name = (q["name"] as? String) ?? "question \(i + 1)"
        let d = try int(q["decimals"], place, "decimals") ?? decimals
        let r = try roundingMode(q["rounding"], place) ?? rounding
        do {
          if let c = q["counts"] {
            let cs = try SegmentList.counts(try listText(c, place, "counts"))
            questions.append(
              try SurveyQuestion(
                name: name, segmentNames: cs.map(\.name),
                data: .counts(yes: cs.map(\.x), sizes: cs.map(\.n))))
          } else if let p = q["percent"] {
            let ps = try SegmentList.percentages(
              try listText(p, place, "percent"), decimals: d,
              rounding: r)
            let total = try int(q["total"], place, "total")
            var ranges: [String: ClosedRange<Int>] = [:]
            if let nAny = q["n"] {
              for s in try SegmentList.sizes(try listText(nAny, place, "n")) {
                guard ps.contains(where: { $0.name == s.name }) else {
                  throw InputError.invalidData(
                    source: place, reason: "unknown segment '\(s.name)' in n")
                }
                ranges[s.name] = s.sizes
              }
            }
            let list = try ps.map { p -> ClosedRange<Int> in
              if let r = ranges[p.name] { return r }
              guard let total, total >= minN else {
                throw InputError.invalidData(
                  source: place, reason: "segment '\(p.name)' needs a size in n, or give total")
              }
              return minN...total
            }
            questions.append(
              try SurveyQuestion(
                name: name, segmentNames: ps.map(\.name),
                data: .percentages(ps.map(\.percentage), sizeRanges: list, total: total)))
          } else {
            throw InputError.invalidData(source: place, reason: "needs counts or percent")
          }
        } catch let e as InputError {
          throw InputError.invalidData(source: place, reason: e.description)
        }
      }
    }
    var paired: PairedPercentages?
    if let pAny = root["paired"] {
      let place = "\(source) paired"
      guard let p = pAny as? [String: Any], let pct = p["percent"],
        let n = try int(p["n"], place, "n")
      else {
        throw InputError.invalidData(source: place, reason: "needs percent and n")
      }
      let ps = try SegmentList.percentages(
        try listText(pct, place, "percent"), decimals: decimals,
        rounding: rounding)
      guard ps.count == 2 else {
        throw InputError.invalidData(source: place, reason: "percent needs exactly two items")
      }
      paired = PairedPercentages(
        firstName: ps[0].name, secondName: ps[1].name, first: ps[0].percentage,
        second: ps[1].percentage, n: n)
    }
    guard !questions.isEmpty || paired != nil else {
      throw InputError.invalidData(source: source, reason: "no questions and no paired comparison")
    }
    return SurveySpec(questions: questions, paired: paired, deff: deff)
  }

  static func int(_ v: Any?, _ source: String, _ key: String) throws -> Int? {
    guard let v else { return nil }
    guard let n = v as? NSNumber, let i = Int(exactly: n.doubleValue) else {
      throw InputError.invalidData(source: source, reason: "\(key) must be an integer")
    }
    return i
  }

  static func roundingMode(_ v: Any?, _ source: String) throws -> PublisherRounding? {
    guard let v else { return nil }
    guard let s = v as? String, let r = PublisherRounding(rawValue: s) else {
      throw InputError.invalidData(
        source: source, reason: "rounding must be unknown, half-up or half-even")
    }
    return r
  }

  /// A segment list as command-line text, from a string or an object (keys in file order are
  /// not preserved by JSONSerialization, so objects are ordered by name).
  static func listText(_ v: Any, _ source: String, _ key: String) throws -> String {
    if let s = v as? String { return s }
    if let o = v as? [String: Any] {
      var items: [String] = []
      for k in o.keys.sorted() {
        let value = o[k]
        if let s = value as? String {
          items.append("\(k)=\(s)")
        } else if let n = value as? NSNumber {
          items.append("\(k)=\(Int(exactly: n.doubleValue).map(String.init) ?? n.stringValue)")
        } else {
          throw InputError.invalidData(
            source: source, reason: "\(key).\(k) must be a string or number")
        }
      }
      return items.joined(separator: ",")
    }
    throw InputError.invalidData(source: source, reason: "\(key) must be a string or an object")
  }
}

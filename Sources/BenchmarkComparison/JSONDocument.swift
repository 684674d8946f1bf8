// JSONDocument.swift: reading JSON result files with errors that name the file and the key.
import Foundation
import ResampleCore

/// A parsed JSON value with typed accessors that throw `InputError` naming the file and the
/// path of the offending key (`results[2].times`).
struct JSONNode {
  let value: Any
  let path: String
  let source: String

  /// Parses `bytes` as one JSON document.
  static func parse(_ bytes: [UInt8], source: String) throws -> JSONNode {
    do {
      let object = try JSONSerialization.jsonObject(
        with: Data(bytes), options: [.fragmentsAllowed])
      return JSONNode(value: object, path: "", source: source)
    } catch {
      let detail = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String
      throw InputError.invalidData(
        source: source, reason: "invalid JSON" + (detail.map { ": \($0)" } ?? ""))
    }
  }

  private func fail(_ expected: String) -> InputError {
    InputError.invalidData(
      source: source, reason: "\(path.isEmpty ? "the document" : path): expected \(expected)")
  }

  var isObject: Bool { value is [String: Any] }

  func has(_ key: String) -> Bool { (value as? [String: Any])?[key] != nil }

  /// The member `key` of an object (throws if `self` is not an object or lacks `key`).
  func member(_ key: String) throws -> JSONNode {
    guard let object = value as? [String: Any] else { throw fail("an object") }
    guard let v = object[key], !(v is NSNull) else {
      throw InputError.invalidData(
        source: source, reason: "\(path.isEmpty ? "the document" : path): missing key '\(key)'")
    }
    return JSONNode(value: v, path: path.isEmpty ? key : "\(path).\(key)", source: source)
  }

  /// The member `key` if present and not null.
  func optionalMember(_ key: String) -> JSONNode? {
    guard let object = value as? [String: Any], let v = object[key], !(v is NSNull) else {
      return nil
    }
    return JSONNode(value: v, path: path.isEmpty ? key : "\(path).\(key)", source: source)
  }

  func array() throws -> [JSONNode] {
    guard let items = value as? [Any] else { throw fail("an array") }
    return items.enumerated().map { JSONNode(value: $1, path: "\(path)[\($0)]", source: source) }
  }

  func string() throws -> String {
    guard let s = value as? String else { throw fail("a string") }
    return s
  }

  func number() throws -> Double {
    guard let n = value as? NSNumber, !JSONNode.isBoolean(n) else { throw fail("a number") }
    return n.doubleValue
  }

  /// JSON `true`/`false` arrive as NSNumber of Objective-C type `c` (char); JSON numbers never do.
  private static func isBoolean(_ n: NSNumber) -> Bool {
    String(cString: n.objCType) == "c"
  }

  func numbers() throws -> [Double] { try array().map { try $0.number() } }

  func bool() -> Bool? {
    guard let n = value as? NSNumber, JSONNode.isBoolean(n) else { return nil }
    return n.boolValue
  }
}

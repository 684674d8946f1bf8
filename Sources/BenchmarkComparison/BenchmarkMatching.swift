// BenchmarkMatching.swift: pairing benchmarks whose names differ between the two files.
import Foundation
import ResampleCore

/// Renames benchmarks so that the same benchmark has the same name in both files.
///
/// Applied before ``BenchDiff/compare(base:new:configuration:)``, in this order:
/// 1. `renames` (`--rename OLD=NEW`): the base benchmark `OLD` is compared with the new `NEW`;
/// 2. `pattern` (`--match-regex`): on both sides a name is replaced by the part the regular
///    expression matches (its first capture group when it has one); names it does not match
///    are kept;
/// 3. Go's `-GOMAXPROCS` suffix: when both files are Go output and a name found on one side
///    only differs from one found on the other side only by its `-N` suffix
///    (`BenchmarkFib-2` vs `BenchmarkFib-4`), both are renamed to the name without it — stated
///    in the notes.
/// Two benchmarks of one file that end up with the same name are an error, not a merge.
public enum BenchmarkMatching {
  /// The two sets with matching names, and a note for each automatic match.
  ///
  /// - Throws: `InputError.invalidParameter` for an invalid regular expression or a rename
  ///   without `=`; `InputError.invalidData` when two benchmarks of a file collide.
  public static func align(
    base: BenchmarkSet, new: BenchmarkSet, renames: [String] = [], pattern: String? = nil
  ) throws -> (base: BenchmarkSet, new: BenchmarkSet, notes: [String]) {
    var base = base
    var new = new
    var notes: [String] = []
    for rule in renames {
      guard let eq = rule.firstIndex(of: "="), eq != rule.startIndex,
        rule.index(after: eq) != rule.endIndex
      else {
        throw InputError.invalidParameter(
          name: "rename", value: rule, expected: "OLD=NEW (a base name, then the new name)")
      }
      let old = String(rule[..<eq])
      let target = String(rule[rule.index(after: eq)...])
      guard let k = base.benchmarks.firstIndex(where: { $0.name == old }) else {
        throw InputError.invalidParameter(
          name: "rename", value: rule, expected: "a benchmark name of \(base.source)")
      }
      base.benchmarks[k].name = target
    }
    if let pattern {
      let regex: NSRegularExpression
      do { regex = try NSRegularExpression(pattern: pattern) } catch {
        throw InputError.invalidParameter(
          name: "match-regex", value: pattern, expected: "a valid regular expression")
      }
      base = apply(regex, to: base)
      new = apply(regex, to: new)
    }
    let goFormats: Set<BenchmarkInputFormat> = [.go, .goJSON]
    if goFormats.contains(base.format), goFormats.contains(new.format) {
      let baseNames = Set(base.benchmarks.map(\.name))
      let newNames = Set(new.benchmarks.map(\.name))
      let onlyBase = base.benchmarks.map(\.name).filter { !newNames.contains($0) }
      let onlyNew = new.benchmarks.map(\.name).filter { !baseNames.contains($0) }
      let stemsNew = Dictionary(grouping: onlyNew, by: stripGoSuffix)
      let stemsBase = Dictionary(grouping: onlyBase, by: stripGoSuffix)
      for (stem, names) in stemsBase where names.count == 1 {
        guard let others = stemsNew[stem], others.count == 1, !baseNames.contains(stem),
          !newNames.contains(stem)
        else { continue }
        let (b, n) = (names[0], others[0])
        guard b != stem || n != stem else { continue }
        if let k = base.benchmarks.firstIndex(where: { $0.name == b }) {
          base.benchmarks[k].name = stem
        }
        if let k = new.benchmarks.firstIndex(where: { $0.name == n }) {
          new.benchmarks[k].name = stem
        }
        notes.append("matched \(b) with \(n) (only the GOMAXPROCS suffix differs)")
      }
    }
    for set in [base, new] {
      var seen = Set<String>()
      for b in set.benchmarks where !seen.insert(b.name).inserted {
        throw InputError.invalidData(
          source: set.source,
          reason: "two benchmarks are both named '\(b.name)' after renaming/matching")
      }
    }
    return (base, new, notes)
  }

  /// `BenchmarkFib-8` → `BenchmarkFib`; names without a numeric `-N` suffix are unchanged.
  public static func stripGoSuffix(_ name: String) -> String {
    guard let dash = name.lastIndex(of: "-") else { return name }
    let digits = name[name.index(after: dash)...]
    guard !digits.isEmpty, digits.allSatisfy(\.isASCIIDigit) else { return name }
    return String(name[..<dash])
  }

  private static func apply(_ regex: NSRegularExpression, to set: BenchmarkSet) -> BenchmarkSet {
    var out = set
    for k in out.benchmarks.indices {
      let name = out.benchmarks[k].name
      let ns = name as NSString
      guard let m = regex.firstMatch(in: name, range: NSRange(location: 0, length: ns.length))
      else { continue }
      let r =
        m.numberOfRanges > 1 && m.range(at: 1).location != NSNotFound ? m.range(at: 1) : m.range
      out.benchmarks[k].name = ns.substring(with: r)
    }
    return out
  }
}

extension Character {
  fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}

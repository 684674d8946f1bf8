// DataDialectCLITests.swift: every command that reads `--data` reads the same survey written
// with ';' and decimal commas, tabs, Latin-1, Windows-1252 or a byte order mark
// (Tests/Fixtures/data-files/generate.py) to output identical to the comma/UTF-8 file's;
// `--delimiter/--decimal/--encoding` errors are one line naming line, column and the option.
import Foundation
import Testing
import _TestSupport

private func path(_ name: String) -> String { fixtureURL("data-files/" + name).path }

@Suite struct DataDialectCLITests {
  /// Each file with the options it needs (the separator is found from the header line).
  static let variants: [(String, [String])] = [
    ("survey-semicolon.csv", ["--decimal", ","]),
    ("survey-semicolon.csv", ["--decimal", ",", "--delimiter", ";"]),
    ("survey-tab.tsv", []),
    ("survey-tab.tsv", ["--delimiter", "tab"]),
    ("survey-latin1.csv", ["--encoding", "latin1"]),
    ("survey-cp1252.csv", ["--encoding", "cp1252", "--decimal", ","]),
    ("survey-bom.csv", []),
  ]

  /// Commands over `--data FILE` whose output must not depend on the dialect.
  static let commands: [[String]] = [
    ["chisq", "--rows", "region", "--cols", "party"],
    ["fisher", "--rows", "party", "--cols", "region"],
    ["kruskal", "--column", "score", "--group", "region"],
    ["boot", "--column", "score", "--replicates", "499", "--seed", "7"],
    [
      "perm", "--column", "score", "--group", "party", "--compare", "Democrat,Republican",
      "--replicates", "499", "--seed", "7",
    ],
    ["prop", "--column", "party=Democrat"],
  ]

  /// The leaves of the command's JSON output on `file` (the file's path replaced by FILE), as
  /// path = value lines, numbers rounded to 12 significant digits: r×c Fisher sums its terms in
  /// an order that varies from run to run in the last bits.
  private func output(_ command: [String], _ file: String, _ options: [String]) throws -> String {
    let args = [command[0], "--data", path(file)] + command.dropFirst() + options
    let r = try runCLI(args + ["--format", "json"])
    #expect(r.status == 0, "\(args): \(r.stderr)")
    let json = try JSONSerialization.jsonObject(
      with: Data(r.stdout.replacingOccurrences(of: path(file), with: "FILE").utf8))
    var lines: [String] = []
    func walk(_ value: Any, _ at: String) {
      switch value {
      case let object as [String: Any]:
        for key in object.keys.sorted() { walk(object[key] as Any, at + "." + key) }
      case let array as [Any]:
        for (k, item) in array.enumerated() { walk(item, at + "[\(k)]") }
      case let number as NSNumber where !(value is String):
        lines.append(at + " = " + String(format: "%.12g", number.doubleValue))
      default:
        lines.append(at + " = \(value)")
      }
    }
    walk(json, "")
    return lines.joined(separator: "\n")
  }

  @Test func everyDialectGivesTheCommaUTF8Output() throws {
    for command in Self.commands {
      let reference = try output(command, "survey.csv", [])
      #expect(reference.contains("\"") && !reference.isEmpty, "\(command)")
      for (file, options) in Self.variants {
        #expect(try output(command, file, options) == reference, "\(command) \(file) \(options)")
      }
    }
  }

  @Test func compareReadsTheDialects() throws {
    let command = [
      "compare", "--segment", "region", "--questions", "party=Democrat", "--replicates", "199",
      "--simulations", "200", "--seed", "3",
    ]
    let reference = try output(command, "survey.csv", [])
    for (file, options) in Self.variants.suffix(3) {
      #expect(try output(command, file, options) == reference, "\(file)")
    }
  }

  private func failure(_ args: [String]) throws -> String {
    let r = try runCLI(args)
    #expect(r.status == 64, "\(args)")
    #expect(r.stderr.split(separator: "\n").count == 1, "\(r.stderr)")
    return r.stderr
  }

  @Test func errorsNameLineColumnAndOption() throws {
    let latin = try failure([
      "chisq", "--data", path("survey-latin1.csv"), "--rows", "region", "--cols", "party",
    ])
    #expect(latin.contains("line 2, column 6"), "\(latin)")
    #expect(latin.contains("--encoding latin1"), "\(latin)")
    let comma = try failure([
      "kruskal", "--data", path("survey-semicolon.csv"), "--column", "score", "--group", "region",
    ])
    #expect(comma.contains("line 2") && comma.contains("'6,75' is not a number"), "\(comma)")
    let ambiguous = try writeTemporaryFile("ambiguous.csv", "id;region,party\n1;a,b\n")
    let both = try failure(["chisq", "--data", ambiguous, "--rows", "region", "--cols", "party"])
    #expect(both.contains("line 1, column 10") && both.contains("--delimiter"), "\(both)")
    let clash = try failure([
      "chisq", "--data", path("survey.csv"), "--rows", "region", "--cols", "party", "--decimal",
      ",",
    ])
    #expect(clash.contains("--decimal , needs --delimiter"), "\(clash)")
  }
}

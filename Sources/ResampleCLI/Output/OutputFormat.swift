// OutputFormat.swift: the `--format` option shared by every command.
import ArgumentParser

/// How a command prints its result.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable, Sendable {
  case text, json, csv, markdown
}

/// `--format text|json|csv` (commands that also offer markdown say so in their own help).
struct FormatOptions: ParsableArguments {
  @Option(help: "Output format: text (aligned, default), json, csv.")
  var format: OutputFormat = .text

  /// Rejects formats a command does not implement, with a one-line usage error.
  func require(_ allowed: Set<OutputFormat>) throws {
    guard allowed.contains(format) else {
      let list = OutputFormat.allCases.filter(allowed.contains).map(\.rawValue).joined(
        separator: ", ")
      throw ValidationError("--format \(format.rawValue) is not available here (use \(list))")
    }
  }
}

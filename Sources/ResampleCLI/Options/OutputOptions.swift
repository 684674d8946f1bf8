// OutputOptions.swift: `--format`, one option group whose values are the ones each command prints.
import ArgumentParser

/// Every way a command can print its result; each command accepts a subset (its `FormatChoice`).
enum OutputFormat: String, Sendable, CaseIterable {
  case text, json, csv, markdown
}

/// The `--format` values one command accepts: a closed enum, so `--help` lists exactly those and
/// the parser refuses the others before the command runs.
protocol FormatChoice: ExpressibleByArgument, CaseIterable, Sendable, RawRepresentable
where RawValue == String {
  /// The default (aligned text).
  static var text: Self { get }
}

extension FormatChoice {
  /// The format as the renderers know it.
  var common: OutputFormat { OutputFormat(rawValue: rawValue) ?? .text }
}

/// `--format text|json|csv`: most commands.
enum TextJSONCSV: String, FormatChoice {
  case text, json, csv
}

/// `--format text|json`: dist and doctor (their results are not tables).
enum TextJSON: String, FormatChoice {
  case text, json
}

/// `--format text|json|csv|markdown`: bench-diff (markdown for pull-request comments).
enum TextJSONCSVMarkdown: String, FormatChoice {
  case text, json, csv, markdown
}

/// `--format F` with the values of `Format` listed in `--help`.
///
/// Whatever the format, failures go to standard error as one line (`resample: error: …`) with
/// exit status 64 for bad arguments or data and 1 otherwise; standard output stays empty, so a
/// consumer of `--format json` never has to parse an error object.
struct OutputOptions<Format: FormatChoice>: ParsableArguments {
  @Option(help: "Output format; errors always go to stderr as one line.")
  var format: Format = .text

  /// The chosen format as the renderers know it.
  var chosen: OutputFormat { format.common }
}

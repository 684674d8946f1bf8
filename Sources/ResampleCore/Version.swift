// Version.swift: the tool's version and provenance strings.

/// Provenance recorded in every JSON result.
public enum ResampleVersion {
  /// The semantic version of the library and CLI.
  public static let version = "0.1.0"
  /// `"resample <version>"`, as JSON results record it under `"tool"`.
  public static let tool = "resample \(version)"
}

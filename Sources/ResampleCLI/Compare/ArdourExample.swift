// ArdourExample.swift: the embedded default example (Ardour 2013, IT marketing, 156 companies).
import Resample

/// The survey behind the project: Ardour (2013), IT marketing, 156 companies' IT organisations.
///
/// Published (segment sizes are not): 61 % of group-owned IT service providers and 43 % of
/// decentralised IT units say their performance is better than their image; of all 156, 51 %
/// rate their IT performance good or very good and 38 % their image.
enum ArdourExample {
  /// The source, as cited in the output.
  static let source = "Ardour (2013), IT marketing survey of 156 companies"

  /// "Performance beats image": group-owned 61 % vs decentralised 43 %, assuming the two
  /// segments together are the 156 companies (the most favourable case: if the internal IT
  /// departments are among the 156, the segments are smaller and the evidence weaker).
  static func question() throws -> SurveyQuestion {
    try SurveyQuestion(
      name: "performance better than image",
      segmentNames: ["group-owned", "decentralised"],
      data: .percentages(
        [PublishedPercentage("61", decimals: 0), PublishedPercentage("43", decimals: 0)],
        sizeRanges: [1...155, 1...155], total: 156))
  }

  /// Performance rated good (51 %) vs image rated good (38 %), the same 156 respondents.
  static func paired() throws -> PairedPercentages {
    PairedPercentages(
      firstName: "performance good", secondName: "image good",
      first: try PublishedPercentage("51", decimals: 0),
      second: try PublishedPercentage("38", decimals: 0), n: 156)
  }

  /// The assumptions particular to this example, stated before the general ones.
  static let assumptions = [
    "Source: \(source). Segment sizes are not published.",
    "The internal IT departments (\"similar\" to group-owned, no figure given) are left out; the "
      + "group-owned and decentralised segments are assumed to make up all 156 companies. That is "
      + "the most favourable case: if some of the 156 are internal IT departments, both segments "
      + "are smaller and the evidence is weaker.",
  ]
}

// SurveyQuestion.swift: one survey question's data per segment, in any of the accepted forms.
import ResampleCore

/// What is known about one yes/no question across segments.
public enum SurveyQuestionData: Sendable, Equatable {
  /// Exact counts: `yes[i]` of `sizes[i]` respondents in segment i said yes.
  case counts(yes: [Int], sizes: [Int])
  /// Published percentages only, with each segment's size known exactly or as a range, and
  /// optionally the total of the sizes; the counts are unknown.
  case percentages([PublishedPercentage], sizeRanges: [ClosedRange<Int>], total: Int?)
  /// Respondent-level answers: for each segment, one entry per respondent who answered
  /// (`true` = yes) with its weight (all 1 when unweighted).
  case respondents(answers: [[Bool]], weights: [[Double]]?)
}

/// One question compared across segments.
public struct SurveyQuestion: Sendable, Equatable {
  /// The question's name, such as `"performance beats image"`.
  public var name: String
  /// Segment names, in order.
  public var segmentNames: [String]
  /// The data.
  public var data: SurveyQuestionData

  /// - Throws: `InputError` when the segment count differs from the data's, there are fewer
  ///   than two segments, a size is ≤ 0, a count is outside [0, n], or a segment is empty.
  public init(name: String, segmentNames: [String], data: SurveyQuestionData) throws {
    let k = segmentNames.count
    guard k >= 2 else {
      throw InputError.invalidParameter(
        name: "segments", value: segmentNames.joined(separator: ","),
        expected: "at least two segments to compare")
    }
    guard Set(segmentNames).count == k else {
      throw InputError.invalidParameter(
        name: "segments", value: segmentNames.joined(separator: ","),
        expected: "distinct segment names")
    }
    switch data {
    case .counts(let yes, let sizes):
      guard yes.count == k, sizes.count == k else {
        throw InputError.invalidParameter(
          name: "counts", value: "\(yes.count)", expected: "one count per segment (\(k))")
      }
      for i in 0..<k {
        guard sizes[i] > 0 else {
          throw InputError.invalidParameter(
            name: "n for \(segmentNames[i])", value: "\(sizes[i])", expected: "n > 0")
        }
        guard sizes[i] <= PublishedPercentage.maximumSize else {
          throw InputError.tooLarge(
            what: "segment \(segmentNames[i]) (n = \(sizes[i]))",
            limit: "\(PublishedPercentage.maximumSize) respondents per segment")
        }
        guard yes[i] >= 0, yes[i] <= sizes[i] else {
          throw InputError.invalidParameter(
            name: "x for \(segmentNames[i])", value: "\(yes[i])/\(sizes[i])",
            expected: "0 ≤ x ≤ n")
        }
      }
    case .percentages(let ps, let ranges, _):
      guard ps.count == k, ranges.count == k else {
        throw InputError.invalidParameter(
          name: "percent", value: "\(ps.count)", expected: "one percentage per segment (\(k))")
      }
      for (i, r) in ranges.enumerated() where r.lowerBound <= 0 {
        throw InputError.invalidParameter(
          name: "n for \(segmentNames[i])", value: "\(r.lowerBound)", expected: "n > 0")
      }
    case .respondents(let answers, let weights):
      guard answers.count == k, weights.map({ $0.count == k }) ?? true else {
        throw InputError.invalidParameter(
          name: "answers", value: "\(answers.count)", expected: "answers for each of \(k) segments")
      }
      for i in 0..<k {
        guard !answers[i].isEmpty else {
          throw InputError.invalidData(
            source: "question \(name)",
            reason: "segment '\(segmentNames[i])' has no answers (an empty segment)")
        }
        if let w = weights?[i] {
          guard w.count == answers[i].count, w.allSatisfy({ $0.isFinite && $0 >= 0 }),
            w.contains(where: { $0 > 0 })
          else {
            throw InputError.invalidData(
              source: "question \(name)",
              reason: "segment '\(segmentNames[i])' needs finite non-negative weights, not all 0")
          }
        }
      }
    }
    self.name = name
    self.segmentNames = segmentNames
    self.data = data
  }
}

/// Two items answered by the same respondents, known only as published percentages.
public struct PairedPercentages: Sendable, Equatable {
  public var firstName: String
  public var secondName: String
  public var first: PublishedPercentage
  public var second: PublishedPercentage
  /// Respondents.
  public var n: Int

  public init(
    firstName: String, secondName: String, first: PublishedPercentage,
    second: PublishedPercentage, n: Int
  ) {
    self.firstName = firstName
    self.secondName = secondName
    self.first = first
    self.second = second
    self.n = n
  }
}

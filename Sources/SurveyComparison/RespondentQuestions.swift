// RespondentQuestions.swift: the questions read from respondent data, with what the reading decided.

/// The yes/no questions built from respondent rows, with the decisions a reader should see.
public struct RespondentQuestions: Sendable {
  /// The questions, in the order asked for.
  public let questions: [SurveyQuestion]
  /// Sentences for the output: the order of the segments and the non-answers left out.
  public let notes: [String]
}

/// Respondent data in row order: each respondent's segment and answers.
public struct RespondentRows: Sendable {
  /// One yes/no question: each respondent's answer, nil for no answer.
  public struct Question: Sendable {
    /// The question's name (`COLUMN` or `COLUMN = ANSWER`).
    public let name: String
    /// Per respondent.
    public let answers: [Bool?]
  }
  /// The segments, in the order the results use.
  public let segmentNames: [String]
  /// Per respondent, an index into ``segmentNames``.
  public let segmentOfRow: [Int]
  /// The questions, in the order asked for.
  public let questions: [Question]
  /// Sentences for the output: the order of the segments and the non-answers left out.
  public let notes: [String]
}

// RespondentQuestions.swift: the questions read from respondent data, with what the reading decided.

/// The yes/no questions built from respondent rows, with the decisions a reader should see.
public struct RespondentQuestions: Sendable {
  /// The questions, in the order asked for.
  public let questions: [SurveyQuestion]
  /// Sentences for the output: the order of the segments and the non-answers left out.
  public let notes: [String]
}

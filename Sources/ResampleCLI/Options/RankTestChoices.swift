// RankTestChoices.swift: the option values of the rank-test commands (ranksum, signrank).
import ArgumentParser
import Resample

/// `ranksum --method` / `signrank --method`: R's rule, always exact, or always normal.
enum RankMethodChoice: String, ExpressibleByArgument, CaseIterable {
  case auto, exact, normal

  var rankSum: MannWhitneyU.Method {
    switch self {
    case .auto: return .rCompatible
    case .exact: return .exact
    case .normal: return .normal
    }
  }

  var signedRank: WilcoxonSignedRank.Method {
    switch self {
    case .auto: return .automatic
    case .exact: return .exact
    case .normal: return .normal
    }
  }
}

extension WilcoxonSignedRank.ZeroMethod: ExpressibleByArgument {}

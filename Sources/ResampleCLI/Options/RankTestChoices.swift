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

/// `--[no-]correct` and `--level` of ranksum and signrank: the normal approximation's continuity
/// correction and the Hodges–Lehmann interval's confidence level.
struct RankApproximationOptions: ParsableArguments {
  @Flag(
    inversion: .prefixedNo,
    help: "Continuity correction of the normal approximation (R's default).")
  var correct = true
  @OptionGroup var levelOptions: LevelOptions

  /// The interval's confidence level.
  var level: Double { levelOptions.level }
}

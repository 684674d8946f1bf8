// BootStatisticName.swift: the `--statistic` values of `boot` and how they are parsed.
import ArgumentParser
import Resample

/// `--statistic` values of `boot`.
enum BootStatisticName: Equatable {
  case one(SampleStatistic)
  case difference(SampleStatistic)
  case ratio(SampleStatistic)
  /// Pearson's r of --columns x,y (paired resampling).
  case correlation
  /// Spearman's ρ of --columns x,y.
  case spearman
  /// Σx/Σu of --columns u,x (R boot's `city`).
  case ratioOfMeans
  /// OLS coefficients of --response on --predictors.
  case ols

  static let help =
    "mean|median|proportion|std|sum|skewness|kurtosis|quantile:Q|trimmed-mean:F|"
    + "difference[:median]|ratio[:median]|correlation|spearman|ratio-of-means|ols"

  /// Whether the statistic reads several columns (--columns, or --response/--predictors).
  var isMultiColumn: Bool {
    switch self {
    case .correlation, .spearman, .ratioOfMeans, .ols: return true
    default: return false
    }
  }

  static func parse(_ text: String) throws -> BootStatisticName {
    let parts = text.split(separator: ":", maxSplits: 1).map(String.init)
    let head = parts.first ?? ""
    let arg = parts.count > 1 ? parts[1] : nil
    func number(_ what: String) throws -> Double {
      guard let arg, let v = Double(arg), v.isFinite else {
        throw InputError.invalidParameter(
          name: "--statistic", value: text, expected: "\(head):\(what)")
      }
      return v
    }
    func center() throws -> SampleStatistic {
      switch arg {
      case nil, "mean": return .mean
      case "median": return .median
      default:
        throw InputError.invalidParameter(
          name: "--statistic", value: text, expected: "\(head), \(head):mean or \(head):median")
      }
    }
    switch head {
    case "mean" where arg == nil: return .one(.mean)
    case "median" where arg == nil: return .one(.median)
    case "proportion" where arg == nil: return .one(.proportion)
    case "std" where arg == nil: return .one(.standardDeviation)
    case "sum" where arg == nil: return .one(.sum)
    case "skewness" where arg == nil: return .one(.skewness)
    case "kurtosis" where arg == nil: return .one(.kurtosis)
    case "correlation" where arg == nil, "pearson" where arg == nil: return .correlation
    case "spearman" where arg == nil: return .spearman
    case "ratio-of-means" where arg == nil: return .ratioOfMeans
    case "ols" where arg == nil: return .ols
    case "quantile": return .one(.quantile(try number("Q with Q in [0, 1]")))
    case "trimmed-mean": return .one(.trimmedMean(try number("F with F in [0, 0.5)")))
    case "difference": return .difference(try center())
    case "ratio": return .ratio(try center())
    default:
      throw InputError.invalidParameter(name: "--statistic", value: text, expected: help)
    }
  }
}

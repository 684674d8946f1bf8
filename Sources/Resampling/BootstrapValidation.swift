// BootstrapValidation.swift: the checks a bootstrap makes of its samples, statistic and plan
// before any replicate is drawn.
import RandomStreams
import ResampleCore

extension Bootstrap {
  /// Throws ``InputError`` naming the input for an empty or non-finite sample, a sample count
  /// the statistic does not take, or strata that do not fit the plan.
  static func validate(samples: [[Double]], statistic: BootstrapStatistic, plan: ResamplingPlan)
    throws
  {
    guard !samples.isEmpty else {
      throw InputError.invalidParameter(
        name: "samples", value: "[]", expected: "at least one sample")
    }
    for (i, s) in samples.enumerated() {
      guard !s.isEmpty else {
        throw InputError.invalidData(source: "sample \(i + 1)", reason: "is empty")
      }
      try DataMagnitude.requireFinite(s, source: "sample \(i + 1)")
      if case .custom = statistic {
      } else {
        try DataMagnitude.validate(s, source: "sample \(i + 1)")
      }
      guard s.count < Int(UInt32.max) else {
        throw InputError.tooLarge(what: "sample \(i + 1)", limit: "2^32 − 1 observations")
      }
    }
    func requireCount(_ k: Int) throws {
      guard samples.count == k else {
        throw InputError.invalidParameter(
          name: "samples", value: "\(samples.count) samples",
          expected: "\(k) sample\(k == 1 ? "" : "s") for the \(statistic.name)")
      }
    }
    var inner: SampleStatistic? = nil
    switch statistic {
    case .sample(let s):
      try requireCount(1)
      inner = s
    case .difference(let s), .ratio(let s):
      try requireCount(2)
      inner = s
    case .correlation:
      try requireCount(2)
      guard samples[0].count == samples[1].count, samples[0].count >= 3 else {
        throw InputError.invalidData(
          source: "samples", reason: "correlation needs two paired samples of equal length ≥ 3")
      }
      for (i, smp) in samples.enumerated() where smp.allSatisfy({ $0 == smp[0] }) {
        throw InputError.invalidData(
          source: "sample \(i + 1)", reason: "is constant, so the correlation is undefined")
      }
    case .custom, .weighted: break
    }
    if let s = inner {
      switch s {
      case .quantile(let q):
        guard q >= 0, q <= 1 else {
          throw InputError.invalidParameter(
            name: "quantile", value: "\(q)", expected: "a probability in [0, 1]")
        }
      case .trimmedMean(let f):
        guard f >= 0, f < 0.5 else {
          throw InputError.invalidParameter(
            name: "trimmed-mean fraction", value: "\(f)", expected: "a fraction in [0, 0.5)")
        }
      case .proportion:
        for (i, smp) in samples.enumerated() where smp.contains(where: { $0 != 0 && $0 != 1 }) {
          throw InputError.invalidData(
            source: "sample \(i + 1)", reason: "a proportion needs 0/1 data")
        }
      case .standardDeviation:
        for (i, smp) in samples.enumerated() where smp.count < 2 {
          throw InputError.invalidData(
            source: "sample \(i + 1)", reason: "a standard deviation needs at least 2 values")
        }
      case .skewness, .kurtosis:
        for (i, smp) in samples.enumerated() where SortedSample(smp).distinct.count < 2 {
          throw InputError.invalidData(
            source: "sample \(i + 1)",
            reason: "is constant (or has fewer than 2 values), so its \(s.name) is undefined")
        }
      default: break
      }
    }
    switch plan {
    case .independent: break
    case .paired:
      guard samples.allSatisfy({ $0.count == samples[0].count }) else {
        throw InputError.invalidData(source: "samples", reason: "paired samples need equal lengths")
      }
    case .stratified(let strata):
      guard samples.count == 1 else {
        throw InputError.invalidParameter(
          name: "plan", value: "stratified with \(samples.count) samples",
          expected: "exactly one sample to stratify")
      }
      guard strata.count == samples[0].count else {
        throw InputError.invalidParameter(
          name: "strata", value: "\(strata.count) labels",
          expected: "one label per observation (\(samples[0].count))")
      }
    }
    if case .correlation = statistic, plan != .paired && plan != .independent {
      throw InputError.invalidParameter(
        name: "plan", value: "\(plan)", expected: "paired resampling for a correlation")
    }
    if case .ratio(let s) = statistic {
      let d = SortedSample(samples[1]).evaluate(s)
      guard d != 0 else {
        throw InputError.invalidData(
          source: "sample 2", reason: "its \(s.name) is 0, so the ratio is undefined")
      }
    }
  }
}

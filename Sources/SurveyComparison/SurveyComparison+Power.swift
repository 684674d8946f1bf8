// SurveyComparison+Power.swift: the power analysis of every pair (analytic, exact, simulated; the
// size per segment needed for the target power).
import ResampleCore

extension SurveyComparison {
  // MARK: - Power

  static func power(_ p: Prepared, options: SurveyComparisonOptions) throws -> [PairPower] {
    var out: [PairPower] = []
    let k = p.segments.count
    for i in 0..<k {
      for j in (i + 1)..<k {
        let a = p.segments[i]
        let b = p.segments[j]
        // Respondents (not the sum of weights) are the sizes whose outcomes are enumerated.
        let n1 = max(1, p.answers.map { $0[i].count } ?? Int(a.n.rounded()))
        let n2 = max(1, p.answers.map { $0[j].count } ?? Int(b.n.rounded()))
        let test: PowerTest
        var deff = options.designEffect
        if p.weighted {
          test = .pooledZ
          deff = try DesignEffect((a.n + b.n) / (a.effectiveSize + b.effectiveSize))
        } else {
          test = deff.isNone ? .fisherExact : .pooledZ
        }
        let p1 = a.proportion
        let p2 = b.proportion
        let analytic = try TwoProportionPower.analyticPower(
          p1: p1, p2: p2, n1: Double(n1), n2: Double(n2), alpha: options.alpha,
          designEffect: deff)
        // Very large segments: the outcome table is too big to tabulate; analytic power only.
        let tabulate =
          Double(n1 + 1) * Double(n2 + 1) <= Double(TwoProportionPower.maximumOutcomes)
        let method = options.powerMethod
        let exact =
          tabulate && method.includesExact
          ? try TwoProportionPower.exactPower(
            p1: p1, p2: p2, n1: n1, n2: n2, alpha: options.alpha, test: test,
            designEffect: deff) : nil
        let sim =
          tabulate && method.includesSimulated
          ? try TwoProportionPower.simulatedPower(
            p1: p1, p2: p2, n1: n1, n2: n2, alpha: options.alpha, test: test,
            designEffect: deff, studies: options.simulations, seed: options.seed,
            threads: options.threads) : nil
        var reqA: Int?
        var reqE: Int?
        var simReq: SimulatedPower?
        if p1 != p2 {
          let na = try TwoProportionPower.analyticSize(
            p1: p1, p2: p2, alpha: options.alpha, power: options.powerTarget, designEffect: deff)
          reqA = na.isFinite && na < 1e9 ? Int(na.rounded(.up)) : nil
          reqE =
            method.includesExact
            ? try TwoProportionPower.exactSize(
              p1: p1, p2: p2, alpha: options.alpha, target: options.powerTarget, test: test,
              designEffect: deff) : nil
          if let r = reqE, method == .all {
            simReq = try TwoProportionPower.simulatedPower(
              p1: p1, p2: p2, n1: r, n2: r, alpha: options.alpha, test: test,
              designEffect: deff, studies: options.simulations, seed: options.seed,
              threads: options.threads)
          }
        }
        out.append(
          PairPower(
            a: a.name, b: b.name, p1: p1, p2: p2, n1: n1, n2: n2, test: test, analytic: analytic,
            exact: exact, simulated: sim, target: options.powerTarget, requiredAnalytic: reqA,
            requiredExact: reqE, simulatedAtRequired: simReq, method: method))
      }
    }
    return out
  }
}

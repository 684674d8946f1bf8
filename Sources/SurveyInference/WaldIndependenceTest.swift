// WaldIndependenceTest.swift: the design-based Wald and adjusted Wald tests of independence in a
// two-way table of weighted totals (R `survey`'s `svychisq(statistic = "Wald" / "adjWald")`).
import Distributions
import LinearAlgebra
import ResampleCore

/// The Wald tests of independence in a J × K table estimated from a complex survey.
///
/// With T_jk the weighted cell totals, R_j, C_k, T their margins and total, the interaction
/// contrasts are Y_jk = T_jk − R_j C_k / T for j ≥ 2, k ≥ 2 (zero for every (j, k) under
/// independence). Their covariance is J V Jᵀ by the delta method, V being the design covariance
/// of the cell totals and J the Jacobian of Y (∂Y_jk/∂T_lm = δ_jl δ_km − (δ_jl C_k + R_j δ_km)/T
/// + R_j C_k / T²). With W = Yᵀ (J V Jᵀ)⁻¹ Y, m = (J−1)(K−1) and ν the design degrees of freedom:
/// - Wald: F = W / m on (m, ν) df;
/// - adjusted Wald: F = W (ν − m + 1) / (m ν) on (m, ν − m + 1) df (Fellegi 1980).
///
/// These are `svychisq`'s "Wald" and "adjWald" statistics. Dropping a different row and column
/// gives the same W (the dropped contrasts are linear in the kept ones).
///
/// References: I. P. Fellegi, "Approximate tests of independence and goodness of fit based on
/// stratified multistage samples", *JASA* 75 (1980) 261–268; T. Lumley, *Complex Surveys*, Wiley
/// 2010, §6.2.
public struct WaldIndependenceTest: Sendable, Equatable {
  /// W, the Wald statistic before division by its df.
  public let wald: Double
  /// Wald: F = W / m, numerator and denominator df, p-value.
  public let f: (statistic: Double, numeratorDF: Double, denominatorDF: Double, pValue: Double)
  /// Adjusted Wald: F = W (ν − m + 1) / (m ν), df, p-value (NaN when ν < m).
  public let adjusted:
    (statistic: Double, numeratorDF: Double, denominatorDF: Double, pValue: Double)

  public static func == (x: WaldIndependenceTest, y: WaldIndependenceTest) -> Bool {
    x.wald == y.wald && x.f == y.f && x.adjusted == y.adjusted
  }

  /// The tests.
  ///
  /// - Parameters:
  ///   - totals: the weighted cell totals T, J × K column-major (cell (j, k) at `j + k·J`).
  ///   - covariance: their JK × JK design covariance.
  ///   - rows: J ≥ 2.
  ///   - designDF: ν, the design degrees of freedom.
  /// - Throws: `InputError.invalidData` for fewer than 2 × 2 cells, an empty margin, or a
  ///   contrast covariance that is not positive definite (too few PSUs for the table).
  /// - Complexity: O((JK)² · (J−1)(K−1)).
  public init(totals t: [Double], covariance v: Matrix, rows jj: Int, designDF nu: Int) throws {
    let cells = t.count
    let (rowSum, colSum) = try checkedMargins(t, covariance: v, rows: jj)
    let kk = colSum.count
    let total = rowSum.reduce(0, +)
    let m = (jj - 1) * (kk - 1)
    var y = [Double](repeating: 0, count: m)
    var jac = Matrix(rows: m, columns: cells)
    var c = 0
    for k in 1..<kk {
      for j in 1..<jj {
        y[c] = t[j + k * jj] - rowSum[j] * colSum[k] / total
        let corner = rowSum[j] * colSum[k] / (total * total)
        for mm in 0..<kk {
          for l in 0..<jj {
            var d = corner
            if l == j && mm == k { d += 1 }
            if l == j { d -= colSum[k] / total }
            if mm == k { d -= rowSum[j] / total }
            jac[c, l + mm * jj] = d
          }
        }
        c += 1
      }
    }
    let vy = jac.multiplied(by: jac.multiplied(by: v, transposeSelf: false), transposeOther: true)
    let x: [Double]
    do {
      x = try vy.choleskySolve(y)
    } catch {
      throw InputError.invalidData(
        source: "table",
        reason: "the covariance of the interaction contrasts is singular (\(error)); the design "
          + "has too few PSUs for a Wald test of this table")
    }
    var w = 0.0
    for i in 0..<m { w += y[i] * x[i] }
    let df = Double(m)
    let ddf = Double(nu)
    let pWald =
      nu >= 1
      ? try FisherF(numeratorDegreesOfFreedom: df, denominatorDegreesOfFreedom: ddf).sf(w / df)
      : .nan
    let adjDDF = ddf - df + 1
    let adjStat = w * adjDDF / (df * ddf)
    let pAdj =
      adjDDF >= 1
      ? try FisherF(numeratorDegreesOfFreedom: df, denominatorDegreesOfFreedom: adjDDF).sf(adjStat)
      : .nan
    self.wald = w
    self.f = (w / df, df, ddf, pWald)
    self.adjusted = (adjStat, df, adjDDF, pAdj)
  }
}

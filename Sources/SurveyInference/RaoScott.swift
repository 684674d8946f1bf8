// RaoScott.swift: Rao–Scott first- and second-order corrections of Pearson's X² for a two-way
// table estimated from a complex survey.
import Distributions
import LinearAlgebra
import ResampleCore

/// The Rao–Scott tests of independence in a J × K table of design-based cell proportions.
///
/// With π the estimated cell proportions, V their design covariance, N the respondents and C a
/// basis of interaction contrasts (the cell indicators of the saturated model, residualised on
/// the main effects), the generalized design-effect matrix is
/// Δ = (Cᵀ D⁻¹ C / N)⁻¹ (Cᵀ D⁻¹ V D⁻¹ C) with D = diag(π). Pearson's X² of the table N·π is then
/// - first order: X² · (J−1)(K−1) / tr Δ against χ² with (J−1)(K−1) df;
/// - second order (Satterthwaite): F = X² / tr Δ against F(d, d·ν), d = (tr Δ)² / tr Δ², ν the
///   design degrees of freedom.
///
/// These are R `survey`'s `svychisq(statistic = "Chisq")` and its default `"F"`. tr Δ and tr Δ²
/// do not depend on the choice of contrast basis, so the residualised indicators serve.
///
/// References: J. N. K. Rao and A. J. Scott, "On chi-squared tests for multiway contingency
/// tables with cell proportions estimated from survey data", *Ann. Statist.* 12 (1984) 46–60;
/// D. R. Thomas and J. N. K. Rao, *JASA* 82 (1987) 630–636.
public struct RaoScottTest: Sendable, Equatable {
  /// Pearson's X² of the weighted table scaled to N respondents (before correction).
  public let pearson: Double
  /// tr Δ / ((J−1)(K−1)): the mean generalized design effect.
  public let meanDesignEffect: Double
  /// First order: the corrected statistic, its df and p-value.
  public let chiSquare: (statistic: Double, degreesOfFreedom: Int, pValue: Double)
  /// Second order: F, numerator and denominator df, p-value.
  public let f: (statistic: Double, numeratorDF: Double, denominatorDF: Double, pValue: Double)

  public static func == (x: RaoScottTest, y: RaoScottTest) -> Bool {
    x.pearson == y.pearson && x.chiSquare == y.chiSquare && x.f == y.f
  }

  /// The tests.
  ///
  /// - Parameters:
  ///   - proportions: π, J × K column-major (cell (j, k) at `j + k·J`), summing to 1.
  ///   - covariance: the JK × JK design covariance of π.
  ///   - rows: J ≥ 2.
  ///   - respondents: N.
  ///   - designDF: ν, the design degrees of freedom (≥ 1).
  /// - Throws: `InputError.invalidData` when a margin is empty (no test), or the contrast
  ///   matrix is singular.
  /// - Complexity: O((JK)² · (J−1)(K−1)).
  public init(
    proportions pi: [Double], covariance v: Matrix, rows jj: Int, respondents n: Double,
    designDF nu: Int
  ) throws {
    let cells = pi.count
    let (rowSum, colSum) = try checkedMargins(pi, covariance: v, rows: jj)
    let kk = colSum.count
    var x2 = 0.0
    for k in 0..<kk {
      for j in 0..<jj {
        let e = n * rowSum[j] * colSum[k]
        let o = n * pi[j + k * jj]
        x2 += (o - e) * (o - e) / e
      }
    }
    // Contrasts: indicators of cells (j, k), j ≥ 1, k ≥ 1, double-centred over the grid.
    let m = (jj - 1) * (kk - 1)
    var cmat = Matrix(rows: cells, columns: m)
    var col = 0
    for k0 in 1..<kk {
      for j0 in 1..<jj {
        for k in 0..<kk {
          for j in 0..<jj {
            let e = (j == j0 && k == k0) ? 1.0 : 0.0
            let rowMean = k == k0 ? 1.0 / Double(jj) : 0
            let colMean = j == j0 ? 1.0 / Double(kk) : 0
            cmat[j + k * jj, col] = e - rowMean - colMean + 1 / Double(cells)
          }
        }
        col += 1
      }
    }
    // D⁻¹C (zero where a cell is empty, as R).
    var dc = cmat
    for c in 0..<m {
      for i in 0..<cells { dc[i, c] = pi[i] > 0 ? cmat[i, c] / pi[i] : 0 }
    }
    var denom = cmat.multiplied(by: dc, transposeSelf: true)
    denom.storage = denom.storage.map { $0 / n }
    let numr = dc.multiplied(by: v.multiplied(by: dc), transposeSelf: true)
    // Δ = denom⁻¹ numr, column by column.
    var delta = Matrix(rows: m, columns: m)
    for c in 0..<m {
      let x: [Double]
      do {
        x = try denom.choleskySolve(numr.column(c))
      } catch {
        throw InputError.invalidData(
          source: "table", reason: "the contrast matrix is singular (\(error))")
      }
      for i in 0..<m { delta[i, c] = x[i] }
    }
    var trace = 0.0
    var trace2 = 0.0
    for i in 0..<m {
      trace += delta[i, i]
      for j in 0..<m { trace2 += delta[i, j] * delta[j, i] }
    }
    let df = m
    let first = x2 * Double(df) / trace
    let p1 = try ChiSquared(degreesOfFreedom: Double(df)).sf(first)
    let d0 = trace * trace / trace2
    let fStat = x2 / trace
    let ddf = d0 * Double(nu)
    let p2 =
      nu >= 1 && d0.isFinite && d0 > 0
      ? try FisherF(numeratorDegreesOfFreedom: d0, denominatorDegreesOfFreedom: ddf).sf(fStat)
      : .nan
    self.pearson = x2
    self.meanDesignEffect = trace / Double(df)
    self.chiSquare = (first, df, p1)
    self.f = (fStat, d0, ddf, p2)
  }
}

/// The row and column sums of a J × K column-major table of a survey test of independence,
/// after checking its shape against the covariance (the Rao–Scott and Wald tests' common start).
///
/// - Throws: `InputError.invalidData` for fewer than 2 × 2 cells, a covariance of another size,
///   or an empty row or column.
/// - Complexity: O(JK).
func checkedMargins(_ cells: [Double], covariance v: Matrix, rows jj: Int) throws -> (
  rows: [Double], columns: [Double]
) {
  let kk = jj > 0 ? cells.count / jj : 0
  guard jj >= 2, kk >= 2, jj * kk == cells.count, v.rows == cells.count, v.columns == cells.count
  else {
    throw InputError.invalidData(source: "table", reason: "needs at least 2 × 2 cells")
  }
  var rowSum = [Double](repeating: 0, count: jj)
  var colSum = [Double](repeating: 0, count: kk)
  for k in 0..<kk {
    for j in 0..<jj {
      rowSum[j] += cells[j + k * jj]
      colSum[k] += cells[j + k * jj]
    }
  }
  guard rowSum.allSatisfy({ $0 > 0 }), colSum.allSatisfy({ $0 > 0 }) else {
    throw InputError.invalidData(
      source: "table", reason: "a row or column is empty, so independence cannot be tested")
  }
  return (rowSum, colSum)
}

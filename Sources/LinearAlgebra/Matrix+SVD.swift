// Matrix+SVD.swift: the thin singular value decomposition (LAPACK dgesdd).

/// A thin singular value decomposition `A = U · diag(s) · Vᵀ`.
public struct SingularValueDecomposition: Sendable, Equatable {
  /// Left singular vectors, `m × k` with `k = min(m, n)`.
  public var u: Matrix
  /// Singular values in decreasing order, length `k`.
  public var singularValues: [Double]
  /// Right singular vectors transposed, `k × n`.
  public var vt: Matrix
}

extension Matrix {
  /// The thin SVD by divide and conquer (LAPACK dgesdd, `jobz = "S"`).
  ///
  /// - Throws: ``LinearAlgebraError/noConvergence(count:)`` if the iteration fails.
  /// - Complexity: O(m · n · min(m, n)).
  public func singularValueDecomposition() throws -> SingularValueDecomposition {
    let k = min(rows, columns)
    if k == 0 {
      return SingularValueDecomposition(
        u: Matrix(rows: rows, columns: 0), singularValues: [], vt: Matrix(rows: 0, columns: columns)
      )
    }
    var a = storage
    var s = [Double](repeating: 0, count: k)
    var u = [Double](repeating: 0, count: rows * k)
    var vt = [Double](repeating: 0, count: k * columns)
    let info = _LAPACK.dgesdd(rows: rows, columns: columns, a: &a, s: &s, u: &u, vt: &vt)
    if info > 0 { throw LinearAlgebraError.noConvergence(count: Int(info)) }
    return SingularValueDecomposition(
      u: Matrix(rows: rows, columns: k, columnMajor: u), singularValues: s,
      vt: Matrix(rows: k, columns: columns, columnMajor: vt))
  }
}

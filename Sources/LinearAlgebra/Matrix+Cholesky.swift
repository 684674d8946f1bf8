// Matrix+Cholesky.swift: solving symmetric positive definite systems (LAPACK dposv).

extension Matrix {
  /// Solves `self · x = b` for a symmetric positive definite `self` by Cholesky factorisation
  /// (LAPACK dposv; only the upper triangle of `self` is read).
  ///
  /// - Parameter b: the right-hand side, of length `rows`.
  /// - Throws: ``LinearAlgebraError/notPositiveDefinite(minor:)`` when the factorisation fails;
  ///   ``LinearAlgebraError/nonFinite`` for NaN or an infinity in the matrix or `b`.
  /// - Complexity: O(n³/3).
  public func choleskySolve(_ b: [Double]) throws -> [Double] {
    precondition(rows == columns, "choleskySolve: matrix must be square")
    precondition(b.count == rows, "choleskySolve: right-hand side length \(b.count) ≠ \(rows)")
    if rows == 0 { return [] }
    guard storage.allSatisfy(\.isFinite), b.allSatisfy(\.isFinite) else {
      throw LinearAlgebraError.nonFinite
    }
    var a = storage
    var x = b
    let info = _LAPACK.dposv(order: rows, rhs: 1, a: &a, b: &x)
    if info > 0 { throw LinearAlgebraError.notPositiveDefinite(minor: Int(info)) }
    return x
  }
}

// Matrix+LeastSquares.swift: least squares through QR (LAPACK dgels).

extension Matrix {
  /// The least-squares solution `β` minimising ‖self · β − y‖₂ for a full-rank `self` with
  /// `rows ≥ columns` (LAPACK dgels, QR factorisation).
  ///
  /// - Parameter y: the right-hand side, of length `rows`.
  /// - Returns: `β`, of length `columns`.
  /// - Throws: ``LinearAlgebraError/singular(index:)`` when `self` is rank-deficient.
  /// - Complexity: O(rows · columns²).
  /// - Reference: Anderson et al., *LAPACK Users' Guide*, 3rd ed., SIAM 1999, §2.4.2.
  public func leastSquares(_ y: [Double]) throws -> [Double] {
    precondition(y.count == rows, "leastSquares: right-hand side length \(y.count) ≠ \(rows)")
    precondition(rows >= columns, "leastSquares: needs at least as many rows as columns")
    if columns == 0 { return [] }
    var a = storage
    var b = y
    let info = _LAPACK.dgels(rows: rows, columns: columns, rhs: 1, a: &a, b: &b, ldb: max(1, rows))
    if info > 0 { throw LinearAlgebraError.singular(index: Int(info)) }
    return Array(b.prefix(columns))
  }
}

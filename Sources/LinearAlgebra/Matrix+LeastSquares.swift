// Matrix+LeastSquares.swift: least squares through QR (LAPACK dgels).

extension Matrix {
  /// The least-squares solution `β` minimising ‖self · β − y‖₂ for a full-rank `self` with
  /// `rows ≥ columns` (LAPACK dgels, QR factorisation).
  ///
  /// - Parameter y: the right-hand side, of length `rows`.
  /// - Returns: `β`, of length `columns`.
  /// - Throws: ``LinearAlgebraError/singular(index:)`` when `self` is (numerically) rank-deficient.
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
    // dgels reports only exactly zero diagonals of R; a numerically rank-deficient matrix gives
    // huge, meaningless coefficients instead. Reject |R_jj| ≤ max(m, n)·ε·max|R_ii| (the
    // rank tolerance of LAPACK's dgelsy and numpy's matrix_rank).
    var largest = 0.0
    for j in 0..<columns { largest = Swift.max(largest, abs(a[j + j * rows])) }
    let tolerance = Double(Swift.max(rows, columns)) * Double.ulpOfOne * largest
    for j in 0..<columns where abs(a[j + j * rows]) <= tolerance {
      throw LinearAlgebraError.singular(index: j + 1)
    }
    return Array(b.prefix(columns))
  }
}

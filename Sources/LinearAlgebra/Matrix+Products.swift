// Matrix+Products.swift: matrix–matrix, matrix–vector and Gram products through BLAS.

extension Matrix {
  /// The matrix product `lhs · rhs` (dgemm).
  ///
  /// - Complexity: O(lhs.rows · rhs.columns · lhs.columns).
  public static func * (lhs: Matrix, rhs: Matrix) -> Matrix {
    lhs.multiplied(by: rhs)
  }

  /// `op(self) · op(other)` where `op` optionally transposes (dgemm).
  ///
  /// - Parameters:
  ///   - other: the right operand.
  ///   - transposeSelf: use `selfᵀ`.
  ///   - transposeOther: use `otherᵀ`.
  /// - Complexity: O(m·n·k).
  public func multiplied(
    by other: Matrix, transposeSelf: Bool = false, transposeOther: Bool = false
  ) -> Matrix {
    let m = transposeSelf ? columns : rows
    let k = transposeSelf ? rows : columns
    let k2 = transposeOther ? other.columns : other.rows
    let n = transposeOther ? other.rows : other.columns
    precondition(k == k2, "Matrix product: inner dimensions \(k) and \(k2) differ")
    var result = Matrix(rows: m, columns: n)
    if k == 0 { return result }
    BLAS.gemm(
      transposeSelf ? .transpose : .none, transposeOther ? .transpose : .none, m: m, n: n, k: k,
      a: storage, lda: rows, b: other.storage, ldb: other.rows, c: &result.storage, ldc: m)
    return result
  }

  /// The matrix–vector product `self · x` (dgemv).
  ///
  /// - Complexity: O(rows · columns).
  public func multiplied(by x: [Double]) -> [Double] {
    precondition(x.count == columns, "Matrix–vector product: length \(x.count) ≠ \(columns)")
    var y = [Double](repeating: 0, count: rows)
    if columns == 0 || rows == 0 { return y }
    storage.withUnsafeBufferPointer { a in
      x.withUnsafeBufferPointer { xp in
        y.withUnsafeMutableBufferPointer { yp in
          guard let a = a.baseAddress, let xb = xp.baseAddress, let yb = yp.baseAddress else {
            return
          }
          BLAS.gemv(.none, m: rows, n: columns, a: a, lda: rows, x: xb, y: yb)
        }
      }
    }
    return y
  }

  /// The Gram matrix `selfᵀ · self` (dsyrk; the lower triangle is filled by symmetry).
  ///
  /// - Complexity: O(columns² · rows).
  public func gram() -> Matrix {
    let n = columns
    var g = Matrix(rows: n, columns: n)
    if rows == 0 || n == 0 { return g }
    storage.withUnsafeBufferPointer { a in
      g.storage.withUnsafeMutableBufferPointer { c in
        guard let a = a.baseAddress, let c = c.baseAddress else { return }
        BLAS.syrkTransposed(n: n, k: rows, a: a, lda: rows, c: c, ldc: n)
      }
    }
    for j in 0..<n {
      for i in (j + 1)..<max(j + 1, n) { g.storage[i + j * n] = g.storage[j + i * n] }
    }
    return g
  }
}

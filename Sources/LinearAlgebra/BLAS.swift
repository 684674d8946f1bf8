// BLAS.swift: thin, pointer-level wrappers over the CBLAS routines the project uses.
internal import CLinearAlgebra

/// Whether an operand enters a product as stored or transposed.
package enum Transpose: Sendable {
  case none
  case transpose
}

/// Pointer-level BLAS calls for hot kernels in other modules (column-major throughout).
///
/// These are the only entry points through which the rest of the project reaches BLAS. They do
/// no allocation; shapes are the caller's responsibility (checked with `precondition`). `package`
/// access: raw pointers whose extents cannot be checked stay out of the public surface; clients
/// use ``Matrix``'s products.
package enum BLAS {
  @inline(__always)
  static func cblasTranspose(_ t: Transpose) -> CBLAS_TRANSPOSE {
    t == .none ? CblasNoTrans : CblasTrans
  }

  /// C ← α·op(A)·op(B) + β·C (dgemm), column-major.
  ///
  /// - Parameters:
  ///   - m: rows of op(A) and C.  - n: columns of op(B) and C.  - k: columns of op(A) = rows of op(B).
  ///   - a, lda, b, ldb, c, ldc: column-major operands and leading dimensions.
  /// - Complexity: O(m·n·k) flops.
  package static func gemm(
    _ transA: Transpose, _ transB: Transpose, m: Int, n: Int, k: Int, alpha: Double = 1,
    a: UnsafePointer<Double>, lda: Int, b: UnsafePointer<Double>, ldb: Int, beta: Double = 0,
    c: UnsafeMutablePointer<Double>, ldc: Int
  ) {
    precondition(m >= 0 && n >= 0 && k >= 0, "gemm: negative dimension")
    if m == 0 || n == 0 { return }
    cblas_dgemm(
      CblasColMajor, cblasTranspose(transA), cblasTranspose(transB), Int32(m), Int32(n), Int32(k),
      alpha, a, Int32(max(1, lda)), b, Int32(max(1, ldb)), beta, c, Int32(max(1, ldc)))
  }

  /// ``gemm(_:_:m:n:k:alpha:a:lda:b:ldb:beta:c:ldc:)`` on whole arrays, each checked to hold its
  /// operand: C ← α·op(A)·op(B) + β·C, column-major.
  ///
  /// - Parameters: as the pointer form; `c` is updated in place.
  /// - Complexity: O(m·n·k) flops.
  package static func gemm(
    _ transA: Transpose, _ transB: Transpose, m: Int, n: Int, k: Int, alpha: Double = 1,
    a: [Double], lda: Int, b: [Double], ldb: Int, beta: Double = 0, c: inout [Double], ldc: Int
  ) {
    precondition(m >= 0 && n >= 0 && k >= 0, "gemm: negative dimension")
    if m == 0 || n == 0 { return }
    /// Elements a column-major operand of `rows × columns` with leading dimension `ld` spans.
    func extent(_ rows: Int, _ columns: Int, _ ld: Int) -> Int {
      rows == 0 || columns == 0 ? 0 : ld * (columns - 1) + rows
    }
    precondition(
      a.count >= (transA == .none ? extent(m, k, lda) : extent(k, m, lda))
        && b.count >= (transB == .none ? extent(k, n, ldb) : extent(n, k, ldb))
        && c.count >= extent(m, n, ldc),
      "gemm: an operand is shorter than its shape")
    a.withUnsafeBufferPointer { ap in
      b.withUnsafeBufferPointer { bp in
        c.withUnsafeMutableBufferPointer { cp in
          guard let a = ap.baseAddress, let b = bp.baseAddress, let c = cp.baseAddress else {
            return
          }
          gemm(
            transA, transB, m: m, n: n, k: k, alpha: alpha, a: a, lda: lda, b: b, ldb: ldb,
            beta: beta, c: c, ldc: ldc)
        }
      }
    }
  }

  /// y ← α·op(A)·x + β·y (dgemv), column-major A of `m × n`.
  ///
  /// - Complexity: O(m·n).
  package static func gemv(
    _ trans: Transpose, m: Int, n: Int, alpha: Double = 1, a: UnsafePointer<Double>, lda: Int,
    x: UnsafePointer<Double>, beta: Double = 0, y: UnsafeMutablePointer<Double>
  ) {
    precondition(m >= 0 && n >= 0, "gemv: negative dimension")
    if m == 0 || n == 0 { return }
    cblas_dgemv(
      CblasColMajor, cblasTranspose(trans), Int32(m), Int32(n), alpha, a, Int32(max(1, lda)), x, 1,
      beta, y, 1)
  }

  /// C ← α·AᵀA + β·C on the upper triangle (dsyrk), A column-major `k × n`, C `n × n`.
  ///
  /// - Complexity: O(n²·k).
  package static func syrkTransposed(
    n: Int, k: Int, alpha: Double = 1, a: UnsafePointer<Double>, lda: Int, beta: Double = 0,
    c: UnsafeMutablePointer<Double>, ldc: Int
  ) {
    precondition(n >= 0 && k >= 0, "syrk: negative dimension")
    if n == 0 { return }
    cblas_dsyrk(
      CblasColMajor, CblasUpper, CblasTrans, Int32(n), Int32(k), alpha, a, Int32(max(1, lda)), beta,
      c, Int32(max(1, ldc)))
  }
}

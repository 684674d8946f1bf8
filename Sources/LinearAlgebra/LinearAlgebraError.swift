// LinearAlgebraError.swift: numerical failures reported by LAPACK (info > 0).

/// A numerical failure of a LAPACK routine: LAPACK's `info > 0`.
///
/// `info < 0` (an illegal argument) is a bug in this module and traps instead.
public enum LinearAlgebraError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The matrix is exactly singular or rank-deficient: a zero pivot or diagonal at `index` (1-based).
  case singular(index: Int)
  /// The leading minor of order `minor` (1-based) is not positive definite (Cholesky failed).
  case notPositiveDefinite(minor: Int)
  /// An iterative decomposition (SVD) did not converge; `count` superdiagonals did not converge.
  case noConvergence(count: Int)
  /// The matrix or right-hand side holds NaN or an infinity (an overflow upstream); LAPACKE would
  /// report it as an illegal argument.
  case nonFinite

  public var description: String {
    switch self {
    case .singular(let index):
      return "matrix is singular or rank-deficient (zero diagonal element at position \(index))"
    case .notPositiveDefinite(let minor):
      return "matrix is not positive definite (leading minor of order \(minor))"
    case .noConvergence(let count):
      return "singular value decomposition did not converge (\(count) superdiagonals)"
    case .nonFinite:
      return "the system holds NaN or an infinity (a value overflowed the floating-point range)"
    }
  }
}

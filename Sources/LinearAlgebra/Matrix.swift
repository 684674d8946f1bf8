// Matrix.swift: a dense, column-major matrix of Doubles.

/// A dense matrix of `Double`, stored column-major (Fortran/LAPACK order).
///
/// `Matrix` is a value type with copy-on-write storage (a Swift array). Element `(i, j)` sits at
/// `storage[i + j * rows]`. Shape mismatches in operations are programmer errors and trap;
/// numerical failures of LAPACK routines (singular, not positive definite, no convergence) throw
/// ``LinearAlgebraError``.
public struct Matrix: Equatable, Sendable, CustomStringConvertible {
  /// Number of rows.
  public let rows: Int
  /// Number of columns.
  public let columns: Int
  /// The elements in column-major order; `storage.count == rows * columns` (keep it so).
  public var storage: [Double]

  /// A `rows × columns` matrix with every element equal to `value`.
  ///
  /// - Complexity: O(rows · columns).
  public init(rows: Int, columns: Int, repeating value: Double = 0) {
    precondition(rows >= 0 && columns >= 0, "Matrix dimensions must be non-negative")
    self.rows = rows
    self.columns = columns
    self.storage = Array(repeating: value, count: rows * columns)
  }

  /// A matrix over existing column-major elements.
  ///
  /// - Parameters:
  ///   - rows: number of rows.
  ///   - columns: number of columns.
  ///   - columnMajor: `rows * columns` elements, column after column.
  public init(rows: Int, columns: Int, columnMajor: [Double]) {
    precondition(rows >= 0 && columns >= 0, "Matrix dimensions must be non-negative")
    precondition(columnMajor.count == rows * columns, "Element count must equal rows × columns")
    self.rows = rows
    self.columns = columns
    self.storage = columnMajor
  }

  /// A matrix from an array of rows (a convenient literal form; all rows must have equal length).
  public init(_ rowArrays: [[Double]]) {
    let r = rowArrays.count
    let c = rowArrays.first?.count ?? 0
    precondition(rowArrays.allSatisfy { $0.count == c }, "All rows must have the same length")
    var s = [Double](repeating: 0, count: r * c)
    for i in 0..<r { for j in 0..<c { s[i + j * r] = rowArrays[i][j] } }
    self.init(rows: r, columns: c, columnMajor: s)
  }

  /// The identity matrix of order `n`.
  public static func identity(_ n: Int) -> Matrix {
    var m = Matrix(rows: n, columns: n)
    for i in 0..<n { m.storage[i + i * n] = 1 }
    return m
  }

  /// Element at row `i`, column `j` (zero-based).
  ///
  /// Out-of-range indices trap.
  @inlinable
  public subscript(i: Int, j: Int) -> Double {
    get {
      precondition(i >= 0 && i < rows && j >= 0 && j < columns, "Matrix index out of range")
      return storage[i + j * rows]
    }
    set {
      precondition(i >= 0 && i < rows && j >= 0 && j < columns, "Matrix index out of range")
      storage[i + j * rows] = newValue
    }
  }

  /// Column `j` as an array.
  public func column(_ j: Int) -> [Double] {
    precondition(j >= 0 && j < columns, "Column index out of range")
    return Array(storage[(j * rows)..<((j + 1) * rows)])
  }

  /// The transpose.
  ///
  /// - Complexity: O(rows · columns).
  public var transposed: Matrix {
    var t = Matrix(rows: columns, columns: rows)
    for j in 0..<columns {
      for i in 0..<rows { t.storage[j + i * columns] = storage[i + j * rows] }
    }
    return t
  }

  /// The rows as nested arrays (for printing and tests).
  public var rowArrays: [[Double]] {
    (0..<rows).map { i in (0..<columns).map { j in storage[i + j * rows] } }
  }

  public var description: String {
    rowArrays.map { $0.map { "\($0)" }.joined(separator: "\t") }.joined(separator: "\n")
  }
}

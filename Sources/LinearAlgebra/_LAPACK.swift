// _LAPACK.swift: raw LAPACKE calls and the mapping of `info` to errors (implementation detail).
internal import CLinearAlgebra

@inline(__always)
func lapackChar(_ c: Character) -> CChar { CChar(bitPattern: c.asciiValue ?? 0) }

/// Traps on `info < 0` (our bug: an illegal argument) and returns `info` otherwise.
@inline(__always)
func checkedInfo(_ info: Int32, routine: StaticString) -> Int32 {
  precondition(info >= 0, "\(routine): illegal value in argument \(-info) (bug in LinearAlgebra)")
  return info
}

enum _LAPACK {
  /// dgels: minimum-norm least squares / least squares of a full-rank overdetermined system.
  static func dgels(
    rows m: Int, columns n: Int, rhs nrhs: Int, a: inout [Double], b: inout [Double], ldb: Int
  ) -> Int32 {
    let info = a.withUnsafeMutableBufferPointer { ap in
      b.withUnsafeMutableBufferPointer { bp in
        LAPACKE_dgels(
          LAPACK_COL_MAJOR, lapackChar("N"), Int32(m), Int32(n), Int32(nrhs),
          ap.baseAddress, Int32(max(1, m)), bp.baseAddress, Int32(ldb))
      }
    }
    return checkedInfo(info, routine: "dgels")
  }

  /// dposv: Cholesky factorisation and solve of a symmetric positive definite system.
  static func dposv(order n: Int, rhs nrhs: Int, a: inout [Double], b: inout [Double]) -> Int32 {
    let info = a.withUnsafeMutableBufferPointer { ap in
      b.withUnsafeMutableBufferPointer { bp in
        LAPACKE_dposv(
          LAPACK_COL_MAJOR, lapackChar("U"), Int32(n), Int32(nrhs), ap.baseAddress,
          Int32(max(1, n)), bp.baseAddress, Int32(max(1, n)))
      }
    }
    return checkedInfo(info, routine: "dposv")
  }

  /// dgesdd: singular value decomposition by divide and conquer (thin U and Vᵀ).
  static func dgesdd(
    rows m: Int, columns n: Int, a: inout [Double], s: inout [Double], u: inout [Double],
    vt: inout [Double]
  ) -> Int32 {
    let k = min(m, n)
    let info = a.withUnsafeMutableBufferPointer { ap in
      s.withUnsafeMutableBufferPointer { sp in
        u.withUnsafeMutableBufferPointer { up in
          vt.withUnsafeMutableBufferPointer { vp in
            LAPACKE_dgesdd(
              LAPACK_COL_MAJOR, lapackChar("S"), Int32(m), Int32(n), ap.baseAddress,
              Int32(max(1, m)), sp.baseAddress, up.baseAddress, Int32(max(1, m)), vp.baseAddress,
              Int32(max(1, k)))
          }
        }
      }
    }
    return checkedInfo(info, routine: "dgesdd")
  }
}

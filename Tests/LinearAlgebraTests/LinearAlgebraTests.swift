// Tests for LinearAlgebra: products, least squares, Cholesky, SVD, errors, runtime facts.
import Testing
import _TestSupport

@testable import LinearAlgebra

@Suite struct MatrixProductTests {
  @Test func gemmAgainstHandComputed() {
    let a = Matrix([[1, 2, 3], [4, 5, 6]])
    let b = Matrix([[7, 8], [9, 10], [11, 12]])
    #expect((a * b).rowArrays == [[58, 64], [139, 154]])
  }

  @Test func transposedOperandsAgreeWithExplicitTranspose() {
    let a = Matrix([[1, -2, 3.5], [0.25, 5, -6]])
    let b = Matrix([[2, 1], [0, -1]])
    let viaFlag = a.multiplied(by: b, transposeSelf: true)
    let explicit = a.transposed * b
    #expect(viaFlag == explicit)
  }

  @Test func gemvAndGram() {
    let a = Matrix([[1, 2, 3], [4, 5, 6]])
    #expect(a.multiplied(by: [1, 1, 1]) == [6, 15])
    #expect(a.gram().rowArrays == [[17, 22, 27], [22, 29, 36], [27, 36, 45]])
  }

  @Test func emptyShapes() {
    let a = Matrix(rows: 3, columns: 0)
    let b = Matrix(rows: 0, columns: 2)
    #expect((a * b).rowArrays == [[0, 0], [0, 0], [0, 0]])
  }

  @Test func gemmLargeMatchesNaive() {
    // 37×53 by 53×29 with values that make every product exact in binary floating point.
    let m = 37
    let k = 53
    let n = 29
    var a = Matrix(rows: m, columns: k)
    var b = Matrix(rows: k, columns: n)
    for i in 0..<m { for j in 0..<k { a[i, j] = Double((i * 7 + j * 3) % 11) - 5 } }
    for i in 0..<k { for j in 0..<n { b[i, j] = Double((i * 5 + j) % 13) - 6 } }
    let c = a * b
    for i in 0..<m {
      for j in 0..<n {
        var s = 0.0
        for l in 0..<k { s += a[i, l] * b[l, j] }
        #expect(c[i, j] == s)
      }
    }
  }
}

@Suite struct LAPACKTests {
  @Test func leastSquaresRecoversLine() throws {
    // y = 1 + 2x exactly on x = 0…4.
    let x = Matrix((0..<5).map { [1, Double($0)] })
    let beta = try x.leastSquares((0..<5).map { 1 + 2 * Double($0) })
    #expect(isClose(beta[0], 1, relative: 1e-12))
    #expect(isClose(beta[1], 2, relative: 1e-12))
  }

  @Test func leastSquaresNoisyAgainstNormalEquations() throws {
    // x = 1…4, y = 6, 5, 7, 10: intercept 3.5, slope 1.4 (closed form).
    let x = Matrix([[1, 1], [1, 2], [1, 3], [1, 4]])
    let beta = try x.leastSquares([6, 5, 7, 10])
    #expect(isClose(beta[0], 3.5, relative: 1e-13))
    #expect(isClose(beta[1], 1.4, relative: 1e-13))
  }

  @Test func rankDeficientLeastSquaresThrows() {
    let x = Matrix([[1, 2], [2, 4], [3, 6]])
    #expect(throws: LinearAlgebraError.self) { try x.leastSquares([1, 2, 3]) }
  }

  @Test func choleskySolve() throws {
    let a = Matrix([[4, 1], [1, 3]])
    let x = try a.choleskySolve([1, 2])
    #expect(isClose(x[0], 1.0 / 11, relative: 1e-14))
    #expect(isClose(x[1], 7.0 / 11, relative: 1e-14))
  }

  @Test func choleskyRejectsIndefinite() {
    let a = Matrix([[1, 2], [2, 1]])
    #expect(throws: LinearAlgebraError.notPositiveDefinite(minor: 2)) {
      try a.choleskySolve([1, 1])
    }
  }

  /// NaN or an infinity (an overflow upstream) is an error, not LAPACKE's illegal-argument trap.
  @Test func choleskyRejectsNonFiniteInput() {
    #expect(throws: LinearAlgebraError.nonFinite) {
      try Matrix([[1, .nan], [.nan, 1]]).choleskySolve([1, 1])
    }
    #expect(throws: LinearAlgebraError.nonFinite) {
      try Matrix([[2, 0], [0, 2]]).choleskySolve([.infinity, 1])
    }
  }

  @Test func svdKnownValues() throws {
    // [[3,2,2],[2,3,-2]] has singular values 5 and 3.
    let svd = try Matrix([[3, 2, 2], [2, 3, -2]]).singularValueDecomposition()
    #expect(isClose(svd.singularValues[0], 5, relative: 1e-14))
    #expect(isClose(svd.singularValues[1], 3, relative: 1e-14))
    // Reconstruct A = U diag(s) Vᵀ.
    var us = svd.u
    for j in 0..<us.columns { for i in 0..<us.rows { us[i, j] *= svd.singularValues[j] } }
    let back = us * svd.vt
    let a = Matrix([[3, 2, 2], [2, 3, -2]])
    for i in 0..<2 { for j in 0..<3 { #expect(abs(back[i, j] - a[i, j]) < 1e-13) } }
  }
}

@Suite struct BLASRuntimeTests {
  @Test func reportsAKernelName() {
    #expect(!BLASRuntime.coreName.isEmpty)
    #expect(BLASRuntime.configuration.contains("OpenBLAS"))
  }

  @Test func threadCountRoundTripsAndRestores() {
    let before = BLASRuntime.threadCount
    BLASRuntime.withThreadCount(1) { #expect(BLASRuntime.threadCount == 1) }
    #expect(BLASRuntime.threadCount == before)
  }

  @Test func concurrentCallersKeepTheirCountUntilTheLastLeaves() async {
    let before = BLASRuntime.threadCount
    BLASRuntime.setThreadCount(2)
    defer { BLASRuntime.setThreadCount(before) }
    let seen = await withTaskGroup(of: Bool.self) { group in
      for _ in 0..<8 {
        group.addTask {
          BLASRuntime.withThreadCount(1) {
            var same = true
            for _ in 0..<200 { same = same && BLASRuntime.threadCount == 1 }
            return same
          }
        }
      }
      return await group.reduce(true) { $0 && $1 }
    }
    #expect(seen)
    #expect(BLASRuntime.threadCount == 2)
  }

  @Test(arguments: [
    (["avx512f", "avx512bw", "avx512vl", "avx512dq", "avx512_bf16"], "Cooperlake"),
    (["avx512f", "avx512bw", "avx512vl", "avx512dq", "avx2", "fma"], "SkylakeX"),
    (["avx2", "fma", "sse3"], "Haswell"),
  ])
  func recommendedCoreTypeFromFlags(flags: [String], expected: String) {
    #expect(BLASRuntime.recommendedCoreType(cpuFlags: Set(flags)) == expected)
  }

  @Test func noRecommendationForOldCPUs() {
    #expect(BLASRuntime.recommendedCoreType(cpuFlags: ["sse2", "sse3"]) == nil)
  }

  @Test func cpuFlagsParsesProcCpuinfo() {
    // On Linux x86-64 every CPU has sse2; on other systems the set may be empty.
    let flags = BLASRuntime.cpuFlags()
    #if arch(x86_64) && os(Linux)
      #expect(flags.contains("sse2"))
    #endif
  }
}

import RandomStreams
import ResampleCore
// Tests for RandomTableSampler (Patefield): exact table frequencies for small tables, cell
// marginals of the W4 table, margins always exact, zero margins, validation, determinism.
import Testing
import _TestSupport

@Suite struct RandomTableSamplerTests {
  func margins(_ t: [Int], rows r: Int, columns c: Int) -> ([Int], [Int]) {
    var rs = [Int](repeating: 0, count: r)
    var cs = [Int](repeating: 0, count: c)
    for i in 0..<r {
      for j in 0..<c {
        rs[i] += t[i * c + j]
        cs[j] += t[i * c + j]
      }
    }
    return (rs, cs)
  }

  @Test(.tags(.statistical)) func tableFrequenciesMatchMultivariateHypergeometric() throws {
    // Cases: 2×3, 3×3, 2×2 (so the (1,1) cell is hypergeometric), and zero margins.
    let f = try RandomFixtures.load()
    for (index, c) in f.tables.enumerated() {
      let sampler = try RandomTableSampler(rowSums: c.rows, columnSums: c.columns)
      var g = Philox4x32(seed: testSeed, stream: 800 + UInt64(index))
      var seen: [[Int]: Int] = [:]
      var badMargins = 0
      var table = [Int](repeating: 0, count: c.rows.count * c.columns.count)
      for _ in 0..<c.draws {
        table.withUnsafeMutableBufferPointer { sampler.sample(into: $0, using: &g) }
        let (rs, cs) = margins(table, rows: c.rows.count, columns: c.columns.count)
        if rs != c.rows || cs != c.columns || table.contains(where: { $0 < 0 }) { badMargins += 1 }
        seen[table, default: 0] += 1
      }
      #expect(badMargins == 0, "margins \(c.rows) × \(c.columns)")
      let observed = c.tables.map { seen[$0] ?? 0 }
      #expect(observed.reduce(0, +) == c.draws, "only feasible tables appear")
      expectGoodFit(observed, c.probabilities, "tables \(c.rows) × \(c.columns)", fixtures: f)
    }
  }

  @Test(.tags(.statistical)) func cellMarginalsOfW4AreHypergeometric() throws {
    let f = try RandomFixtures.load()
    let w4 = f.w4
    let r = w4.rows.count
    let c = w4.columns.count
    let sampler = try RandomTableSampler(rowSums: w4.rows, columnSums: w4.columns)
    var g = Philox4x32(seed: testSeed, stream: 850)
    var cellCounts = w4.cells.map { [Int](repeating: 0, count: $0.edges.count) }
    var badMargins = 0
    var table = [Int](repeating: 0, count: r * c)
    for _ in 0..<w4.draws {
      table.withUnsafeMutableBufferPointer { sampler.sample(into: $0, using: &g) }
      let (rs, cs) = margins(table, rows: r, columns: c)
      if rs != w4.rows || cs != w4.columns { badMargins += 1 }
      for (k, cell) in w4.cells.enumerated() {
        cellCounts[k][cellIndex(Double(table[cell.row * c + cell.column]), edges: cell.edges)] += 1
      }
    }
    #expect(badMargins == 0)
    for (k, cell) in w4.cells.enumerated() {
      expectGoodFit(
        cellCounts[k], cell.probabilities, "W4 cell (\(cell.row), \(cell.column))", fixtures: f)
    }
  }

  @Test func marginsExactForLargeAndRaggedTables() throws {
    let rows = [0, 1500, 3, 0, 20_000, 7]
    let cols = [9000, 0, 12_000, 510, 0]
    let sampler = try RandomTableSampler(rowSums: rows, columnSums: cols)
    var g = Philox4x32(seed: 3, stream: 3)
    for _ in 0..<200 {
      let t = sampler.sample(using: &g)
      let (rs, cs) = margins(t, rows: rows.count, columns: cols.count)
      #expect(rs == rows && cs == cols && t.allSatisfy { $0 >= 0 })
    }
    // Beyond the 2^20 log-factorial table.
    let big = try RandomTableSampler(
      rowSums: [700_000, 900_000], columnSums: [1_000_000, 600_000])
    for _ in 0..<50 {
      let t = big.sample(using: &g)
      let (rs, cs) = margins(t, rows: 2, columns: 2)
      #expect(rs == [700_000, 900_000] && cs == [1_000_000, 600_000])
    }
  }

  @Test func degenerateShapes() throws {
    var g = Philox4x32(seed: 1, stream: 1)
    #expect(try RandomTableSampler(rowSums: [5], columnSums: [2, 3]).sample(using: &g) == [2, 3])
    #expect(try RandomTableSampler(rowSums: [2, 3], columnSums: [5]).sample(using: &g) == [2, 3])
    #expect(
      try RandomTableSampler(rowSums: [0, 0], columnSums: [0, 0]).sample(using: &g) == [0, 0, 0, 0])
    #expect(
      try RandomTableSampler(rowSums: [0, 4], columnSums: [1, 0, 3]).sample(using: &g)
        == [0, 0, 0, 1, 0, 3])
  }

  @Test func invalidMarginsThrow() {
    #expect(throws: InputError.self) { try RandomTableSampler(rowSums: [], columnSums: [1]) }
    #expect(throws: InputError.self) { try RandomTableSampler(rowSums: [1], columnSums: []) }
    #expect(throws: InputError.self) { try RandomTableSampler(rowSums: [1, -1], columnSums: [0]) }
    #expect(throws: InputError.self) { try RandomTableSampler(rowSums: [2], columnSums: [-1, 3]) }
    #expect(throws: InputError.self) {
      try RandomTableSampler(rowSums: [3, 4], columnSums: [3, 3])
    }
    #expect(throws: InputError.self) {
      try RandomTableSampler(rowSums: [Int(Int32.max), 1], columnSums: [Int(Int32.max), 1])
    }
  }

  @Test func deterministic() throws {
    let s = try RandomTableSampler(rowSums: [40, 34, 82], columnSums: [39, 44, 29, 44])
    var a = Philox4x32(seed: 5, stream: 6)
    var b = Philox4x32(seed: 5, stream: 6)
    #expect(
      (0..<200).map { _ in s.sample(using: &a) } == (0..<200).map { _ in s.sample(using: &b) })
  }
}

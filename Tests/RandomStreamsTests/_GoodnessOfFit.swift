// _GoodnessOfFit.swift: fixture loading and the chi-square goodness-of-fit check shared by the
// RandomStreams tests (support code, not a test file of its own).
import Distributions
import Foundation
import RandomStreams
import Testing
import _TestSupport

/// Tests/Fixtures/random/random_fixtures.json, written by make_random_fixtures.py (SciPy).
struct RandomFixtures: Decodable, Sendable {
  struct KAT: Decodable, Sendable { var counter, key, output: [String] }
  struct StreamCase: Decodable, Sendable {
    var seed, stream: String
    var outputs, afterAdvance1000: [String]
    var bounded: [[String]]
    var uniforms: [Double]
  }
  struct Binned: Decodable, Sendable {
    var name, kind: String
    var params: [String]
    var draws: Int
    var edges, probabilities: [Double]
  }
  struct Cells: Decodable, Sendable { var edges, probabilities: [Double] }
  struct JointCell: Decodable, Sendable {
    var counts: [Int]
    var probability: Double
  }
  struct MultinomialCase: Decodable, Sendable {
    var trials, draws: Int
    var probabilities: [Double]
    var marginals: [Cells?]
    var joint: [JointCell]?
  }
  struct TableCase: Decodable, Sendable {
    var rows, columns: [Int]
    var draws: Int
    var tables: [[Int]]
    var probabilities: [Double]
  }
  struct W4Cell: Decodable, Sendable {
    var row, column: Int
    var edges, probabilities: [Double]
  }
  struct W4: Decodable, Sendable {
    var rows, columns: [Int]
    var draws: Int
    var cells: [W4Cell]
  }

  var philoxKAT: [KAT]
  var streams: [StreamCase]
  var gof: [Binned]
  var multinomial: [MultinomialCase]
  var tables: [TableCase]
  var w4: W4
  var chi2Critical: [String: Double]
  var logFactorialDifferences: [LogFactorialDifference]

  struct LogFactorialDifference: Decodable, Sendable {
    var a, b: Int
    var value: Double
  }

  enum CodingKeys: String, CodingKey {
    case philoxKAT = "philox_kat"
    case streams, gof, multinomial, tables, w4
    case chi2Critical = "chi2_critical_1e-4"
    case logFactorialDifferences = "log_factorial_differences"
  }

  static let loaded: Result<RandomFixtures, any Error> = Result {
    try decodeFixture(RandomFixtures.self, "random/random_fixtures.json")
  }

  static func load() throws -> RandomFixtures { try loaded.get() }

  func cases(_ kind: String) -> [Binned] { gof.filter { $0.kind == kind } }
}

/// The test seed; stream indices separate the cases.
let testSeed: UInt64 = 20_251_129

/// The index of the cell containing `value`: the largest j with edges[j] ≤ value (cell 0 also
/// takes everything below edges[0], the last cell everything above).
func cellIndex(_ value: Double, edges: [Double]) -> Int {
  var lo = 0
  var hi = edges.count - 1
  while lo < hi {
    let mid = (lo + hi + 1) / 2
    if edges[mid] <= value { lo = mid } else { hi = mid - 1 }
  }
  return lo
}

/// Pearson's X² of observed counts against cell probabilities.
func chiSquareStatistic(_ counts: [Int], _ probabilities: [Double]) -> Double {
  let n = Double(counts.reduce(0, +))
  var x2 = 0.0
  for (o, p) in zip(counts, probabilities) {
    let e = n * p
    x2 += (Double(o) - e) * (Double(o) - e) / e
  }
  return x2
}

/// Expects a chi-square goodness-of-fit test not to reject at level 1e-4.
///
/// Compares `counts` with `probabilities` (critical value from SciPy in the fixture); a single
/// cell is checked exactly.
func expectGoodFit(
  _ counts: [Int], _ probabilities: [Double], _ label: String, fixtures: RandomFixtures,
  sourceLocation: SourceLocation = #_sourceLocation
) {
  #expect(
    counts.count == probabilities.count, "\(label): cell count", sourceLocation: sourceLocation)
  let df = probabilities.count - 1
  if df == 0 {
    #expect(counts.count == 1, "\(label): one cell", sourceLocation: sourceLocation)
    return
  }
  guard let critical = fixtures.chi2Critical[String(df)] else {
    Issue.record("\(label): no critical value for df = \(df)", sourceLocation: sourceLocation)
    return
  }
  let x2 = chiSquareStatistic(counts, probabilities)
  // The p-value from the project's ChiSquared, for the message and as a cross-check; the gate
  // is SciPy's critical value.
  let p = (try? ChiSquared(degreesOfFreedom: Double(df)).sf(x2)) ?? .nan
  if ProcessInfo.processInfo.environment["RANDOM_STREAMS_GOF_VERBOSE"] != nil {
    print("GOF \(label): X² = \(x2), df = \(df), critical = \(critical), p = \(p)")
  }
  #expect(
    x2 < critical,
    "\(label): X² = \(x2) with df = \(df) (p = \(p)) exceeds the 1e-4 critical value \(critical)",
    sourceLocation: sourceLocation)
  #expect(
    (x2 < critical) == (p > 1e-4), "\(label): SciPy and ChiSquared disagree (p = \(p))",
    sourceLocation: sourceLocation)
}

/// Draws `draws` values and bins them by `edges`.
func binnedCounts(draws: Int, edges: [Double], _ draw: () -> Double) -> [Int] {
  var counts = [Int](repeating: 0, count: edges.count)
  for _ in 0..<draws { counts[cellIndex(draw(), edges: edges)] += 1 }
  return counts
}

/// Draws `c.draws` integers, expects every one inside `support`, and expects their counts binned
/// by `c.edges` to fit `c.probabilities` (``expectGoodFit``).
func expectIntegerDrawsFit(
  _ c: RandomFixtures.Binned, support: ClosedRange<Int>, fixtures: RandomFixtures,
  sourceLocation: SourceLocation = #_sourceLocation, _ draw: () -> Int
) {
  var outside = 0
  let counts = binnedCounts(draws: c.draws, edges: c.edges) {
    let x = draw()
    if !support.contains(x) { outside += 1 }
    return Double(x)
  }
  #expect(
    outside == 0, "\(c.name): \(outside) draws outside \(support)", sourceLocation: sourceLocation)
  expectGoodFit(counts, c.probabilities, c.name, fixtures: fixtures, sourceLocation: sourceLocation)
}

/// Runs `check` on each goodness-of-fit case of `kind` (at least `minimum` of them) with its own
/// generator: seed ``testSeed``, stream `firstStream + index`.
func forEachFitCase(
  _ kind: String, minimum: Int, firstStream: UInt64,
  sourceLocation: SourceLocation = #_sourceLocation,
  _ check: (RandomFixtures.Binned, inout Philox4x32, RandomFixtures) throws -> Void
) throws {
  let f = try RandomFixtures.load()
  let cases = f.cases(kind)
  #expect(cases.count >= minimum, "\(kind) cases", sourceLocation: sourceLocation)
  for (index, c) in cases.enumerated() {
    var g = Philox4x32(seed: testSeed, stream: firstStream + UInt64(index))
    try check(c, &g, f)
  }
}

/// Expects two generators with the same seed and stream to give the same 500 draws.
func expectSameDraws(
  _ label: String, sourceLocation: SourceLocation = #_sourceLocation,
  _ draw: (inout Philox4x32) -> Int
) {
  var a = Philox4x32(seed: 5, stream: 6)
  var b = Philox4x32(seed: 5, stream: 6)
  let first = (0..<500).map { _ in draw(&a) }
  let second = (0..<500).map { _ in draw(&b) }
  #expect(first == second, "\(label)", sourceLocation: sourceLocation)
}

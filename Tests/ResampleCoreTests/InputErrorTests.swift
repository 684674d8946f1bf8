// Tests for InputError: the messages users see on one line, and the shared validators.
import Testing

@testable import ResampleCore

@Suite struct InputErrorTests {
  @Test func messagesNameParameterValueAndExpectation() {
    let e = InputError.invalidParameter(name: "--df", value: "0.0", expected: "a finite number > 0")
    #expect(e.description == "invalid --df '0.0': expected a finite number > 0")
    #expect(
      InputError.invalidData(source: "a.csv line 7", reason: "ragged row").description
        == "a.csv line 7: ragged row")
  }

  @Test func requireIntegerAcceptsTheClosedRange() throws {
    try InputError.requireInteger(0, in: 0...5, "k")
    try InputError.requireInteger(5, in: 0...5, "k")
    #expect(
      throws: InputError.invalidParameter(name: "k", value: "6", expected: "an integer in 0...5")
    ) {
      try InputError.requireInteger(6, in: 0...5, "k")
    }
    #expect(throws: InputError.invalidParameter(name: "n", value: "-1", expected: "an integer ≥ 0"))
    {
      try InputError.requireInteger(-1, in: 0...Int.max, "n")
    }
    #expect(
      throws: InputError.invalidParameter(
        name: "N", value: "-1", expected: "an integer in 0...2^53")
    ) {
      try InputError.requireInteger(-1, in: 0...(1 << 53), "N", rangeText: "in 0...2^53")
    }
  }

  @Test func realValuedValidators() {
    #expect(throws: InputError.self) { try InputError.requireFinite(.nan, "x") }
    #expect(throws: InputError.self) { try InputError.requirePositive(0, "sd") }
    #expect(throws: InputError.self) { try InputError.requireProbability(1.5, "p") }
    #expect(throws: InputError.self) { try InputError.requireLevel(1, "level") }
    #expect((try? InputError.requireLevel(0.95)) != nil)
  }

  /// Int(someDouble) traps on NaN, ±∞ and |x| ≥ 2⁶³; the checked form throws instead.
  @Test func checkedIntRefusesWhatIntWouldTrapOn() throws {
    #expect(try InputError.checkedInt(42, "k") == 42)
    #expect(try InputError.checkedInt(-0.0, "k") == 0)
    #expect(try InputError.checkedInt(9_007_199_254_740_992, "k") == 1 << 53)
    for bad in [
      Double.nan, .infinity, -.infinity, 9.223372036854775807e18, -1e19, 1e300, 2.5, 5e-324,
    ] {
      #expect(throws: InputError.self) { try InputError.checkedInt(bad, "k") }
    }
    #expect(try InputError.checkedInt(7, "k", in: 0...7) == 7)
    #expect(
      throws: InputError.invalidParameter(
        name: "k", value: "8.0", expected: "a whole number in 0...7")
    ) { try InputError.checkedInt(8, "k", in: 0...7) }
  }
}

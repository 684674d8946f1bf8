// Tests for NumericText: locale-free, finite-only number parsing.
import ResampleCore
import Testing
import _TestSupport

@testable import DataInput

@Test func parsesDecimalNumbers() throws {
  let cases: [(String, Double)] = [
    ("1", 1), ("-2.5", -2.5), ("+3", 3), (".5", 0.5), ("5.", 5), ("1e3", 1000), ("1E-3", 0.001),
    ("  42\t", 42), ("0.1", 0.1), ("2.2250738585072014e-308", 2.2250738585072014e-308),
  ]
  for (text, value) in cases {
    #expect(try NumericText.parseFinite(text, source: "s") == value, "\(text)")
  }
}

@Test func rejectsNonNumbersNaNAndInfinities() {
  for text in [
    "", " ", "abc", "1,5", "0x10", "1_000", "nan", "NaN", "-nan", "inf", "-Infinity", "1e999",
    "1.2.3", "e5", "--1", "12ms",
  ] {
    #expect(throws: InputError.self, "\(text)") {
      try NumericText.parseFinite(text, source: "s")
    }
  }
}

@Test func errorMessageNamesSourceAndValue() {
  #expect(
    throws: InputError.invalidData(
      source: "f.csv line 9", reason: "column 'x': 'abc' is not a number")
  ) { try NumericText.parseFinite("abc", source: "f.csv line 9", what: "column 'x'") }
  expectError(InputError.self, mentioning: "s: ", "not a finite number") {
    try NumericText.parseFinite("nan", source: "s")
  }
}

@Test func longValuesAreShortenedInMessages() {
  let long = String(repeating: "x", count: 100)
  let error = expectError(InputError.self, mentioning: "s: ") {
    try NumericText.parseFinite(long, source: "s")
  }
  #expect((error?.description.count ?? .max) < 73)  // "s: " and a reason under 70 characters
}

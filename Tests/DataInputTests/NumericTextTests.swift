// Tests for NumericText: locale-free, finite-only number parsing.
import ResampleCore
import Testing

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
  do {
    _ = try NumericText.parseFinite("abc", source: "f.csv line 9", what: "column 'x'")
    Issue.record("expected an error")
  } catch let InputError.invalidData(source, reason) {
    #expect(source == "f.csv line 9")
    #expect(reason == "column 'x': 'abc' is not a number")
  } catch {
    Issue.record("wrong error")
  }
  do {
    _ = try NumericText.parseFinite("nan", source: "s")
  } catch let InputError.invalidData(_, reason) {
    #expect(reason.contains("not a finite number"))
  } catch {
    Issue.record("wrong error")
  }
}

@Test func longValuesAreShortenedInMessages() {
  let long = String(repeating: "x", count: 100)
  do {
    _ = try NumericText.parseFinite(long, source: "s")
  } catch let InputError.invalidData(_, reason) {
    #expect(reason.count < 70)
  } catch {
    Issue.record("wrong error")
  }
}

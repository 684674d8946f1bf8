// Provenance.swift: the fields every random or versioned JSON result carries.
import Resample
import _Platform

/// Seed and replicate options shared by commands that draw random numbers.
enum Provenance {
  /// `"tool": "resample X.Y.Z"`.
  static var tool: (String, JSON) { ("tool", .string(ResampleVersion.tool)) }
  /// `"rng": "philox4x32-10/1"`.
  static var rng: (String, JSON) { ("rng", .string(rngIdentifier)) }
  /// The stream algorithm identifier recorded in results.
  static let rngIdentifier = "philox4x32-10/1"

  /// `seed`, `rng`, `tool` for a result that drew random numbers (`seed` and `rng` omitted when
  /// it did not: deterministic results carry only `tool`).
  static func fields(seed: UInt64?, rng: String = rngIdentifier) -> [(String, JSON)] {
    guard let seed else { return [tool] }
    return [("seed", .seed(seed)), ("rng", .string(rng)), tool]
  }

  /// The provenance of a result whose p-value may be a Monte Carlo estimate.
  static func fields(monteCarlo: MonteCarloPValue?) -> [(String, JSON)] {
    fields(seed: monteCarlo?.seed, rng: monteCarlo?.rng ?? rngIdentifier)
  }

  /// A seed for runs where the user gave none: from the system generator, printed in the result
  /// so the run can be repeated.
  static func freshSeed() -> UInt64 {
    var g = SystemRandomNumberGenerator()
    // Keep seeds within 2^53 so that JSON consumers that parse numbers as doubles keep them exact.
    return g.next() >> 11
  }
}

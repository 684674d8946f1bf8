// RandomStreams.swift: the module's identity: which stream algorithm (and version) it uses.
//
// Files: Philox4x32 (generator), BoundedIntegers (Lemire), UniformDouble, NormalZiggurat,
// BinomialSampler (table inversion + BTPE), PoissonSampler (table inversion + PTRS),
// HypergeometricSampler (table inversion + HRUA), MultinomialSampler (conditional binomials),
// RandomTableSampler (Patefield 1981), Shuffle (Fisher–Yates), _InversionTable (guide-table
// inversion shared by the samplers), _LogFactorialDifference (log(a!/b!) for the samplers).

/// What random number algorithm this module provides, by name and version.
///
/// Every JSON result records ``identifier`` under `"rng"`. Changing the generator, its key and
/// counter layout, or any sampler's algorithm changes results for a given seed and is a breaking
/// change: bump the version after the slash.
public enum RandomStreams {
  /// The name and version of the stream algorithm, `"philox4x32-10/1"`.
  public static let identifier: String = Philox4x32.identifier
}

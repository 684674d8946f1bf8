// FixtureSupport.swift: the agreement rule for the proportion fixtures (R and statsmodels/mpmath);
// the fixture readers are in _TestSupport.
import _TestSupport

/// Agreement to 1e-10 relative, or 1e-15 absolute near zero (both NaN agree).
func agrees(_ a: Double, _ b: Double) -> Bool {
  isClose(a, b, relative: 1e-10, absolute: 1e-15) || (a.isNaN && b.isNaN)
}

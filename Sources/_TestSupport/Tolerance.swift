// Tolerance.swift: comparison helpers for numeric tests (not public API).
import Foundation

/// Relative error |a − b| / |b|, with exact equality (including both infinite or both NaN) = 0
/// and |a − b| when b == 0.
public func relativeError(_ a: Double, _ b: Double) -> Double {
  if a == b { return 0 }
  if a.isNaN && b.isNaN { return 0 }
  if b == 0 { return abs(a) }
  return abs(a - b) / abs(b)
}

/// True when `a` and `b` agree to `tolerance` relative error (or both are tiny, below `absolute`).
public func isClose(_ a: Double, _ b: Double, relative tolerance: Double, absolute: Double = 0)
  -> Bool
{
  if abs(a - b) <= absolute { return true }
  return relativeError(a, b) <= tolerance
}

// MetricDirection.swift: which way is better for the standard benchmark metrics.

/// The direction of the standard metrics benchmark tools write.
///
/// Throughput (`bytes_per_second`, `items_per_second`, Go's `MB/s`, any `…/s` or
/// `…per_second` counter, criterion's `throughput`) is better when higher; times, Go's `B/op`,
/// `allocs/op`, `ns/op` and `sec/op` are better when lower. Other names have no known
/// direction: the user must state it.
public enum MetricDirection {
  /// `true` (higher is better), `false` (lower is better) or `nil` (unknown) for `metric`.
  public static func higherIsBetter(_ metric: String) -> Bool? {
    let m = metric.lowercased()
    if ["time", "real_time", "cpu_time", "ns/op", "sec/op", "b/op", "allocs/op"].contains(m) {
      return false
    }
    if m.hasSuffix("/s") || m.hasSuffix("per_second") || m.hasSuffix("/sec") || m == "throughput"
      || m.hasSuffix("ops/s")
    {
      return true
    }
    return nil
  }
}

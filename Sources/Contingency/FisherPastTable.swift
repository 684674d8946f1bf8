// FisherPastTable.swift: the pasts of one node of the exact r×c Fisher network (a hash table
// merging equal values, then a sorted form with cumulative masses).
import _Platform

/// The distinct past values reaching a node of the Fisher network, with their weights.
///
/// An open-addressing hash table keyed by the value rounded to 10⁻⁹. Pasts in one key are merged
/// at the key's value k·10⁻⁹ with their weights scaled by e^(v − k·10⁻⁹), so the mass is kept
/// and only the comparison with the threshold moves (by at most 5·10⁻¹⁰ in log, against the
/// 10⁻⁷ tie tolerance; FEXACT merges within 3.45·10⁻⁷ and keeps the first value).
///
/// - Complexity: O(1) expected per insertion; O(P log P) for ``sorted()``.
struct FisherPastTable {
  /// One slot: the key (`empty` when free) and the summed weight at the key's value.
  private struct Slot {
    var key: Int64
    var weight: Double
  }
  private var slots: [Slot] = []
  private var shift = 64
  /// The number of distinct pasts.
  private(set) var count = 0
  private static let empty = Int64.min

  /// Adds `weight` tables of value `value`.
  mutating func insert(value: Double, weight: Double) {
    let scaled = value * 1e9
    let rounded = scaled.rounded()
    // e^(value − key·10⁻⁹) to second order (the difference is at most 5·10⁻¹⁰).
    let d = (scaled - rounded) * 1e-9
    add(key: Int64(rounded), weight: weight * (1 + d * (1 + 0.5 * d)))
  }

  private mutating func add(key: Int64, weight: Double) {
    if 2 * (count + 1) > slots.count { grow() }
    let shift = shift
    let inserted: Bool = slots.withUnsafeMutableBufferPointer { s in
      let mask = s.count - 1
      var i = Int(truncatingIfNeeded: (UInt64(bitPattern: key) &* 0x9E37_79B9_7F4A_7C15) >> shift)
      while true {
        let k = s[i].key
        if k == key {
          s[i].weight += weight
          return false
        }
        if k == Self.empty {
          s[i] = Slot(key: key, weight: weight)
          return true
        }
        i = (i + 1) & mask
      }
    }
    if inserted { count += 1 }
  }

  private mutating func grow() {
    let old = slots
    let capacity = max(16, slots.count * 2)
    shift = 64 - capacity.trailingZeroBitCount
    slots = [Slot](repeating: Slot(key: Self.empty, weight: 0), count: capacity)
    count = 0
    for slot in old where slot.key != Self.empty { add(key: slot.key, weight: slot.weight) }
  }

  /// The pasts sorted by value, with cumulative masses.
  func sorted() -> FisherSortedPasts {
    var order: [(Int64, Double)] = []
    order.reserveCapacity(count)
    for slot in slots where slot.key != Self.empty { order.append((slot.key, slot.weight)) }
    order.sort { $0.0 < $1.0 }
    return FisherSortedPasts(values: order.map { Double($0.0) * 1e-9 }, weights: order.map(\.1))
  }
}

/// Pasts sorted ascending by value v_j with weights w_j, and their cumulative masses
/// Σ_{j<k} w_j·e^(v_j) kept as scaled[k] = Σ_{j<k} w_j·e^(v_j − v_(k−1)) (no overflow or
/// underflow whatever the spread of the values).
///
/// - Complexity: O(P) to build, O(log P) per ``count(atMost:)``.
struct FisherSortedPasts {
  let values: [Double]
  let weights: [Double]
  let scaled: [Double]

  init(values: [Double], weights: [Double]) {
    self.values = values
    self.weights = weights
    var s = [Double](repeating: 0, count: values.count + 1)
    for k in values.indices {
      s[k + 1] = k == 0 ? weights[0] : s[k] * exp(values[k - 1] - values[k]) + weights[k]
    }
    scaled = s
  }

  /// The number of pasts with value ≤ `limit`.
  func count(atMost limit: Double) -> Int {
    var lo = 0
    var hi = values.count
    while lo < hi {
      let mid = (lo + hi) >> 1
      if values[mid] <= limit { lo = mid + 1 } else { hi = mid }
    }
    return lo
  }

  /// Σ_{j<k} w_j·e^(v_j + shift).
  func mass(first k: Int, shift: Double) -> Double {
    k == 0 ? 0 : scaled[k] * exp(values[k - 1] + shift)
  }
}

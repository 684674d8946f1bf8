// Zero-filled replicate arrays: empty ones never touch the shared empty-array storage, so two
// bootstraps may run at once (the thread sanitizer run in scripts/sanitize.sh checks this).
import Dispatch
import Foundation
import Testing

@testable import Resampling

@Test func zeroedHugePageArraysAreZeroAndEmptyOnesAreEmpty() {
  #expect([Double](zeroedHugePageCount: 0).isEmpty)
  #expect([UInt32](zeroedHugePageCount: 0).isEmpty)
  let small = [Double](zeroedHugePageCount: 3)
  #expect(small == [0, 0, 0])
  // 5 MiB: large enough for the huge-page advice on Linux.
  let large = [UInt32](zeroedHugePageCount: 5 << 18)
  #expect(large.count == 5 << 18 && large.allSatisfy { $0 == 0 })
}

/// Two bootstraps on two threads match the serial result.
///
/// Bootstraps without standard errors ask for an empty `ses` array; two of them on two threads
/// used to store into Swift's empty-array singleton at once (found by the thread sanitizer when
/// Swift Testing ran two coverage tests in parallel; `scripts/sanitize.sh` runs this test under
/// it). Two threads run many small bootstraps with no synchronisation between them until both
/// are done, so their allocations overlap.
@Test func twoBootstrapsRunConcurrentlyAndMatchTheSerialResult() throws {
  let x = (0..<40).map { Double(($0 * 37) % 23) + 0.5 }
  let y = (0..<30).map { Double(($0 * 11) % 17) * 1.5 }
  let boots = [
    try Bootstrap(samples: [x], statistic: .sample(.mean)),
    try Bootstrap(samples: [x, y], statistic: .difference(.median)),
  ]
  let serial = try boots.map { try $0.replicates(0..<64, seed: 7) }
  let rounds = 200
  let mismatches = Mismatches()
  let done = DispatchGroup()
  for t in 0..<2 {
    done.enter()
    Thread.detachNewThread {
      for r in 0..<rounds {
        let block = try? boots[t].replicates(0..<64, seed: 7)
        if block != serial[t] { mismatches.append("thread \(t) round \(r)") }
      }
      done.leave()
    }
  }
  done.wait()
  #expect(mismatches.all == [])
}

/// The rounds whose replicates differed from the serial ones (NSLock: Mutex needs macOS 15).
private final class Mismatches: @unchecked Sendable {
  private let lock = NSLock()
  private var items: [String] = []
  func append(_ s: String) { lock.withLock { items.append(s) } }
  var all: [String] { lock.withLock { items } }
}

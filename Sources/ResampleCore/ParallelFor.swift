// ParallelFor.swift: the library's one parallel loop and its one unsafe Sendable wrapper.
import Dispatch

/// The one parallel loop of the library: `0..<count` cut into contiguous chunks of a fixed
/// size, dealt round-robin to at most `threads` workers.
///
/// The rule is fixed so that results can be made independent of the thread count: chunk c is
/// always `c·chunkSize ..< min(count, (c + 1)·chunkSize)`, whatever the number of workers, and
/// worker w handles chunks w, w + workers, w + 2·workers, … in increasing order. A caller that
/// derives every index's result from the index alone (its own random stream, its own output
/// slot), or only sums integers across chunks, is bit-identical for every thread count.
///
/// Use it for every data-parallel loop instead of `DispatchQueue.concurrentPerform`, and
/// ``UnsafeShared`` for the raw pointers the workers write through.
package enum ParallelFor {
  /// The number of chunks `0..<count` is cut into: ⌈count / chunkSize⌉.
  package static func chunkCount(_ count: Int, chunkSize: Int) -> Int {
    count <= 0 ? 0 : (count - 1) / max(1, chunkSize) + 1
  }

  /// The number of workers a loop runs on: `min(threads, chunks)`, at least 1.
  package static func workerCount(_ count: Int, chunkSize: Int, threads: Int) -> Int {
    max(1, min(threads, chunkCount(count, chunkSize: chunkSize)))
  }

  /// Runs `body` once per worker with the chunks that worker owns; on the calling thread when
  /// there is one worker, otherwise concurrently.
  ///
  /// - Parameters:
  ///   - count: the number of indices, `0..<count`.
  ///   - chunkSize: indices per chunk (≥ 1); the last chunk may be shorter.
  ///   - threads: the most workers to use (values below 1 mean 1).
  ///   - body: one worker's loop; it may keep scratch state across its chunks.
  /// - Complexity: one call of `body` per worker; `body` sees each index exactly once overall.
  package static func run(
    count: Int, chunkSize: Int, threads: Int, _ body: @Sendable (Chunks) -> Void
  ) {
    let size = max(1, chunkSize)
    let chunks = chunkCount(count, chunkSize: size)
    guard chunks > 0 else { return }
    let workers = max(1, min(threads, chunks))
    if workers == 1 {
      body(Chunks(worker: 0, workers: 1, count: count, chunkSize: size))
    } else {
      DispatchQueue.concurrentPerform(iterations: workers) { w in
        body(Chunks(worker: w, workers: workers, count: count, chunkSize: size))
      }
    }
  }

  /// The sum of `body(chunk)` over the chunks of `0..<count` (integers: the order of the sum
  /// does not matter, so the result is independent of `threads`).
  ///
  /// - Parameters:
  ///   - count: the number of indices.
  ///   - chunkSize: indices per chunk (≥ 1).
  ///   - threads: the most workers to use.
  ///   - body: counts something over one contiguous range of indices.
  package static func sum(
    count: Int, chunkSize: Int, threads: Int, _ body: @Sendable (Range<Int>) -> Int
  ) -> Int {
    let workers = workerCount(count, chunkSize: chunkSize, threads: threads)
    var partial = [Int](repeating: 0, count: workers)
    partial.withUnsafeMutableBufferPointer { buffer in
      let shared = UnsafeShared(buffer)
      run(count: count, chunkSize: chunkSize, threads: workers) { chunks in
        var total = 0
        for chunk in chunks { total &+= body(chunk.range) }
        shared.value[chunks.worker] = total
      }
    }
    return partial.reduce(0, &+)
  }

  /// The chunks one worker owns: c = worker, worker + workers, … while c < chunk count.
  package struct Chunks: Sequence, Sendable {
    /// This worker's index in `0..<workers`.
    package let worker: Int
    /// The number of workers in the loop.
    package let workers: Int
    /// The number of indices in the whole loop.
    package let count: Int
    /// Indices per chunk.
    package let chunkSize: Int

    /// One chunk: its index in the whole loop and its indices.
    package struct Chunk: Sendable {
      /// c, the chunk's position in `0..<chunkCount`.
      package let index: Int
      /// `c·chunkSize ..< min(count, (c + 1)·chunkSize)`.
      package let range: Range<Int>
    }

    package struct Iterator: IteratorProtocol {
      var chunk: Int
      let chunks: Chunks

      package mutating func next() -> Chunk? {
        let lo = chunk * chunks.chunkSize
        guard lo < chunks.count else { return nil }
        defer { chunk += chunks.workers }
        return Chunk(index: chunk, range: lo..<Swift.min(chunks.count, lo + chunks.chunkSize))
      }
    }

    package func makeIterator() -> Iterator { Iterator(chunk: worker, chunks: self) }
  }
}

/// A value shared with parallel workers that Swift cannot prove safe to share: raw pointers
/// into memory that the workers only read, or write at disjoint indices.
///
/// The library's only `@unchecked Sendable` wrapper. Whoever wraps a value promises that no two
/// workers write the same memory and that nobody reads memory another worker writes during the
/// loop; ``ParallelFor`` returns only after every worker has finished.
package struct UnsafeShared<Value>: @unchecked Sendable {
  /// The shared value (usually a tuple of pointers).
  package let value: Value
  /// Wraps `value`.
  package init(_ value: Value) { self.value = value }
}

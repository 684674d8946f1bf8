// Tests for ParallelFor: the fixed chunking rule, every index exactly once, thread invariance.
import Testing

@testable import ResampleCore

@Suite struct ParallelForTests {
  @Test func chunkCountIsTheCeiling() {
    #expect(ParallelFor.chunkCount(0, chunkSize: 4) == 0)
    #expect(ParallelFor.chunkCount(8, chunkSize: 4) == 2)
    #expect(ParallelFor.chunkCount(9, chunkSize: 4) == 3)
    #expect(ParallelFor.workerCount(9, chunkSize: 4, threads: 8) == 3)
    #expect(ParallelFor.workerCount(0, chunkSize: 4, threads: 8) == 1)
  }

  @Test func chunksAreDealtRoundRobinInOrder() {
    let chunks = ParallelFor.Chunks(worker: 1, workers: 2, count: 10, chunkSize: 3)
    #expect(chunks.map(\.index) == [1, 3])
    #expect(chunks.map(\.range) == [3..<6, 9..<10])
  }

  @Test(arguments: [1, 2, 3, 7, 64])
  func everyIndexIsVisitedOnceForAnyThreadCount(threads: Int) {
    let n = 1_001
    var hits = [Int](repeating: 0, count: n)
    hits.withUnsafeMutableBufferPointer { buffer in
      let shared = UnsafeShared(buffer)
      ParallelFor.run(count: n, chunkSize: 17, threads: threads) { chunks in
        for chunk in chunks {
          #expect(chunk.range.lowerBound == chunk.index * 17)
          for i in chunk.range { shared.value[i] += 1 }
        }
      }
    }
    #expect(hits == [Int](repeating: 1, count: n))
  }

  @Test(arguments: [1, 2, 5, 100])
  func sumDoesNotDependOnThreads(threads: Int) {
    let total = ParallelFor.sum(count: 10_000, chunkSize: 333, threads: threads) { range in
      range.reduce(0) { $0 + ($1 % 7 == 0 ? 1 : 0) }
    }
    #expect(total == (0..<10_000).filter { $0 % 7 == 0 }.count)
    #expect(ParallelFor.sum(count: 0, chunkSize: 1, threads: threads) { $0.count } == 0)
  }
}

// Workloads.swift: the peer workloads W1-W7 and W9 (Benchmarks/peers/README.md), each as a library user
// would write it. Names match peers/peers.py and peers/peers.R; the seed is 12345 everywhere.
import Foundation
import Resample

let seed: UInt64 = 12345

/// Worker threads, as the CLI chooses them: all active processors, unless RESAMPLE_THREADS says
/// otherwise (results do not depend on it; `bench-peers.sh` also reports a 1-thread run).
let threads: Int = {
  if let t = ProcessInfo.processInfo.environment["RESAMPLE_THREADS"], let n = Int(t), n >= 1 {
    return n
  }
  return ProcessInfo.processInfo.activeProcessorCount
}()

func allWorkloads() -> [Workload] {
  [
    w1(replicates: 1_000_000), w1(replicates: 10_000),
    w2(.mean, method: .bca, name: "W2-mean-bca"),
    w2(.mean, method: .percentile, name: "W2-mean-percentile"),
    w2(.median, method: .percentile, name: "W2-median-percentile"),
    w3(), w4MonteCarlo(), w4Fisher(), w5(), w6(), w7(replicate: false), w7(replicate: true), w9(),
  ]
}

func interval(_ ci: ConfidenceInterval?) -> [(String, Value)] {
  [("lower", .number(ci?.lower ?? .nan)), ("upper", .number(ci?.upper ?? .nan))]
}

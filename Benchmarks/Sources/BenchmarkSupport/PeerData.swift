// PeerData.swift: where the kernel suites and resample-runner find the peer workloads' data.
import Foundation

/// The path of a peer workload's data file: $RESAMPLE_PEER_DATA/FILE when that is set, else
/// Benchmarks/peers/data/FILE, found from this source file's location.
///
/// - Parameter file: the file's name (`"w5.csv"`).
public func peerData(_ file: String) -> String {
  if let dir = ProcessInfo.processInfo.environment["RESAMPLE_PEER_DATA"] {
    return dir + "/" + file
  }
  let here = URL(fileURLWithPath: #filePath)  // Benchmarks/Sources/BenchmarkSupport/PeerData.swift
  return here.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("peers/data/\(file)").path
}

// ReplicateWeightsCLITests.swift: `resample replicate-weights` — R's JK1 weights exactly, the
// bootstrap reproducible from the seed whatever the thread count, and usable by `compare`.
import Foundation
import Testing
import _TestSupport

@Suite struct ReplicateWeightsCLITests {
  private static let data = fixtureURL("survey-design/apiclus1.csv").path

  @Test func jk1ColumnsEqualRsAsSvrepdesign() throws {
    let r = try runCLI([
      "replicate-weights", "--data", Self.data, "--weight", "pw", "--cluster", "dnum", "--type",
      "jk1", "--prefix", "rw",
    ])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stderr.contains("15 JK1"))
    let ours = r.stdout.split(separator: "\n").map { $0.split(separator: ",").map(String.init) }
    let ref = try String(
      contentsOf: fixtureURL("survey-design/apiclus1_jk1.csv"), encoding: .utf8
    ).split(separator: "\n").map { $0.split(separator: ",").map(String.init) }
    #expect(ours.count == ref.count && ours.first == ref.first)
    for (a, b) in zip(ours.dropFirst(), ref.dropFirst()) {
      #expect(a.count == b.count)
      for (x, y) in zip(a, b) where x != y {
        #expect(isClose(Double(x) ?? .nan, Double(y) ?? .nan, relative: 1e-14), "\(x) vs \(y)")
      }
    }
  }

  @Test func bootstrapIsReproducibleAndFeedsCompare() throws {
    let args = [
      "replicate-weights", "--data", Self.data, "--weight", "pw", "--cluster", "dnum",
      "--replicates", "100", "--seed", "11",
    ]
    let one = try runCLI(args + ["--threads", "1"])
    let two = try runCLI(args + ["--threads", "2"])
    #expect(one.status == 0 && one.stdout == two.stdout)
    #expect(try runCLI(args.dropLast() + ["12"]).stdout != one.stdout)
    let path = try writeTemporaryFile("boot-weights.csv", one.stdout)
    let j = try runCLIJSON([
      "compare", "--data", path, "--segment", "stype", "--questions", "sch.wide=Yes", "--weight",
      "pw", "--replicate-weights", "repw*", "--replicate-type", "bootstrap",
    ])
    #expect((j["design"] as? [String: Any])?["replicates"] as? Int == 100)
    #expect((j["design"] as? [String: Any])?["df"] as? Int == 14)
  }

  @Test func jk1WithStrataIsRefused() throws {
    let r = try runCLI([
      "replicate-weights", "--data", fixtureURL("survey-design/apistrat.csv").path, "--weight",
      "pw", "--strata", "stype", "--type", "jk1",
    ])
    #expect(r.status == 64 && r.stderr.contains("bootstrap"), "\(r.stderr)")
  }
}

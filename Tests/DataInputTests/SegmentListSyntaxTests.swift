// SegmentListSyntaxTests.swift: the name=value segment lists of `compare` and spec files.
import DataInput
import ResampleCore
import Testing
import _TestSupport

@Suite struct SegmentListSyntaxTests {
  @Test func parsesTheThreeForms() throws {
    let p = try SegmentList.pairs(" group-owned = 61 ,decentralised=43.2", option: "--percent")
    #expect(p.map(\.name) == ["group-owned", "decentralised"])
    #expect(p.map(\.value) == ["61", "43.2"])
    let c = try SegmentList.counts("a=50/82,b=32/74")
    #expect(c.map(\.x) == [50, 32] && c.map(\.n) == [82, 74])
    let s = try SegmentList.sizes("a=82,b=60..90")
    #expect(s.map(\.sizes) == [82...82, 60...90])
  }

  @Test(arguments: ["", "a", "a=", "=5", "a=1,a=2", "a=1,,b=2"])
  func rejectsMalformedLists(_ text: String) {
    #expect(throws: InputError.self) { try SegmentList.pairs(text, option: "--x") }
  }

  @Test(arguments: ["a=5/0", "a=5/4", "a=-1/4", "a=x/4", "a=5", "a=1/2/3"])
  func rejectsBadCounts(_ text: String) {
    #expect(throws: InputError.self) { try SegmentList.counts(text) }
  }

  @Test(arguments: ["a=0", "a=-3", "a=9..5", "a=x", "a=1..", "a=0..4"])
  func rejectsBadSizes(_ text: String) {
    #expect(throws: InputError.self) { try SegmentList.sizes(text) }
  }
}

import RandomStreams
// Tests for RandomStreams.swift: the module's stream-algorithm identifier.
import Testing

@Suite struct RandomStreamsTests {
  @Test func identifierNamesAlgorithmAndVersion() {
    #expect(RandomStreams.identifier == "philox4x32-10/1")
    #expect(RandomStreams.identifier == Philox4x32.identifier)
  }
}

// Tests for InputFile: reading bytes and reporting unreadable paths.
import ResampleCore
import Testing
import _TestSupport

@testable import DataInput

@Test func readsExactBytes() throws {
  let bytes = try InputFile.readBytes(path: fixtureURL("csv/cases/bom.csv").path)
  #expect(bytes == [0xEF, 0xBB, 0xBF] + Array("name,value\na,1\n".utf8))
}

@Test func missingFileAndDirectoryThrowWithPath() {
  expectError(InputError.self, mentioning: "/nonexistent/x.csv: ", "No such file") {
    try InputFile.readBytes(path: "/nonexistent/x.csv")
  }
  #expect(throws: InputError.self) { try InputFile.readBytes(path: fixtureURL("csv").path) }
  #expect(throws: InputError.self) { try InputFile.readBytes(path: "") }
}

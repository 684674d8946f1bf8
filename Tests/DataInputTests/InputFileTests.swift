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
  do {
    _ = try InputFile.readBytes(path: "/nonexistent/x.csv")
    Issue.record("expected an error")
  } catch let InputError.invalidData(source, reason) {
    #expect(source == "/nonexistent/x.csv")
    #expect(reason.contains("No such file"))
  } catch {
    Issue.record("wrong error")
  }
  #expect(throws: InputError.self) { try InputFile.readBytes(path: fixtureURL("csv").path) }
  #expect(throws: InputError.self) { try InputFile.readBytes(path: "") }
}

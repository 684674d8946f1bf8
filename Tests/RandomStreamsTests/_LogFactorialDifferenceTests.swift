// Tests for the samplers' log-factorial helper: log(a!/b!) against mpmath.
import Testing
import _TestSupport

@testable import RandomStreams

@Suite struct LogFactorialDifferenceTests {
  @Test func differenceMatchesMpmath() throws {
    let f = try RandomFixtures.load()
    #expect(f.logFactorialDifferences.count >= 10)
    for c in f.logFactorialDifferences {
      let got = _LogFactorial.difference(c.a, c.b)
      // Absolute error: the samplers compare these with log-uniforms.
      let tolerance = 1e-12 * Swift.max(1, abs(c.value))
      #expect(abs(got - c.value) <= tolerance, "log(\(c.a)!/\(c.b)!) = \(got), want \(c.value)")
    }
  }

  @Test func valueIsLogFactorial() {
    #expect(_LogFactorial.value(0) == 0 && _LogFactorial.value(1) == 0)
    #expect(isClose(_LogFactorial.value(10), 15.104_412_573_075_516, relative: 1e-15))
  }
}

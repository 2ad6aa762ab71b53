@testable import GalleyCore
import Testing

/// Hex digits of percent escapes: both cases, and nothing else.
@Suite struct HexDigitTests {
    @Test func digitsOfBothCasesAndNothingElse() {
        let digits = Array("0123456789abcdefABCDEF".utf8)
        #expect(digits.map { HexDigit.value(of: $0) } == [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 10, 11, 12, 13, 14, 15])
        let others = (UInt8(0)...UInt8(255)).filter { !digits.contains($0) }
        #expect(others.allSatisfy { HexDigit.value(of: $0) == nil })
    }
}

@testable import GalleyExtract
import Testing

/// `PageAnalysis.commaCount(utf8:)` finds commas by their UTF-8 bytes; it must count what a
/// walk over the scalars counts: ASCII, full-width, ideographic and Arabic commas.
@Suite struct CommaCountTests {
    func byScalars(_ text: String) -> Int {
        text.unicodeScalars.count { [",", "\u{FF0C}", "\u{3001}", "\u{060C}"].contains($0) }
    }

    @Test(arguments: [
        "", "no commas", "one, two, three", "北京，上海、广州", "القاهرة، دبي", "mixed, 中文，عربي، end",
        "look-alikes: \u{FF0D}\u{3002}\u{060D}\u{FE50}\u{0618}", "\u{FF0C}", "a\u{3001}", "ends with lead bytes \u{D7FF}",
    ])
    func countsWhatTheScalarsHold(_ text: String) {
        var text = text
        let count = text.withUTF8 { PageAnalysis.commaCount(utf8: $0) }
        #expect(count == byScalars(text))
    }
}

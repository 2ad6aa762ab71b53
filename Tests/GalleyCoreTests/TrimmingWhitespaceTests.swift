import Foundation
@testable import GalleyCore
import GalleyTestSupport
import Testing

/// `trimmingWhitespace` gives what Foundation's `trimmingCharacters(in: .whitespacesAndNewlines)`
/// gives, for every kind of Unicode blank, line break and neighbour.
@Suite struct TrimmingWhitespaceTests {
    @Test func agreesWithFoundation() {
        var random = SeededRandom(seed: 11)
        let pieces = [" ", "\t", "\n", "\r\n", "\u{0B}", "\u{0C}", "\u{85}", "\u{A0}", "\u{1680}", "\u{2003}", "\u{2028}", "\u{2029}",
                      "\u{202F}", "\u{3000}", "\u{200B}", "\u{FEFF}", "a", "é", "e\u{301}", " \u{301}", "北", "🇮🇩", ".", "", "-"]
        for _ in 0..<20_000 {
            let text = (0..<random.below(7)).map { _ in random.pick(pieces) }.joined()
            #expect(text.trimmingWhitespace == text.trimmingCharacters(in: .whitespacesAndNewlines), "\(Array(text.unicodeScalars))")
        }
    }

    @Test func textWithNothingToTrimIsReturnedAsItIs() {
        #expect("Jakarta".trimmingWhitespace == "Jakarta")
        #expect("  \n ".trimmingWhitespace == "")
        #expect("\u{A0}Jakarta, 5 Desember\u{3000}".trimmingWhitespace == "Jakarta, 5 Desember")
    }
}

/// `droppingTrailingEllipsis`: the forms a cut description ends with, and nothing else.
@Suite struct TrailingEllipsisTests {
    @Test(arguments: [("Warga mengungsi …", "Warga mengungsi"), ("Warga mengungsi...", "Warga mengungsi"),
                      ("Warga mengungsi […]", "Warga mengungsi"), ("Warga mengungsi [...]", "Warga mengungsi"),
                      ("Warga mengungsi.", "Warga mengungsi."), ("…", "")])
    func cutDescriptionsLoseTheirEllipsis(text: String, expected: String) {
        #expect(text.droppingTrailingEllipsis == expected)
    }
}

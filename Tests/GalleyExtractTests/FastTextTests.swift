import GalleyCore
@testable import GalleyExtract
import GalleyTestSupport
import Testing

/// `Whitespace.collapsed` works on UTF-8 bytes; it must give what collapsing scalar by scalar gives.
@Suite struct FastTextTests {
    /// The reference: every run of `White_Space` scalars (of ASCII, only space, tab, line
    /// feed, carriage return and form feed) as one space, none at the ends.
    private static func reference(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            let isSpace = scalar.isASCII ? [0x20, 0x0A, 0x09, 0x0D, 0x0C].contains(scalar.value) : scalar.properties.isWhitespace
            if isSpace {
                pendingSpace = !scalars.isEmpty
            } else {
                if pendingSpace { scalars.append(" ") }
                pendingSpace = false
                scalars.append(scalar)
            }
        }
        return String(scalars)
    }

    @Test func collapsingBytesAgreesWithCollapsingScalars() {
        var random = SeededRandom(seed: 5)
        let pieces = [" ", "\t", "\n", "\r\n", "\u{0B}", "\u{0C}", "\u{85}", "\u{A0}", "\u{1680}", "\u{2000}", "\u{200A}", "\u{200B}",
                      "\u{2028}", "\u{2029}", "\u{202F}", "\u{205F}", "\u{3000}", "\u{3001}", "\u{2080}", "\u{2081}", "\u{20AC}",
                      "\u{1681}", "\u{C3}", "a", "é", "e\u{301}", "北", "🇮🇩", "Jakarta"]
        for _ in 0..<30_000 {
            let text = (0..<random.below(9)).map { _ in random.pick(pieces) }.joined()
            #expect(Whitespace.collapsed(text) == Self.reference(text), "\(Array(text.unicodeScalars))")
        }
        #expect(Whitespace.collapsed("  Rabu,\u{A0}\u{A0}16 Oktober\u{3000}2019 \n") == "Rabu, 16 Oktober 2019")
    }

    /// `FastText.lowercased` copies ASCII and unchanged scalars as bytes; it must give exactly
    /// what `String.lowercased()` gives, on Latin, Turkish, German, Greek, Cyrillic, CJK,
    /// combining marks, the Kelvin sign and emoji.
    @Test func lowerCasingAgreesWithTheStandardLibrary() {
        var random = SeededRandom(seed: 11)
        let pieces = ["A", "z", "Ä", "ẞ", "ß", "İ", "I", "ı", "Σ", "ς", "ΣΑΣ", "Ǆ", "ǅ", "K", "Å", "Ω", "Ж", "北京", "e\u{301}",
                      "É", "’", "“", "\u{A0}", "🇮🇩", "👩‍👩‍👧", "ＡＢ", "Ꭰ", "ﬀ", " ", "Newsletter", "RABU"]
        for _ in 0..<20_000 {
            let text = (0..<random.below(7)).map { _ in random.pick(pieces) }.joined()
            #expect(Array(FastText.lowercased(text).utf8) == Array(text.lowercased().utf8), "\(Array(text.unicodeScalars))")
            let sub = text.dropFirst()
            #expect(Array(FastText.lowercased(sub).utf8) == Array(sub.lowercased().utf8))
        }
    }
}

@testable import GalleyNormalize
import GalleyTestSupport
import Testing

/// `InlineNormalizer.collapsed` walks bytes; it must give what the walk over `Character`s gives,
/// spaces that are part of a larger character included.
@Suite struct InlineNormalizerCollapsingTests {
    /// The definition: control characters dropped, then each run of characters that are a
    /// space, tab or line break becomes one space, walking `Character`s.
    func reference(_ text: String) -> String {
        InlineNormalizer.collapsedByCharacter(ControlCharacters.removed(from: text))
    }

    @Test(arguments: [
        "plain text", "two  spaces", "tab\there", "line\nbreak\r\nand\rcarriage", "  leading and trailing  ",
        "space then acute  \u{301}mark", "space then ZWJ  \u{200D}x", "space then emoji modifier  \u{1F3FD}",
        "Arabic number sign\u{0600}  two", "format \u{200B}  zero-width", "Thai sara am  \u{0E33}", "Devanagari  \u{093E}",
        "no-break\u{00A0}\u{00A0}space", "BOM\u{FEFF}  gone", "C1 \u{0085} control", "form\u{0C}feed  x", "curly “quote”  and — dash",
        "中文  文本\n\n日本語", "emoji 👍🏽  👨‍👩‍👧", "\u{301}  starts with a mark", "ends with a space then mark \u{301}",
    ])
    func matchesTheCharacterWalk(_ text: String) {
        #expect(InlineNormalizer.collapsed(text) == reference(text))
        #expect(Array(InlineNormalizer.collapsed(text).utf8) == Array(reference(text).utf8))
    }

    @Test func matchesTheCharacterWalkOnRandomText() {
        let pieces = [" ", "  ", "\t", "\n", "\r\n", "\r", "a", "é", "e\u{301}", "\u{301}", "\u{200D}", "\u{0600}", "\u{1F3FD}",
                      "中", "\u{00A0}", "\u{0C}", "\u{7F}", "\u{FEFF}", "\u{0E33}", "\u{093F}", "x"]
        var generator = SeededRandom(seed: 17)
        for _ in 0..<2_000 {
            let text = (0..<Int.random(in: 1...12, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            #expect(Array(InlineNormalizer.collapsed(text).utf8) == Array(reference(text).utf8), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }
}

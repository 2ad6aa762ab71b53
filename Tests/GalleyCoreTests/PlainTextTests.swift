import GalleyCore
import GalleyTestSupport
import Testing

/// `PlainText` collapses blanks on bytes; a paragraph's text must be what splitting it by
/// `Character` on space, tab, line feed and carriage return and joining with spaces gives.
@Suite struct PlainTextTests {
    func reference(_ text: String) -> String {
        text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }).joined(separator: " ")
    }

    func plain(_ text: String) -> String { PlainText.of([.node(.p, [.text(text)])]) }

    @Test(arguments: [
        "plain", "  two  spaces\tand\ttabs\n", "crlf\r\nkept", "cr\ronly", "space then mark  \u{301}x", "prepend\u{0600} x",
        "emoji 👍🏽  👨‍👩‍👧", "中文  文本", "\u{301}", "   ", "a \u{200D}b",
    ])
    func matchesTheCharacterSplit(_ text: String) {
        #expect(Array(plain(text).utf8) == Array(reference(text).utf8))
    }

    @Test func matchesTheCharacterSplitOnRandomText() {
        let pieces = [" ", "  ", "\t", "\n", "\r", "\r\n", "a", "é", "e\u{301}", "\u{301}", "\u{200D}", "\u{0600}", "中", "\u{00A0}", "x"]
        var generator = SeededRandom(seed: 29)
        for _ in 0..<3_000 {
            let text = (0..<Int.random(in: 1...10, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            #expect(Array(plain(text).utf8) == Array(reference(text).utf8), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }
}

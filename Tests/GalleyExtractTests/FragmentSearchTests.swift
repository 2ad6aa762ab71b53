@testable import GalleyExtract
import GalleyTestSupport
import Testing

/// `FragmentSearch` reads a text once; it must answer as asking `FastText.contains` for each
/// fragment does.
@Suite struct FragmentSearchTests {
    let fragments = ["share", "ad", "x", "related", "sosmed", "é", "komentar", "sharing"]

    func expected(_ text: String, _ fragments: [String]) -> Bool { fragments.contains { FastText.contains(text, $0) } }

    @Test(arguments: ["", "a", "ad", "header social-share", "read-more", "box x", "relate", "komentar-list", "café", "s", "sh"])
    func answersAsAskingEachFragment(_ text: String) {
        #expect(FragmentSearch(fragments).occurs(in: text) == expected(text, fragments))
    }

    @Test func anEmptyFragmentIsInEveryText() {
        #expect(FragmentSearch(["", "zz"]).occurs(in: ""))
        #expect(!FragmentSearch(["zz"]).occurs(in: ""))
        #expect(!FragmentSearch([]).occurs(in: "anything"))
    }

    @Test func answersAsAskingEachFragmentOnRandomText() {
        let pieces = ["s", "h", "a", "re", "d", " ", "-", "x", "rel", "ated", "é", "e", "\u{301}", "komen", "tar", "sos", "med"]
        let search = FragmentSearch(fragments)
        var generator = SeededRandom(seed: 11)
        for _ in 0..<3_000 {
            let text = (0..<Int.random(in: 0...8, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            #expect(search.occurs(in: text) == expected(text, fragments), "\(text)")
        }
    }
}

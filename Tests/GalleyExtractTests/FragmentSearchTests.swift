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

/// `WordSet` finds class words without splitting the class; it must answer as asking a `Set`
/// of each token (`ClassWords.tokens`) and of each whole name (`ClassWords.names`).
@Suite struct WordSetTests {
    let words: Set<String> = ["ad", "share", "read-more", "more", "a", "x_y", "related", "é", "two words", ""]

    func check(_ text: String) {
        let classWords = ClassWords(text: text)
        let set = WordSet(words)
        #expect(classWords.matchesAny(set) == classWords.matchesAny(words), "tokens of \(text)")
        #expect(classWords.hasWholeName(in: set) == classWords.hasWholeName(in: words), "names of \(text)")
    }

    @Test(arguments: [
        "", "ad", "header", "ad-slot", "top_ad", "bad-ad", "read-more", "read-more-link", "more", "a", "a-b", "x_y", "x_y_z", "x-y",
        "share\tbox", "sharebox", "social-share", "related-posts", "café", "é-x", "two words", "two", "--ad--", "ad_", "_a_",
    ])
    func answersAsTheSplitWords(_ text: String) { check(text) }

    @Test func answersAsTheSplitWordsOnRandomText() {
        let pieces = ["ad", "a", "d", "-", "_", " ", "\t", "share", "read", "more", "x", "y", "rel", "ated", "é", "two", "words", "b"]
        var generator = SeededRandom(seed: 23)
        for _ in 0..<4_000 {
            check((0..<Int.random(in: 0...7, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined())
        }
    }
}

@testable import GalleyExtract
import GalleyTestSupport
import Testing

/// `PrefixList.startsAny` asks only some phrases; it must answer as asking each with
/// `String.hasPrefix` does, canonical equivalence included.
@Suite struct PrefixListTests {
    let phrases = ["baca juga", "©", "à lire aussi", "a lire aussi", "e\u{301}dition", "édition spéciale", "foto:", "źródło:", "read also", "x\u{301}"]

    func expected(_ text: String) -> Bool { phrases.contains { text.hasPrefix($0) } }

    @Test(arguments: [
        "baca juga: berita lain", "© Reuters", "à lire aussi : …", "a\u{300} lire aussi", "a lire aussi", "édition du soir",
        "e\u{301}dition du soir", "e\u{301}\u{301}dition", "édition spéciale", "foto: ap", "fotografía", "źródło: pap",
        "z\u{301}ro\u{301}dło: pap", "read also", "read", "", "x\u{301}y", "xy", "baca juga\u{301}",
    ])
    func answersAsHasPrefix(_ text: String) {
        #expect(PrefixList(phrases).startsAny(text) == expected(text))
    }

    @Test func answersAsHasPrefixOnRandomText() {
        let pieces = ["a", "à", "a\u{300}", " ", "l", "ire", "e", "\u{301}", "é", "dition", "©", "b", "aca juga", "x", "z", "ź", "foto:"]
        let list = PrefixList(phrases)
        var generator = SeededRandom(seed: 5)
        for _ in 0..<3_000 {
            let text = (0..<Int.random(in: 0...6, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            #expect(list.startsAny(text) == expected(text), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }
}

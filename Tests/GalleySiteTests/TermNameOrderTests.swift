import Foundation
@testable import GalleySite
import GalleyTestSupport
import Testing

/// Term names sort as Foundation's case- and accent-insensitive comparison sorts them, whether
/// they take the ASCII path or not.
@Suite struct TermNameOrderTests {
    /// Random names of ASCII letters, digits, punctuation, spaces and control characters, plus
    /// names with accents and other scripts, every pair compared both ways.
    @Test func ordersEveryPairAsFoundationDoes() {
        var generator = SeededRandom(seed: 17)
        let ascii = Array(0x00...0x7F).map { UInt8($0) }
        let near = Array("aAbBzZ09 -_.[`{~".utf8)
        let others = ["É", "é", "e", "Ö", "ß", "ı", "İ", "北京", "ä", "Ä", "Å", "ñ", "–"]
        var names: [String] = ["", "a", "A", "Z", "[", "`", "{", "~", "\u{7F}"]
        for index in 0..<1200 {
            let pool = index % 2 == 0 ? near : ascii
            let length = Int.random(in: 0...6, using: &generator)
            var name = String(decoding: (0..<length).map { _ in pool.randomElement(using: &generator)! }, as: UTF8.self)
            if index % 5 == 0 { name = name.uppercased() }
            if index % 7 == 0 { name += others.randomElement(using: &generator)! }
            if index % 11 == 0, let last = names.last { name = last + name }
            names.append(name)
        }
        var mismatches: [String] = []
        let pairs = Array(zip(names, names.shuffled(using: &generator))) + Array(zip(names, names.dropFirst()))
        for (left, right) in pairs {
            let expected = left.compare(right, options: [.caseInsensitive, .diacriticInsensitive])
            if TermNameOrder(left).compare(TermNameOrder(right)) != expected { mismatches.append("\(Array(left.utf8)) \(Array(right.utf8))") }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(5))")
        #expect(names.contains { TermNameOrder($0).folded == nil } && names.contains { TermNameOrder($0).folded != nil }, "both paths taken")
    }

    /// Names in other scripts and with every kind of mark, as tags come from scraped sites
    /// (Latin with accents, Greek, Cyrillic, Arabic with vowel marks, Hebrew, Han, kana, Hangul,
    /// Thai, Devanagari, ligatures, full-width forms, combining marks, emoji), every pair of
    /// 400 random ones compared both ways: the folded keys order them as Foundation does.
    @Test func ordersNamesInEveryScriptAsFoundationDoes() {
        var generator = SeededRandom(seed: 29)
        let pieces = ["Gêjog", "Lêsung", "Économie", "économie", "Naïve", "naive", "Ærø", "aero", "straße", "STRASSE", "ǅemal", "İstanbul",
                      "istanbul", "ı", "ﬁsh", "fish", "Ωmega", "ωμέγα", "Ёлка", "елка", "الصحة", "ٱلْعَرَبِيَّة", "العربية", "שָׁלוֹם", "שלום",
                      "北京", "半导体", "日本", "にほん", "ニホン", "한국", "서울", "ภาษาไทย", "हिन्दी", "Ｆｕｌｌ", "full", "a\u{301}", "á", "ñ",
                      "n\u{303}", "🙂", "Liga 1", "2024", " ", "-", "–", "Zürich", "zurich", "Øre", "ore", "Đà Nẵng", "da nang"]
        var names: [String] = pieces
        for _ in 0..<400 {
            let count = Int.random(in: 1...3, using: &generator)
            names.append((0..<count).map { _ in pieces.randomElement(using: &generator)! }.joined(separator: Bool.random(using: &generator) ? " " : ""))
        }
        let orders = names.map(TermNameOrder.init)
        var mismatches: [String] = []
        for left in names.indices {
            for right in names.indices {
                let expected = names[left].compare(names[right], options: [.caseInsensitive, .diacriticInsensitive])
                if orders[left].compare(orders[right]) != expected { mismatches.append("\(names[left].debugDescription) \(names[right].debugDescription)") }
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.count): \(mismatches.prefix(5))")
    }
}

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
}

@testable import GalleyCore
import GalleyTestSupport
import Testing

/// `ByteSearch` (memchr + memcmp) must find what a plain scan finds, at every start offset.
@Suite struct ByteSearchTests {
    private static func reference(_ needle: [UInt8], _ haystack: [UInt8], from start: Int) -> Int? {
        guard !needle.isEmpty, start >= 0 else { return nil }
        var index = start
        while index + needle.count <= haystack.count {
            if Array(haystack[index..<(index + needle.count)]) == needle { return index }
            index += 1
        }
        return nil
    }

    @Test func findsWhatAPlainScanFinds() {
        var random = SeededRandom(seed: 3)
        let alphabet: [UInt8] = Array("<!-ab>".utf8)
        for _ in 0..<20_000 {
            let haystack = (0..<random.below(24)).map { _ in random.pick(alphabet) }
            let needle = (0..<random.below(4)).map { _ in random.pick(alphabet) }
            let start = random.below(6)
            let found = haystack.withUnsafeBufferPointer { ByteSearch.firstOffset(of: needle, in: $0, from: start) }
            #expect(found == Self.reference(needle, haystack, from: start), "\(needle) in \(haystack) from \(start)")
        }
    }

    @Test func emptyInputsFindNothing() {
        let empty: [UInt8] = []
        #expect(empty.withUnsafeBufferPointer { ByteSearch.firstOffset(of: Array("a".utf8), in: $0) } == nil)
        #expect(Array("abc".utf8).withUnsafeBufferPointer { ByteSearch.firstOffset(of: [], in: $0) } == nil)
        #expect(Array("abc".utf8).withUnsafeBufferPointer { ByteSearch.contains(Array("bc".utf8), in: $0, range: 1..<3) })
        #expect(!Array("abc".utf8).withUnsafeBufferPointer { ByteSearch.contains(Array("bc".utf8), in: $0, range: 0..<2) })
    }

    /// Replacing gives what Foundation's `replacingOccurrences` gives, for targets at the start,
    /// the end, side by side, overlapping candidates, absent, and around non-ASCII text.
    @Test func replacingMatchesFoundation() {
        let cases: [(String, String, String)] = [("", "a", "b"), ("abc", "", "x"), ("abc", "abc", ""), ("aaaa", "aa", "b"), ("xabcabcx", "abc", "é"),
                                                  ("é data:X é data:X", "data:X", "inline-picture:1"), ("abab", "aba", "-"), ("tanpa", "zz", "q")]
        for (text, target, replacement) in cases {
            let expected = target.isEmpty ? text : text.replacingOccurrences(of: target, with: replacement)
            #expect(ByteSearch.replacing(target, with: replacement, in: text) == expected, "\(text) \(target)")
        }
    }
}

@testable import GalleyExtract
import Testing

/// `ElementNameInterner` must give one id to one name, whatever its case, and distinct ids to
/// distinct names, short (read as packed bytes) or long (read as a String).
@Suite struct ElementNameInternerTests {
    static func name(_ text: String, in interner: inout ElementNameInterner) -> ElementName {
        Array(text.utf8).withUnsafeBufferPointer { interner.name($0) }
    }

    static func existing(_ text: String, in interner: ElementNameInterner) -> ElementName? {
        var interner = interner
        return Array(text.utf8).withUnsafeBufferPointer { interner.existingName($0) }
    }

    @Test func knownNamesHaveTheirFixedIDs() {
        var interner = ElementNameInterner()
        #expect(Self.name("html", in: &interner) == .html)
        #expect(Self.name("BODY", in: &interner) == .body)
        #expect(Self.name("Script", in: &interner) == .script)
        #expect(Self.name("blockquote", in: &interner) == ElementName(known: "blockquote"))
        #expect(Self.existing("DiV", in: interner) == .div)
        for (index, spelling) in ElementName.known.enumerated() {
            #expect(Self.name(spelling.uppercased(), in: &interner).id == UInt32(index))
        }
        #expect(ElementName.known.count <= ElementNameSet.capacity)
        #expect(Set(ElementName.known).count == ElementName.known.count)
    }

    @Test func sameNameInAnyCaseHasOneID() {
        var interner = ElementNameInterner()
        let names = ["x-card", "my-fifteen-byte", "my-sixteen-bytes", "my-seventeen-byte", String(repeating: "q", count: 100)]
        for name in names {
            let first = Self.name(name, in: &interner)
            #expect(first.id >= UInt32(ElementName.known.count))
            #expect(Self.name(name.uppercased(), in: &interner) == first)
            #expect(Self.existing(name, in: interner) == first)
            #expect(interner.spelling(of: first) == name)
        }
        #expect(interner.spelling(of: Self.name("X-CARD", in: &interner)) == "x-card")
    }

    @Test func distinctNamesHaveDistinctIDs() {
        var interner = ElementNameInterner()
        // Names that share 8 or 16 bytes, differ only past them, or only in length.
        let names = ["abcdefgh", "abcdefghi", "abcdefghijklmnop", "abcdefghijklmnopq", "abcdefghijklmnopr",
                     "abcdefghijklmnoq", "abcdefgi", "a", "aa", "a.b", "a_b", "a:b", "a-b", "p1", "h7",
                     String(repeating: "q", count: 99), String(repeating: "q", count: 100)]
        let ids = names.map { Self.name($0, in: &interner) }
        #expect(Set(ids).count == names.count)
        #expect(Self.existing("never-read", in: interner) == nil)
        #expect(Self.existing(String(repeating: "z", count: 40), in: interner) == nil)
    }

    /// More names than the cache has slots, read again and again: each keeps its id.
    @Test func namesKeepTheirIDsPastTheCache() {
        var interner = ElementNameInterner()
        let names = (0..<2_000).map { "n\($0)" } + ElementName.known
        let first = names.map { Self.name($0, in: &interner) }
        #expect(Set(first).count == names.count)
        for round in 0..<3 {
            for (index, name) in names.enumerated() where index % (round + 1) == 0 {
                #expect(Self.name(name.uppercased(), in: &interner) == first[index])
                #expect(Self.existing(name, in: interner) == first[index])
            }
        }
    }

    @Test func setsHoldOnlyTheirNames() {
        let set = ElementNameSet(["html", "xmp", "p"])
        #expect(set.contains(.html) && set.contains(.p) && set.contains(ElementName(known: "xmp")))
        #expect(!set.contains(.div) && !set.contains(ElementName(id: 64)) && !set.contains(ElementName(id: 300)))
        #expect(ElementNameSet().isEmpty && !set.isEmpty)
    }
}

import Foundation

/// The order of term names on index pages: alphabetical, case- and accent-insensitive, as
/// Foundation's `compare(_:options: [.caseInsensitive, .diacriticInsensitive])` gives it,
/// without Foundation's per-comparison cost (sorting 2,000 tags through it was 3.5% of a build
/// that changed one article, and with a third of them not ASCII, 15–20 ms of the site plan).
/// Each name is folded once into a key: all-ASCII names (nearly every tag) as their bytes with
/// the letters lowered; others as the Unicode scalars of the name folded by Foundation (case
/// and diacritics) and decomposed (NFD: Foundation orders Hangul by its jamo). A name whose
/// folded form still holds marks (Hebrew points, which the folding keeps and the comparison
/// ignores) is compared through Foundation. `TermNameOrderTests` checks the order against
/// Foundation's.
struct TermNameOrder {
    let name: String
    /// The name's bytes with ASCII letters lowered; nil when the name is not all ASCII.
    let folded: [UInt8]?
    /// The name's folded, decomposed scalars (for ASCII names, `folded` widened); nil when they
    /// hold a non-spacing mark.
    let key: [UInt32]?

    init(_ name: String) {
        self.name = name
        var bytes = Array(name.utf8)
        var ascii = true
        for index in bytes.indices {
            let byte = bytes[index]
            if byte >= 0x80 { ascii = false; break }
            if byte >= UInt8(ascii: "A"), byte <= UInt8(ascii: "Z") { bytes[index] = byte + 32 }
        }
        folded = ascii ? bytes : nil
        if ascii {
            key = bytes.map(UInt32.init)
        } else {
            let scalars = name.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).decomposedStringWithCanonicalMapping.unicodeScalars
            key = scalars.contains { $0.properties.generalCategory == .nonspacingMark } ? nil : scalars.map(\.value)
        }
    }

    /// How this name sorts against `other`.
    func compare(_ other: TermNameOrder) -> ComparisonResult {
        guard let mine = folded, let theirs = other.folded else {
            guard let key, let otherKey = other.key else { return name.compare(other.name, options: [.caseInsensitive, .diacriticInsensitive]) }
            return Self.order(key, otherKey)
        }
        // memcmp rather than the generic element-by-element compare of two arrays.
        let common = min(mine.count, theirs.count)
        let order = common == 0 ? 0 : mine.withUnsafeBytes { lhs in theirs.withUnsafeBytes { rhs in memcmp(lhs.baseAddress!, rhs.baseAddress!, common) } }
        if order != 0 { return order < 0 ? .orderedAscending : .orderedDescending }
        return mine.count == theirs.count ? .orderedSame : mine.count < theirs.count ? .orderedAscending : .orderedDescending
    }

    private static func order(_ lhs: [UInt32], _ rhs: [UInt32]) -> ComparisonResult {
        for (left, right) in zip(lhs, rhs) where left != right { return left < right ? .orderedAscending : .orderedDescending }
        return lhs.count == rhs.count ? .orderedSame : lhs.count < rhs.count ? .orderedAscending : .orderedDescending
    }
}

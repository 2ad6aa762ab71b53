/// Whether a space in UTF-8 text may share its grapheme cluster (`Character`) with the scalar
/// before or after it, so that byte-level code can tell when it must fall back to walking
/// characters. Conservative: a "maybe" costs only speed.
///
/// A space (grapheme break property "Other") joins the scalar after it when that scalar extends
/// a cluster (Extend, ZWJ, SpacingMark: rules GB9, GB9a) and the scalar before it when that
/// one is a Prepend (GB9b). Tabs and line breaks ("Control") never join.
package enum GraphemeNeighbours {
    package static func mayJoin(_ bytes: UnsafeBufferPointer<UInt8>, spaceAt index: Int) -> Bool {
        if index + 1 < bytes.count, bytes[index + 1] >= 0x80, let next = scalar(in: bytes, startingAt: index + 1),
           mayExtend(next) {
            return true
        }
        guard index > 0, bytes[index - 1] >= 0x80 else { return false }
        var start = index - 1
        while start > 0, bytes[start] & 0xC0 == 0x80 { start -= 1 }
        return scalar(in: bytes, startingAt: start).map(mayPrepend) ?? true
    }

    /// Extend (marks, `Grapheme_Extend`, emoji modifiers), ZWJ and SpacingMark (`Mc`, and the
    /// two vowel signs AM of Thai and Lao).
    private static func mayExtend(_ scalar: Unicode.Scalar) -> Bool {
        let properties = scalar.properties
        switch properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: break
        }
        return properties.isGraphemeExtend || properties.isEmojiModifier || scalar.value == 0x200D
            || scalar.value == 0x0E33 || scalar.value == 0x0EB3
    }

    /// Prepend: format characters (Arabic number signs and the like) and a few Indic letters.
    private static func mayPrepend(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.properties.generalCategory == .format { return true }
        switch scalar.value {
        case 0x0D4E, 0x111C2...0x111C3, 0x1193F, 0x11941, 0x11A3A, 0x11A84...0x11A89, 0x11D46, 0x11F02: return true
        default: return false
        }
    }

    /// The scalar whose UTF-8 starts at `start`, or nil for a malformed sequence.
    private static func scalar(in bytes: UnsafeBufferPointer<UInt8>, startingAt start: Int) -> Unicode.Scalar? {
        var iterator = UnsafeBufferPointer(rebasing: bytes[start...]).makeIterator()
        var decoder = UTF8()
        if case .scalarValue(let scalar) = decoder.decode(&iterator) { return scalar }
        return nil
    }
}

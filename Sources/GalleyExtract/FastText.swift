import GalleyCore

/// Byte-level text helpers for the hot paths of extraction (every element, every text node):
/// Foundation's `String.contains(String)` and `Character.isWhitespace` cost more than the
/// parse itself. Class names, ids and style values are ASCII in practice; other text is
/// measured by UTF-8 lead bytes.
enum FastText {
    /// Whether `haystack` contains `needle` (byte comparison; both expected lower-case).
    static func contains(_ haystack: String, _ needle: String) -> Bool {
        var haystack = haystack
        var needle = needle
        return haystack.withUTF8 { bytes in
            needle.withUTF8 { pattern in
                pattern.isEmpty || ByteSearch.firstOffset(of: pattern, in: bytes) != nil
            }
        }
    }

    /// `String.lowercased()`, the same result, faster on text that is mostly ASCII: the
    /// standard library makes a new string for every scalar once one character is not ASCII
    /// (a curly quote is enough), which made lower-casing paragraphs a visible part of
    /// extraction. ASCII and scalars that lower-casing leaves alone are copied as bytes.
    static func lowercased(_ text: some StringProtocol) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                bytes.append(value >= 0x41 && value <= 0x5A ? UInt8(value + 0x20) : UInt8(value))
            } else if scalar.properties.changesWhenLowercased {
                bytes.append(contentsOf: scalar.properties.lowercaseMapping.utf8)
            } else {
                UTF8.encode(scalar) { bytes.append($0) }
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The words of `text`, lower-cased, joined by single spaces: every character that is not a
    /// letter or digit reads as a space ("Weitere Artikel:" → "weitere artikel"). The phrase
    /// lists of the closing-block rules are matched against this.
    static func words(_ text: String) -> String {
        String(lowercased(text).map { $0.isLetter || $0.isNumber ? $0 : " " }).split(separator: " ").joined(separator: " ")
    }

    /// Whether `text` has at most `limit` characters, counted only when its UTF-8 length leaves
    /// it open (counting the characters of every block was a measurable part of extraction).
    static func isAtMost(_ text: String, characters limit: Int) -> Bool {
        let bytes = text.utf8.count
        if bytes <= limit { return true }
        if bytes > limit * 4 { return false }
        return text.count <= limit
    }

    /// ASCII lower-casing (other bytes kept): enough for class names, ids and CSS.
    static func asciiLowercased(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 >= 65 && $0 <= 90 }) else { return text }
        return String(decoding: text.utf8.map { ($0 >= 65 && $0 <= 90) ? $0 + 32 : $0 }, as: UTF8.self)
    }

    /// Characters of `text` with runs of whitespace counted as one (no-break spaces count as
    /// spaces), measured on UTF-8 lead bytes.
    static func collapsedLength(_ text: String) -> Int { collapsedLength(utf8: text.utf8) }

    /// `collapsedLength` of UTF-8 bytes (a text node's content, read in place).
    static func collapsedLength(utf8 bytes: some Sequence<UInt8>) -> Int {
        var length = 0
        var lastWasSpace = true
        var previous: UInt8 = 0
        for byte in bytes {
            defer { previous = byte }
            if byte & 0xC0 == 0x80 {
                // A continuation byte; U+00A0 (C2 A0) counts as a space.
                if previous == 0xC2, byte == 0xA0 {
                    length -= 1
                    if !lastWasSpace { length += 1 }
                    lastWasSpace = true
                }
                continue
            }
            if Whitespace.isBlank(byte) {
                if !lastWasSpace { length += 1 }
                lastWasSpace = true
            } else {
                length += 1
                lastWasSpace = false
            }
        }
        return length
    }

    /// `collapsedLength` with each CJK character (ideographs, kana, CJK and full-width
    /// punctuation) counted `cjkWeight` times and each Hangul
    /// syllable `hangulWeight` times: one such character carries about as much as a short
    /// word of a script written with spaces, so length thresholds in characters treat an
    /// article in Chinese, Japanese or Korean like one in English.
    static func weightedLength(_ text: String, cjkWeight: Int, hangulWeight: Int) -> Int {
        // CJK and Hangul code points all start with a UTF-8 lead byte from 0xE3 on.
        guard text.utf8.contains(where: { $0 >= 0xE3 }) else { return collapsedLength(text) }
        var length = 0
        var lastWasSpace = true
        for scalar in text.unicodeScalars {
            if isWhitespace(scalar) {
                if !lastWasSpace { length += 1 }
                lastWasSpace = true
                continue
            }
            lastWasSpace = false
            switch scalar.value {
            case 0x3000...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0xFF00...0xFFEF, 0x20000...0x2FA1F:
                length += cjkWeight
            case 0xAC00...0xD7AF: length += hangulWeight
            default: length += 1
            }
        }
        return length
    }

    /// Unicode's White_Space characters, without a property lookup.
    @inline(__always) static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: true
        default: false
        }
    }
}

import GalleyCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Decides which encoding libxml2 should read a page in.
///
/// Order of trust (see TOOLCHAIN-NOTES): the sidecar's HTTP `content-type` charset, a byte
/// order mark, a `<meta charset>` in the first bytes (then libxml2 reads it itself), UTF-8 if
/// the bytes are valid UTF-8, and windows-1252 otherwise. Forcing windows-1252 on UTF-8 bytes
/// truncates documents, and libxml2's own fallback (ISO-8859-1) turns curly quotes into C1
/// control characters, so the guess matters.
enum EncodingSniffer {
    /// How far into the page a `<meta charset>` is looked for.
    static let metaScanLength = 4096

    /// How libxml2 is to read a page: the bytes to hand it and the encoding to force (the
    /// page's own `<meta charset>` is then ignored), or nil to let libxml2 follow it.
    struct Decision {
        var bytes: [UInt8]
        var encoding: String?
    }

    /// Bytes that are valid UTF-8 are UTF-8, whatever the labels say (a legacy encoding almost
    /// never forms valid UTF-8 by chance; mislabelled pages are common). Otherwise: a byte order
    /// mark, then the sidecar's charset, then `<meta charset>`; windows-1252 (and its aliases,
    /// and no label at all) is transcoded here, because libxml2 stops at bytes windows-1252
    /// leaves undefined and at NUL bytes, and silently drops the rest of the page.
    ///
    /// UTF-16 is transcoded here too, so that what libxml2 reads is (almost always) UTF-8 and
    /// `MarkupGuard` can read its markup.
    static func decide(for bytes: [UInt8], declaredCharset: String?) -> Decision {
        if let bom = byteOrderMark(bytes) {
            if bom == "UTF-8" { return Decision(bytes: withoutNUL(Array(bytes.dropFirst(3))), encoding: "UTF-8") }
            return Decision(bytes: utf8(fromUTF16: bytes.dropFirst(2), bigEndian: bom == "UTF-16BE"), encoding: "UTF-8")
        }
        if let utf16 = unmarkedUTF16(bytes) {
            return Decision(bytes: utf8(fromUTF16: bytes[...], bigEndian: utf16 == "UTF-16BE"), encoding: "UTF-8")
        }
        if isValidUTF8(bytes) { return Decision(bytes: withoutNUL(bytes), encoding: "UTF-8") }
        let declared = declaredCharset.map(canonicalName) ?? metaCharset(bytes)
        switch declared {
        case nil, "UTF-8", "windows-1252":
            return Decision(bytes: withoutNUL(Windows1252.utf8(from: bytes)), encoding: "UTF-8")
        case let other?:
            return Decision(bytes: bytes, encoding: other)
        }
    }

    /// The same page in windows-1252, for when libxml2 does not know the declared encoding.
    static func fallback(for bytes: [UInt8]) -> Decision {
        Decision(bytes: withoutNUL(Windows1252.utf8(from: bytes)), encoding: "UTF-8")
    }

    /// UTF-16 without a byte order mark: markup characters with a zero byte beside every one.
    static func unmarkedUTF16(_ bytes: [UInt8]) -> String? {
        let sample = bytes.prefix(512)
        guard sample.count >= 16 else { return nil }
        var evenZeros = 0
        var oddZeros = 0
        for (index, byte) in sample.enumerated() where byte == 0 {
            if index % 2 == 0 { evenZeros += 1 } else { oddZeros += 1 }
        }
        let half = sample.count / 2
        if oddZeros * 10 >= half * 7, evenZeros * 10 < half { return "UTF-16LE" }
        if evenZeros * 10 >= half * 7, oddZeros * 10 < half { return "UTF-16BE" }
        return nil
    }

    /// UTF-16 code units as UTF-8 (an unpaired surrogate becomes U+FFFD, an odd last byte is
    /// dropped), NUL characters as spaces.
    static func utf8(fromUTF16 bytes: ArraySlice<UInt8>, bigEndian: Bool) -> [UInt8] {
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var index = bytes.startIndex
        while index + 1 < bytes.endIndex {
            let first = UInt16(bytes[index])
            let second = UInt16(bytes[index + 1])
            units.append(bigEndian ? first << 8 | second : second << 8 | first)
            index += 2
        }
        return withoutNUL(Array(String(decoding: units, as: UTF16.self).utf8))
    }

    /// NUL bytes (which end libxml2's reading) become spaces in UTF-8 text.
    static func withoutNUL(_ bytes: [UInt8]) -> [UInt8] {
        guard bytes.withUnsafeBufferPointer({ $0.baseAddress.map { memchr($0, 0, bytes.count) != nil } ?? false }) else { return bytes }
        return bytes.map { $0 == 0 ? 0x20 : $0 }
    }

    static func byteOrderMark(_ bytes: [UInt8]) -> String? {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return "UTF-8" }
        if bytes.starts(with: [0xFF, 0xFE]) { return "UTF-16LE" }
        if bytes.starts(with: [0xFE, 0xFF]) { return "UTF-16BE" }
        return nil
    }

    /// Browsers read ISO-8859-1 and US-ASCII labels as windows-1252 (WHATWG Encoding).
    static func canonicalName(_ label: String) -> String {
        switch label.lowercased().trimmingCharacters(in: .whitespaces) {
        case "utf-8", "utf8", "unicode-1-1-utf-8": "UTF-8"
        case "iso-8859-1", "latin1", "iso8859-1", "us-ascii", "ascii", "windows-1252", "cp1252", "x-cp1252": "windows-1252"
        case let other: other
        }
    }

    /// The charset of a `<meta charset=…>` or `<meta http-equiv content="…; charset=…">`.
    static func metaCharset(_ bytes: [UInt8]) -> String? {
        let head = String(decoding: bytes.prefix(metaScanLength), as: UTF8.self).lowercased()
        guard let range = head.range(of: "charset=") else { return nil }
        var label = ""
        for character in head[range.upperBound...].drop(while: { $0 == "\"" || $0 == "'" || $0 == " " }) {
            if character.isLetter || character.isNumber || character == "-" || character == "_" {
                label.append(character)
            } else {
                break
            }
        }
        return label.isEmpty ? nil : canonicalName(label)
    }

    /// Whether `bytes` are well-formed UTF-8 (no overlong forms, surrogates or values past
    /// U+10FFFF: what Swift's `UTF8` decoder accepts). ASCII is skipped eight bytes at a time.
    static func isValidUTF8(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return true }
            let count = buffer.count
            var index = 0
            while index < count {
                if index + 8 <= count,
                   UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                    index += 8
                    continue
                }
                let lead = buffer[index]
                if lead < 0x80 {
                    index += 1
                    continue
                }
                guard let length = sequenceLength(buffer, at: index) else { return false }
                index += length
            }
            return true
        }
    }

    /// The length of the well-formed multi-byte sequence at `index`, nil when it is not one.
    private static func sequenceLength(_ buffer: UnsafeBufferPointer<UInt8>, at index: Int) -> Int? {
        let lead = buffer[index]
        let length: Int
        var secondRange: ClosedRange<UInt8> = 0x80...0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; secondRange = 0xA0...0xBF
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; secondRange = 0x80...0x9F
        case 0xF0: length = 4; secondRange = 0x90...0xBF
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; secondRange = 0x80...0x8F
        default: return nil
        }
        guard index + length <= buffer.count, secondRange.contains(buffer[index + 1]) else { return nil }
        for offset in 2..<length where !(0x80...0xBF).contains(buffer[index + offset]) { return nil }
        return length
    }
}

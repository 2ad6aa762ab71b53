/// Whitespace in UTF-8 bytes, for the hot paths of every stage: walking `Character`s (and
/// `Character.isWhitespace`) costs grapheme breaking and a property lookup per character, which
/// made collapsing short texts a visible part of extraction and of rendering.
package enum Whitespace {
    /// `text` with every run of whitespace (ASCII, no-break and other Unicode spaces: the
    /// `White_Space` property) turned into one space and no space at the ends, in one pass over
    /// the UTF-8 bytes.
    package static func collapsed(_ text: some StringProtocol) -> String {
        var text = String(text)
        return text.withUTF8 { bytes in
            var output: [UInt8] = []
            output.reserveCapacity(bytes.count)
            var pendingSpace = false
            var index = 0
            while index < bytes.count {
                let blank = length(bytes, at: index)
                if blank > 0 {
                    pendingSpace = !output.isEmpty
                    index += blank
                    continue
                }
                if pendingSpace { output.append(0x20) }
                pendingSpace = false
                output.append(bytes[index])
                index += 1
            }
            return String(decoding: output, as: UTF8.self)
        }
    }

    /// The length in bytes of the `White_Space` character at `index` (0 when there is none):
    /// ASCII blanks, U+0085, U+00A0, U+1680, U+2000–U+200A, U+2028, U+2029, U+202F, U+205F
    /// and U+3000.
    package static func length(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        let byte = bytes[index]
        if byte < 0x80 { return isBlank(byte) ? 1 : 0 }
        let remaining = bytes.count - index
        switch byte {
        case 0xC2:
            return remaining >= 2 && (bytes[index + 1] == 0x85 || bytes[index + 1] == 0xA0) ? 2 : 0
        case 0xE1:
            return remaining >= 3 && bytes[index + 1] == 0x9A && bytes[index + 2] == 0x80 ? 3 : 0
        case 0xE2:
            guard remaining >= 3 else { return 0 }
            let second = bytes[index + 1], third = bytes[index + 2]
            if second == 0x80, (0x80...0x8A).contains(third) || third == 0xA8 || third == 0xA9 || third == 0xAF { return 3 }
            return second == 0x81 && third == 0x9F ? 3 : 0
        case 0xE3:
            return remaining >= 3 && bytes[index + 1] == 0x80 && bytes[index + 2] == 0x80 ? 3 : 0
        default:
            return 0
        }
    }

    /// The ASCII blanks counted as whitespace: space, tab, line feed, carriage return, form feed.
    @inline(__always) package static func isBlank(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D || byte == 0x0C
    }
}

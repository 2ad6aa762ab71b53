extension String {
    /// The text without Unicode whitespace and line breaks at either end: what Foundation's
    /// `trimmingCharacters(in: .whitespacesAndNewlines)` gives (the Unicode `White_Space`
    /// property and, as Foundation has it, U+200B ZERO WIDTH SPACE), without bridging to
    /// `NSString` on every call.
    package var trimmingWhitespace: String {
        var text = self
        // Most values (attributes, meta content) have nothing to trim: two bytes decide.
        if let first = text.utf8.first, let last = text.utf8.last, first < 0x80, last < 0x80,
           !Self.isASCIIWhitespace(first), !Self.isASCIIWhitespace(last) {
            return text
        }
        let scalars = text.unicodeScalars
        guard let start = scalars.firstIndex(where: { !Self.isTrimmed($0) }),
              let end = scalars.lastIndex(where: { !Self.isTrimmed($0) }) else { return "" }
        text = String(scalars[start...end])
        return text
    }

    private static func isTrimmed(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isWhitespace || scalar == "\u{200B}"
    }

    private static func isASCIIWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
    }
}

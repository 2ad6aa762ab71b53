/// Characters that are never text a reader should get: C0 controls other than tab and line
/// breaks, DEL, C1 controls, and the byte order mark (U+FEFF). Scraped pages and hand-written
/// front matter carry them now and then (a terminal escape in a title); they are dropped from
/// everything the normaliser writes — body text, code, tables, front matter.
enum ControlCharacters {
    static func removed(from text: String) -> String {
        guard mayContainDropped(text), text.unicodeScalars.contains(where: isDropped) else { return text }
        return String(String.UnicodeScalarView(text.unicodeScalars.filter { !isDropped($0) }))
    }

    /// False when the UTF-8 of `text` has no byte that could start a dropped character: a C0
    /// control other than tab and line breaks, DEL, `C2` (which leads the C1 controls) or
    /// `EF` (which leads the byte order mark). Most text passes this test alone.
    private static func mayContainDropped(_ text: String) -> Bool {
        text.utf8.contains { byte in
            (byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D) || byte == 0x7F || byte == 0xC2 || byte == 0xEF
        }
    }

    static func isDropped(_ scalar: Unicode.Scalar) -> Bool {
        if scalar == "\u{FEFF}" { return true }
        guard scalar.properties.generalCategory == .control else { return false }
        return scalar != "\t" && scalar != "\n" && scalar != "\r"
    }
}

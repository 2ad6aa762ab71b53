/// Characters that are never text a reader should get: C0 controls other than tab and line
/// breaks, DEL, C1 controls, and the byte order mark (U+FEFF). Scraped pages and hand-written
/// front matter carry them now and then (a terminal escape in a title); they are dropped from
/// everything the normaliser writes — body text, code, tables, front matter.
enum ControlCharacters {
    static func removed(from text: String) -> String {
        guard text.unicodeScalars.contains(where: isDropped) else { return text }
        return String(String.UnicodeScalarView(text.unicodeScalars.filter { !isDropped($0) }))
    }

    static func isDropped(_ scalar: Unicode.Scalar) -> Bool {
        if scalar == "\u{FEFF}" { return true }
        guard scalar.properties.generalCategory == .control else { return false }
        return scalar != "\t" && scalar != "\n" && scalar != "\r"
    }
}

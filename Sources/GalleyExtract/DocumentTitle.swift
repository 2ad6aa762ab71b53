/// The article title hidden in a `<title>`: "Banjir di Jakarta - iNews.id" → "Banjir di
/// Jakarta", "Site » Section » Headline here" → "Headline here", "Site: A long headline" →
/// "A long headline", while short results fall back to the whole title.
enum DocumentTitle {
    /// Separators between a headline and the site or section, written with spaces around.
    static let separators: [Character] = ["|", "-", "–", "—", "\\", "/", ">", "»"]
    /// Separators that mark a path (site › section › headline) rather than a suffix.
    static let hierarchical: Set<Character> = ["\\", "/", ">", "»"]

    static func clean(_ title: String, headings: [(level: String, text: String)]) -> String {
        let original = words(title).joined(separator: " ")
        var current = original
        var isHierarchical = false
        let cuts = separatorRanges(in: original)
        if let last = cuts.last, let first = cuts.first {
            isHierarchical = cuts.contains { hierarchical.contains(original[$0.lowerBound...].dropFirst().first ?? " ") }
            let tail = String(original[last.upperBound...])
            if isHierarchical, words(tail).count >= 3 {
                // "Site » Section » Headline": a path ends with the headline.
                return tail
            }
            current = String(original[..<last.lowerBound])
            if words(current).count < 3 { current = String(original[first.upperBound...]) }
        } else if original.contains(": ") {
            if !headings.contains(where: { $0.text == original }) {
                let parts = original.components(separatedBy: ": ")
                current = parts.last ?? original
                if words(current).count < 3 {
                    current = parts.dropFirst().joined(separator: ": ")
                } else if words(parts.first ?? "").count > 5 {
                    current = original
                }
            }
        } else if original.count > 150 || original.count < 15 {
            let h1s = headings.filter { $0.level == "h1" }
            if h1s.count == 1 { current = h1s[0].text }
        }
        current = words(current).joined(separator: " ")
        let count = words(current).count
        let originalCount = words(String(original.filter { !separators.contains($0) })).count
        if count <= 4, !isHierarchical || count != originalCount - 1 { current = original }
        return current
    }

    /// Ranges of " X " where X is a separator, in order.
    static func separatorRanges(in text: String) -> [Range<String.Index>] {
        var ranges: [Range<String.Index>] = []
        var index = text.startIndex
        while index < text.endIndex {
            let next = text.index(after: index)
            if text[index] == " ", next < text.endIndex, separators.contains(text[next]) {
                let after = text.index(after: next)
                if after < text.endIndex, text[after] == " " {
                    ranges.append(index..<text.index(after: after))
                }
            }
            index = next
        }
        return ranges
    }

    static func words(_ text: String) -> [Substring] { text.split(whereSeparator: \.isWhitespace) }
}

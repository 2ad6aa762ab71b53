/// The article title hidden in a `<title>`: "Banjir di Jakarta - iNews.id" → "Banjir di
/// Jakarta", "Site » Section » Headline here" → "Headline here", "Site: A long headline" →
/// "A long headline", while short results fall back to the whole title.
///
/// Separators (`ExtractionHeuristics.titleSeparators`) count when written with spaces around
/// them; full-width ones (`｜`) also without.
enum DocumentTitle {
    /// Separators that mark a path (site › section › headline) rather than a suffix.
    static let hierarchical: Set<String> = ["\\", "/", ">", "»", "›"]

    /// One piece of a title and the separator written before it (nil for the first), as the
    /// separator and as written (" | ", "｜").
    struct Segment {
        var separator: String?
        var written: String = " | "
        var text: String
    }

    static func clean(_ title: String, headings: [(level: String, text: String)], separators: [String]) -> String {
        let original = words(title).joined(separator: " ")
        var current = original
        var isHierarchical = false
        let segments = segments(of: original, separators: separators)
        if segments.count > 1 {
            isHierarchical = segments.contains { $0.separator.map(hierarchical.contains) ?? false }
            let tail = segments[segments.count - 1].text
            if isHierarchical, words(tail).count >= 3 {
                // "Site » Section » Headline": a path ends with the headline.
                return tail
            }
            current = joined(Array(segments.dropLast()))
            if words(current).count < 3 { current = joined(Array(segments.dropFirst())) }
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
        let originalCount = segments.reduce(0) { $0 + words($1.text).count }
        if count <= 4, !isHierarchical || count != originalCount - 1 { current = original }
        return current
    }

    /// The title split at its separators, in order; one segment when it has none. One pass over
    /// the characters: a separator is only looked for at a space or at a full-width character.
    static func segments(of title: String, separators: [String]) -> [Segment] {
        let characters = Array(title)
        let patterns = separators.map { (separator: $0, characters: Array($0), isWide: $0.unicodeScalars.allSatisfy { $0.value >= 0x3000 }) }
        let wideStarts = Set(patterns.filter(\.isWide).compactMap(\.characters.first))
        var segments: [Segment] = []
        var pending: (separator: String, written: String)?
        var start = 0
        var index = 0
        func close(at end: Int) -> String {
            String(characters[start..<end]).trimmingCharacters(in: .whitespaces)
        }
        while index < characters.count {
            let character = characters[index]
            guard character == " " || wideStarts.contains(character) else {
                index += 1
                continue
            }
            var matched: (separator: String, end: Int)?
            for pattern in patterns {
                let offset = pattern.isWide ? index : index + 1
                let end = offset + pattern.characters.count
                guard pattern.isWide || character == " ", end <= characters.count,
                      characters[offset..<end].elementsEqual(pattern.characters) else { continue }
                if pattern.isWide {
                    matched = (pattern.separator, end)
                } else if end < characters.count, characters[end] == " " {
                    matched = (pattern.separator, end + 1)
                }
                if matched != nil { break }
            }
            if let matched, !close(at: index).isEmpty {
                segments.append(Segment(separator: pending?.separator, written: pending?.written ?? " | ", text: close(at: index)))
                pending = (matched.separator, String(characters[index..<matched.end]))
                index = matched.end
                start = index
                continue
            }
            index += 1
        }
        let rest = close(at: characters.count)
        if !rest.isEmpty || segments.isEmpty { segments.append(Segment(separator: pending?.separator, written: pending?.written ?? " | ", text: rest)) }
        return segments
    }

    /// The segments written back with their separators.
    static func joined(_ segments: [Segment]) -> String {
        var text = ""
        for (offset, segment) in segments.enumerated() {
            if offset > 0 { text += segment.written }
            text += segment.text
        }
        return text
    }

    static func words(_ text: String) -> [Substring] { text.split(whereSeparator: \.isWhitespace) }
}

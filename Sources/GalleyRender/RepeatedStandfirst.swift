import GalleyCore

/// Whether an article's summary would repeat the opening of its body.
///
/// The summary is the page's description or, failing that, the opening of the body; many pages
/// also print their description as the lead paragraph, which the extractor keeps in the body. The
/// article page shows the summary as a standfirst only when the body's first paragraph does not
/// already say it, so a reader never reads the same lead twice.
enum RepeatedStandfirst {
    /// A first paragraph shorter than this that the summary merely begins with is not taken
    /// as the summary printed again (a dateline or a one-word line).
    static let minimumSharedLength = 40

    /// Whether the first paragraph of `bodyHTML` (cmark's output) begins with `summary` (a
    /// trailing ellipsis ignored), or is a beginning of it at least `minimumSharedLength` long.
    static func isRepeated(summary: String, bodyHTML: String) -> Bool {
        let lead = collapsed(summary).droppingTrailingEllipsis
        guard !lead.isEmpty, let paragraph = firstParagraphText(bodyHTML) else { return false }
        return paragraph.hasPrefix(lead) || (paragraph.count >= minimumSharedLength && lead.hasPrefix(paragraph))
    }

    /// The text of the first `<p>` element, tags removed, entities decoded, whitespace collapsed.
    static func firstParagraphText(_ html: String) -> String? {
        guard let open = html.range(of: "<p>"), let close = html.range(of: "</p>", range: open.upperBound..<html.endIndex) else {
            return nil
        }
        var text = ""
        var insideTag = false
        for character in html[open.upperBound..<close.lowerBound] {
            switch character {
            case "<": insideTag = true
            case ">" where insideTag: insideTag = false
            default: if !insideTag { text.append(character) }
            }
        }
        return collapsed(decoded(text))
    }

    /// cmark escapes only these five.
    private static func decoded(_ text: String) -> String {
        guard text.contains("&") else { return text }
        return text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }

    private static func collapsed(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}

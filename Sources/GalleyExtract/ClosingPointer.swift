import Foundation
import GalleyCore

/// The line that closes an article by pointing to another one: "Alles über nachhaltige
/// Wanderschuhe findest Du <a>hier</a>.", "Wie Apple welche Daten schützt, erklären wir in
/// unserem Beitrag <a>iCloud: Praktischer Speicher oder Datensauger?</a>", "… weiter zu
/// „<a>die Wortwahl</a>“". It sends the reader on; the story has ended above it.
///
/// The pointer is the body's last block (blank ones aside): a paragraph of at most `maximumFurnitureLineLength`
/// characters that ends with a link to another page of the same site (`SameSite`; nothing but punctuation
/// and quotes after it), the sentence leading up to the link being the invitation. A line
/// ending with a link to another site credits a source ("This article was originally published
/// by <a>Futurism</a>", "[<a>Bloomberg</a>]") and stays; so does a body of one block.
enum ClosingPointer {
    /// - Parameter host: the page's host (from its base URL); without one nothing is dropped.
    static func dropped(from content: [ContentNode], host: String?, heuristics: ExtractionHeuristics) -> [ContentNode] {
        // Blank blocks after the pointer (a paragraph of no-break spaces) go with it.
        guard let host, let last = content.lastIndex(where: { BlockGrouping.hasContent([$0]) }),
              last > 0, isPointer(content[last], host: host, heuristics: heuristics) else { return content }
        return Array(content[..<last])
    }

    static func isPointer(_ block: ContentNode, host: String, heuristics: ExtractionHeuristics) -> Bool {
        guard block.tag == .p else { return false }
        let text = Whitespace.collapsed(block.textContent)
        guard !text.isEmpty, FastText.isAtMost(text, characters: heuristics.maximumFurnitureLineLength),
              let href = closingLink(block.children), URL(string: href)?.host != nil else { return false }
        return SameSite.contains(href, pageHost: host)
    }

    /// The URL of the link that ends these children: the last child holding a letter or digit
    /// is a link, or an inline element ending with one.
    private static func closingLink(_ children: [ContentNode]) -> String? {
        for child in children.reversed() {
            if case .text(let text) = child {
                if hasWord(text) { return nil }
                continue
            }
            if child.tag == .a { return child.attributes["href"] }
            if !hasWord(child.textContent) { continue }
            return closingLink(child.children)
        }
        return nil
    }

    private static func hasWord(_ text: String) -> Bool {
        text.unicodeScalars.contains { $0.properties.isAlphabetic || $0.properties.numericType != nil }
    }
}

import GalleyCore

/// The last line that sends the reader on to another page of the same site: "Alles über
/// nachhaltige Wanderschuhe findest Du hier.", "Wie Apple Daten schützt, erklären wir in unserem
/// Beitrag …", "If you're curious, you can read our Privacy Notice." It points to another page;
/// it is not the story.
///
/// From the end of the body backwards, a paragraph goes while it is one sentence of at most
/// `maximumClosingPointerLength` characters, says one of `closingPointerPhrases` and links to
/// the page's own site (a link elsewhere is a source or a reference, which stays). A paragraph of
/// the story that ends with such a sentence stays whole.
enum ClosingPointer {
    static func dropped(from content: [ContentNode], host: String?, heuristics: ExtractionHeuristics) -> [ContentNode] {
        var end = content.count
        while end > 1, isPointer(content[end - 1], host: host, heuristics: heuristics) { end -= 1 }
        return end == content.count ? content : Array(content[..<end])
    }

    static func isPointer(_ block: ContentNode, host: String?, heuristics: ExtractionHeuristics) -> Bool {
        guard block.tag == .p else { return false }
        let text = FastText.collapsed(block.textContent)
        guard text.count <= heuristics.maximumClosingPointerLength, isOneSentence(text), linksOnSite(block, host: host) else { return false }
        let words = " " + text.lowercased().map { $0.isLetter || $0.isNumber ? $0 : " " }.split(separator: " ").joined(separator: " ") + " "
        return heuristics.closingPointerPhrases.contains { FastText.contains(words, " " + $0 + " ") }
    }

    /// No sentence ends inside the text: a line of its own, not a paragraph of the story that
    /// ends by pointing elsewhere ("… Das Ergebnis überrascht. Mehr dazu lesen Sie hier.").
    private static func isOneSentence(_ text: String) -> Bool {
        ![". ", "! ", "? ", "… "].contains { FastText.contains(text, $0) }
    }

    private static func linksOnSite(_ node: ContentNode, host: String?) -> Bool {
        if node.tag == .a, let target = node.attributes["href"], !target.isEmpty { return TeaserCards.isOnSite(target, host: host) }
        return node.children.contains { linksOnSite($0, host: host) }
    }
}

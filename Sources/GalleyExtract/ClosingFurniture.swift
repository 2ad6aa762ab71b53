import GalleyCore

/// The page's furniture printed under the story, line by line: "Permalink: https://…",
/// "Aktualisiert am 17.01.2021", "(Noch keine Bewertungen) Loading...", "Kommentare insgesamt:
/// 0", "Suggested citation: …", "Dieser Text wurde veröffentlicht unter der Lizenz CC-BY…", a
/// lone "zurück" or "Print" link. `ClosingCallToAction` drops such lines from the end of the
/// body backwards, with the calls to action among them.
enum ClosingFurniture {
    /// A short block (`maximumFurnitureLineLength`) that opens with one of
    /// `closingFurnitureLabels` (an opening bracket aside), or whose whole text is one of
    /// `closingNavigationWords`.
    static func isFurniture(_ block: ContentNode, heuristics: ExtractionHeuristics) -> Bool {
        guard block.tag == .p || block.tag?.headingLevel != nil else { return false }
        var text = FastText.lowercased(FastText.collapsed(block.textContent))
        guard !text.isEmpty, FastText.isAtMost(text, characters: heuristics.maximumFurnitureLineLength) else { return false }
        if text.first == "(" || text.first == "[" { text.removeFirst() }
        if heuristics.closingFurnitureLabels.contains(where: { text.hasPrefix($0) }) { return true }
        let words = FastText.words(text)
        return heuristics.closingNavigationWords.contains(words)
    }
}

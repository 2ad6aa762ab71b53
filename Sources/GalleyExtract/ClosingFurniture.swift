import GalleyCore

/// The page's furniture printed under the story, line by line: "Permalink: https://…",
/// "Aktualisiert am 17.01.2021", "(Noch keine Bewertungen) Loading...", "Kommentare insgesamt:
/// 0", "Suggested citation: …", "Dieser Text wurde veröffentlicht unter der Lizenz CC-BY…", a
/// lone "zurück" or "Print" link, or a list of such lines. `ClosingCallToAction` drops them
/// from the end of the body backwards, with the calls to action among them.
enum ClosingFurniture {
    /// A short block (`maximumFurnitureLineLength`) that opens with one of
    /// `closingFurnitureLabels` (an opening bracket aside), or whose whole text is one of
    /// `closingNavigationWords`.
    static func isFurniture(_ block: ContentNode, heuristics: ExtractionHeuristics) -> Bool {
        guard block.tag == .p || block.tag?.headingLevel != nil else { return false }
        return isFurnitureLine(block.textContent, heuristics: heuristics)
    }

    /// The page's meta box printed as a list under the story ("Date 23.05.2011 · Imprimer ·
    /// Permalien https://…"): a list whose items are all short lines, at least half of them
    /// furniture lines.
    static func isFurnitureList(_ block: ContentNode, heuristics: ExtractionHeuristics) -> Bool {
        guard block.tag == .ul || block.tag == .ol else { return false }
        let items = block.children.filter { $0.tag == .li }
        guard !items.isEmpty, items.allSatisfy({ FastText.isAtMost(Whitespace.collapsed($0.textContent), characters: heuristics.maximumFurnitureLineLength) })
        else { return false }
        return items.count { isFurnitureLine($0.textContent, heuristics: heuristics) } * 2 >= items.count
    }

    private static func isFurnitureLine(_ raw: String, heuristics: ExtractionHeuristics) -> Bool {
        var text = FastText.lowercased(Whitespace.collapsed(raw))
        guard !text.isEmpty, FastText.isAtMost(text, characters: heuristics.maximumFurnitureLineLength) else { return false }
        if text.first == "(" || text.first == "[" { text.removeFirst() }
        if heuristics.closingFurnitureLabels.contains(where: { text.hasPrefix($0) }) { return true }
        let words = FastText.words(text)
        return heuristics.closingNavigationWords.contains(words)
    }
}

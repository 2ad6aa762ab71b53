import GalleyCore

/// The section a publisher appends under the story to send the reader elsewhere: "Weitere
/// Artikel zum Thema", "Das könnte dich auch interessieren:", "Related articles", "Further
/// reading", "Pressekontakt", each a short label followed by a few teasers, links or a contact.
///
/// A label is a short block (`maximumTrailingLabelLength`) that is no sentence (it does not end
/// with a full stop, question or exclamation mark) and opens with one of
/// `furtherReadingLabels`. When such a label stands near the end — at most
/// `maximumFurtherReadingLength` characters after it, and no more than before it — the label
/// and everything after it go. The earliest such label wins, so a contact under a reading list
/// goes with it.
enum FurtherReading {
    static func dropped(from content: [ContentNode], heuristics: ExtractionHeuristics) -> [ContentNode] {
        // Only the last blocks (up to where more than the limit follows) are measured, and the
        // text before a label only until it is as long as the text after it: measuring every
        // block of every page cost 1.4% of extraction.
        var labels: [(index: Int, after: Int)] = []
        var after = 0
        for index in content.indices.reversed() {
            if after > heuristics.maximumFurtherReadingLength { break }
            if isLabel(content[index], heuristics: heuristics) { labels.append((index, after)) }
            after += length(of: content[index])
        }
        // The earliest label with at least as much text before it as after it.
        guard let cut = labels.reversed().first(where: { hasText(atLeast: $0.after, before: $0.index, in: content) })?.index else { return content }
        return Array(content[..<cut])
    }

    private static func length(of block: ContentNode) -> Int {
        FastText.collapsedLength(PlainText.of([block]))
    }

    /// Whether the blocks before `index` hold at least `minimum` characters.
    private static func hasText(atLeast minimum: Int, before index: Int, in content: [ContentNode]) -> Bool {
        var total = 0
        for block in content[..<index] {
            if total >= minimum { return true }
            total += length(of: block)
        }
        return total >= minimum
    }

    /// A short heading or line that opens with a further-reading label (a colon or a few words
    /// may follow: "Weitere Artikel zum Thema", "Weitere Informationen zu Nordex SE").
    static func isLabel(_ block: ContentNode, heuristics: ExtractionHeuristics) -> Bool {
        guard block.tag == .p || block.tag?.headingLevel != nil else { return false }
        let text = Whitespace.collapsed(block.textContent)
        guard !text.isEmpty, FastText.isAtMost(text, characters: heuristics.maximumTrailingLabelLength), let last = text.last,
              !".!?…".contains(last) else { return false }
        let list = FastText.words(text).split(separator: " ").map(String.init)
        let words = " " + list.joined(separator: " ") + " "
        if heuristics.furtherReadingLabels.contains(where: { words.hasPrefix(" " + $0 + " ") }) { return true }
        return namesMoreStories(list, heuristics: heuristics)
    }

    /// "Weitere Korsett Artikel", "More fashion stories", "Mehr Nachrichten": a word for more
    /// (`moreWords`), at most `maximumMoreStoriesWords` words in all, and a word for stories
    /// (`storiesWords`) last.
    private static func namesMoreStories(_ words: [String], heuristics: ExtractionHeuristics) -> Bool {
        guard words.count >= 2, words.count <= heuristics.maximumMoreStoriesWords, let first = words.first, let last = words.last else {
            return false
        }
        return heuristics.moreWords.contains(first) && heuristics.storiesWords.contains(last)
    }
}

import GalleyCore

/// Headings and labels left without their content once boilerplate is cleaned away: the
/// "Related articles" heading above a removed list, "Read more:" above removed links, a
/// newsletter box's title.
enum EmptySections {
    /// The content without short headings (`maximumTrailingLabelLength`, no full stop) that
    /// nothing follows before the next heading of the same or a higher level (or the end), and
    /// without short labels ending in a colon at the end.
    static func dropped(from content: [ContentNode], heuristics: ExtractionHeuristics) -> [ContentNode] {
        var content = content
        while let last = content.last, isTrailingLabel(last, heuristics: heuristics) { content.removeLast() }
        var kept: [ContentNode] = []
        for (index, block) in content.enumerated() {
            if let level = block.tag?.headingLevel, isLabel(block, heuristics: heuristics),
               isEmptySection(after: index, level: level, in: content) { continue }
            kept.append(block)
        }
        return kept
    }

    private static func isEmptySection(after index: Int, level: Int, in content: [ContentNode]) -> Bool {
        guard let next = content[(index + 1)...].first(where: hasContent) else { return true }
        guard let nextLevel = next.tag?.headingLevel else { return false }
        return nextLevel < level
    }

    /// A heading short enough to be a section's title and not a sentence set large (a lead or
    /// pull quote in heading markup ends with a full stop, or runs long).
    private static func isLabel(_ heading: ContentNode, heuristics: ExtractionHeuristics) -> Bool {
        let text = Whitespace.collapsed(heading.textContent)
        guard text.count <= heuristics.maximumTrailingLabelLength, let last = text.last else { return false }
        return !".!?…".contains(last)
    }

    private static func hasContent(_ block: ContentNode) -> Bool {
        BlockGrouping.hasContent([block])
    }

    /// A short heading, or paragraph set all in bold, that ends with a colon ("Zum
    /// Weiterlesen:"). A plain paragraph ending in a colon introduces what the page embedded
    /// ("Twitter seemed a bit confused by the campaign:") and stays.
    private static func isTrailingLabel(_ block: ContentNode, heuristics: ExtractionHeuristics) -> Bool {
        let isBoldParagraph = block.tag == .p
            && block.children.allSatisfy { $0.tag == .strong || $0.textContent.allSatisfy(\.isWhitespace) }
        guard isBoldParagraph || block.tag?.headingLevel != nil else { return false }
        let text = Whitespace.collapsed(block.textContent)
        return text.hasSuffix(":") && text.count <= heuristics.maximumTrailingLabelLength
    }
}

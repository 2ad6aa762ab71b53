import GalleyCore

/// The standfirst (lead, intro, excerpt, "perex", "chapô") that many layouts put before the
/// article body, in a header or a box of its own: outside the container the scorer chose, yet
/// part of the story for readers (and for the benchmarks).
struct Standfirst {
    let analysis: PageAnalysis
    /// The page's own summary (meta, OpenGraph or JSON-LD description), when it has one.
    var description: String?
    var heuristics: ExtractionHeuristics { analysis.heuristics }

    /// The element before `container` (a preceding sibling of it or of one of its
    /// `standfirstSearchLevels` nearest ancestors, or inside such a sibling) whose class or id
    /// names a lead, that holds at least `minimumStandfirstLength` characters with few links.
    /// Failing that, the element before it (searched `describedStandfirstSearchLevels` up)
    /// that shows the page's description: the publisher's own summary, printed as the lead.
    func element(before container: HTMLNode) -> HTMLNode? {
        if let named = container.elementsBefore(levels: heuristics.standfirstSearchLevels).lazy.compactMap(lead).first {
            return named
        }
        guard let summary = summaryText else { return nil }
        return container.elementsBefore(levels: heuristics.describedStandfirstSearchLevels).lazy
            .compactMap { describedLead(in: $0, summary: summary) }.first
    }

    /// The description, whitespace collapsed and a trailing ellipsis cut, when long enough to
    /// identify a lead.
    private var summaryText: String? {
        guard let text = description.map({ Whitespace.collapsed($0).droppingTrailingEllipsis }) else { return nil }
        return text.count >= heuristics.minimumDescribedStandfirstLength ? text : nil
    }

    /// The first element in `node` (itself first) whose text shows `summary`: equal to it, or
    /// one the prefix of the other (a description cut short, or a lead with a sentence more).
    /// A summary set as a heading, or named a deck (`deckWords`), is display type like the
    /// headline, not story text.
    private func describedLead(in node: HTMLNode, summary: String) -> HTMLNode? {
        guard !analysis.isExcluded(node), analysis.stat(node).textLength <= heuristics.maximumStandfirstSearchLength,
              !Self.headings.contains(node.name) else { return nil }
        func shows(_ element: HTMLNode) -> Bool {
            guard !Self.headings.contains(element.name), !ClassWords(element).matchesAny(analysis.lists.deckWords) else { return false }
            let length = analysis.stat(element).textLength
            guard length >= heuristics.minimumDescribedStandfirstLength, length <= heuristics.maximumDescribedStandfirstLength,
                  analysis.linkDensity(element) < heuristics.maximumStandfirstLinkDensity else { return false }
            let text = Whitespace.collapsed(element.textContent)
            guard text.hasPrefix(summary) || summary.hasPrefix(text) else { return false }
            return analysis.includedDescendants(of: element, where: { Self.headings.contains($0.name) }).isEmpty
        }
        if shows(node) { return node }
        return analysis.includedDescendants(of: node, where: shows).first
    }

    /// A lead-named element in `node` (itself first), when `node` is small enough to be part of
    /// the article's head rather than another part of the page.
    private static let headings: Set<String> = ["h1", "h2", "h3", "h4", "h5", "h6"]

    private func lead(in node: HTMLNode) -> HTMLNode? {
        guard !analysis.isExcluded(node), analysis.stat(node).textLength <= heuristics.maximumStandfirstSearchLength else { return nil }
        if isLead(node) { return node }
        return analysis.includedDescendants(of: node, where: isLead).first
    }

    private func isLead(_ node: HTMLNode) -> Bool {
        let length = analysis.stat(node).textLength
        guard length >= heuristics.minimumStandfirstLength, length <= heuristics.maximumStandfirstLength,
              analysis.linkDensity(node) < heuristics.maximumStandfirstLinkDensity,
              ClassWords(node).matchesAny(analysis.lists.standfirstWords) else { return false }
        return true
    }
}

/// The standfirst (lead, intro, excerpt, "perex", "chapô") that many layouts put before the
/// article body, in a header or a box of its own: outside the container the scorer chose, yet
/// part of the story for readers (and for the benchmarks).
struct Standfirst {
    let analysis: PageAnalysis
    var heuristics: ExtractionHeuristics { analysis.heuristics }

    /// The element before `container` (a preceding sibling of it or of one of its
    /// `standfirstSearchLevels` nearest ancestors, or inside such a sibling) whose class or id
    /// names a lead, that holds at least `minimumStandfirstLength` characters with few links.
    func element(before container: HTMLNode) -> HTMLNode? {
        container.elementsBefore(levels: heuristics.standfirstSearchLevels).lazy.compactMap(lead).first
    }

    /// A lead-named element in `node` (itself first), when `node` is small enough to be part of
    /// the article's head rather than another part of the page.
    private func lead(in node: HTMLNode) -> HTMLNode? {
        guard !analysis.isExcluded(node), analysis.stat(node).textLength <= heuristics.maximumStandfirstSearchLength else { return nil }
        if isLead(node) { return node }
        return analysis.includedDescendants(of: node, where: isLead).first
    }

    private func isLead(_ node: HTMLNode) -> Bool {
        let length = analysis.stat(node).textLength
        guard length >= heuristics.minimumStandfirstLength, length <= heuristics.maximumStandfirstLength,
              analysis.linkDensity(node) < heuristics.maximumStandfirstLinkDensity,
              ClassWords(node).matchesAny(heuristics.standfirstWords) else { return false }
        return true
    }
}

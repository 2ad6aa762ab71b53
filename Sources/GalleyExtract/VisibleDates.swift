import GalleyCore

/// The dates a page shows in its body (found by `VisibleDateWalk`), each scored by where it
/// stands (`ExtractionHeuristics`, "Dates"): a date element, a "published" label or class,
/// nearness to the headline and a time of day count for it; a comment, teaser, sidebar, footer
/// or link around it counts against it. "Updated"/"Aktualisiert" dates are kept apart as changes.
struct VisibleDates {
    /// One date shown on the page.
    struct Candidate {
        var timestamp: Timestamp
        var score = 0.0
        /// Marked as a change ("Aktualisiert am", `class="updated"`).
        var isModified: Bool
        /// Marked as the publication ("veröffentlicht", `itemprop="datePublished"`).
        var isPublished: Bool
        var hasTime: Bool
        /// Read from a machine-readable attribute that gave a zone (`datetime="…+02:00"`).
        var isZoned = false
        /// Bytes of text before it, in page order.
        var position: Int
        /// Shown in a date element (not found in running text).
        var inDateElement: Bool
        /// Bytes of text between it and the headline (nil without a headline).
        var headlineDistance: Int?
        /// The whole text of its element (a date element, or a short text holding little else).
        var standsAlone = false
        /// Inside a long text (a sentence of the story: "am 18. Oktober 2021 wurde …").
        var inProse = false
        /// Inside another item's container (comment, teaser, sidebar, page furniture).
        var isForeign = false
        var inLink = false
    }

    let heuristics: ExtractionHeuristics
    let parser: DateTextParser

    /// Every date shown in `body`, scored; `headline` is the article's main heading.
    func candidates(in body: HTMLNode, headline: HTMLNode?) -> [Candidate] {
        var walk = VisibleDateWalk(heuristics: heuristics, parser: parser, headline: headline)
        walk.visit(body)
        let headlineAncestors = Array(sequence(first: headline, next: { $0?.parent }).compactMap { $0 })
        let articleEnd = headlineAncestors.firstIndex { $0.name == "article" }.map { $0 + 1 } ?? 0
        var context = Context(ranges: walk.ranges, largestForeign: Int(Double(walk.position) * heuristics.foreignContainerMaximumShare),
                              headlineAncestors: Set(headlineAncestors), headlineArticle: Set(headlineAncestors.prefix(articleEnd)))
        var candidates = walk.found
        for index in candidates.indices {
            candidates[index].headlineDistance = walk.headlineRange.map { Self.distance(from: candidates[index].position, to: $0) }
            (candidates[index].isForeign, candidates[index].inLink) = ancestry(of: walk.nodes[index], standsAlone: candidates[index].standsAlone,
                                                                               context: &context)
            candidates[index].score = score(candidates[index])
        }
        return candidates
    }

    private static func distance(from position: Int, to range: Range<Int>) -> Int {
        position < range.lowerBound ? range.lowerBound - position : max(0, position - range.upperBound)
    }

    private func score(_ candidate: Candidate) -> Double {
        var score = 0.0
        if candidate.inDateElement { score += heuristics.dateElementScore }
        if candidate.isPublished { score += heuristics.publishedLabelScore }
        if !candidate.inProse, let distance = candidate.headlineDistance, distance <= heuristics.headlineDateReach {
            score += heuristics.headlineScore * (1 - Double(distance) / Double(heuristics.headlineDateReach * 2))
        }
        if candidate.hasTime { score += heuristics.timeOfDayScore }
        if candidate.isForeign { score -= heuristics.foreignContainerPenalty }
        if candidate.inLink { score -= heuristics.linkPenalty }
        return score
    }

    /// What the ancestors of the dates are, worked out once per element.
    private struct Context {
        let ranges: [HTMLNode: Range<Int>]
        let largestForeign: Int
        let headlineAncestors: Set<HTMLNode>
        /// The headline's ancestors up to its `<article>` (empty when it has none).
        let headlineArticle: Set<HTMLNode>
        var foreign: [HTMLNode: Bool] = [:]
    }

    /// Whether a date's ancestors make it another item's (comments, teasers, sidebars, page
    /// furniture), and whether it sits in a link. A container is not foreign when it holds the
    /// headline or more than `foreignContainerMaximumShare` of the body's text (layout wrappers
    /// named "…Sidebar"), or when its own class names a date (`id="comments-date"`). Quotes and
    /// embedded posts are always another item's; furniture
    /// (footer, aside, sidebar, widget) inside the headline's `<article>` is the article's own
    /// (`<footer class="entry-footer">`).
    /// An element holding only the date is named for the date, not as a container
    /// (`<h3 class="teaser-meta">02.01.2022</h3>` over the headline).
    private func ancestry(of node: HTMLNode, standsAlone: Bool, context: inout Context) -> (foreign: Bool, inLink: Bool) {
        var ancestors: [HTMLNode] = []
        var current: HTMLNode? = node
        while let element = current, !context.headlineAncestors.contains(element) {
            let name = element.name
            if name == "body" || name == "html" { break }
            ancestors.append(element)
            current = element.parent
        }
        let inHeadlineArticle = current.map { context.headlineArticle.contains($0) } ?? false
        var foreign = false
        for element in ancestors.dropFirst(standsAlone ? 1 : 0) where !foreign && (context.ranges[element]?.count ?? 0) <= context.largestForeign {
            if let known = context.foreign[element] {
                foreign = known
            } else {
                foreign = heuristics.foreignItemElements.contains(element.name)
                    || (!inHeadlineArticle && heuristics.foreignDateElements.contains(element.name))
                    || isForeignContainer(element, furnitureCounts: !inHeadlineArticle)
                context.foreign[element] = foreign
            }
        }
        return (foreign, ancestors.contains { $0.name == "a" })
    }

    /// Whether a class or id names another item's container (or, when `furnitureCounts`, the
    /// page's furniture) and no date.
    private func isForeignContainer(_ element: HTMLNode, furnitureCounts: Bool) -> Bool {
        let words = ClassWords(element)
        let prefixes = furnitureCounts ? heuristics.foreignItemPrefixes + heuristics.furniturePrefixes : heuristics.foreignItemPrefixes
        guard words.tokens.contains(where: { token in prefixes.contains { token.hasPrefix($0) } }) else { return false }
        return !words.matchesAny(heuristics.dateClassWords)
    }
}

import Foundation
import GalleyCore

/// Teaser cards in extracted content: the shape of a home, section, tag or archive page that
/// does not say it is one. A card opens with a headline — a block whose first line is a link of
/// a few words to another page of the same site — and goes on with a short summary before the
/// next headline. An article's own links sit inside sentences, and a list of related headlines
/// has no summaries, so neither makes cards.
struct TeaserCards {
    /// Each card's headline target, with the characters of the card (headline and summary).
    private(set) var cards: [(target: String, length: Int)] = []
    /// Characters of all the content's text.
    private(set) var textLength = 0

    /// - Parameter host: the page's host; headlines link to pages on it (or on its subdomains).
    init(content: [ContentNode], host: String?, heuristics: ExtractionHeuristics) {
        var open: (target: String, headline: Int, summary: Int)?
        for block in Self.leafBlocks(content) {
            let length = FastText.collapsedLength(block.textContent)
            guard length > 0 else { continue }
            textLength += length
            if let headline = Self.headline(of: block, host: host, minimumWords: heuristics.minimumHeadlineWords) {
                if let card = open { close(card, heuristics: heuristics) }
                open = (headline.target, headline.length, length - headline.length)
            } else if open != nil {
                open?.summary += length
            }
        }
        // The last headline's "summary" runs to the end of the content: not a card.
    }

    private mutating func close(_ card: (target: String, headline: Int, summary: Int), heuristics: ExtractionHeuristics) {
        guard card.summary > 0, card.summary <= heuristics.maximumTeaserSummaryLength else { return }
        cards.append((card.target, card.headline + card.summary))
    }

    /// At least `minimumTeaserCards` cards to different pages, holding at least
    /// `minimumTeaserCardShare` of the text.
    func isListing(heuristics: ExtractionHeuristics) -> Bool {
        guard Set(cards.map(\.target)).count >= heuristics.minimumTeaserCards else { return false }
        let covered = cards.reduce(0) { $0 + $1.length }
        return Double(covered) >= heuristics.minimumTeaserCardShare * Double(max(1, textLength))
    }

    // MARK: Blocks

    /// Blocks that hold text and no other block, in order.
    static func leafBlocks(_ nodes: [ContentNode]) -> [ContentNode] {
        var blocks: [ContentNode] = []
        for node in nodes {
            guard let tag = node.tag, tag.isBlock else { continue }
            if node.children.contains(where: { $0.tag?.isBlock == true }) {
                blocks += leafBlocks(node.children)
            } else {
                blocks.append(node)
            }
        }
        return blocks
    }

    /// The block's headline: a link that opens it, of at least `minimumWords` words, to a page of
    /// the site, that is the block's whole first line (the block ends or a line break follows).
    static func headline(of block: ContentNode, host: String?, minimumWords: Int) -> (target: String, length: Int)? {
        let children = block.children.filter { !isBlank($0) }
        guard var first = children.first else { return nil }
        // A headline set in bold or emphasis.
        while first.tag != .a, first.tag == .strong || first.tag == .em, first.children.filter({ !isBlank($0) }).count == 1 {
            first = first.children.first { !isBlank($0) }!
        }
        guard first.tag == .a, case .element(_, let attributes, _) = first, let target = attributes["href"] else { return nil }
        let text = Whitespace.collapsed(first.textContent)
        guard text.split(separator: " ").count >= minimumWords, SameSite.contains(target, pageHost: host) else { return nil }
        let next = children.dropFirst().first
        guard next == nil || next?.tag == .br else { return nil }
        return (target, FastText.collapsedLength(text))
    }

    private static func isBlank(_ node: ContentNode) -> Bool {
        if case .text(let text) = node { return text.allSatisfy(\.isWhitespace) }
        return false
    }

}

import Foundation
import GalleyCore

/// Decides whether an extraction is an article. Index, section, tag, search, gallery-only
/// and error pages are rejected with a reason that says what was missing.
struct ReaderableCheck {
    let heuristics: ExtractionHeuristics

    /// Nil when the content is an article, otherwise the reason it is not.
    /// - Parameter declaresArticle: the page says it is an article (JSON-LD Article type,
    ///   `og:type` article, `article:published_time`); then a shorter text is enough.
    /// - Parameter unlinkedLinkText: link text the converter kept as text (dropped URLs).
    /// - Parameter host: the page's host, to tell links to the site's own pages.
    func rejection(content: [ContentNode], declaresListing: Bool, declaresArticle: Bool, unlinkedLinkText: Int = 0,
                   host: String? = nil) -> String? {
        let blocks = Self.textBlocks(content)
        let blockLengths = blocks.map(weightedLength)
        // The blocks joined with a space each.
        let length = blockLengths.reduce(0, +) + max(0, blocks.count - 1)
        if declaresListing {
            return "not an article: the page declares itself a listing (JSON-LD CollectionPage/ItemList)"
        }
        let minimum = declaresArticle ? heuristics.minimumDeclaredArticleCharacters : heuristics.minimumArticleCharacters
        if length < minimum {
            return "not an article: only \(length) characters of article text (need \(minimum))"
        }
        let linked = linkTextLength(content) + unlinkedLinkText
        let density = min(1, Double(linked) / Double(max(1, length)))
        if density > heuristics.maximumArticleLinkDensity {
            return "not an article: \(Int(density * 100))% of its text is links (an index or listing page)"
        }
        if !declaresArticle {
            let cards = TeaserCards(content: content, host: host, heuristics: heuristics)
            if cards.isListing(heuristics: heuristics) {
                return "not an article: \(cards.cards.count) teaser cards (a headline link and a summary each) make up most of its text (an index or listing page)"
            }
        }
        let score = blockLengths.reduce(0.0) { sum, length in
            length > heuristics.readerableBlockLength ? sum + (Double(length - heuristics.readerableBlockLength)).squareRoot() : sum
        }
        if score < heuristics.minimumReaderableScore, !declaresArticle, length < heuristics.readerableLengthExemption {
            return "not an article: no run of continuous text (readerable score \(Int(score)), need \(Int(heuristics.minimumReaderableScore)))"
        }
        return nil
    }

    /// The text of each paragraph-level block.
    static func textBlocks(_ nodes: [ContentNode]) -> [String] {
        var blocks: [String] = []
        for node in nodes {
            switch node.tag {
            case .p, .h1, .h2, .h3, .h4, .h5, .h6, .pre, .li, .td, .th, .figcaption, .caption:
                if node.children.contains(where: { $0.tag?.isBlock == true }) {
                    blocks += textBlocks(node.children)
                } else {
                    let text = Whitespace.collapsed(node.textContent)
                    if !text.isEmpty { blocks.append(text) }
                }
            case nil:
                let text = node.textContent.trimmingWhitespace
                if !text.isEmpty { blocks.append(text) }
            default:
                blocks += textBlocks(node.children)
            }
        }
        return blocks
    }

    /// Characters of text, CJK characters weighted (`FastText.weightedLength`).
    func weightedLength(_ text: String) -> Int {
        FastText.weightedLength(text, cjkWeight: heuristics.cjkCharacterWeight, hangulWeight: heuristics.hangulSyllableWeight)
    }

    /// Characters of link text, CJK characters weighted.
    func linkTextLength(_ nodes: [ContentNode]) -> Int {
        nodes.reduce(0) { sum, node in
            if node.tag == .a { return sum + weightedLength(node.textContent) }
            return sum + linkTextLength(node.children)
        }
    }

    static func linkTextLength(_ nodes: [ContentNode]) -> Int {
        nodes.reduce(0) { sum, node in
            if node.tag == .a { return sum + FastText.collapsedLength(node.textContent) }
            return sum + linkTextLength(node.children)
        }
    }
}

import GalleyCore

/// The notice a publisher prints above or under a story that earns from its links: "This post
/// may contain affiliate links. If you purchase something through them, I may receive a small
/// commission", "Dieser Artikel enthält Affiliate-Links", "We may receive compensation if you
/// visit partners we recommend". It tells how the page is paid for, not the story.
///
/// A paragraph of at most `maximumDisclosureLength` characters that says one of
/// `affiliateDisclosures` goes, wherever it stands.
enum AffiliateDisclosure {
    static func dropped(from content: [ContentNode], heuristics: ExtractionHeuristics) -> [ContentNode] {
        content.filter { !isDisclosure($0, heuristics: heuristics) }
    }

    static func isDisclosure(_ block: ContentNode, heuristics: ExtractionHeuristics) -> Bool {
        guard block.tag == .p || block.tag == .blockquote || block.tag == .figcaption else { return false }
        let text = FastText.collapsed(block.textContent)
        guard !text.isEmpty, text.count <= heuristics.maximumDisclosureLength else { return false }
        let lower = text.lowercased()
        return heuristics.affiliateDisclosures.contains { FastText.contains(lower, $0) }
    }
}

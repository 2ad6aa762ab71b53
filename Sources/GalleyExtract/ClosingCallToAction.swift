import GalleyCore

/// The lines a publisher ends an article with to keep the reader, not to tell the story: "Follow
/// The Gleaner on Twitter and Instagram", "Download our apps for iOS and Android", "¿Ya sabías
/// que tenemos canal de Telegram? Únete", "Ikuti berita terkini di Google News", "If you enjoyed
/// this post, would you consider supporting our work?".
///
/// From the end of the body backwards, a short block (`maximumCallToActionLength`) goes while
/// it names a channel (`callToActionChannels`: a social network, messenger, newsletter or app)
/// together with an invitation (`callToActionVerbs`: follow, subscribe, join, download…), or
/// asks for support (`supportAppeals`), or is a line of page furniture (`ClosingFurniture`); a
/// closing appeal or issue promotion (`IssuePromotion`) cuts the body from it.
/// The first block that is none of these ends the search, so a story about Twitter keeps its
/// last paragraph unless it is such an invitation.
enum ClosingCallToAction {
    static func dropped(from content: [ContentNode], heuristics: ExtractionHeuristics) -> [ContentNode] {
        var cut: Int?
        var index = content.count - 1
        // Blank blocks (a paragraph of no-break spaces) after the call to action go with it.
        while index >= 0 {
            let block = content[index]
            if isCallToAction(block, heuristics: heuristics) || ClosingFurniture.isFurniture(block, heuristics: heuristics)
                || ClosingFurniture.isFurnitureList(block, heuristics: heuristics) {
                cut = index
            } else if BlockGrouping.hasContent([block]) {
                break
            }
            index -= 1
        }
        if let appeal = closingAppeal(in: content, heuristics: heuristics) { cut = min(cut ?? appeal, appeal) }
        if let promotion = IssuePromotion.closingPromotion(in: content, heuristics: heuristics) { cut = min(cut ?? promotion, promotion) }
        guard let cut else { return content }
        return Array(content[..<cut])
    }

    /// The first block asking for the reader's support (`supportAppeals`) with at most
    /// `maximumTextAfterAppeal` characters after it: the appeal box under a story ends with a
    /// thank-you, a signature or a link to the publisher's finances, which go with it.
    private static func closingAppeal(in content: [ContentNode], heuristics: ExtractionHeuristics) -> Int? {
        firstClosingBlock(in: content, maximumLength: heuristics.maximumCallToActionLength, heuristics: heuristics) {
            asksForSupport($0, heuristics: heuristics)
        }
    }

    /// The first block of at most `maximumLength` characters that `matches` with at most
    /// `maximumTextAfterAppeal` characters of text after it (the box it opens: a thank-you, an
    /// offer, a signature), if any.
    static func firstClosingBlock(in content: [ContentNode], maximumLength: Int, heuristics: ExtractionHeuristics,
                                  where matches: (ContentNode) -> Bool) -> Int? {
        var after = 0
        var found: Int?
        for index in content.indices.reversed() {
            if after > heuristics.maximumTextAfterAppeal { break }
            let length = FastText.collapsedLength(content[index].textContent)
            if length <= maximumLength, matches(content[index]) { found = index }
            after += length
        }
        return found
    }

    /// The newsletter sign-up boxes set into the body (`newsletterWords`), wherever they stand.
    static func droppingSignups(from content: [ContentNode], heuristics: ExtractionHeuristics) -> [ContentNode] {
        let signups = content.map { isSignup($0, heuristics: heuristics) }
        guard signups.contains(true) else { return content }
        return zip(content, signups).compactMap { $1 ? nil : $0 }
    }

    private static func isSignup(_ block: ContentNode, heuristics: ExtractionHeuristics) -> Bool {
        guard block.tag == .p else { return false }
        let text = Whitespace.collapsed(block.textContent)
        guard !text.isEmpty, FastText.isAtMost(text, characters: heuristics.maximumCallToActionLength) else { return false }
        // Most paragraphs name no newsletter: a plain search rules them out before the words are made.
        let lower = FastText.lowercased(text)
        guard heuristics.newsletterWords.contains(where: { FastText.contains(lower, $0) }) else { return false }
        let words = " " + FastText.words(lower) + " "
        func mentions(_ phrases: [String]) -> Bool { phrases.contains { FastText.contains(words, " " + $0) } }
        return mentions(heuristics.newsletterWords) && mentions(heuristics.callToActionVerbs)
    }

    static func isCallToAction(_ block: ContentNode, heuristics: ExtractionHeuristics) -> Bool {
        guard block.tag == .p || block.tag == .blockquote || block.tag?.headingLevel != nil else { return false }
        let text = Whitespace.collapsed(block.textContent)
        guard !text.isEmpty, FastText.isAtMost(text, characters: heuristics.maximumCallToActionLength) else { return false }
        let words = " " + FastText.words(text) + " "
        func mentions(_ phrases: [String]) -> Bool { phrases.contains { FastText.contains(words, " " + $0) } }
        if mentions(heuristics.supportAppeals) { return true }
        return mentions(heuristics.callToActionChannels) && mentions(heuristics.callToActionVerbs)
    }

    private static func asksForSupport(_ block: ContentNode, heuristics: ExtractionHeuristics) -> Bool {
        guard block.tag == .p || block.tag == .blockquote || block.tag?.headingLevel != nil else { return false }
        // A phrase can match only where its first word stands: a plain search for those first.
        let lower = FastText.lowercased(block.textContent)
        guard heuristics.supportAppeals.contains(where: { FastText.contains(lower, String($0.prefix { $0 != " " })) }) else { return false }
        let words = " " + FastText.words(lower) + " "
        return heuristics.supportAppeals.contains { FastText.contains(words, " " + $0) }
    }
}

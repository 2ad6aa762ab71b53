import GalleyCore

/// The promotion of the publication's own print issue that closes a magazine's article: "Was
/// Sie bei der Fütterung beachten müssen, lesen Sie in unserer Februar-Ausgabe. Das Heft können
/// Sie hier bestellen", "Die aktuelle Ausgabe jetzt am Kiosk, im Abo und als E-Paper", "Więcej w
/// najnowszym numerze dostępnym w sprzedaży", "This article appears in the March issue.
/// Subscribe now". It sells the next read, it does not tell this story.
///
/// A promotion is a short block (`maximumIssuePromotionLength`) that names an issue
/// (`issueWords`) together with a way to get it (`issueOfferWords`). The first one with at most
/// `maximumTextAfterAppeal` characters after it cuts the body there: the box's subscription
/// offer or sign-off goes with it. A story that mentions an issue earlier keeps it.
enum IssuePromotion {
    /// The index of the first closing promotion, if any.
    static func closingPromotion(in content: [ContentNode], heuristics: ExtractionHeuristics) -> Int? {
        ClosingCallToAction.firstClosingBlock(in: content, maximumLength: heuristics.maximumIssuePromotionLength, heuristics: heuristics) {
            isPromotion($0, heuristics: heuristics)
        }
    }

    /// A paragraph or heading naming an issue and an offer.
    static func isPromotion(_ block: ContentNode, heuristics: ExtractionHeuristics) -> Bool {
        guard block.tag == .p || block.tag == .blockquote || block.tag?.headingLevel != nil else { return false }
        // Every word of a phrase stands in the lower-cased text as it is: a plain search for
        // each phrase's longest word rules most blocks out before their words are made (making
        // the words of every closing block was 2% of extraction).
        let text = block.textContent
        let lower = FastText.lowercased(text)
        guard heuristics.issueWords.contains(where: { phrase in
            let longest = phrase.split(separator: " ").max { $0.utf8.count < $1.utf8.count }.map(String.init) ?? phrase
            return FastText.contains(lower, longest)
        }) else { return false }
        let words = " " + FastText.words(text) + " "
        func mentions(_ phrases: [String]) -> Bool { phrases.contains { FastText.contains(words, " " + $0) } }
        return mentions(heuristics.issueWords) && mentions(heuristics.issueOfferWords)
    }
}

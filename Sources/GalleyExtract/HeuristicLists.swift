import Foundation

/// The word and phrase lists of `ExtractionHeuristics` that are asked of every element or block,
/// made ready to ask (`WordSet`, `FragmentSearch`, `PrefixList`) once per extractor: they depend
/// on the heuristics alone, and making them for every page was 1% of extraction.
struct HeuristicLists: Sendable {
    let invisibleClassNames: WordSet
    let printOnlyClassNames: WordSet
    let teaserWords: WordSet
    let boilerplateWords: WordSet
    let positiveClassWords: WordSet
    let embeddedPostWords: WordSet
    let contentWords: WordSet
    let captionWords: WordSet
    let deckWords: WordSet
    let standfirstWords: WordSet
    let pictureWords: WordSet
    let tagListWords: WordSet
    let authorBoxFragments: FragmentSearch
    let boilerplateFragments: FragmentSearch
    let bylineClassFragments: FragmentSearch
    let commentFragments: FragmentSearch
    let tagCloudFragments: FragmentSearch
    /// `boilerplateWords` and `boilerplateFragments` without `adWords`.
    let nonAdBoilerplateWords: WordSet
    let nonAdBoilerplateFragments: FragmentSearch
    let insertPrefixes: PrefixList
    let creditPrefixes: PrefixList
    /// Bytes in the longest of `insertPrefixes` (bytes bound characters from above: a longer
    /// prefix of a block asks the same question).
    let longestInsertPrefix: Int
    /// A text holding none of these holds no credit label (`creditPrefixes` with a colon or a
    /// © are found by that character, the others whole): most blocks are ruled out at once.
    let creditLabelNeedles: [String]

    init(_ heuristics: ExtractionHeuristics) {
        invisibleClassNames = WordSet(heuristics.invisibleClassNames)
        printOnlyClassNames = WordSet(heuristics.printOnlyClassNames)
        teaserWords = WordSet(heuristics.teaserWords)
        boilerplateWords = WordSet(heuristics.boilerplateWords)
        positiveClassWords = WordSet(heuristics.positiveClassWords)
        embeddedPostWords = WordSet(heuristics.embeddedPostWords)
        contentWords = WordSet(heuristics.contentWords)
        captionWords = WordSet(heuristics.captionWords)
        deckWords = WordSet(heuristics.deckWords)
        standfirstWords = WordSet(heuristics.standfirstWords)
        pictureWords = WordSet(heuristics.pictureWords)
        tagListWords = WordSet(heuristics.tagListWords)
        authorBoxFragments = FragmentSearch(heuristics.authorBoxFragments)
        boilerplateFragments = FragmentSearch(heuristics.boilerplateFragments)
        bylineClassFragments = FragmentSearch(heuristics.bylineClassFragments)
        commentFragments = FragmentSearch(heuristics.commentFragments)
        tagCloudFragments = FragmentSearch(heuristics.tagCloudFragments)
        nonAdBoilerplateWords = WordSet(heuristics.boilerplateWords.subtracting(heuristics.adWords))
        nonAdBoilerplateFragments = FragmentSearch(heuristics.boilerplateFragments.filter { !heuristics.adWords.contains($0) })
        insertPrefixes = PrefixList(heuristics.insertPrefixes)
        creditPrefixes = PrefixList(heuristics.creditPrefixes)
        longestInsertPrefix = heuristics.insertPrefixes.map(\.utf8.count).max() ?? 0
        let needles = heuristics.creditPrefixes.map { label in
            label.utf8.contains(0x3A) ? ":" : FastText.contains(label, "©") ? "©" : label.trimmingCharacters(in: .whitespaces)
        }
        creditLabelNeedles = Array(Set(needles)).sorted()
    }
}

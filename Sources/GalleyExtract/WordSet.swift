/// Class words asked of an element's class text (`ClassWords`), found in one pass over the
/// text (`FragmentSearch`) without splitting it into words: the same answers as asking a
/// `Set` of each token, which made a String of every class word of every element.
struct WordSet: Sendable {
    private let search: FragmentSearch

    init(_ words: Set<String>) {
        search = FragmentSearch(Array(words))
    }

    /// Whether one of the words is a token of `classText` (a name or a part of one).
    func isToken(in classText: String) -> Bool { search.occurs(in: classText, as: .token) }

    /// Whether one of the words is a whole name of `classText`.
    func isWholeName(in classText: String) -> Bool { search.occurs(in: classText, as: .wholeName) }
}

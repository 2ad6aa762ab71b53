/// The articles an article page links to besides its tags and region.
public struct ArticleRelations: Sendable, Hashable, Codable {
    /// Articles sharing the most tags with this one, newest first among equals.
    public var related: [ArticleSummary]
    /// The article published just before this one.
    public var previous: ArticleSummary?
    /// The article published just after this one.
    public var next: ArticleSummary?

    /// Creates relations.
    public init(related: [ArticleSummary] = [], previous: ArticleSummary? = nil, next: ArticleSummary? = nil) {
        self.related = related
        self.previous = previous
        self.next = next
    }

    /// No relations.
    public static let none = ArticleRelations()
}

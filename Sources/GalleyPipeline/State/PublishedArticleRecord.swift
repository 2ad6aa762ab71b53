import GalleyCore

/// What the last build published of an article besides its document (`published_articles`): the
/// final slug and page path its summary was given, and the articles its page links to, by
/// source. A build whose only changes are edits that leave every card as it was
/// (`EditedArticles`) makes the edited articles' pages from these records and the stored heads,
/// without indexing, relating or planning the whole site.
struct PublishedArticleRecord: Sendable, Equatable {
    var slug: String
    var path: String
    /// The sources of the related articles, in the order the page shows them.
    var related: [String]
    var previous: String?
    var next: String?

    /// The record of an article published with `summary` and `relations`.
    init(summary: ArticleSummary, relations: ArticleRelations) {
        self.init(slug: summary.slug, path: summary.path, related: relations.related.map(\.source), previous: relations.previous?.source,
                  next: relations.next?.source)
    }

    /// A record as stored.
    init(slug: String, path: String, related: [String], previous: String?, next: String?) {
        self.slug = slug
        self.path = path
        self.related = related
        self.previous = previous
        self.next = next
    }

    /// Every source the page shows a card of.
    var linkedSources: [String] {
        related + [previous, next].compactMap(\.self)
    }
}

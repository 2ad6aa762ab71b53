import GalleyCore
import GalleySite

/// Every article's related articles and neighbours (`RelationPlanner`), taken from the build
/// state when the last build planned them from the same inputs, else planned (and then saved by
/// the caller for the next build).
///
/// The planner reads nothing of an article but its place in the oldest-first order and its
/// tags' slugs, and gives positions in the list of summaries: the same order and tags give the
/// same table, whatever else changed (a title, a summary, a body, a lead image). A build that
/// changed an article's title took 44 ms of CPU at 10,000 articles to plan it again. When the
/// stored table is that of the articles before some newer ones were added (a scraper's next
/// run), only what the new ones can change is planned (`RelationPlanner.table(for:order:extending:)`).
enum RelationCache {
    /// A table and where it came from.
    struct Outcome: Sendable {
        var table: RelationTable
        /// The key of its inputs (`key(of:order:planner:)`).
        var key: String
        /// Planned by this build (false: taken from the build state).
        var planned: Bool

        /// What the build state keeps of it.
        var stored: BuildStateStore.StoredRelations { .init(key: key, positions: table.storedPositions) }
    }

    /// The table for `articles` (in the index's order): `stored`'s when its key is theirs and
    /// its positions fit them; `stored`'s extended when its key is that of the articles before
    /// the newest ones (`extended`); else planned.
    static func table(for articles: [ArticleSummary], stored: BuildStateStore.StoredRelations?,
                      planner: RelationPlanner = RelationPlanner()) -> Outcome {
        let order = ArticleSummary.oldestFirstOrder(articles)
        let key = key(of: articles, order: order, planner: planner)
        if let stored, stored.key == key,
           let table = RelationTable(articles: articles, relatedCount: planner.relatedCount, storedPositions: stored.positions) {
            return Outcome(table: table, key: key, planned: false)
        }
        if let stored, let table = extended(stored, for: articles, order: order, planner: planner) {
            return Outcome(table: table, key: key, planned: true)
        }
        return Outcome(table: planner.table(for: articles, order: order), key: key, planned: true)
    }

    /// The stored table extended to `articles` when it is the table of their first ones and
    /// those are the oldest (newer articles were added after them, nothing else changed); nil
    /// otherwise.
    static func extended(_ stored: BuildStateStore.StoredRelations, for articles: [ArticleSummary], order: [Int],
                         planner: RelationPlanner) -> RelationTable? {
        guard let earlierCount = RelationTable.articleCount(storedPositions: stored.positions, relatedCount: planner.relatedCount),
              earlierCount > 0, earlierCount < articles.count, order.prefix(earlierCount).allSatisfy({ $0 < earlierCount }) else { return nil }
        let earlierArticles = Array(articles.prefix(earlierCount)), earlierOrder = Array(order.prefix(earlierCount))
        guard key(of: earlierArticles, order: earlierOrder, planner: planner) == stored.key,
              let earlier = RelationTable(articles: earlierArticles, relatedCount: planner.relatedCount, storedPositions: stored.positions)
        else { return nil }
        return planner.table(for: articles, order: order, extending: earlier)
    }

    /// The hash of everything the planner reads: galley (its planner), the planner's settings,
    /// the oldest-first order (positions in `articles`) and each article's tags by slug.
    static func key(of articles: [ArticleSummary], order: [Int], planner: RelationPlanner) -> String {
        var hasher = StableHasher()
        hasher.combine("relations 1")
        hasher.combine(BuildKeys.toolIdentity)
        hasher.combine(digest: UInt64(planner.relatedCount))
        hasher.combine(digest: UInt64(planner.window))
        hasher.combine(digest: UInt64(articles.count))
        for position in order { hasher.combine(digest: UInt64(position)) }
        for article in articles {
            let tags = article.tags
            hasher.combine(digest: UInt64(tags.count))
            for tag in tags { hasher.combine(tag.slug) }
        }
        return hasher.hex
    }
}

import GalleyCore

/// Related articles and previous/next links for every article, in time linear in the number of
/// articles: candidates for "related" are only the articles nearest in time on each shared tag.
public struct RelationPlanner: Sendable {
    /// Related articles per page.
    public var relatedCount = 4
    /// Articles looked at on each side of an article in each of its tags' timelines.
    public var window = 40

    /// Creates a planner.
    public init() {}

    /// Relations by article slug.
    public func relations(for articles: [ArticleSummary]) -> [String: ArticleRelations] {
        let chronological = articles.sorted { ArticleSummary.newestFirst($1, $0) }
        var position: [String: Int] = [:]
        for (index, article) in chronological.enumerated() { position[article.slug] = index }
        var byTag: [String: [Int]] = [:]
        for (index, article) in chronological.enumerated() {
            for tag in article.tags { byTag[tag.slug, default: []].append(index) }
        }
        var result: [String: ArticleRelations] = [:]
        result.reserveCapacity(chronological.count)
        for (index, article) in chronological.enumerated() {
            var shared: [Int: Int] = [:]
            for tag in article.tags {
                guard let timeline = byTag[tag.slug], let at = Self.index(of: index, in: timeline) else { continue }
                for candidate in timeline[max(0, at - window)..<min(timeline.count, at + window + 1)] where candidate != index {
                    shared[candidate, default: 0] += 1
                }
            }
            let related = shared.sorted { lhs, rhs in
                lhs.value != rhs.value ? lhs.value > rhs.value : lhs.key > rhs.key // more tags, then newer
            }.prefix(relatedCount).map { chronological[$0.key] }
            result[article.slug] = ArticleRelations(
                related: Array(related),
                previous: index > 0 ? chronological[index - 1] : nil,
                next: index + 1 < chronological.count ? chronological[index + 1] : nil)
        }
        return result
    }

    /// Position of `value` in a sorted array (binary search).
    static func index(of value: Int, in sorted: [Int]) -> Int? {
        var low = 0
        var high = sorted.count - 1
        while low <= high {
            let middle = (low + high) / 2
            if sorted[middle] == value { return middle }
            if sorted[middle] < value { low = middle + 1 } else { high = middle - 1 }
        }
        return nil
    }
}

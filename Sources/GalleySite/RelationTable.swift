import GalleyCore

/// Every article's related articles and neighbours (`RelationPlanner.table(for:)`), kept as
/// positions in the list of summaries they were planned from: a few bytes an article instead
/// of a table of `ArticleRelations` by slug (8.5 MB at 50,000 articles, and a slug hashed each
/// time a page was keyed, rendered or recorded).
public struct RelationTable: Sendable {
    private let articles: [ArticleSummary]
    /// Related articles kept per article.
    package let relatedCount: Int
    /// `relatedCount` positions per article, best first; -1 past the last.
    private var related: [Int32]
    /// Per article: the position of the article published just before it and just after it; -1: none.
    private var previous: [Int32]
    private var next: [Int32]
    /// The positions from the oldest article to the newest.
    package let oldestFirst: [Int]

    init(articles: [ArticleSummary], relatedCount: Int, oldestFirst: [Int]) {
        self.articles = articles
        self.relatedCount = max(0, relatedCount)
        self.oldestFirst = oldestFirst
        related = Array(repeating: -1, count: articles.count * self.relatedCount)
        previous = Array(repeating: -1, count: articles.count)
        next = Array(repeating: -1, count: articles.count)
    }

    /// The table `storedPositions` gave for the same articles (in the same order, with the same
    /// tags, as the build state's key of it says); nil when the positions do not fit them.
    package init?(articles: [ArticleSummary], relatedCount: Int, storedPositions stored: [Int32]) {
        let count = articles.count, slots = max(0, relatedCount)
        guard Self.articleCount(storedPositions: stored, relatedCount: relatedCount) == count,
              stored.allSatisfy({ $0 >= -1 && $0 < count }) else { return nil }
        self.articles = articles
        self.relatedCount = slots
        related = Array(stored[0..<(count * slots)])
        previous = Array(stored[(count * slots)..<(count * (slots + 1))])
        next = Array(stored[(count * (slots + 1))..<(count * (slots + 2))])
        let order = stored[(count * (slots + 2))...].map(Int.init)
        guard Set(order).count == count, !order.contains(-1) else { return nil }
        oldestFirst = order
    }

    /// The table as positions for the build state: the related articles', then the previous
    /// and next ones', then the oldest-first order.
    package var storedPositions: [Int32] {
        related + previous + next + oldestFirst.map(Int32.init)
    }

    /// How many articles `storedPositions` of a table of `relatedCount` related articles
    /// describe; nil when they cannot be such a table's.
    package static func articleCount(storedPositions stored: [Int32], relatedCount: Int) -> Int? {
        let perArticle = max(0, relatedCount) + 3
        return stored.count % perArticle == 0 ? stored.count / perArticle : nil
    }

    mutating func set(_ index: Int, related best: [Int], previous before: Int?, next after: Int?) {
        for (slot, position) in best.prefix(relatedCount).enumerated() { related[index * relatedCount + slot] = Int32(position) }
        previous[index] = before.map(Int32.init) ?? -1
        next[index] = after.map(Int32.init) ?? -1
    }

    /// How many articles the table holds.
    public var count: Int { articles.count }

    /// The positions of the related articles of the article at `index`, best first.
    package func relatedPositions(of index: Int) -> [Int] {
        relatedSlots(of: index).map(Int.init)
    }

    /// The filled slots of the article at `index`.
    private func relatedSlots(of index: Int) -> ArraySlice<Int32> {
        related[(index * relatedCount)..<((index + 1) * relatedCount)].prefix { $0 >= 0 }
    }

    /// The positions of the articles whose pages show a card of one at `targets`: that relate to
    /// one of them or neighbour one. One pass over the table, nothing made per article.
    package func positions(showingAnyOf targets: Set<Int>) -> [Int] {
        guard !targets.isEmpty else { return [] }
        var flags = [Bool](repeating: false, count: count)
        for target in targets where target >= 0 && target < count { flags[target] = true }
        let shows = { (position: Int32) in position >= 0 && flags[Int(position)] }
        return (0..<count).filter { index in
            shows(previous[index]) || shows(next[index]) || relatedSlots(of: index).contains(where: shows)
        }
    }

    /// The positions of the articles whose cards the page of the article at `index` shows: its
    /// related articles, then the one before it and the one after it.
    package func positionsShown(by index: Int) -> [Int] {
        relatedSlots(of: index).map(Int.init) + [previous[index], next[index]].filter { $0 >= 0 }.map(Int.init)
    }

    /// The relations of the article at `index` of the list the table was planned from.
    public func relations(of index: Int) -> ArticleRelations {
        ArticleRelations(related: relatedSlots(of: index).map { articles[Int($0)] },
                                previous: previous[index] >= 0 ? articles[Int(previous[index])] : nil,
                                next: next[index] >= 0 ? articles[Int(next[index])] : nil)
    }
}

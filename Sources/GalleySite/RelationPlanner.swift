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

    /// Relations by article slug (of two articles with one slug, the newer's).
    public func relations(for articles: [ArticleSummary]) -> [String: ArticleRelations] {
        let table = table(for: articles)
        var result: [String: ArticleRelations] = [:]
        result.reserveCapacity(articles.count)
        for index in table.oldestFirst { result[articles[index].slug] = table.relations(of: index) }
        return result
    }

    /// Each article's relations as positions in `articles` (a build asks for an article's
    /// relations when its page is keyed or rendered: no table of summaries by slug is held).
    public func table(for articles: [ArticleSummary]) -> RelationTable {
        table(for: articles, order: ArticleSummary.oldestFirstOrder(articles))
    }

    /// `table(for:)` with the articles' oldest-first order given (`ArticleSummary.oldestFirstOrder`).
    package func table(for articles: [ArticleSummary], order: [Int]) -> RelationTable {
        let timelines = Timelines(articles, order: order)
        var shared = [Int32](repeating: 0, count: order.count)
        var candidates: [Int] = []
        var table = RelationTable(articles: articles, relatedCount: relatedCount, oldestFirst: order)
        for (index, articleIndex) in order.enumerated() {
            // Positions (in `order`) of the articles near this one on each of its tags, with
            // the number of its tags they share.
            for (tag, at) in timelines.memberships(of: index) {
                let timeline = timelines.members[tag]
                for candidate in timeline[max(0, at - window)..<min(timeline.count, at + window + 1)] where candidate != index {
                    if shared[candidate] == 0 { candidates.append(candidate) }
                    shared[candidate] += 1
                }
            }
            let related = Self.best(relatedCount, of: candidates, shared: shared).map { order[$0] }
            for candidate in candidates { shared[candidate] = 0 }
            candidates.removeAll(keepingCapacity: true)
            table.set(articleIndex, related: related, previous: index > 0 ? order[index - 1] : nil,
                      next: index + 1 < order.count ? order[index + 1] : nil)
        }
        return table
    }

    /// The `count` candidates sharing the most tags, newer (higher position) first among equals,
    /// best first.
    static func best(_ count: Int, of candidates: [Int], shared: [Int32]) -> [Int] {
        guard count > 0 else { return [] }
        var best: [Int] = []
        best.reserveCapacity(count + 1)
        func isBetter(_ lhs: Int, _ rhs: Int) -> Bool {
            shared[lhs] != shared[rhs] ? shared[lhs] > shared[rhs] : lhs > rhs
        }
        for candidate in candidates {
            guard best.count < count || isBetter(candidate, best[best.count - 1]) else { continue }
            let slot = best.firstIndex { isBetter(candidate, $0) } ?? best.count
            best.insert(candidate, at: slot)
            if best.count > count { best.removeLast() }
        }
        return best
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

    /// Each tag's articles in chronological order (as positions in `order`), and where each
    /// article stands in the timeline of each of its tags.
    private struct Timelines {
        var members: [[Int]] = []
        /// Per position: (tag number, index in that tag's timeline) for each of its tags.
        private var positions: [[(tag: Int, at: Int)]] = []

        init(_ articles: [ArticleSummary], order: [Int]) {
            var numbers: [String: Int] = [:]
            positions.reserveCapacity(order.count)
            for (index, articleIndex) in order.enumerated() {
                var memberships: [(tag: Int, at: Int)] = []
                for tag in articles[articleIndex].tags {
                    let number: Int
                    if let known = numbers[tag.slug] {
                        number = known
                    } else {
                        number = members.count
                        numbers[tag.slug] = number
                        members.append([])
                    }
                    // A tag an article lists twice puts it twice in the timeline; it is then
                    // found by binary search, as it always was (`at` -1 until then).
                    if let first = memberships.firstIndex(where: { $0.tag == number }) {
                        memberships[first].at = -1
                        memberships.append((number, -1))
                    } else {
                        memberships.append((number, members[number].count))
                    }
                    members[number].append(index)
                }
                positions.append(memberships)
            }
        }

        func memberships(of index: Int) -> [(tag: Int, at: Int)] {
            positions[index].compactMap { tag, at in
                at >= 0 ? (tag, at) : RelationPlanner.index(of: index, in: members[tag]).map { (tag, $0) }
            }
        }
    }
}

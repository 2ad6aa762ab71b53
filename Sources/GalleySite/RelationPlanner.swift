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
        table(for: articles, order: order, replanning: nil, earlier: nil)
    }

    /// `table(for:order:)` for `earlier`'s articles (planned by this planner, with the tags they
    /// have now) followed by newer ones: `articles` begins with `earlier`'s, in the same order,
    /// and `order` begins with `earlier.oldestFirst` (every new article is newer than every
    /// earlier one); nil otherwise. A new article can only change the related articles of those
    /// whose window it falls in: the earlier articles within `window` of the end of the timeline
    /// of one of its tags, and those that list one of its tags twice (placed in the longer
    /// timeline by binary search, which may find the other of their places). Those and the new
    /// ones are planned; the others keep `earlier`'s related articles (neighbours come from the
    /// order). A scraper's next run, which adds the newest stories, plans a few hundred
    /// articles instead of every one.
    package func table(for articles: [ArticleSummary], order: [Int], extending earlier: RelationTable) -> RelationTable? {
        let earlierCount = earlier.count
        guard earlierCount <= articles.count, order.count == articles.count, earlier.relatedCount == max(0, relatedCount),
              order.prefix(earlierCount).elementsEqual(earlier.oldestFirst) else { return nil }
        let timelines = Timelines(articles, order: order)
        var replanned = Set(earlierCount..<order.count)
        let touched = Set((earlierCount..<order.count).flatMap { timelines.tags(of: $0) })
        for tag in touched {
            // A timeline lists its articles oldest first: the new ones at its end.
            let timeline = timelines.members[tag]
            var firstNew = timeline.count
            while firstNew > 0, Int(timeline[firstNew - 1]) >= earlierCount { firstNew -= 1 }
            replanned.formUnion(timeline[max(0, firstNew - window)..<firstNew].lazy.map(Int.init))
            replanned.formUnion(timelines.listedTwice[tag] ?? [])
        }
        return table(for: articles, order: order, replanning: (replanned, timelines), earlier: earlier)
    }

    /// The table, every article planned, or with `earlier` only the positions `replanning` names.
    private func table(for articles: [ArticleSummary], order: [Int], replanning: (positions: Set<Int>, timelines: Timelines)?,
                       earlier: RelationTable?) -> RelationTable {
        let timelines = replanning?.timelines ?? Timelines(articles, order: order)
        var shared = [Int32](repeating: 0, count: order.count)
        var candidates: [Int] = []
        var table = RelationTable(articles: articles, relatedCount: relatedCount, oldestFirst: order)
        for (index, articleIndex) in order.enumerated() {
            let related: [Int]
            if let earlier, let replanning, !replanning.positions.contains(index) {
                related = earlier.relatedPositions(of: articleIndex)
            } else {
                // Positions (in `order`) of the articles near this one on each of its tags, with
                // the number of its tags they share.
                for (tag, at) in timelines.memberships(of: index) {
                    let timeline = timelines.members[tag]
                    for member in timeline[max(0, at - window)..<min(timeline.count, at + window + 1)] where Int(member) != index {
                        let candidate = Int(member)
                        if shared[candidate] == 0 { candidates.append(candidate) }
                        shared[candidate] += 1
                    }
                }
                related = Self.best(relatedCount, of: candidates, shared: shared).map { order[$0] }
                for candidate in candidates { shared[candidate] = 0 }
                candidates.removeAll(keepingCapacity: true)
            }
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
    static func index<Position: BinaryInteger>(of value: Int, in sorted: [Position]) -> Int? {
        var low = 0
        var high = sorted.count - 1
        while low <= high {
            let middle = (low + high) / 2
            if Int(sorted[middle]) == value { return middle }
            if Int(sorted[middle]) < value { low = middle + 1 } else { high = middle - 1 }
        }
        return nil
    }

    /// Each tag's articles in chronological order (as positions in `order`), and where each
    /// article stands in the timeline of each of its tags.
    private struct Timelines {
        /// Per tag number: its articles' positions, oldest first (4 bytes each: grown by
        /// appending, 8,000 timelines of 8-byte positions were 2.6 MB at 50,000 articles).
        var members: [[Int32]] = []
        /// Per tag number: the positions of the articles that list the tag more than once (found
        /// in its timeline by binary search, whose answer depends on the timeline's length).
        var listedTwice: [Int: Set<Int>] = [:]
        /// (tag number, index in that tag's timeline) for each tag of each position, the
        /// positions one after another: position `p`'s are `memberships[starts[p]..<starts[p + 1]]`
        /// (an array per position was 5 of the 9 MB these took at 50,000 articles, at the build's peak).
        private var memberships: [(tag: Int32, at: Int32)] = []
        private var starts: [Int32] = [0]

        init(_ articles: [ArticleSummary], order: [Int]) {
            var numbers: [String: Int] = [:]
            starts.reserveCapacity(order.count + 1)
            memberships.reserveCapacity(order.reduce(0) { $0 + articles[$1].tags.count })
            var own: [(tag: Int, at: Int)] = []  // this position's, reused from one to the next
            for (index, articleIndex) in order.enumerated() {
                own.removeAll(keepingCapacity: true)
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
                    if let first = own.firstIndex(where: { $0.tag == number }) {
                        own[first].at = -1
                        own.append((number, -1))
                        listedTwice[number, default: []].insert(index)
                    } else {
                        own.append((number, members[number].count))
                    }
                    members[number].append(Int32(index))
                }
                memberships += own.lazy.map { (Int32($0.tag), Int32($0.at)) }
                starts.append(Int32(memberships.count))
            }
        }

        /// The tag numbers of the article at `index` (a tag listed twice, twice).
        func tags(of index: Int) -> [Int] {
            memberships[range(of: index)].map { Int($0.tag) }
        }

        func memberships(of index: Int) -> [(tag: Int, at: Int)] {
            memberships[range(of: index)].compactMap { tag, at in
                let tag = Int(tag)
                return at >= 0 ? (tag, Int(at)) : RelationPlanner.index(of: index, in: members[tag]).map { (tag, $0) }
            }
        }

        /// Where position `index`'s memberships are in `memberships`.
        private func range(of index: Int) -> Range<Int> {
            Int(starts[index])..<Int(starts[index + 1])
        }
    }
}

import Foundation
import GalleyCore
@testable import GalleyPipeline
import GalleySite
import GalleyTestSupport
import Testing

/// Related articles and neighbours are taken from the build state when the planner's inputs
/// (the oldest-first order and the tags) are those they were planned from, and planned again
/// otherwise.
@Suite struct RelationCacheTests {
    static let tags = (0..<12).map { Term(name: "Topik \($0)") }

    static func articles(_ count: Int, random: inout SeededRandom) -> [ArticleSummary] {
        (0..<count).map { index in
            ArticleSummary(slug: "a\(index)", title: "Judul \(index)", path: "a\(index)/index.html",
                           published: Timestamp(date: Date(timeIntervalSince1970: Double(random.below(2_000)) * 3600), utcOffsetSeconds: 0),
                           tags: (0..<random.below(4)).map { _ in random.pick(tags) }, source: "\(index).md")
        }
    }

    static func allRelations(_ table: RelationTable) -> [ArticleRelations] {
        (0..<table.count).map { table.relations(of: $0) }
    }

    @Test func aTableTakenFromTheStateIsThePlannedTable() {
        var random = SeededRandom(seed: 17)
        for round in 0..<10 {
            let articles = Self.articles(20 + random.below(300), random: &random)
            let planned = RelationCache.table(for: articles, stored: nil)
            #expect(planned.planned)
            let taken = RelationCache.table(for: articles, stored: planned.stored)
            #expect(!taken.planned && taken.key == planned.key, "round \(round)")
            #expect(Self.allRelations(taken.table) == Self.allRelations(planned.table), "round \(round)")
            #expect(taken.table.oldestFirst == planned.table.oldestFirst)
        }
    }

    /// A title (and with it the slug, the path, the card) is not a planner input; a tag, a date
    /// that reorders, another article and the planner's settings are.
    @Test func theKeyIsTheOrderAndTheTagsOnly() {
        var random = SeededRandom(seed: 3)
        let articles = Self.articles(200, random: &random)
        let planner = RelationPlanner()
        let key = { (list: [ArticleSummary], planner: RelationPlanner) in
            RelationCache.key(of: list, order: ArticleSummary.oldestFirstOrder(list), planner: planner)
        }
        let base = key(articles, planner)
        var retitled = articles
        retitled[7] = ArticleSummary(slug: "judul-baru", title: "Judul baru", path: "judul-baru/index.html", published: articles[7].published,
                                     tags: articles[7].tags, source: articles[7].source)
        #expect(key(retitled, planner) == base)
        var retagged = articles
        retagged[7] = ArticleSummary(slug: "a7", title: "Judul 7", path: "a7/index.html", published: articles[7].published,
                                     tags: articles[7].tags + [Term(name: "Topik baru")], source: articles[7].source)
        #expect(key(retagged, planner) != base)
        let newest = ArticleSummary.oldestFirstOrder(articles).last!
        var redated = articles
        redated[newest] = ArticleSummary(slug: articles[newest].slug, title: "Judul", path: articles[newest].path,
                                         published: Timestamp(date: Date(timeIntervalSince1970: -3600), utcOffsetSeconds: 0),
                                         tags: articles[newest].tags, source: articles[newest].source)
        #expect(key(redated, planner) != base)
        #expect(key(articles + Self.articles(1, random: &random), planner) != base)
        var narrower = planner
        narrower.window = 3
        #expect(key(articles, narrower) != base)
    }

    /// Newer articles added after the stored table's (a scraper's next run): the table is
    /// extended, planning only what they can reach, and is the table planned from scratch;
    /// an added article that is not the newest, or an earlier article changed, plans all.
    @Test func aTableExtendedByNewerArticlesIsThePlannedTable() {
        var random = SeededRandom(seed: 23)
        for round in 0..<150 {
            var planner = RelationPlanner()
            planner.window = random.pick([1, 3, 10, 40])
            planner.relatedCount = random.pick([0, 1, 4])
            let earlier = Self.articles(30 + random.below(300), random: &random)
            let stored = RelationCache.table(for: earlier, stored: nil, planner: planner).stored
            let newest = earlier.map(\.published.date).max()!
            let added = (0..<(1 + random.below(4))).map { number in
                ArticleSummary(slug: "baru-\(round)-\(number)", title: "Baru", path: "baru-\(round)-\(number)/index.html",
                               published: Timestamp(date: newest.addingTimeInterval(Double(1 + random.below(100)) * 60), utcOffsetSeconds: 0),
                               tags: (0..<random.below(5)).map { _ in random.pick(Array(Self.tags.prefix(4 + round % 8))) },
                               source: "baru-\(round)-\(number).md")
            }
            let articles = earlier + added
            let order = ArticleSummary.oldestFirstOrder(articles)
            let extended = RelationCache.extended(stored, for: articles, order: order, planner: planner)
            #expect(extended != nil, "round \(round)")
            let planned = planner.table(for: articles)
            if let extended {
                #expect(Self.allRelations(extended) == Self.allRelations(planned), "round \(round)")
                #expect(extended.oldestFirst == planned.oldestFirst)
            }
            let outcome = RelationCache.table(for: articles, stored: stored, planner: planner)
            #expect(outcome.planned && Self.allRelations(outcome.table) == Self.allRelations(planned))

            // Not extended: an added article older than an earlier one, or an earlier one retagged.
            var backdated = added
            backdated[0] = ArticleSummary(slug: added[0].slug, title: "Lama", path: added[0].path,
                                          published: Timestamp(date: Date(timeIntervalSince1970: -7200), utcOffsetSeconds: 0),
                                          tags: added[0].tags, source: added[0].source)
            let reordered = earlier + backdated
            #expect(RelationCache.extended(stored, for: reordered, order: ArticleSummary.oldestFirstOrder(reordered), planner: planner) == nil)
            var retagged = earlier
            retagged[0] = ArticleSummary(slug: earlier[0].slug, title: "Judul", path: earlier[0].path, published: earlier[0].published,
                                         tags: earlier[0].tags + [Term(name: "Topik lain")], source: earlier[0].source)
            let changed = retagged + added
            #expect(RelationCache.extended(stored, for: changed, order: ArticleSummary.oldestFirstOrder(changed), planner: planner) == nil)
        }
    }

    /// Positions saved for other articles (or damaged) are not taken, even under the right key.
    @Test func positionsThatDoNotFitAreNotTaken() {
        var random = SeededRandom(seed: 9)
        let articles = Self.articles(50, random: &random)
        let planned = RelationCache.table(for: articles, stored: nil)
        var short = planned.stored
        short.positions.removeLast()
        var outOfRange = planned.stored
        outOfRange.positions[0] = 50
        var repeated = planned.stored
        repeated.positions[repeated.positions.count - 1] = repeated.positions[repeated.positions.count - 2]
        for stored in [short, outOfRange, repeated] {
            let outcome = RelationCache.table(for: articles, stored: stored)
            #expect(outcome.planned && Self.allRelations(outcome.table) == Self.allRelations(planned.table))
        }
    }

    @Test func theStateKeepsOneTable() throws {
        let folder = TemporaryFolder.make("relation-cache")
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try BuildStateStore(url: folder.appendingPathComponent("state.sqlite"))
        #expect(try store.relations() == nil)
        let first = BuildStateStore.StoredRelations(key: "k1", positions: [3, -1, 0, Int32.max, Int32.min])
        try store.saveRelations(first)
        #expect(try store.relations() == first)
        let second = BuildStateStore.StoredRelations(key: "k2", positions: [])
        try store.saveRelations(second)
        #expect(try store.relations() == second)
    }

    /// A build after a title edit takes the table (the key stays); one after a tag edit plans
    /// it again; one that adds the newest article extends it; each publishes what a clean build
    /// of the same content does.
    @Test func aTitleEditKeepsTheTableAndATagEditReplansIt() throws {
        let site = try IncrementalBuildTests().makeSite("relation-cache-build", count: 12)
        defer { try? FileManager.default.removeItem(at: site.root) }
        _ = try site.build()
        let state = try BuildStateStore(url: BuildState(output: site.output, cache: nil).database)
        let first = try #require(try state.relations())
        let url = SyntheticSite.url(4, in: site.content)
        try Data(SyntheticSite.article(4, title: "Judul yang diperbarui").utf8).write(to: url)
        _ = try site.build()
        #expect(try state.relations()?.key == first.key)
        #expect(SyntheticSite.snapshot(site.output) == (try site.cleanSnapshot()))
        let text = try String(contentsOf: url, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "tags: [", with: "tags: [\"Topik tambahan\", ").utf8).write(to: url)
        _ = try site.build()
        let retagged = try #require(try state.relations())
        #expect(retagged.key != first.key)
        #expect(SyntheticSite.snapshot(site.output) == (try site.cleanSnapshot()))
        // A newer article added (a scraper's next run): the stored table is the one it extends.
        let newest = SyntheticSite.url(12, in: site.content)
        try Data(SyntheticSite.article(12).utf8).write(to: newest)
        #expect(try site.build().published == 13)
        let extended = try #require(try state.relations())
        #expect(extended.key != retagged.key && extended.positions.count == retagged.positions.count / 12 * 13)
        #expect(SyntheticSite.snapshot(site.output) == (try site.cleanSnapshot()))
    }
}

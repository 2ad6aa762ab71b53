import Foundation
import GalleyCore
@testable import GalleyPipeline
import Testing

/// Issue 17, goal 2: an edit that changes only what its article's cards show — a title (and
/// with it the slug and the page's URL), a summary, a byline, a modification date — while every
/// article keeps its place is made from the build state: the site planned from the stored heads,
/// and only the pages and files that show the card made again (`renderCardEdits`). An edit that
/// moves an article, or takes another's slug, takes every phase. Either way the output ends as
/// a clean build makes it.
@Suite struct CardEditsTests {
    typealias Site = IncrementalBuildTests.Site

    /// The phases of a build of card edits (no images phase: none of it runs).
    static let cardPhases = ["read", "check", "extract", "plan", "render", "site", "write"]

    func makeSite(_ label: String, count: Int) throws -> Site {
        let site = Site(root: RepositoryPaths.temporaryFolder(label))
        try SyntheticSite.write(to: site.content, count: count)
        return site
    }

    func write(_ text: String, _ index: Int, in site: Site) throws {
        try Data(text.utf8).write(to: SyntheticSite.url(index, in: site.content))
    }

    /// Article `index` with the title line of article `other`.
    func withTitle(of other: Int, _ index: Int) -> String {
        let title = SyntheticSite.article(other).split(separator: "\n").first { $0.hasPrefix("title:") } ?? ""
        return SyntheticSite.article(index).split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.hasPrefix("title:") ? title : $0 }.joined(separator: "\n")
    }

    /// Article 39 dated as article 5 is, with `title` if given.
    func twin(title: String?) -> String {
        let date = SyntheticSite.article(5).split(separator: "\n").first { $0.hasPrefix("date:") } ?? ""
        return SyntheticSite.article(39, title: title).split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.hasPrefix("date:") ? date : $0 }.joined(separator: "\n")
    }

    func path(of index: Int, in report: BuildReport, site: Site) -> String? {
        report.sources.first { $0.source == SyntheticSite.url(index, in: site.content).lastPathComponent }?.path
    }

    @Test func aRetitledArticleMovesAndOnlyThePagesShowingItsCardChange() throws {
        let site = try makeSite("card-title", count: 60)
        defer { try? FileManager.default.removeItem(at: site.root) }
        let first = try site.build()
        let old = try #require(path(of: 41, in: first, site: site))
        let before = SyntheticSite.mtimes(site.output)
        try write(SyntheticSite.article(41, title: "Judul yang dikoreksi"), 41, in: site)
        let second = try site.build()
        #expect(second.phases.map(\.name) == Self.cardPhases, "\(second.phases)")
        #expect(!second.upToDate && second.sourcesProcessed == 1 && second.sourcesReused == 59)
        #expect(second.filesRemoved == 1 && second.pagesRendered > 1, "\(second.summary)")
        #expect(second.published == first.published && second.tags == first.tags && second.regions == first.regions)
        #expect(second.pagesRendered + second.pagesReused == first.pagesRendered + first.pagesReused)
        let new = try #require(path(of: 41, in: second, site: site))
        #expect(new != old && new.contains("judul-yang-dikoreksi"))
        #expect(!FileManager.default.fileExists(atPath: site.output.appendingPathComponent(old).path))
        let changed = Set(SyntheticSite.mtimes(site.output).filter { before[$0.key] != $0.value }.keys)
        #expect(changed.contains(new) && changed.contains("sitemap.xml") && changed.contains("feed.xml"), "\(changed.sorted())")
        #expect(changed.count == second.filesWritten && changed.count < before.count / 4, "\(changed.count) of \(before.count)")
        #expect(SyntheticSite.snapshot(site.output) == (try site.cleanSnapshot()))
        // The build left a complete state: nothing changed is found so.
        #expect(try site.build().upToDate)
    }

    /// A title in another script is transliterated for its slug by the card edit, and that form
    /// is kept in the state for the next build, as a whole build keeps it.
    @Test func aNewTitlesASCIIFormIsKept() throws {
        let site = try makeSite("card-transliteration", count: 12)
        defer { try? FileManager.default.removeItem(at: site.root) }
        _ = try site.build()
        let title = "Kabar 北京 \(UUID().uuidString.prefix(8))"
        try write(SyntheticSite.article(4, title: title), 4, in: site)
        #expect(try site.build().phases.map(\.name) == Self.cardPhases)
        let store = try BuildStateStore(url: BuildState(output: site.output, cache: nil).database)
        #expect(try store.transliterations(tool: BuildKeys.toolIdentity).contains { $0.text == title })
    }

    /// A summary, a byline, a modification date, and a title another article has (the edited
    /// one, published later, gets the slug with a number): cards change, no other article moves.
    @Test func otherCardEditsKeepEveryOtherArticleInItsPlace() throws {
        let site = try makeSite("card-fields", count: 40)
        defer { try? FileManager.default.removeItem(at: site.root) }
        let first = try site.build()
        let edits: [(String, () throws -> Void)] = [
            ("summary", {
                try write(SyntheticSite.article(5).replacingOccurrences(of: "summary: \"Ringkasan", with: "summary: \"Ringkasan baru"), 5, in: site)
            }),
            ("byline and modified", {
                try write(SyntheticSite.article(6).replacingOccurrences(of: "lang: id", with: "lang: id\nauthor: Rina Wulandari\nmodified: 2021-01-02T03:04:05+07:00"),
                          6, in: site)
            }),
            ("another's title, published later", { try write(withTitle(of: 2, 30), 30, in: site) }),
            ("two titles swapped", {
                try write(withTitle(of: 12, 11), 11, in: site)
                try write(withTitle(of: 11, 12), 12, in: site)
            }),
            ("swapped back", {
                try write(SyntheticSite.article(11), 11, in: site)
                try write(SyntheticSite.article(12), 12, in: site)
            }),
            // More edited cards than `CardPages` compares one by one (a set finds them).
            ("ten summaries at once", {
                for index in 20..<30 {
                    try write(SyntheticSite.article(index).replacingOccurrences(of: "summary: \"Ringkasan", with: "summary: \"Ringkasan kesepuluh"),
                              index, in: site)
                }
            }),
        ]
        for (name, change) in edits {
            try change()
            let report = try site.build()
            #expect(report.phases.map(\.name) == Self.cardPhases, "\(name): \(report.phases)")
            #expect(report.published == first.published, "\(name)")
            #expect(SyntheticSite.snapshot(site.output) == (try site.cleanSnapshot()), "\(name)")
        }
        #expect(try site.build().upToDate)
        let pages = SyntheticSite.snapshot(site.output).keys
        #expect(pages.contains { $0.hasSuffix("/berita-nomor-2-tentang-pendidikan/index.html") })
        #expect(pages.contains { $0.hasSuffix("/berita-nomor-2-tentang-pendidikan-2/index.html") })
    }

    /// Edits that move an article, or change another article's slug, take every phase.
    @Test func editsThatMoveAnArticleTakeEveryPhase() throws {
        let site = try makeSite("card-moves", count: 40)
        defer { try? FileManager.default.removeItem(at: site.root) }
        _ = try site.build()
        let edits: [(String, () throws -> Void)] = [
            ("date", { try write(SyntheticSite.article(7).replacingOccurrences(of: "date: 2020-01-08", with: "date: 2020-06-30"), 7, in: site) }),
            ("region", { try write(SyntheticSite.article(8).replacingOccurrences(of: "region: Makassar", with: "region: Medan"), 8, in: site) }),
            ("tags", { try write(SyntheticSite.article(9).replacingOccurrences(of: "tags: [", with: "tags: [Baru, "), 9, in: site) }),
            // Article 3 is published before article 33: taking 33's title, it takes the plain
            // slug, and 33 moves to the slug with a number.
            ("another's slug taken", { try write(withTitle(of: 33, 3), 3, in: site) }),
            // Article 39 given article 5's date (a date edit), then renamed so that its slug
            // sorts after 5's: the two swap places in the newest-first order.
            ("a twin date", { try write(twin(title: nil), 39, in: site) }),
            ("a rename past its twin", { try write(twin(title: "Zebra di kota"), 39, in: site) }),
        ]
        for (name, change) in edits {
            try change()
            let report = try site.build()
            #expect(report.phases.map(\.name).contains("images"), "\(name): \(report.phases.map(\.name))")
            // Some of these give up after the card path let the stored fingerprints go: the source
            // stage reads them again and takes every unchanged source as it was.
            #expect(report.sourcesProcessed == 1 && report.sourcesReused == 39, "\(name): \(report.summary)")
            #expect(SyntheticSite.snapshot(site.output) == (try site.cleanSnapshot()), "\(name)")
        }
    }

    /// The last build's files are checked unchanged on disk (on another thread, from the moment
    /// the edit is known to be of cards alone): a page changed by hand sends a card edit through
    /// every phase, which makes the page again, as a no-change build would.
    @Test func aPageChangedOnDiskSendsACardEditThroughEveryPhase() throws {
        let site = try makeSite("card-tampered", count: 40)
        defer { try? FileManager.default.removeItem(at: site.root) }
        let first = try site.build()
        // A page that does not show article 12's card: article 30's own page.
        let page = site.output.appendingPathComponent(try #require(path(of: 30, in: first, site: site)))
        let made = try Data(contentsOf: page)
        try (made + Data("<!-- changed by hand -->".utf8)).write(to: page)
        try write(SyntheticSite.article(12, title: "Judul yang dikoreksi"), 12, in: site)
        let report = try site.build()
        #expect(report.phases.map(\.name).contains("images"), "\(report.phases.map(\.name))")
        #expect(try Data(contentsOf: page) == made)
        #expect(SyntheticSite.snapshot(site.output) == (try site.cleanSnapshot()))
    }

    /// The newest article's card is in the feeds, on the 404 page and in the news sitemap (its
    /// window holds the build's clock): a new title reaches each.
    @Test func theNewestArticlesNewTitleReachesFeedsAndTheNewsSitemap() throws {
        let site = try makeSite("card-newest", count: 20)
        defer { try? FileManager.default.removeItem(at: site.root) }
        let recent = { (title: String) in
            SyntheticSite.article(20, title: title).replacingOccurrences(of: "date: 2020-01-21T20:15:00+07:00", with: "date: 2026-09-21T12:00:00+07:00")
        }
        try write(recent("Kabar terbaru"), 20, in: site)
        let first = try site.build()
        let newsSitemap = try String(contentsOf: site.output.appendingPathComponent("news-sitemap.xml"), encoding: .utf8)
        #expect(newsSitemap.contains("Kabar terbaru"), "the article is in the news sitemap's window")
        try write(recent("Kabar terbaru yang dikoreksi"), 20, in: site)
        let second = try site.build()
        #expect(second.phases.map(\.name) == Self.cardPhases, "\(second.phases)")
        #expect(second.published == first.published)
        let feed = try String(contentsOf: site.output.appendingPathComponent("feed.xml"), encoding: .utf8)
        let notFound = try String(contentsOf: site.output.appendingPathComponent("404.html"), encoding: .utf8)
        let news = try String(contentsOf: site.output.appendingPathComponent("news-sitemap.xml"), encoding: .utf8)
        #expect(feed.contains("yang dikoreksi") && notFound.contains("yang dikoreksi") && news.contains("yang dikoreksi"))
        #expect(SyntheticSite.snapshot(site.output) == (try site.cleanSnapshot()))
    }

    /// A published article whose stored head is gone from the build state (a damaged or
    /// hand-edited state) leaves a card edit, and a build of a new article, without the heads
    /// they plan from: each takes every phase and ends as a clean build.
    @Test func aMissingStoredHeadSendsTheBuildThroughEveryPhase() throws {
        let site = try makeSite("card-missing-head", count: 30)
        defer { try? FileManager.default.removeItem(at: site.root) }
        let first = try site.build()
        let state = site.root.appendingPathComponent(".galley/public/state.sqlite")
        let forget = { (index: Int) in
            try BuildStateStoreTests.execute("DELETE FROM documents WHERE path = '\(SyntheticSite.url(index, in: site.content).lastPathComponent)'",
                                             at: state)
        }
        try forget(7)
        try write(SyntheticSite.article(12, title: "Judul yang dikoreksi"), 12, in: site)
        let edited = try site.build()
        #expect(edited.phases.map(\.name).contains("images"), "\(edited.phases)")
        #expect(edited.published == first.published)
        #expect(SyntheticSite.snapshot(site.output) == (try site.cleanSnapshot()))
        try forget(9)
        try Data(SyntheticSite.article(99).utf8).write(to: SyntheticSite.url(99, in: site.content))
        let added = try site.build()
        #expect(added.phases.map(\.name).contains("extract") && !added.phases.map(\.name).contains("added"), "\(added.phases)")
        #expect(added.published == first.published + 1)
        #expect(SyntheticSite.snapshot(site.output) == (try site.cleanSnapshot()))
        #expect(try site.build().upToDate)
    }

    /// With corrections (`.md`) and scraped pages side by side, a new slug could pair a
    /// correction with a page: a rename takes every phase there; a summary edit does not.
    @Test func aRenameBesideScrapedPagesTakesEveryPhase() throws {
        let site = try makeSite("card-mixed", count: 12)
        defer { try? FileManager.default.removeItem(at: site.root) }
        try FileManager.default.copyItem(at: RepositoryPaths.content.appendingPathComponent("inews/jatim-derbi-persebaya-arema.html"),
                                         to: site.content.appendingPathComponent("derbi.html"))
        _ = try site.build()
        try write(SyntheticSite.article(4).replacingOccurrences(of: "summary: \"Ringkasan", with: "summary: \"Ringkasan lain"), 4, in: site)
        #expect(try site.build().phases.map(\.name) == Self.cardPhases)
        try write(SyntheticSite.article(4, title: "Judul baru di samping halaman"), 4, in: site)
        #expect(try site.build().phases.map(\.name).contains("images"))
        #expect(SyntheticSite.snapshot(site.output) == (try site.cleanSnapshot()))
    }

    @Test func onlyCardFieldsMayDiffer() throws {
        let document = try BuildManifestTests.fullDocument()
        let record = { (matter: FrontMatter) in
            SourceRecord(fingerprint: SourceFingerprint(file: FileStamp(size: 1, modified: 1), sidecar: nil, hash: "h", racy: false),
                         fetched: Date(timeIntervalSince1970: 5), document: ArticleDocument(source: document.source, frontMatter: matter, body: document.body),
                         scraped: false, problem: nil)
        }
        let before = record(document.frontMatter)
        var retitled = document.frontMatter
        retitled.title = "Lain"
        retitled.slug = "lain"
        retitled.summary = "Ringkasan lain"
        #expect(BuildPipeline.changesOnlyItsCards(record(retitled), before: before, isMarkdown: true))
        var redated = document.frontMatter
        redated.date = Timestamp(date: Date(timeIntervalSince1970: 1), utcOffsetSeconds: 0)
        #expect(!BuildPipeline.changesOnlyItsCards(record(redated), before: before, isMarkdown: true))
        var retagged = document.frontMatter
        retagged.tags += ["Baru"]
        #expect(!BuildPipeline.changesOnlyItsCards(record(retagged), before: before, isMarkdown: true))
        var reimaged = document.frontMatter
        reimaged.image = "https://example.org/lain.jpg"
        #expect(!BuildPipeline.changesOnlyItsCards(record(reimaged), before: before, isMarkdown: true))
    }
}

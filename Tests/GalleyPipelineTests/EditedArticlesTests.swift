import Foundation
import GalleyCore
@testable import GalleyPipeline
import GalleyTestSupport
import Testing

/// Issue 17, goal 2: an edit that stays inside its article's page (same front matter, images and
/// place among duplicates) is rendered from the build state alone (`renderEditedArticles`);
/// every other change takes every phase. Either way the output ends as a clean build makes it.
@Suite struct EditedArticlesTests {
    typealias Site = IncrementalBuildTests.Site

    /// The phases a build that renders edited articles alone goes through.
    static let editPhases = ["read", "check", "extract", "render", "write"]

    func makeSite(_ label: String, count: Int) throws -> Site {
        let site = Site(root: RepositoryPaths.temporaryFolder(label))
        try SyntheticSite.write(to: site.content, count: count)
        return site
    }

    func edit(_ index: Int, in site: Site, salt: String = "", title: String? = nil) throws {
        try Data(SyntheticSite.article(index, salt: salt, title: title).utf8).write(to: SyntheticSite.url(index, in: site.content))
    }

    @Test func aBodyEditRendersOnlyItsPageFromTheBuildState() throws {
        let site = try makeSite("edited-body", count: 60)
        defer { try? FileManager.default.removeItem(at: site.root) }
        let first = try site.build()
        let page = try #require(first.sources.first { $0.source == SyntheticSite.url(41, in: site.content).lastPathComponent }?.path)
        let before = SyntheticSite.mtimes(site.output)
        try edit(41, in: site, salt: "dengan kalimat yang dikoreksi")
        try edit(17, in: site, salt: "dan satu koreksi lagi")
        let second = try site.build()
        #expect(second.phases.map(\.name) == Self.editPhases, "\(second.phases)")
        #expect(!second.upToDate && second.sourcesProcessed == 2 && second.sourcesReused == 58)
        #expect(second.pagesRendered == 2 && second.filesWritten == 2 && second.filesRemoved == 0, "\(second.summary)")
        #expect(second.published == first.published && second.tags == first.tags && second.regions == first.regions)
        #expect(second.pagesRendered + second.pagesReused == first.pagesRendered + first.pagesReused)
        #expect(try String(contentsOf: site.output.appendingPathComponent(page), encoding: .utf8).contains("dengan kalimat yang dikoreksi"))
        let changed = SyntheticSite.mtimes(site.output).filter { before[$0.key] != $0.value }.keys
        #expect(changed.count == 2 && changed.contains(page), "\(changed.sorted())")
        #expect(SyntheticSite.snapshot(site.output) == (try site.cleanSnapshot()))
        // The build left a complete state: nothing changed is found so, and a later edit of
        // another kind starts from it.
        #expect(try site.build().upToDate)
        try edit(41, in: site, salt: "dengan kalimat yang dikoreksi", title: "Judul yang dikoreksi")
        let retitled = try site.build()
        #expect(retitled.phases.map(\.name) == CardEditsTests.cardPhases && retitled.sourcesProcessed == 1)
        #expect(SyntheticSite.snapshot(site.output) == (try site.cleanSnapshot()))
    }

    /// Edits that change more than their own page: a title (cards, feeds: `CardEditsTests`), tags
    /// (term pages), a draft (unpublished), a page that now fails to read, an added source. Each
    /// but the title takes every phase.
    @Test func editsOfAnotherKindTakeEveryPhase() throws {
        let site = try makeSite("edited-other", count: 30)
        defer { try? FileManager.default.removeItem(at: site.root) }
        _ = try site.build()
        let edits: [(String, () throws -> Void)] = [
            ("title", { try edit(5, in: site, title: "Judul lain") }),
            ("tags", {
                let text = SyntheticSite.article(6, salt: "x").replacingOccurrences(of: "tags: [", with: "tags: [baru, ")
                try Data(text.utf8).write(to: SyntheticSite.url(6, in: site.content))
            }),
            ("draft", {
                let text = SyntheticSite.article(7).replacingOccurrences(of: "lang: id", with: "lang: id\ndraft: true")
                try Data(text.utf8).write(to: SyntheticSite.url(7, in: site.content))
            }),
            ("draft edited", {
                let text = SyntheticSite.article(7, salt: "y").replacingOccurrences(of: "lang: id", with: "lang: id\ndraft: true")
                try Data(text.utf8).write(to: SyntheticSite.url(7, in: site.content))
            }),
            ("broken", { try Data("---\ntitle: [unclosed\n---\n".utf8).write(to: SyntheticSite.url(8, in: site.content)) }),
            ("broken edited", { try Data("---\ntitle: [still unclosed\n---\n".utf8).write(to: SyntheticSite.url(8, in: site.content)) }),
            ("mended", { try edit(8, in: site, salt: "z") }),
            ("added", { try edit(31, in: site) }),
        ]
        for (name, change) in edits {
            try change()
            let report = try site.build()
            let phases = report.phases.map(\.name)
            #expect(name == "title" ? phases == CardEditsTests.cardPhases : phases.contains("images"), "\(name): \(phases)")
            // A page that fails keeps its last good version published, which a clean build has not.
            guard !name.hasPrefix("broken") else { continue }
            #expect(SyntheticSite.snapshot(site.output) == (try site.cleanSnapshot()), "\(name)")
        }
    }

    /// More edits than `editsRenderedAlone` take every phase (one pass over the site costs no
    /// more), and end as a clean build does.
    @Test func manyEditsTakeEveryPhase() throws {
        let count = BuildPipeline.editsRenderedAlone + 6
        let site = try makeSite("edited-many", count: count)
        defer { try? FileManager.default.removeItem(at: site.root) }
        _ = try site.build()
        for index in 0...BuildPipeline.editsRenderedAlone { try edit(index, in: site, salt: "banyak") }
        let report = try site.build()
        #expect(report.phases.map(\.name).contains("site") && report.sourcesProcessed == BuildPipeline.editsRenderedAlone + 1)
        #expect(SyntheticSite.snapshot(site.output) == (try site.cleanSnapshot()))
    }

    /// A scraped page's body edit is rendered alone while no other page shares a band key with
    /// it; the kept copy of a near-identical pair is not (its edit could make the pair differ,
    /// and the dropped copy would then be published).
    @Test func aScrapedPageIsRenderedAloneOnlyFarFromEveryCopy() throws {
        let site = try makeSite("edited-scraped", count: 3)
        defer { try? FileManager.default.removeItem(at: site.root) }
        let html = try String(contentsOf: RepositoryPaths.content.appendingPathComponent("og/techdesk-chipmakers-water.html"), encoding: .utf8)
        let paragraph = try #require(Self.firstParagraph(of: html))
        try Data(html.utf8).write(to: site.content.appendingPathComponent("story.html"))
        _ = try site.build()
        let edited = html.replacingOccurrences(of: paragraph, with: paragraph + " Koreksi kecil.")
        try Data(edited.utf8).write(to: site.content.appendingPathComponent("story.html"))
        let alone = try site.build()
        #expect(alone.phases.map(\.name) == Self.editPhases && alone.pagesRendered == 1, "\(alone.phases.map(\.name)) \(alone.summary)")
        #expect(SyntheticSite.snapshot(site.output) == (try site.cleanSnapshot()))

        // A near-identical copy under another URL, fetched earlier: dropped as a duplicate.
        let copy = html.replacingOccurrences(of: "<title>", with: "<title>Salinan: ").replacingOccurrences(of: "techdesk.example/", with: "cermin.example/")
        try Data(copy.utf8).write(to: site.content.appendingPathComponent("copy.html"))
        try Data(#"{"fetched_at": "2020-01-01T08:00:00Z"}"#.utf8).write(to: site.content.appendingPathComponent("copy.json"))
        let paired = try site.build()
        #expect(paired.duplicates.map(\.dropped) == ["copy.html"], "\(paired.duplicates)")
        // The kept story rewritten far from its copy: the copy is published now.
        let rewritten = html.replacingOccurrences(of: paragraph, with: String(repeating: "Cerita yang sama sekali lain kini ditulis di sini. ", count: 40))
        try Data(rewritten.utf8).write(to: site.content.appendingPathComponent("story.html"))
        let apart = try site.build()
        #expect(apart.phases.map(\.name).contains("site"), "\(apart.phases.map(\.name))")
        #expect(SyntheticSite.snapshot(site.output) == (try site.cleanSnapshot()))
    }

    /// The edited page shows its scraped images from their copies in `media/`, kept (not made
    /// again), as a clean build shows them.
    @Test func anEditedPageKeepsItsLocalImages() throws {
        let root = RepositoryPaths.temporaryFolder("edited-images")
        defer { try? FileManager.default.removeItem(at: root) }
        let content = try LocalImagesTests().makeScrape(root)
        // The other page's image is a JPEG cut in half: planned from its header, it is made
        // (and fails) on every build, which the edit path never does (it writes no image).
        try FileManager.default.removeItem(at: content.appendingPathComponent("inews/img.inews.id/media/822/files/networks/2026/08/27/fogging_bandung.jpg"))
        let build = { (output: String, full: Bool) in
            try BuildPipeline(options: .init(configFile: RepositoryPaths.config, configRequired: true, contentFolder: content,
                                             outputFolder: root.appendingPathComponent(output), templatesFolder: RepositoryPaths.templates,
                                             jobs: 2, full: full)).run()
        }
        let first = try build("public", false)
        #expect(first.imagesMade == 1)
        let page = content.appendingPathComponent("inews/jatim-harga-cabai-surabaya.html")
        let html = try String(contentsOf: page, encoding: .utf8)
        let paragraph = try #require(Self.firstParagraph(of: html))
        try Data(html.replacingOccurrences(of: paragraph, with: paragraph + " Harga dicek ulang sore hari.").utf8).write(to: page)
        let edited = try build("public", false)
        #expect(edited.phases.map(\.name) == Self.editPhases && edited.pagesRendered == 1 && edited.imagesMade == 0,
                "\(edited.phases.map(\.name)) \(edited.summary)")
        _ = try build("clean", true)
        let output = SyntheticSite.snapshot(root.appendingPathComponent("public"))
        #expect(output == SyntheticSite.snapshot(root.appendingPathComponent("clean")))
        let article = try #require(output.first { $0.key.contains("harga-cabai") && $0.key.hasSuffix("index.html") })
        let text = String(decoding: article.value, as: UTF8.self)
        #expect(text.contains("Harga dicek ulang sore hari.") && text.contains(#"<figure class="lead-image">"#) && text.contains("media/"))
    }

    /// Rows of `published_articles` are written when an article's page is rendered, and go
    /// when the article is no longer published.
    @Test func publishedArticlesAreRecordedAndForgotten() throws {
        let site = try makeSite("edited-records", count: 12)
        defer { try? FileManager.default.removeItem(at: site.root) }
        let first = try site.build()
        let sources = first.sources.map(\.source)
        let store = { try BuildStateStore(url: BuildState(output: site.output, cache: nil).database) }
        let records = try store().publishedArticles(sources)
        #expect(records.count == 12)
        for entry in first.sources {
            let record = try #require(records[entry.source])
            #expect(record.slug == entry.slug && record.path == entry.path)
            #expect(record.linkedSources.allSatisfy { records[$0] != nil } && !record.linkedSources.contains(entry.source))
        }
        #expect(records.values.contains { !$0.related.isEmpty } && records.values.contains { $0.previous != nil && $0.next != nil })
        try FileManager.default.removeItem(at: SyntheticSite.url(3, in: site.content))
        let text = SyntheticSite.article(4).replacingOccurrences(of: "lang: id", with: "lang: id\ndraft: true")
        try Data(text.utf8).write(to: SyntheticSite.url(4, in: site.content))
        _ = try site.build()
        let after = try store().publishedArticles(sources)
        #expect(after.count == 10 && after[sources[3]] == nil && after[sources[4]] == nil, "\(after.keys.sorted())")
    }

    /// The rule for the fetch time: a Markdown article has none that matters; a scraped page may
    /// be fetched later (it stays the newest of its URL), not earlier.
    @Test func aScrapedPageFetchedEarlierIsNotAnEditOfItsPageAlone() {
        let head = DocumentHead(ArticleDocument(source: "a.html", frontMatter: FrontMatter(title: "A", date: Timestamp(date: Date(timeIntervalSince1970: 0), utcOffsetSeconds: 0)), body: "satu"))
        let edited = DocumentHead(ArticleDocument(source: "a.html", frontMatter: head.frontMatter, body: "dua"))
        let stamp = SourceFingerprint(file: FileStamp(size: 1, modified: 1), sidecar: nil, hash: "h", racy: false)
        let record = { (head: DocumentHead, fetched: Double) in
            SourceRecord(fingerprint: stamp, fetched: Date(timeIntervalSince1970: fetched), head: head, problem: nil)
        }
        #expect(BuildPipeline.staysInsideItsPage(record(edited, 20), before: record(head, 10), isMarkdown: false))
        #expect(!BuildPipeline.staysInsideItsPage(record(edited, 5), before: record(head, 10), isMarkdown: false))
        #expect(BuildPipeline.staysInsideItsPage(record(edited, 5), before: record(head, 10), isMarkdown: true))
        var retitled = edited
        retitled.frontMatter.title = "B"
        #expect(!BuildPipeline.staysInsideItsPage(record(retitled, 20), before: record(head, 10), isMarkdown: true))
    }

    /// The longest `<p>` text of a fixture page (a paragraph of its article).
    static func firstParagraph(of html: String) -> String? {
        html.components(separatedBy: "<p>").dropFirst().compactMap { $0.components(separatedBy: "</p>").first }
            .filter { !$0.contains("<") }.max { $0.count < $1.count }
    }
}

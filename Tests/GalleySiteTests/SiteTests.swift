import Foundation
import GalleyCore
import GalleyTestSupport
@testable import GalleySite
import Testing
#if canImport(FoundationXML)
import FoundationXML
#endif

@Suite struct SitePlannerTests {
    static func articles(_ count: Int) -> [ArticleSummary] {
        (0..<count).map { index in
            let published = Timestamp(date: Date(timeIntervalSince1970: 1_600_000_000 + Double(index) * 3600), utcOffsetSeconds: 7 * 3600)
            return ArticleSummary(slug: "a\(index)", title: "Artikel & <\(index)>", path: "2020/09/a\(index)/index.html", published: published,
                                  summary: "Ringkasan \(index)", tags: index % 2 == 0 ? [Term(name: "Banjir"), Term(name: "Cuaca")] : [Term(name: "Ékonomi")],
                                  region: index % 3 == 0 ? Term(name: "Jakarta") : nil, source: "a\(index).html")
        }
    }

    let planner: NewsSitePlanner = {
        var config = SiteConfig()
        config.itemsPerPage = 4
        config.baseURL = "https://news.example.org/"
        return NewsSitePlanner(config: config, now: Date(timeIntervalSince1970: 0))
    }()

    @Test func paginatesNewestFirst() {
        let plan = planner.plan(Self.articles(10))
        let home = plan.pages.compactMap { page -> ListPage? in
            if case .list(let list) = page, list.kind == .home { return list }
            return nil
        }
        #expect(home.map(\.path) == ["index.html", "page/2/index.html", "page/3/index.html"])
        #expect(home[0].items.map(\.slug) == ["a9", "a8", "a7", "a6"])
        #expect(home[2].items.map(\.slug) == ["a1", "a0"])
    }

    /// A list page links the first and last page and two on each side of itself, never the
    /// whole list: its size stays the same however long the list grows (issue 5: cost linear
    /// in the number of articles).
    @Test func paginationLinksABoundedWindow() {
        let plan = planner.plan(Self.articles(120))
        let home = plan.pages.compactMap { page -> ListPage? in
            if case .list(let list) = page, list.kind == .home { return list }
            return nil
        }
        #expect(home.count == 30 && home.allSatisfy { $0.pageCount == 30 })
        #expect(home[14].pageLinks.map(\.number) == [1, 13, 14, 15, 16, 17, 30])
        #expect(home[0].pageLinks.map(\.number) == [1, 2, 3, 30])
        #expect(home[29].pageLinks.map(\.number) == [1, 28, 29, 30])
        #expect(home[14].pageLinks.first { $0.number == 16 }?.path == "page/16/index.html")
        #expect(home[14].path == "page/15/index.html" && home[0].path == "index.html")
        // A page keeps only its list's folder, shared by all its pages; its path and links are made from it.
        let term = ListPage(kind: .term(.tags, Term(name: "Banjir")), folder: "tags/banjir/", items: [], pageNumber: 3, pageCount: 9,
                            feedPath: nil, itemCount: 170)
        #expect(term.path == "tags/banjir/page/3/index.html")
        #expect(term.pageLinks.map(\.path) == [1, 2, 3, 4, 5, 9].map { SitePaths.listPage(folder: "tags/banjir/", number: $0) })
        #expect(term.pageLinks.first?.path == "tags/banjir/index.html")
        #expect(home.allSatisfy { $0.pageLinks.count <= 7 })
    }

    @Test func termsAreGroupedAndSortedIgnoringAccents() {
        let plan = planner.plan(Self.articles(10))
        #expect(plan.tags.map(\.term.name) == ["Banjir", "Cuaca", "Ékonomi"])
        #expect(plan.tags.map(\.count) == [5, 5, 5])
        #expect(plan.regions.map(\.count) == [4])
        let paths = Set(plan.pages.map(\.path))
        for expected in ["tags/index.html", "tags/banjir/index.html", "tags/banjir/page/2/index.html", "tags/ekonomi/index.html",
                         "regions/index.html", "regions/jakarta/index.html", "404.html"] {
            #expect(paths.contains(expected), "missing \(expected)")
        }
    }

    @Test func feedsAndSitemapAreWellFormedXML() throws {
        let plan = planner.plan(Self.articles(10))
        let names = plan.files.map(\.path)
        #expect(names.contains("feed.xml") && names.contains("tags/banjir/feed.xml") && names.contains("regions/jakarta/feed.xml"))
        #expect(names.contains("sitemap.xml") && names.contains("robots.txt"))
        for file in plan.files where file.path.hasSuffix(".xml") {
            let parser = XMLParser(data: Data(file.bytes))
            #expect(parser.parse(), "\(file.path) is not well-formed")
        }
        let feed = String(decoding: try #require(plan.files.first { $0.path == "feed.xml" }).bytes, as: UTF8.self)
        #expect(feed.contains("<title>Artikel &amp; &lt;9&gt;</title>"))
        #expect(feed.contains("<id>tag:news.example.org,2020-09-14:a9</id>"))
        let sitemap = String(decoding: try #require(plan.files.first { $0.path == "sitemap.xml" }).bytes, as: UTF8.self)
        #expect(sitemap.contains("<loc>https://news.example.org/2020/09/a0/</loc>"))
        #expect(!sitemap.contains("404"))
    }

    /// A special character followed by a combining mark (one `Character` to Swift, not equal
    /// to the character alone) is escaped in feeds and sitemaps like any other, and the files
    /// read back to the text that went in.
    @Test func feedsEscapeSpecialCharactersBeforeCombiningMarks() throws {
        let marked = "Judul \"\u{301}kutip\" &\u{301} <\u{338} '\u{301} >\u{20DD}"
        var config = SiteConfig()
        config.title = "Situs \"\u{301}"
        var articles = Self.articles(2)
        articles[1].matter.title = marked
        articles[1].matter.author = "O'\u{301}Brien"
        articles[1].matter.summary = marked
        articles[1].tags = [Term(name: "Tag \"\u{301}")]
        let now = articles[1].published.date.addingTimeInterval(3600)
        let plan = NewsSitePlanner(config: config, now: now).plan(articles)
        for file in plan.files where file.path.hasSuffix(".xml") {
            #expect(XMLParser(data: Data(file.bytes)).parse(), "\(file.path) is not well-formed")
        }
        let feed = String(decoding: try #require(plan.files.first { $0.path == "feed.xml" }).bytes, as: UTF8.self)
        #expect(feed.contains("<title>Judul &quot;\u{301}kutip&quot; &amp;\u{301} &lt;\u{338} &apos;\u{301} &gt;\u{20DD}</title>"))
        #expect(feed.contains("label=\"Tag &quot;\u{301}\"/>"))
        let texts = XMLTexts(feed)
        #expect(texts["title"] == ["Situs \"\u{301}", marked, Self.articles(2)[0].title])
        #expect(texts["summary"]?.first == marked)
        #expect(texts["name"] == ["Situs \"\u{301}", "O'\u{301}Brien"])
        let news = String(decoding: try #require(plan.files.first { $0.path == "news-sitemap.xml" }).bytes, as: UTF8.self)
        #expect(XMLTexts(news)["news:title"]?.contains(marked) == true)
    }

    @Test func dateArchivesByYearAndMonth() {
        let plan = planner.plan(Self.articles(10))
        let archives = plan.pages.compactMap { page -> ListPage? in
            if case .list(let list) = page, case .archive = list.kind { return list }
            return nil
        }
        #expect(archives.map(\.path) == ["2020/index.html", "2020/page/2/index.html", "2020/page/3/index.html",
                                         "2020/09/index.html", "2020/09/page/2/index.html", "2020/09/page/3/index.html"])
        #expect(archives.allSatisfy { $0.feedPath == nil })
    }

    @Test func newsSitemapHasOnlyTheLastTwoDays() throws {
        var config = SiteConfig()
        config.title = "Galley & Co"
        let articles = Self.articles(10) // one an hour from 2020-09-13T12:26:40Z
        let now = articles[0].published.date.addingTimeInterval(47 * 3600) // after the newest, all within 48 h
        let plan = NewsSitePlanner(config: config, now: now).plan(articles)
        let news = String(decoding: try #require(plan.files.first { $0.path == "news-sitemap.xml" }).bytes, as: UTF8.self)
        #expect(news.components(separatedBy: "<url>").count - 1 == 10)
        #expect(news.contains("<news:name>Galley &amp; Co</news:name>") && news.contains("<news:language>en</news:language>"))
        #expect(XMLParser(data: Data(news.utf8)).parse())
        let later = NewsSitePlanner(config: config, now: now.addingTimeInterval(5 * 3600)).plan(articles)
        let fewer = String(decoding: try #require(later.files.first { $0.path == "news-sitemap.xml" }).bytes, as: UTF8.self)
        #expect(fewer.components(separatedBy: "<url>").count - 1 == 6) // hours 4…9: 52 h after the oldest
        let robots = String(decoding: try #require(later.files.first { $0.path == "robots.txt" }).bytes, as: UTF8.self)
        #expect(robots.contains("Sitemap: https://example.org/news-sitemap.xml"))
        let stale = NewsSitePlanner(config: config, now: now.addingTimeInterval(30 * 24 * 3600)).plan(articles)
        #expect(!stale.files.contains { $0.path.hasPrefix("news-sitemap") })
    }

    /// An article dated only by its file's mtime stays out of the Google News sitemap (its
    /// date is a guess); one dated by its fetch is listed; both are everywhere else.
    @Test func newsSitemapLeavesOutArticlesDatedByTheirFile() throws {
        var articles = Self.articles(6)
        articles[1].matter.dateSource = .file
        articles[2].matter.dateSource = .fetched
        articles[3].matter.dateSource = .file
        let now = articles[5].published.date.addingTimeInterval(3600)
        let plan = NewsSitePlanner(config: SiteConfig(), now: now).plan(articles)
        let news = String(decoding: try #require(plan.files.first { $0.path == "news-sitemap.xml" }).bytes, as: UTF8.self)
        #expect(news.components(separatedBy: "<url>").count - 1 == 4)
        for index in [0, 2, 4, 5] { #expect(news.contains("/2020/09/a\(index)/</loc>"), "a\(index)") }
        for index in [1, 3] { #expect(!news.contains("/2020/09/a\(index)/</loc>"), "a\(index)") }
        let sitemap = String(decoding: try #require(plan.files.first { $0.path == "sitemap.xml" }).bytes, as: UTF8.self)
        let feed = String(decoding: try #require(plan.files.first { $0.path == "feed.xml" }).bytes, as: UTF8.self)
        for index in 0..<6 {
            #expect(sitemap.contains("/2020/09/a\(index)/</loc>") && feed.contains("/2020/09/a\(index)/"))
        }
        let home = plan.pages.compactMap { page -> ListPage? in
            if case .list(let list) = page, list.kind == .home { return list }
            return nil
        }
        #expect(Set(home.flatMap(\.items).map(\.slug)) == Set((0..<6).map { "a\($0)" }))
        // Only file-dated articles: no news sitemap at all, and robots.txt does not name one.
        let undated = articles.map { article -> ArticleSummary in
            var article = article
            article.matter.dateSource = .file
            return article
        }
        let none = NewsSitePlanner(config: SiteConfig(), now: now).plan(undated)
        #expect(!none.files.contains { $0.path.hasPrefix("news-sitemap") })
        let robots = String(decoding: try #require(none.files.first { $0.path == "robots.txt" }).bytes, as: UTF8.self)
        #expect(!robots.contains("news-sitemap"))
    }

    @Test func termsBySizeThenName() {
        let page = TermsPage(taxonomy: .tags, path: "tags/index.html", terms: [
            TermCount(term: Term(name: "A"), count: 1), TermCount(term: Term(name: "B"), count: 3), TermCount(term: Term(name: "C"), count: 3)])
        #expect(page.termsBySize.map(\.term.name) == ["B", "C", "A"])
    }

    @Test func emptySiteStillHasItsPages() {
        let plan = planner.plan([])
        #expect(plan.pages.map(\.path).contains("index.html"))
        #expect(plan.tags.isEmpty)
    }
}

@Suite struct OutputWriterTests {
    func temporaryFolder() -> URL { TemporaryFolder.make("writer") }

    @Test func writesOnlyChangesAndPrunesWhatItWroteBefore() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let writer = OutputWriter(outputFolder: folder)
        let first = try writer.write([RenderedPage(path: "a/index.html", text: "A"), RenderedPage(path: "b.html", text: "B")])
        #expect(first.written == 2)
        try "mine".write(to: folder.appendingPathComponent("user-file.txt"), atomically: true, encoding: .utf8)
        let second = try writer.write([RenderedPage(path: "b.html", text: "B2")], removing: ["a/index.html", "b.html"])
        #expect(second.written == 1 && second.removed == 1)
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("a").path))
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("user-file.txt").path))
        let third = try writer.write([RenderedPage(path: "b.html", text: "B2")])
        #expect(third.unchanged == 1 && third.written == 0)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.contains(".tmp-") }
        #expect(leftovers.isEmpty)
    }

    /// A new file is made without a name and linked whole at its path (nothing else ever appears
    /// in its folder); a changed one replaces the old by rename; both hold their bytes and mode.
    @Test func newFilesAreLinkedWholeAndChangedOnesRenamed() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let target = folder.path + "/new.html"
        let created = try #require(try OutputWriter.createUnnamed(Array("<p>neu</p>".utf8), at: target), "this file system makes unnamed files")
        #expect(created.size == 10 && (try? String(contentsOfFile: target, encoding: .utf8)) == "<p>neu</p>")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["new.html"])
        let mode = try #require(try FileManager.default.attributesOfItem(atPath: target)[.posixPermissions] as? Int)
        #expect(mode & 0o644 == 0o644 && mode & 0o111 == 0)
        // A file already there is never replaced this way: the caller renames instead.
        #expect(try OutputWriter.createUnnamed(Array("x".utf8), at: target) == nil)
        let changed = try OutputWriter(outputFolder: folder).write([RenderedPage(path: "new.html", text: "<p>baru</p>")])
        #expect(changed.written == 1 && (try? String(contentsOfFile: target, encoding: .utf8)) == "<p>baru</p>")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["new.html"])
    }

    /// With a staging folder on the same file system, temporary files never appear in the
    /// output folder, and the staging folder is emptied at the start of the next write.
    @Test func stagesTemporaryFilesOutsideTheOutput() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("public")
        let staging = folder.appendingPathComponent("state/staging")
        try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
        try Data("left by a killed build".utf8).write(to: staging.appendingPathComponent("orphan"))
        let writer = OutputWriter(outputFolder: output, stagingFolder: staging, jobs: 2)
        let pages = (0..<50).map { RenderedPage(path: "p\($0 % 7)/\($0).html", text: "page \($0)") }
        let report = try writer.write(pages)
        #expect(report.written == 50 && report.stamps.count == 50)
        #expect(try FileManager.default.contentsOfDirectory(atPath: staging.path).isEmpty)
        let names = FileManager.default.enumerator(atPath: output.path)?.allObjects as? [String] ?? []
        #expect(names.filter { $0.contains(".tmp") }.isEmpty)
        #expect(try String(contentsOf: output.appendingPathComponent("p3/10.html"), encoding: .utf8) == "page 10")
    }

    /// Removing stale files never follows a link out of the output folder, and never removes
    /// a folder.
    @Test func removesOnlyFilesInsideTheOutput() throws {
        let folder = temporaryFolder()
        let outside = temporaryFolder()
        defer {
            try? FileManager.default.removeItem(at: folder)
            try? FileManager.default.removeItem(at: outside)
        }
        try Data("victim".utf8).write(to: outside.appendingPathComponent("victim.txt"))
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("sub"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: folder.appendingPathComponent("escape"), withDestinationURL: outside)
        let report = try OutputWriter(outputFolder: folder).write([], removing: ["escape/victim.txt", "../victim.txt", "sub", outside.path + "/victim.txt"])
        #expect(report.removed == 0)
        #expect(FileManager.default.fileExists(atPath: outside.appendingPathComponent("victim.txt").path))
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("sub").path))
    }

    @Test(arguments: ["../escape.html", "/etc/passwd", "a/../../b", "a//b", "./a", "a\\b", "a\0b", ""])
    func refusesPathsThatLeaveTheFolder(path: String) {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(throws: GalleyError.self) { try OutputWriter(outputFolder: folder).write([RenderedPage(path: path, text: "x")]) }
    }

    /// Folders are created parents first, once each; a file where a folder belongs is a clear
    /// write error, and a link to a folder inside the output is followed.
    @Test func createsFoldersOnceAndRefusesAFileWhereAFolderBelongs() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let pages = ["a/b/c/d.html", "a/b/e.html", "a/f.html", "g/h/i.html"].map { RenderedPage(path: $0, text: $0) }
        #expect(try OutputWriter(outputFolder: folder, jobs: 2).write(pages).written == 4)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("real"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: folder.appendingPathComponent("alias"), withDestinationURL: folder.appendingPathComponent("real"))
        #expect(try OutputWriter(outputFolder: folder).write([RenderedPage(path: "alias/x.html", text: "x")]).written == 1)
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("real/x.html").path))
        try Data("not a folder".utf8).write(to: folder.appendingPathComponent("tags"))
        #expect(throws: GalleyError.self) { try OutputWriter(outputFolder: folder).write([RenderedPage(path: "tags/x.html", text: "x")]) }
    }

    @Test func refusesSymlinkedFoldersLeadingOut() throws {
        let folder = temporaryFolder()
        let outside = temporaryFolder()
        defer {
            try? FileManager.default.removeItem(at: folder)
            try? FileManager.default.removeItem(at: outside)
        }
        try FileManager.default.createSymbolicLink(at: folder.appendingPathComponent("tags"), withDestinationURL: outside)
        #expect(throws: GalleyError.self) { try OutputWriter(outputFolder: folder).write([RenderedPage(path: "tags/x.html", text: "x")]) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: outside.path).isEmpty)
    }
}

@Suite struct RelationPlannerTests {
    @Test func relatedShareTheMostTagsAndNeighboursFollowTime() throws {
        func article(_ slug: String, hour: Double, tags: [String]) -> ArticleSummary {
            ArticleSummary(slug: slug, title: slug, path: "\(slug)/index.html",
                           published: Timestamp(date: Date(timeIntervalSince1970: hour * 3600), utcOffsetSeconds: 0),
                           tags: tags.map(Term.init(name:)), source: slug)
        }
        let articles = [
            article("a", hour: 1, tags: ["banjir", "jakarta", "cuaca"]),
            article("b", hour: 2, tags: ["banjir", "jakarta"]),
            article("c", hour: 3, tags: ["banjir"]),
            article("d", hour: 4, tags: ["ekonomi"]),
            article("e", hour: 5, tags: ["banjir", "jakarta", "cuaca"]),
        ]
        let relations = RelationPlanner().relations(for: articles)
        #expect(relations["a"]?.related.map(\.slug) == ["e", "b", "c"])
        #expect(relations["d"]?.related.isEmpty == true)
        #expect(relations["c"]?.previous?.slug == "b")
        #expect(relations["c"]?.next?.slug == "d")
        #expect(relations["a"]?.previous == nil)
        #expect(relations["e"]?.next == nil)
    }
}

/// The text of each element of an XML file by name, in document order (entities decoded).
private final class XMLTexts: NSObject, XMLParserDelegate {
    private var texts: [String: [String]] = [:]
    private var current = ""

    init(_ xml: String) {
        super.init()
        let parser = XMLParser(data: Data(xml.utf8))
        parser.delegate = self
        _ = parser.parse()
    }

    subscript(name: String) -> [String]? { texts[name] }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        current = ""
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { current += string }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        texts[name, default: []].append(current)
        current = ""
    }
}

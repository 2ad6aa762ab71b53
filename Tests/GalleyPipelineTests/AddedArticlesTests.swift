import Foundation
import GalleyCore
@testable import GalleyPipeline
import Testing

/// Issue 17, goal 2: a build whose only changes are new sources takes the published articles'
/// stored heads and the new ones (`publishedWithAdditions`, the "added" phase) instead of
/// taking every source through the source stage; when the source stage could decide otherwise
/// (a source removed, a draft, a problem, a page that could pair with another) it takes the
/// source stage. Either way the output ends as a clean build makes it.
@Suite struct AddedArticlesTests {
    typealias Site = IncrementalBuildTests.Site

    func makeSite(_ label: String, count: Int) throws -> Site {
        let site = Site(root: RepositoryPaths.temporaryFolder(label))
        try SyntheticSite.write(to: site.content, count: count)
        return site
    }

    func phases(_ report: BuildReport) -> [String] { report.phases.map(\.name) }

    /// A new Markdown article: article `index` of the synthetic site under a new title and date.
    func newArticle(_ index: Int, title: String, date: String) -> String {
        SyntheticSite.article(index, title: title).split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.hasPrefix("date:") ? "date: \(date)" : String($0) }.joined(separator: "\n")
    }

    func add(_ text: String, named name: String, in site: Site) throws {
        try Data(text.utf8).write(to: site.content.appendingPathComponent(name))
    }

    @Test func aNewestArticleTakesTheStoredHeadsAndEndsAsACleanBuild() throws {
        let site = try makeSite("added-newest", count: 50)
        defer { try? FileManager.default.removeItem(at: site.root) }
        let first = try site.build()
        try add(newArticle(7, title: "Berita paling baru", date: "2031-01-01T08:00:00+07:00"), named: "zz-baru.md", in: site)
        let second = try site.build()
        #expect(phases(second).contains("added") && !phases(second).contains("extract"), "\(phases(second))")
        #expect(!second.upToDate && second.sourcesProcessed == 1 && second.sourcesReused == 50)
        #expect(second.published == first.published + 1 && second.problems.isEmpty)
        #expect(second.sources.map(\.source) == ["zz-baru.md"] && second.sources.first?.path?.contains("berita-paling-baru") == true)
        #expect(SyntheticSite.snapshot(site.output) == (try site.cleanSnapshot()))
        #expect(try site.build().upToDate)
        // An older article, and two at once (one taking a slug another already has).
        try add(newArticle(3, title: "Kabar lama", date: "2020-02-02T08:00:00+07:00"), named: "aa-lama.md", in: site)
        try add(newArticle(9, title: "Berita paling baru", date: "2031-01-02T08:00:00+07:00"), named: "zz-baru-2.md", in: site)
        let third = try site.build()
        #expect(phases(third).contains("added"), "\(phases(third))")
        #expect(third.sourcesProcessed == 2 && third.published == first.published + 3)
        #expect(SyntheticSite.snapshot(site.output) == (try site.cleanSnapshot()))
        #expect(try site.build().upToDate)
        // An article older than two published ones of its title: it takes their plain slug, and
        // they move to the next ones (their stored paths no longer hold: made again, as a clean
        // build makes them).
        try add(newArticle(4, title: "Berita paling baru", date: "2019-03-03T08:00:00+07:00"), named: "aa-lebih-lama.md", in: site)
        let fourth = try site.build()
        #expect(phases(fourth).contains("added"), "\(phases(fourth))")
        #expect(fourth.sources.first?.path?.contains("/berita-paling-baru/") == true, "\(fourth.sources.map(\.path))")
        #expect(SyntheticSite.snapshot(site.output) == (try site.cleanSnapshot()))
        #expect(try site.build().upToDate)
    }

    /// A page the last build rejected stays reported (in the state and the report) through a
    /// build of new sources alone, and the next build finds nothing changed.
    @Test func problemsOfUnchangedSourcesStayReported() throws {
        let site = try makeSite("added-problems", count: 20)
        defer { try? FileManager.default.removeItem(at: site.root) }
        try add("---\ntitle: \"\"\n---\n", named: "kosong.md", in: site)
        let first = try site.build()
        let problem = try #require(first.problems.first { $0.source == "kosong.md" })
        try add(newArticle(2, title: "Berita tambahan", date: "2031-02-01T08:00:00+07:00"), named: "zz-tambahan.md", in: site)
        let second = try site.build()
        #expect(phases(second).contains("added"), "\(phases(second))")
        #expect(second.problems == first.problems && second.published == first.published + 1)
        #expect(Set(second.sources.map(\.source)) == ["kosong.md", "zz-tambahan.md"], "\(second.sources.map(\.source))")
        #expect(second.sources.first { $0.source == "kosong.md" }?.status == problem.kind.rawValue)
        #expect(SyntheticSite.snapshot(site.output) == (try site.cleanSnapshot()))
        let third = try site.build()
        #expect(third.upToDate && third.problems == first.problems)
    }

    /// What the source stage could decide otherwise sends the build through it; each ends as a
    /// clean build.
    @Test func additionsTheSourceStageCouldDecideOtherwiseTakeIt() throws {
        let site = try makeSite("added-guards", count: 30)
        defer { try? FileManager.default.removeItem(at: site.root) }
        _ = try site.build()
        let cases: [(String, () throws -> Void)] = [
            ("a source removed while one is added", {
                try FileManager.default.removeItem(at: SyntheticSite.url(4, in: site.content))
                try add(newArticle(4, title: "Pengganti", date: "2031-03-01T08:00:00+07:00"), named: "zz-pengganti.md", in: site)
            }),
            ("a draft", {
                try add(newArticle(5, title: "Belum terbit", date: "2031-03-02T08:00:00+07:00").replacingOccurrences(of: "\n---\n", with: "\ndraft: true\n---\n"),
                        named: "zz-draft.md", in: site)
            }),
            ("a new file with a problem", { try add("---\ntitle: \"\"\n---\n", named: "zz-kosong.md", in: site) }),
            ("an edit beside an addition", {
                try Data(SyntheticSite.article(8, title: "Judul baru").utf8).write(to: SyntheticSite.url(8, in: site.content))
                try add(newArticle(6, title: "Tambahan", date: "2031-03-03T08:00:00+07:00"), named: "zz-tambahan.md", in: site)
            }),
        ]
        for (name, change) in cases {
            try change()
            let report = try site.build()
            #expect(phases(report).contains("extract") && !phases(report).contains("added"), "\(name): \(phases(report))")
            #expect(SyntheticSite.snapshot(site.output) == (try site.cleanSnapshot()), "\(name)")
        }
    }

    /// A scraped page, as a scraper saves it: its URL, title, date and a body of its own words.
    static func page(url: String, title: String, day: Int, words: String) -> String {
        let body = (0..<8).map { paragraph in
            "<p>" + (0..<20).map { "\(words)\(paragraph)k\($0)" }.joined(separator: " ") + ", kata warga kepada wartawan.</p>"
        }.joined(separator: "\n")
        return """
        <!DOCTYPE html><html lang="id"><head><meta charset="utf-8"><title>\(title)</title>
        <link rel="canonical" href="\(url)"><meta property="og:url" content="\(url)">
        <meta property="og:title" content="\(title)"><meta property="og:type" content="article">
        <meta property="article:published_time" content="2026-10-\(String(format: "%02d", day))T08:00:00+07:00"></head>
        <body><article><h1>\(title)</h1>
        \(body)
        </article></body></html>
        """
    }

    /// A new page whose URL is a published page's written another way (a trailing slash, an
    /// escape written out) is the same story to the duplicate filter: the build takes the
    /// source stage, which leaves it out, as a clean build does.
    @Test func aPublishedURLWrittenAnotherWayIsFoundAmongManyPages() throws {
        let site = Site(root: RepositoryPaths.temporaryFolder("added-url-forms"))
        defer { try? FileManager.default.removeItem(at: site.root) }
        try FileManager.default.createDirectory(at: site.content, withIntermediateDirectories: true)
        let write = { (name: String, text: String) in try Data(text.utf8).write(to: site.content.appendingPathComponent(name)) }
        try write("halaman-kafe.html", Self.page(url: "https://berita.example.id/2026/10/kabar-caf%C3%A9.html", title: "Kabar kafe",
                                                 day: 3, words: "kafe"))
        try write("halaman-lain.html", Self.page(url: "https://berita.example.id/2026/10/kabar-lain.html", title: "Kabar lain",
                                                 day: 4, words: "lain"))
        #expect(try site.build().published == 2)
        try write("halaman-ulang.html", Self.page(url: "https://www.berita.example.id/2026/10/kabar-caf%C3%A9.html/", title: "Kabar kafe lagi",
                                                  day: 22, words: "ulang"))
        let second = try site.build()
        #expect(phases(second).contains("extract") && second.duplicates.count == 1, "\(phases(second)) \(second.duplicates)")
        #expect(SyntheticSite.snapshot(site.output) == (try site.cleanSnapshot()))
    }

    /// URLs that `DuplicateFilter.canonical` makes the same share `urlKey`, whatever the case,
    /// escapes, `www.`, trailing slash, fragment or spaces around them.
    @Test func urlsOfOneCanonicalFormShareTheirKey() {
        let forms = [
            "https://berita.example.id/2026/10/kabar-caf%C3%A9.html", "https://berita.example.id/2026/10/kabar-caf%C3%A9.html/",
            "HTTP://WWW.Berita.Example.id/2026/10/kabar-caf%C3%A9.html/#atas", "  https://berita.example.id/2026/10/kabar-café.html/ ",
            "https://berita.example.id/2026/10/%6Babar-caf%c3%a9.html/", "https://berita.example.id/2026/10/kabar-caf%C3%A9.html?p=2",
            "https://x.id/a/%7Efoo/", "https://x.id/a/~foo", "https://x.id/a%2Fb/", "https://x.id/a/b", "https://www.x.id/", "https://x.id/",
            "https://x.id", "x.id/a/B/", "x.id/a/B", "https://x.id/a/%41b/", "https://x.id/a/Ab", "https://x.id/a/%zz/", "https://x.id/a/%zz",
        ]
        for first in forms {
            for second in forms where DuplicateFilter.canonical(first) == DuplicateFilter.canonical(second) {
                #expect(DuplicateFilter.urlKey(first) == DuplicateFilter.urlKey(second), "\(first) ~ \(second)")
            }
        }
        #expect(DuplicateFilter.urlKey("https://berita.example.id/2026/10/kabar-caf%C3%A9.html") == "kabarcafhtml")
        #expect(DuplicateFilter.urlKey("https://www.x.id/") == "" && DuplicateFilter.urlKey("https://x.id") == "")
    }

    /// Scraped pages: a new page of its own takes the stored heads; one naming a published
    /// page's URL (the duplicate filter pairs them) takes the source stage, and so does a new
    /// Markdown file beside the pages (it could correct one).
    @Test func scrapedPagesThatCouldPairTakeTheSourceStage() throws {
        let site = Site(root: RepositoryPaths.temporaryFolder("added-scraped"))
        defer { try? FileManager.default.removeItem(at: site.root) }
        try FileManager.default.createDirectory(at: site.content, withIntermediateDirectories: true)
        let write = { (name: String, text: String) in try Data(text.utf8).write(to: site.content.appendingPathComponent(name)) }
        for index in 0..<6 {
            try write("halaman-\(index).html", Self.page(url: "https://berita.example.id/2026/10/kabar-\(index).html", title: "Kabar nomor \(index)",
                                                         day: index + 1, words: "kata\(index)x"))
        }
        let first = try site.build()
        #expect(first.published == 6, "\(first.problems)")
        try write("halaman-baru.html", Self.page(url: "https://berita.example.id/2026/10/kabar-baru.html", title: "Kabar yang baru",
                                                 day: 20, words: "baru"))
        let second = try site.build()
        #expect(phases(second).contains("added") && second.published == 7, "\(phases(second)) \(second.problems)")
        #expect(SyntheticSite.snapshot(site.output) == (try site.cleanSnapshot()))
        try write("halaman-ulang.html", Self.page(url: "https://www.berita.example.id/2026/10/kabar-2.html/", title: "Kabar nomor 2 diperbarui",
                                                  day: 21, words: "ulang"))
        let third = try site.build()
        #expect(phases(third).contains("extract") && third.duplicates.count == 1, "\(phases(third)) \(third.duplicates)")
        // The stored fingerprints, let go before the published heads were read, are read again by
        // the source stage: the seven pages it knows are reused, not processed again.
        #expect(third.sourcesReused == 7 && third.sourcesProcessed == 1, "\(third.summary)")
        #expect(SyntheticSite.snapshot(site.output) == (try site.cleanSnapshot()))
        try write("koreksi.md", newArticle(1, title: "Kabar nomor 3", date: "2026-10-04T08:00:00+07:00"))
        let fourth = try site.build()
        #expect(phases(fourth).contains("extract"), "\(phases(fourth))")
        #expect(SyntheticSite.snapshot(site.output) == (try site.cleanSnapshot()))
    }
}

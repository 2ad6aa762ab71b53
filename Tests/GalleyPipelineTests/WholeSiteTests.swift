import Foundation
import GalleyCore
import GalleyPipeline
import Testing
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Builds the bundled example site (content/, galley.yml, templates/) into a temporary folder
/// and checks the files a reader and a crawler would see.
@Suite(.serialized) struct WholeSiteTests {
    static let fixedClock = Date(timeIntervalSince1970: 1_790_000_000)

    static func build(into output: URL, content: URL = RepositoryPaths.content, config: URL = RepositoryPaths.config,
                      jobs: Int = 2, reportsEverySource: Bool = true) throws(GalleyError) -> BuildReport {
        let options = BuildPipeline.Options(configFile: config, configRequired: true, contentFolder: content, outputFolder: output,
                                            templatesFolder: RepositoryPaths.templates, jobs: jobs, now: fixedClock,
                                            reportsEverySource: reportsEverySource)
        return try BuildPipeline(options: options).run()
    }

    @Test func exampleSiteBuildsBrowsablyAndDeterministically() throws {
        let first = RepositoryPaths.temporaryFolder("site-a")
        let second = RepositoryPaths.temporaryFolder("site-b")
        defer {
            try? FileManager.default.removeItem(at: first)
            try? FileManager.default.removeItem(at: second)
        }
        let report = try Self.build(into: first)
        let site = SiteInspector(folder: first)
        let config = try ConfigLoader.load(RepositoryPaths.config, required: true)

        // The example is big enough to mean something.
        #expect(report.pagesRead >= 24)
        #expect(report.published >= 20)
        #expect(report.tags >= 6)
        #expect(report.regions >= 4)
        #expect(report.failed.isEmpty, "failed: \(report.failed)")

        // Every published article has its page, is listed on each of its tag and region pages.
        let articles = try Self.publishedArticles(in: site)
        #expect(articles.count == report.published)
        for article in articles {
            #expect(site.files.contains(article.path), "missing page \(article.path)")
            for term in article.terms {
                let listed = site.files.filter { $0.hasPrefix(term) && $0.hasSuffix("index.html") }
                    .contains { page in site.links(in: page).contains { site.resolve($0, from: page) == article.path } }
                #expect(listed, "\(article.path) is not listed under \(term)")
            }
        }

        // Date archives list every article under its year and month (site time zone).
        for article in articles {
            let parts = article.path.split(separator: "/")
            for archive in ["\(parts[0])/", "\(parts[0])/\(parts[1])/"] {
                let listed = site.files.filter { $0.hasPrefix(archive) && Self.isArchive($0) }
                    .contains { page in site.links(in: page).contains { site.resolve($0, from: page) == article.path } }
                #expect(listed, "\(article.path) is not in the archive \(archive)")
            }
        }

        // Pagination: page n of the home list has items_per_page items, the last one the rest.
        let homePages = site.files.filter { $0 == "index.html" || ($0.hasPrefix("page/") && $0.hasSuffix("/index.html")) }
        let expectedPages = (report.published + config.itemsPerPage - 1) / config.itemsPerPage
        #expect(homePages.count == expectedPages)
        #expect(site.text("index.html").components(separatedBy: "<article").count - 1 == min(config.itemsPerPage, report.published))
        #expect(site.text("index.html").contains("rel=\"next\""))

        // No broken internal link anywhere (from disk and over HTTP alike: links are relative).
        for page in site.htmlFiles where page != "404.html" {
            #expect(site.brokenLinks(in: page).isEmpty, "\(page) links to \(site.brokenLinks(in: page))")
        }
        for required in ["index.html", "tags/index.html", "regions/index.html", "404.html", "feed.xml", "sitemap.xml",
                         "robots.txt", "static/galley.css"] {
            #expect(site.files.contains(required), "missing \(required)")
        }

        // Machine-readable output: feeds parse, sitemap entries are files, every article page
        // carries NewsArticle JSON-LD that parses, related stories and previous/next links.
        for feed in site.files where feed.hasSuffix(".xml") {
            #expect(XMLParser(data: Data(site.text(feed).utf8)).parse(), "\(feed) is not well-formed XML")
        }
        let sitemap = site.text("sitemap.xml")
        for loc in sitemap.components(separatedBy: "<loc>").dropFirst().map({ String($0.prefix { $0 != "<" }) }) {
            let path = String(loc.dropFirst(config.baseURL.count))
            #expect(site.resolve(path.isEmpty ? "index.html" : path, from: "index.html") != nil, "sitemap lists \(loc), which is not a file")
        }
        for article in articles {
            let html = site.text(article.path)
            let script = html.components(separatedBy: "<script type=\"application/ld+json\">").dropFirst().first?.components(separatedBy: "</script>").first
            let object = script.flatMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
            #expect(object?["@type"] as? String == "NewsArticle", "\(article.path) lacks NewsArticle JSON-LD")
            #expect(object?["datePublished"] as? String != nil)
            #expect(html.contains("<meta property=\"og:title\""), "\(article.path) lacks OpenGraph")
            #expect(html.contains("class=\"article-nav__"), "\(article.path) lacks previous/next links")
        }
        #expect(articles.contains { site.text($0.path).contains("class=\"related\"") }, "no article shows related stories")

        // Rejected pages are reported by name, with a reason.
        #expect(!report.rejected.isEmpty)
        for rejection in report.rejected {
            #expect(rejection.source != nil && rejection.reason.hasPrefix("not an article"))
        }

        // A second build is byte-identical.
        _ = try Self.build(into: second, jobs: 1)
        let other = SiteInspector(folder: second)
        #expect(other.files == site.files)
        for file in site.files {
            #expect(FileManager.default.contents(atPath: first.appendingPathComponent(file).path)
                == FileManager.default.contents(atPath: second.appendingPathComponent(file).path), "\(file) differs")
        }
    }

    @Test func badConfigStopsTheBuildAndLeavesTheOutputAlone() throws {
        let output = RepositoryPaths.temporaryFolder("bad-config")
        defer { try? FileManager.default.removeItem(at: output) }
        try "keep me".write(to: output.appendingPathComponent("index.html"), atomically: true, encoding: .utf8)
        let config = output.deletingLastPathComponent().appendingPathComponent("galley-bad-\(UUID().uuidString).yml")
        defer { try? FileManager.default.removeItem(at: config) }
        try "base_url: not a url\n".write(to: config, atomically: true, encoding: .utf8)
        do throws(GalleyError) {
            _ = try Self.build(into: output, config: config)
            Issue.record("a bad config was accepted")
        } catch {
            #expect(error.stage == .config)
            #expect(error.reason.contains("base_url"))
        }
        #expect(try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8) == "keep me")
    }

    /// The build state is read on another thread while the config is: a bad config is still
    /// the error reported when the state cannot be opened either, and a good config then gets
    /// the state's own error.
    @Test func aBadConfigIsReportedBeforeABuildStateThatCannotBeOpened() throws {
        let root = RepositoryPaths.temporaryFolder("bad-config-bad-state")
        defer { try? FileManager.default.removeItem(at: root) }
        let cache = root.appendingPathComponent("cache")
        try FileManager.default.createDirectory(at: cache, withIntermediateDirectories: true)
        // The state's folder (`cache/public/`) is a file: the state cannot be created (the lock,
        // `cache/public.lock`, can).
        try "not a folder".write(to: cache.appendingPathComponent("public"), atomically: true, encoding: .utf8)
        let badConfig = root.appendingPathComponent("galley.yml")
        try "base_url: not a url\n".write(to: badConfig, atomically: true, encoding: .utf8)
        func build(config: URL) throws(GalleyError) {
            let options = BuildPipeline.Options(configFile: config, configRequired: true, contentFolder: RepositoryPaths.content,
                                                outputFolder: root.appendingPathComponent("public"), templatesFolder: RepositoryPaths.templates,
                                                jobs: 2, now: Self.fixedClock, cacheFolder: cache)
            _ = try BuildPipeline(options: options).run()
        }
        for _ in 0..<5 {
            do throws(GalleyError) {
                try build(config: badConfig)
                Issue.record("a bad config was accepted")
            } catch {
                #expect(error.stage == .config && error.reason.contains("base_url"), "\(error)")
            }
        }
        do throws(GalleyError) {
            try build(config: RepositoryPaths.config)
            Issue.record("a build state that cannot be created was accepted")
        } catch {
            #expect(error.stage == .write && error.reason.contains("build state"), "\(error)")
        }
    }

    @Test func brokenPagesAreSkippedAndTheRestIsPublished() throws {
        let content = RepositoryPaths.temporaryFolder("broken-content")
        let output = RepositoryPaths.temporaryFolder("broken-out")
        defer {
            try? FileManager.default.removeItem(at: content)
            try? FileManager.default.removeItem(at: output)
        }
        let good = """
        ---
        title: Artikel Baik
        date: 2026-10-12T09:30:00+07:00
        tags: [Uji]
        region: Jakarta
        ---

        Isi artikel.
        """
        try good.write(to: content.appendingPathComponent("baik.md"), atomically: true, encoding: .utf8)
        try "".write(to: content.appendingPathComponent("kosong.html"), atomically: true, encoding: .utf8)
        try Data([0x1F, 0x8B, 0x08, 0x00, 0x01]).write(to: content.appendingPathComponent("rusak.html.gz"))
        try "---\ntitle: [\n---\n".write(to: content.appendingPathComponent("salah.md"), atomically: true, encoding: .utf8)
        let before = RepositoryPaths.files(in: content).map { (try? Data(contentsOf: content.appendingPathComponent($0))) }
        let report = try Self.build(into: output, content: content)
        #expect(report.published == 1)
        #expect(Set(report.failed.compactMap(\.source)) == ["kosong.html", "rusak.html.gz", "salah.md"])
        #expect(SiteInspector(folder: output).files.contains("2026/10/artikel-baik/index.html"))
        #expect(RepositoryPaths.files(in: content).map { (try? Data(contentsOf: content.appendingPathComponent($0))) } == before)
    }

    /// `2026/index.html`, `2026/10/index.html`, `2026/10/page/2/index.html`.
    static func isArchive(_ path: String) -> Bool {
        path.range(of: #"^\d{4}/(\d{2}/)?(page/\d+/)?index\.html$"#, options: .regularExpression) != nil
    }

    /// Articles by their page path, with the term folders they belong to, read from the sitemap
    /// and the pages themselves.
    static func publishedArticles(in site: SiteInspector) throws -> [(path: String, terms: [String])] {
        let candidates = site.htmlFiles.filter { path in
            !path.hasPrefix("tags/") && !path.hasPrefix("regions/") && !path.hasPrefix("page/") && path != "index.html"
                && path != "404.html" && !isArchive(path)
        }
        return candidates.map { path in
            // The article's own tags and region: links inside <article>, not the related cards.
            let terms = site.links(in: path, until: "</article>").compactMap { link -> String? in
                guard let target = site.resolve(link, from: path), target.hasPrefix("tags/") || target.hasPrefix("regions/"),
                      target.split(separator: "/").count == 3 else { return nil }
                return String(target.dropLast("index.html".count))
            }
            return (path, Array(Set(terms)).sorted())
        }
    }
}

import Foundation
import GalleyCore
import GalleyPipeline
import Testing
#if canImport(FoundationXML)
import FoundationXML
#endif

/// The example built once with the publisher settings on, and once with the defaults.
final class PublisherThemeSite: Sendable {
    let folder: URL
    let site: SiteInspector
    let plainSite: SiteInspector
    let config: SiteConfig

    init() throws {
        folder = RepositoryPaths.temporaryFolder("publisher-theme")
        let configFile = folder.appendingPathComponent("galley.yml")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let text = try String(contentsOf: RepositoryPaths.config, encoding: .utf8) + "\nfeed_content: full\nsearch: true\n"
        try text.write(to: configFile, atomically: true, encoding: .utf8)
        config = try ConfigLoader.load(configFile, required: true)
        let output = folder.appendingPathComponent("public")
        // As the command line builds without `--report`: the index's entries are let go after
        // the article pages, and the full-text feeds keep the heads they need.
        _ = try WholeSiteTests.build(into: output, config: configFile, reportsEverySource: false)
        site = SiteInspector(folder: output)
        let plain = folder.appendingPathComponent("plain")
        _ = try WholeSiteTests.build(into: plain)
        plainSite = SiteInspector(folder: plain)
    }

    @TaskLocal static var current: PublisherThemeSite?
}

/// Builds the two sites before the suite's tests and removes them after.
struct PublisherThemeSiteScope: SuiteTrait, TestScoping {
    var isRecursive: Bool { false }

    func provideScope(for test: Test, testCase: Test.Case?, performing function: @Sendable () async throws -> Void) async throws {
        let built = try PublisherThemeSite()
        defer { try? FileManager.default.removeItem(at: built.folder) }
        try await PublisherThemeSite.$current.withValue(built) { try await function() }
    }
}

/// Issue 14, item 5: what a publisher needs of the default theme, checked on the bundled example
/// built with `feed_content: full` and `search: true` (the Lighthouse, axe and Nu checks of the
/// same pages are scripts/lighthouse.sh and scripts/validate-html.sh).
@Suite(.serialized, PublisherThemeSiteScope()) struct PublisherThemeTests {
    var built: PublisherThemeSite { get throws { try #require(PublisherThemeSite.current, "the suite's sites were not built") } }

    /// The `content` of every `<meta name=…>` / `<meta property=…>` with this name in a page.
    static func meta(_ name: String, in html: String) -> [String] {
        let pattern = "<meta (?:name|property)=\"\(NSRegularExpression.escapedPattern(for: name))\" content=\"([^\"]*)\">"
        return matches(pattern, in: html)
    }

    static func matches(_ pattern: String, in text: String) -> [String] {
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return [] }
        return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap { match in
            Range(match.range(at: 1), in: text).map { String(text[$0]) }
        }
    }

    @Test func everyPageHasOneMetaDescriptionAndListsCountTheirArticles() throws {
        let site = try built.site
        for page in site.htmlFiles where !page.hasPrefix("pagefind/") {
            let descriptions = Self.meta("description", in: site.text(page))
            #expect(descriptions.count == 1 && !descriptions[0].trimmingCharacters(in: .whitespaces).isEmpty, "\(page): \(descriptions)")
        }
        // "8 berita tentang Banjir di Galley News.": the count is the tag's, as the tags index says.
        let index = site.text("tags/index.html")
        let counted = Self.matches("<li><a href=\"banjir/index.html\">Banjir</a> <span class=\"count\">(\\d+)<", in: index)
        let description = try #require(Self.meta("description", in: site.text("tags/banjir/index.html")).first)
        #expect(description == "\(try #require(counted.first)) berita tentang Banjir di \(try built.config.title).")
        // Later pages of a list say which page they are.
        if site.files.contains("page/2/index.html") {
            #expect(try #require(Self.meta("description", in: site.text("page/2/index.html")).first).hasSuffix("Halaman 2."))
        }
    }

    @Test func homeListsAndTermIndicesHaveWebsiteCards() throws {
        let site = try built.site
        let pages = ["index.html", "tags/index.html", "regions/index.html", "tags/banjir/index.html"]
        for page in pages {
            let html = site.text(page)
            #expect(Self.meta("og:type", in: html) == ["website"], "\(page)")
            #expect(Self.meta("og:title", in: html).count == 1, "\(page)")
            #expect(Self.meta("og:url", in: html).first?.hasPrefix(try built.config.baseURL) == true, "\(page)")
            #expect(Self.meta("og:description", in: html).count == 1, "\(page)")
            #expect(Self.meta("twitter:card", in: html).count == 1, "\(page)")
            #expect(Self.meta("article:published_time", in: html).isEmpty, "\(page) is no article")
        }
        #expect(Self.meta("og:image", in: site.text("index.html")).count == 1, "the home page shows its first lead image")
    }

    @Test func everyPageLinksTheSiteFeedIconsAndManifest() throws {
        let site = try built.site
        for page in site.htmlFiles where !page.hasPrefix("pagefind/") {
            let html = site.text(page)
            let feeds = Self.matches("<link rel=\"alternate\" type=\"application/atom\\+xml\" title=\"[^\"]*\" href=\"([^\"]*)\">", in: html)
            #expect(feeds.compactMap { site.resolve($0, from: page) }.contains("feed.xml"), "\(page) does not link the site feed")
            for rel in ["icon", "apple-touch-icon", "manifest"] {
                let hrefs = Self.matches("<link rel=\"\(rel)\" href=\"([^\"]*)\"", in: html)
                #expect(!hrefs.isEmpty && hrefs.allSatisfy { site.resolve($0, from: page).map(site.files.contains) == true }, "\(page): \(rel) \(hrefs)")
            }
        }
        // A tag page links its own feed besides the site's.
        #expect(site.text("tags/banjir/index.html").contains("href=\"feed.xml\">"))
        // Browsers and feed readers ask for /favicon.ico unprompted.
        #expect(site.files.contains("favicon.ico"))
        let touchIcon = try #require(FileManager.default.contents(atPath: site.folder.appendingPathComponent("static/apple-touch-icon.png").path))
        #expect(touchIcon.starts(with: [0x89, 0x50, 0x4E, 0x47]) && touchIcon.count > 24)
        #expect(touchIcon[16..<24].elementsEqual([0, 0, 0, 180, 0, 0, 0, 180]), "the touch icon is 180 × 180")

        let manifest = try #require(JSONSerialization.jsonObject(with: Data(site.text("manifest.webmanifest").utf8)) as? [String: Any])
        #expect(manifest["name"] as? String == (try built.config.title))
        #expect(manifest["lang"] as? String == (try built.config.language))
        let icons = try #require(manifest["icons"] as? [[String: Any]])
        #expect(icons.count == 2)
        for icon in icons { #expect(site.files.contains(icon["src"] as? String ?? "-"), "\(icon)") }
    }

    @Test func feedsCarryWholeArticlesWithFeedContentFull() throws {
        let site = try built.site
        let feed = site.text("feed.xml")
        #expect(XMLParser(data: Data(feed.utf8)).parse(), "feed.xml is well-formed")
        let contents = Self.matches("<content type=\"html\" xml:base=\"[^\"]+\">([^<]*)</content>", in: feed)
        #expect(contents.count == Self.matches("(<entry>)", in: feed).count, "every entry has its content")
        #expect(contents.allSatisfy { $0.contains("&lt;p&gt;") }, "the content is the article's HTML, escaped")
        // The default is summaries only.
        #expect(!(try built.plainSite.text("feed.xml")).contains("<content"))
    }

    @Test func articlesShowUIWordsInTheirOwnLanguage() throws {
        let site = try built.site
        var english = 0, indonesian = 0
        for page in site.htmlFiles where page.hasPrefix("20") {
            let html = site.text(page)
            guard let start = html.range(of: "<article class=\"article\""), let end = html.range(of: "</article>", range: start.upperBound..<html.endIndex)
            else { continue }
            let article = String(html[start.lowerBound..<end.lowerBound])
            if article.contains(" lang=\"en") {
                english += 1
                #expect(article.contains(">Published <time") && !article.contains("Terbit") && !article.contains("Oleh "), "\(page)")
                #expect(!article.contains("Topik</h2>") && !article.contains("Sumber:"), "\(page)")
            } else if article.contains(" lang=\"id\"") {
                indonesian += 1
                #expect(article.contains(">Terbit <time"), "\(page)")
            }
        }
        #expect(english >= 5 && indonesian >= 10, "en \(english), id \(indonesian)")
    }

    @Test func relatedStoriesAndTheNotFoundPageUseSmallH3Cards() throws {
        let site = try built.site
        var checked = 0
        for page in site.htmlFiles {
            let html = site.text(page)
            guard let start = html.range(of: "<section class=\"related\"") else { continue }
            let section = String(html[start.lowerBound...]).components(separatedBy: "</section>")[0]
            #expect(section.contains("card-list card-list--compact"), "\(page)")
            #expect(Self.matches("(<h2)", in: section).count == 1, "\(page): only the section heading is an h2")
            #expect(Self.matches("(<h3 class=\"card__title\">)", in: section).count == Self.matches("(<article class=\"card)", in: section).count)
            checked += 1
        }
        #expect(checked >= 20)

        // The 404 page: links relative to the site root (where it lies), five latest stories.
        let notFound = site.text("404.html")
        let links = site.links(in: "404.html")
        #expect(!links.contains { $0.hasPrefix("/") }, "root-absolute links break under a sub-path: \(links.filter { $0.hasPrefix("/") })")
        #expect(!notFound.contains("src=\"/") && !notFound.contains("href=\"/"))
        #expect(site.brokenLinks(in: "404.html").isEmpty, "\(site.brokenLinks(in: "404.html"))")
        #expect(Self.matches("(<h3 class=\"card__title\">)", in: notFound).count == 5)
    }

    @Test func tablesScrollInAFocusableLabelledBox() throws {
        let site = try built.site
        let pages = site.htmlFiles.filter { site.text($0).contains("<table") }
        #expect(!pages.isEmpty, "the example has a table")
        for page in pages {
            let html = site.text(page)
            #expect(Self.matches("(<table)", in: html).count
                == Self.matches("(<div class=\"table-scroll\" role=\"region\" tabindex=\"0\" aria-label=\"[^\"]+\">\\n<table)", in: html).count, "\(page)")
        }
    }

    @Test func searchAddsAPageAndAHeaderBoxOnlyWhenOn() throws {
        let site = try built.site
        #expect(site.files.contains("search/index.html"))
        let search = site.text("search/index.html")
        #expect(search.contains("<script src=\"../pagefind/pagefind-ui.js\" defer></script>"))
        #expect(search.contains("<script src=\"../static/search.js\" defer></script>"))
        #expect(site.files.contains("static/search.js"))
        for page in site.htmlFiles where !page.hasPrefix("pagefind/") {
            let actions = Self.matches("<form class=\"site-search\" role=\"search\" action=\"([^\"]*)\"", in: site.text(page))
            #expect(actions.compactMap { site.resolve($0, from: page) } == ["search/index.html"], "\(page): \(actions)")
        }
        let plain = try built.plainSite
        #expect(!plain.files.contains("search/index.html"))
        #expect(!plain.text("index.html").contains("site-search"))
        #expect(!plain.text("index.html").contains("<script src"), "no script without search")
    }

    @Test func printingAnArticleLeavesOutEverythingButTheArticle() throws {
        let css = try built.site.text("static/galley.css")
        let print = try #require(css.components(separatedBy: "@media print {").dropFirst().first)
        for hidden in [".related", ".article-nav", ".site-footer", ".site-nav", ".site-search"] {
            #expect(print.range(of: "\(hidden)[,\\s][^}]*display: none", options: .regularExpression) != nil, "\(hidden) prints")
        }
    }
}

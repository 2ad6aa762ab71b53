import Foundation
import GalleyCore
import Testing

@Suite struct SitePathsTests {
    let paths = SitePaths(baseURL: "https://news.example.org", permalink: "/:year/:month/:slug/")

    @Test func articlePathFollowsThePermalinkInTheSiteTimeZone() throws {
        let published = try #require(Timestamp.parseISO8601("2020-10-31T23:30:00+07:00"))
        #expect(paths.articlePath(slug: "banjir", published: published, section: nil, region: nil) == "2020/10/banjir/index.html")
        // 17:30 on 31 October in New York is 1 November in Jakarta.
        let jakarta = SitePaths(baseURL: "https://x.org/", permalink: "/:year/:month/:day/:slug/", timeZone: TimeZone(identifier: "Asia/Jakarta")!)
        let newYork = try #require(Timestamp.parseISO8601("2020-10-31T17:30:00-04:00"))
        #expect(jakarta.articlePath(slug: "a", published: newYork, section: nil, region: nil) == "2020/11/01/a/index.html")
        #expect(jakarta.archiveFolder(year: 2020, month: 11) == "2020/11/")
        let flat = SitePaths(baseURL: "https://x.org/", permalink: "/:region/:slug.html")
        #expect(flat.articlePath(slug: "banjir", published: published, section: nil, region: "Jawa Timur") == "jawa-timur/banjir.html")
    }

    @Test func patternsCannotClimbOut() throws {
        let published = try #require(Timestamp.parseISO8601("2020-10-31T23:30:00Z"))
        let hostile = SitePaths(baseURL: "https://x.org/", permalink: "/../../:slug/")
        #expect(hostile.articlePath(slug: "a", published: published, section: nil, region: nil) == "a/index.html")
    }

    @Test(arguments: [
        ("index.html", "tags/banjir/index.html", "tags/banjir/index.html"),
        ("tags/banjir/index.html", "index.html", "../../index.html"),
        ("tags/banjir/page/2/index.html", "tags/banjir/index.html", "../../index.html"),
        ("2020/10/a/index.html", "static/", "../../../static/"),
        ("2020/10/a/index.html", "2020/10/b/index.html", "../b/index.html"),
        ("404.html", "index.html", "index.html"),
    ])
    func relativeLinksWorkFromDisk(from: String, to: String, expected: String) {
        #expect(SitePaths.relativeLink(from: from, to: to) == expected)
    }

    @Test func absoluteURLsUseFoldersWithTrailingSlashes() {
        #expect(paths.baseURL == "https://news.example.org/")
        #expect(paths.absoluteURL("tags/banjir/index.html") == "https://news.example.org/tags/banjir/")
        #expect(paths.absoluteURL("index.html") == "https://news.example.org/")
        #expect(paths.absoluteURL("feed.xml") == "https://news.example.org/feed.xml")
    }

    @Test func listPagesHaveStablePageURLs() {
        #expect(SitePaths.listPage(folder: "tags/banjir/", number: 1) == "tags/banjir/index.html")
        #expect(SitePaths.listPage(folder: "tags/banjir/", number: 2) == "tags/banjir/page/2/index.html")
        #expect(SitePaths.listPage(folder: "", number: 3) == "page/3/index.html")
    }
}

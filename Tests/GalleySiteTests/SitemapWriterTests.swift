import GalleyCore
@testable import GalleySite
import Testing

/// Up to `urlsPerPart` URLs the sitemap is one file; past it, an index of numbered parts that
/// list every URL once, in order, each part within the limit; a part made from the articles and
/// the lists' folders lists what one made from every URL would.
@Suite struct SitemapWriterTests {
    static let writer = SitemapWriter(paths: SitePaths(baseURL: "https://berita.example/", permalink: "/:year/:month/:slug/"))

    static func pages(_ count: Int) -> SitemapPages {
        SitemapPages(articles: [], pages: (0..<count).map { .single(path: "2025/10/berita-\($0)/index.html") })
    }

    static func locations(_ bytes: [UInt8]) -> [String] {
        String(decoding: bytes, as: UTF8.self).components(separatedBy: "<loc>").dropFirst().map { $0.components(separatedBy: "</loc>")[0] }
    }

    @Test func oneFileUpToThePartSize() {
        let files = Self.writer.plannedFiles(for: Self.pages(SitemapWriter.urlsPerPart))
        #expect(files.map(\.path) == ["sitemap.xml"])
        let urls = Self.locations(files[0].make())
        #expect(urls.count == SitemapWriter.urlsPerPart && urls.first == "https://berita.example/2025/10/berita-0/")
    }

    @Test func pastThePartSizeAnIndexOfPartsListsEveryURLOnce() {
        let count = 2 * SitemapWriter.urlsPerPart + 1
        let files = Self.writer.plannedFiles(for: Self.pages(count))
        #expect(files.map(\.path) == ["sitemap.xml", "sitemap-1.xml", "sitemap-2.xml", "sitemap-3.xml"])
        #expect(Self.locations(files[0].make()) == (1...3).map { "https://berita.example/sitemap-\($0).xml" })
        let parts = files.dropFirst().map { Self.locations($0.make()) }
        #expect(parts.map(\.count) == [SitemapWriter.urlsPerPart, SitemapWriter.urlsPerPart, 1])
        #expect(parts.flatMap { $0 } == (0..<count).map { "https://berita.example/2025/10/berita-\($0)/" })
    }

    /// Articles dated by their last change, then each list's pages and single pages, undated;
    /// any range of them (a part) is that slice of the whole listing, whatever list it starts
    /// or ends in.
    @Test func anyRangeOfArticlesAndListsIsThatSliceOfTheListing() {
        let date = Timestamp(date: .init(timeIntervalSince1970: 1_760_000_000), utcOffsetSeconds: 7 * 3600)
        let articles = (0..<5).map { ArticleSummary(slug: "b\($0)", title: "B", path: "2025/10/b\($0)/index.html", published: date, source: "b\($0).md") }
        let pages = SitemapPages(articles: articles, pages: [.list(folder: "", pageCount: 3), .single(path: "tags/index.html"),
                                                             .list(folder: "tags/banjir/", pageCount: 1), .list(folder: "2025/", pageCount: 4)])
        let whole = articles.map { ($0.path, Optional($0.published)) }
            + ["index.html", "page/2/index.html", "page/3/index.html", "tags/index.html", "tags/banjir/index.html",
               "2025/index.html", "2025/page/2/index.html", "2025/page/3/index.html", "2025/page/4/index.html"].map { ($0, Timestamp?.none) }
        #expect(pages.count == whole.count)
        for start in 0...whole.count {
            for end in start...whole.count {
                var listed: [(String, Timestamp?)] = []
                pages.forEach(in: start..<end) { listed.append(($0, $1)) }
                #expect(listed.map(\.0) == whole[start..<end].map(\.0) && listed.map(\.1) == whole[start..<end].map(\.1), "\(start)..<\(end)")
            }
        }
    }
}

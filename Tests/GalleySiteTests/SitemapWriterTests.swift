import GalleyCore
@testable import GalleySite
import Testing

/// Up to `urlsPerPart` URLs the sitemap is one file; past it, an index of numbered parts that
/// list every URL once, in order, each part within the limit.
@Suite struct SitemapWriterTests {
    static let writer = SitemapWriter(paths: SitePaths(baseURL: "https://berita.example/", permalink: "/:year/:month/:slug/"))

    static func pages(_ count: Int) -> [(path: String, lastModified: Timestamp?)] {
        (0..<count).map { ("2025/10/berita-\($0)/index.html", nil) }
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
}

import GalleyCore

/// `sitemap.xml` (sitemaps.org 0.9); past 50,000 URLs, a sitemap index with numbered parts.
struct SitemapWriter: Sendable {
    /// The protocol's limit of URLs per file.
    static let maximumURLs = 50_000
    let paths: SitePaths

    /// The sitemap files of `pages`, each made when it is written (a site of a million pages
    /// has twenty parts).
    func plannedFiles(for pages: [(path: String, lastModified: Timestamp?)]) -> [PlannedFile] {
        if pages.count <= Self.maximumURLs {
            return [PlannedFile(path: SitePaths.sitemap) { urlset(path: SitePaths.sitemap, pages: pages).bytes }]
        }
        let parts = stride(from: 0, to: pages.count, by: Self.maximumURLs).map { start in
            Array(pages[start..<min(pages.count, start + Self.maximumURLs)])
        }
        var index = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        var files: [PlannedFile] = []
        for (number, part) in parts.enumerated() {
            let path = "sitemap-\(number + 1).xml"
            files.append(PlannedFile(path: path) { urlset(path: path, pages: part).bytes })
            index += "  <sitemap><loc>\(MarkupEscaper.xml(paths.absoluteURL(path)))</loc></sitemap>\n"
        }
        index += "</sitemapindex>\n"
        return [PlannedFile(RenderedPage(path: SitePaths.sitemap, text: index))] + files
    }

    private func urlset(path: String, pages: [(path: String, lastModified: Timestamp?)]) -> RenderedPage {
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for page in pages {
            xml += "  <url><loc>\(MarkupEscaper.xml(paths.absoluteURL(page.path)))</loc>"
            if let modified = page.lastModified { xml += "<lastmod>\(modified.rfc3339)</lastmod>" }
            xml += "</url>\n"
        }
        xml += "</urlset>\n"
        return RenderedPage(path: path, text: xml)
    }
}

import GalleyCore

/// `sitemap.xml` (sitemaps.org 0.9); past `urlsPerPart` URLs, a sitemap index with numbered parts.
struct SitemapWriter: Sendable {
    /// URLs per file. The protocol allows 50,000; a part's bytes are made when it is written,
    /// two parts at a time, and parts of 50,000 URLs (8.6 MB each) were the peak of a
    /// 50,000-article build. Parts of 10,000 stay under 2 MB, and a change to one article's
    /// date rewrites only its part.
    static let urlsPerPart = 10_000
    /// The markup of one `<url>` entry besides its URL: the tags, the indent, the newline and
    /// a `<lastmod>` date with its time zone (69 bytes), with room for a few escaped characters.
    static let bytesAroundEachURL = 80
    let paths: SitePaths

    /// The sitemap files of `pages`, each made when it is written (a site of a million pages
    /// has a hundred parts). The parts share `pages`; none holds a copy of its share.
    func plannedFiles(for pages: SitemapPages) -> [PlannedFile] {
        if pages.count <= Self.urlsPerPart {
            return [PlannedFile(path: SitePaths.sitemap) { urlset(path: SitePaths.sitemap, pages: pages, part: 0..<pages.count).bytes }]
        }
        let parts = stride(from: 0, to: pages.count, by: Self.urlsPerPart).map { start in
            start..<min(pages.count, start + Self.urlsPerPart)
        }
        var index = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        var files: [PlannedFile] = []
        for (number, part) in parts.enumerated() {
            let path = "sitemap-\(number + 1).xml"
            files.append(PlannedFile(path: path) { urlset(path: path, pages: pages, part: part).bytes })
            index += "  <sitemap><loc>\(MarkupEscaper.xml(paths.absoluteURL(path)))</loc></sitemap>\n"
        }
        index += "</sitemapindex>\n"
        return [PlannedFile(RenderedPage(path: SitePaths.sitemap, text: index))] + files
    }

    /// Written as bytes: appending to a string, a sitemap of 16,000 URLs was most of a
    /// one-article build's write phase.
    private func urlset(path: String, pages: SitemapPages, part: Range<Int>) -> RenderedPage {
        var xml = Array("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n".utf8)
        // Room for every URL at once: an array that outgrows its room is copied into one twice
        // its size (a 50,000-URL sitemap held 19 MB instead of 7 at the build's peak).
        var pathBytes = 0
        pages.forEach(in: part) { path, _ in pathBytes += path.utf8.count }
        xml.reserveCapacity(xml.count + pathBytes + part.count * (paths.baseURL.utf8.count + Self.bytesAroundEachURL) + 16)
        var base: [UInt8] = []  // escaped once, not for each URL
        MarkupEscaper.appendXML(paths.baseURL, to: &base)
        pages.forEach(in: part) { path, lastModified in
            xml += "  <url><loc>".utf8
            xml += base
            MarkupEscaper.appendXML(SitePaths.prettyPath(path), to: &xml)
            xml += "</loc>".utf8
            if let modified = lastModified {
                xml += "<lastmod>".utf8
                xml += modified.rfc3339.utf8
                xml += "</lastmod>".utf8
            }
            xml += "</url>\n".utf8
        }
        xml += "</urlset>\n".utf8
        return RenderedPage(path: path, bytes: xml)
    }
}

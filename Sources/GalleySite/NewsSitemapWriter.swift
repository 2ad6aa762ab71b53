import Foundation
import GalleyCore

/// Google News sitemaps: only articles published in the last two days (by the build's clock),
/// at most 1,000 URLs a file, with the publication's name and the article's language. An
/// article dated only by its file's mtime (`DateSource.file`) is left out: its publication
/// time is a guess, and Google News wants the real one.
package struct NewsSitemapWriter {
    /// Google News takes articles of the last two days only.
    static let window: TimeInterval = 2 * 24 * 3600
    /// URLs per news sitemap file.
    static let maximumURLs = 1_000

    let config: SiteConfig
    let now: Date

    /// `news-sitemap.xml`, `news-sitemap-2.xml`, … for the recent articles (none when there are none).
    /// The same files as planned files (they are few and small: made now).
    func plannedFiles(for newestFirst: [ArticleSummary]) -> [PlannedFile] {
        files(for: newestFirst).map(PlannedFile.init)
    }

    func files(for newestFirst: [ArticleSummary]) -> [RenderedPage] {
        let recent = newestFirst.filter(isListed)
        return stride(from: 0, to: recent.count, by: Self.maximumURLs).enumerated().map { number, start in
            let path = number == 0 ? "news-sitemap.xml" : "news-sitemap-\(number + 1).xml"
            return urlset(path: path, items: recent[start..<min(recent.count, start + Self.maximumURLs)])
        }
    }

    /// Whether an article belongs in the news sitemap: published within the window, by a
    /// date the page or its fetch gave.
    func isListed(_ article: ArticleSummary) -> Bool {
        article.dateSource != .file && now.timeIntervalSince(article.published.date) <= Self.window && article.published.date <= now
    }

    /// When the article's place in the news sitemap next changes with the clock alone (nil when
    /// it never will): it enters the window at its publication time and leaves it `window`
    /// later; one dated by its file never enters. The build uses it to know how long an
    /// unchanged site stays up to date.
    package static func nextListingChange(of article: ArticleSummary, now: Date) -> Date? {
        guard article.dateSource != .file else { return nil }
        let date = article.published.date
        let change = date > now ? date : date.addingTimeInterval(window)
        return change > now ? change : nil
    }

    private func urlset(path: String, items: ArraySlice<ArticleSummary>) -> RenderedPage {
        var xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">

        """
        for item in items {
            xml += """
              <url><loc>\(MarkupEscaper.xml(config.paths.absoluteURL(item.path)))</loc><news:news><news:publication><news:name>\(MarkupEscaper.xml(config.title))</news:name><news:language>\(Self.language(item.language ?? config.language))</news:language></news:publication><news:publication_date>\(item.published.rfc3339)</news:publication_date><news:title>\(MarkupEscaper.xml(item.title))</news:title></news:news></url>

            """
        }
        return RenderedPage(path: path, text: xml + "</urlset>\n")
    }

    /// ISO 639 code as Google News wants it: the primary subtag, except `zh-cn` / `zh-tw`.
    static func language(_ tag: String) -> String {
        let lower = tag.lowercased().replacingOccurrences(of: "_", with: "-")
        if lower.hasPrefix("zh-") { return lower.contains("tw") || lower.contains("hant") ? "zh-tw" : "zh-cn" }
        return MarkupEscaper.xml(String(lower.prefix { $0 != "-" }))
    }
}

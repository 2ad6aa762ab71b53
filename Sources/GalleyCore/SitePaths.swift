import Foundation

/// Where every page of the site lives, and how one page links to another.
///
/// Paths are relative to the output folder and always name a file (`tags/banjir/index.html`).
/// Links between pages are relative and keep the `index.html`, so the site browses the same
/// from disk (`file://`) and over HTTP; absolute URLs (canonical, feeds, sitemaps) use the
/// base URL and the folder form with a trailing slash.
public struct SitePaths: Sendable, Hashable {
    /// Absolute base URL with a trailing slash.
    public var baseURL: String
    /// Article permalink pattern, e.g. `/:year/:month/:slug/`.
    public var permalink: String
    /// The site's time zone: the calendar day of an article (permalinks, archives) is its day there.
    public var timeZone: TimeZone

    /// Creates the path scheme.
    public init(baseURL: String, permalink: String, timeZone: TimeZone = .gmt) {
        self.baseURL = baseURL.hasSuffix("/") ? baseURL : baseURL + "/"
        self.permalink = permalink
        self.timeZone = timeZone
    }

    /// Year, month and day of a moment in the site's time zone.
    public func calendarDay(of timestamp: Timestamp) -> (year: Int, month: Int, day: Int) {
        let local = timestamp.converted(toOffsetSeconds: timeZone.secondsFromGMT(for: timestamp.date)).components
        return (local.year ?? 0, local.month ?? 0, local.day ?? 0)
    }

    /// The folder of a date archive: `2026/` for a year, `2026/10/` for a month.
    public func archiveFolder(year: Int, month: Int?) -> String {
        Timestamp.pad(year, width: 4) + "/" + (month.map { Timestamp.pad($0) + "/" } ?? "")
    }

    public static let homeFeed = "feed.xml"
    public static let sitemap = "sitemap.xml"
    public static let notFound = "404.html"
    public static let staticFolder = "static/"

    /// Page `number` (1-based) of a list whose first page is in `folder` ("" for home).
    public func listPage(folder: String, number: Int) -> String {
        number <= 1 ? folder + "index.html" : folder + "page/\(number)/index.html"
    }

    /// The folder of a taxonomy's index (`tags/`).
    public func taxonomyFolder(_ taxonomy: Taxonomy) -> String { taxonomy.rawValue + "/" }

    /// The folder of one term's list (`tags/banjir/`).
    public func termFolder(_ taxonomy: Taxonomy, _ term: Term) -> String {
        taxonomy.rawValue + "/" + term.slug + "/"
    }

    /// The Atom feed of one term.
    public func termFeed(_ taxonomy: Taxonomy, _ term: Term) -> String { termFolder(taxonomy, term) + "feed.xml" }

    /// The output path of an article from the permalink pattern. Tokens: `:year`, `:month`,
    /// `:day` (in the site's time zone), `:slug`, `:section`, `:region` (slugged; `news`
    /// and `all` when missing). A pattern ending in `/` gives a folder with `index.html`.
    public func articlePath(slug: String, published: Timestamp, section: String?, region: String?) -> String {
        let date = calendarDay(of: published)
        let values: [(String, String)] = [
            (":year", Timestamp.pad(date.year, width: 4)),
            (":month", Timestamp.pad(date.month)),
            (":day", Timestamp.pad(date.day)),
            (":section", section.map(Slug.make) ?? "news"),
            (":region", region.map(Slug.make) ?? "all"),
            (":slug", slug),
        ]
        var path = permalink
        for (token, value) in values { path = path.replacingOccurrences(of: token, with: value) }
        let parts = path.split(separator: "/").map(String.init).filter { !$0.isEmpty && $0 != "." && $0 != ".." }
        let joined = parts.joined(separator: "/")
        if path.hasSuffix("/") || parts.isEmpty { return (joined.isEmpty ? "" : joined + "/") + "index.html" }
        return joined
    }

    /// The absolute URL of a page: the base URL plus the path, with `index.html` dropped.
    public func absoluteURL(_ path: String) -> String {
        baseURL + Self.prettyPath(path)
    }

    /// A path without a trailing `index.html` (`tags/banjir/`).
    public static func prettyPath(_ path: String) -> String {
        if path == "index.html" { return "" }
        if path.hasSuffix("/index.html") { return String(path.dropLast("index.html".count)) }
        return path
    }

    /// A relative link from the page at `from` to the file at `to`, both relative to the site root.
    /// Path segments are percent-encoded where needed.
    public static func relativeLink(from: String, to: String) -> String {
        let fromFolders = from.split(separator: "/", omittingEmptySubsequences: false).dropLast()
        let toParts = to.split(separator: "/", omittingEmptySubsequences: false)
        var common = 0
        while common < fromFolders.count, common < toParts.count - 1,
              fromFolders[fromFolders.startIndex + common] == toParts[common] {
            common += 1
        }
        let ups = Array(repeating: "..", count: fromFolders.count - common)
        let rest = toParts[common...].map { String($0) }
        let link = (ups + rest).joined(separator: "/")
        return link.isEmpty ? "./" : link
    }
}

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
        let local = timestamp.converted(toOffsetSeconds: timeZone.secondsFromGMT(for: timestamp.date)).wallClock
        return (local.year, local.month, local.day)
    }

    /// The folder of a date archive: `2026/` for a year, `2026/10/` for a month.
    public func archiveFolder(year: Int, month: Int?) -> String {
        Timestamp.pad(year, width: 4) + "/" + (month.map { Timestamp.pad($0) + "/" } ?? "")
    }

    public static let homeFeed = "feed.xml"
    public static let sitemap = "sitemap.xml"
    public static let notFound = "404.html"
    public static let staticFolder = "static/"
    /// The search page (`search: true`).
    public static let searchPage = "search/index.html"
    /// Where pagefind writes its index and UI files (`galley build --search`).
    public static let pagefindFolder = "pagefind/"
    /// The web app manifest (name, icons) every page links to.
    public static let manifest = "manifest.webmanifest"
    /// The favicon, copied from the theme's `static/` to the site root, where browsers and feed
    /// readers look for it without being told.
    public static let favicon = "favicon.ico"

    /// Page `number` (1-based) of a list whose first page is in `folder` ("" for home).
    public static func listPage(folder: String, number: Int) -> String {
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
        // A token's value is worked out only when the pattern (as replaced so far) has the token:
        // a section's or region's slug is not made for every article under `/:year/:month/:slug/`.
        // (A function of the token's position, not a list of closures: those were allocated
        // for every article of every build.)
        func value(_ token: Int) -> String {
            switch token {
            case 0: Timestamp.pad(date.year, width: 4)
            case 1: Timestamp.pad(date.month)
            case 2: Timestamp.pad(date.day)
            case 3: section.map(Slug.make) ?? "news"
            case 4: region.map(Slug.make) ?? "all"
            default: slug
            }
        }
        if permalink.utf8.allSatisfy({ $0 < 0x80 }), slug.utf8.allSatisfy({ $0 < 0x80 }) {
            // ASCII (slugs always are): the same replacements, token after token, on bytes.
            var bytes = Array(permalink.utf8)
            for (position, token) in Self.permalinkTokenBytes.enumerated() where bytes.contains(UInt8(ascii: ":")) {
                bytes = Self.replacing(token, with: { value(position) }, in: bytes)
            }
            return Self.folderPath(normalizing: bytes)
        }
        var path = permalink
        for (position, token) in Self.permalinkTokens.enumerated() where path.contains(token) {
            path = path.replacingOccurrences(of: token, with: value(position))
        }
        return Self.folderPath(normalizing: Array(path.utf8))
    }

    /// The permalink's tokens, in the order they are replaced.
    private static let permalinkTokens = [":year", ":month", ":day", ":section", ":region", ":slug"]
    private static let permalinkTokenBytes = permalinkTokens.map { Array($0.utf8) }

    /// A path with empty, `.` and `..` segments dropped, ending in `index.html` when it names a
    /// folder, on bytes (splitting and joining strings was most of the time an article's path
    /// took, on every build).
    private static func folderPath(normalizing bytes: [UInt8]) -> String {
        let slash = UInt8(ascii: "/"), dot = UInt8(ascii: ".")
        var path: [UInt8] = []
        path.reserveCapacity(bytes.count + 11)
        var start = 0
        for end in 0...bytes.count where end == bytes.count || bytes[end] == slash {
            let segment = bytes[start..<end]
            start = end + 1
            if segment.isEmpty || segment.elementsEqual([dot]) || segment.elementsEqual([dot, dot]) { continue }
            if !path.isEmpty { path.append(slash) }
            path.append(contentsOf: segment)
        }
        if bytes.last == slash || path.isEmpty {
            if !path.isEmpty { path.append(slash) }
            path.append(contentsOf: "index.html".utf8)
        }
        return String(decoding: path, as: UTF8.self)
    }

    /// Every occurrence of `token` in `bytes` replaced by `value`, left to right; `value` is
    /// worked out at the first occurrence, and `bytes` come back as they are without one.
    private static func replacing(_ token: [UInt8], with value: () -> String, in bytes: [UInt8]) -> [UInt8] {
        guard let first = bytes.withUnsafeBufferPointer({ ByteSearch.firstOffset(of: token, in: $0) }) else { return bytes }
        let made = Array(value().utf8)
        var result = Array(bytes[..<first])
        result.reserveCapacity(bytes.count + made.count)
        var index = first
        while index < bytes.count {
            if bytes[index] == token[0], index + token.count <= bytes.count, bytes[index..<(index + token.count)].elementsEqual(token) {
                result.append(contentsOf: made)
                index += token.count
            } else {
                result.append(bytes[index])
                index += 1
            }
        }
        return result
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
        if let link = asciiRelativeLink(from: from, to: to) { return link }
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

    /// `relativeLink` for ASCII paths (every path galley makes), on bytes; nil for other paths,
    /// whose segments compare as Unicode text.
    private static func asciiRelativeLink(from: String, to: String) -> String? {
        var from = from
        var to = to
        return from.withUTF8 { source in
            to.withUTF8 { target -> String? in
                guard !source.contains(where: { $0 >= 0x80 }), !target.contains(where: { $0 >= 0x80 }) else { return nil }
                let slash = UInt8(ascii: "/")
                // The folders of `from` (its segments but the last) that `to` starts with, whole
                // segments only, leaving `to` at least its last segment: `matched` bytes.
                var matched = 0
                var index = 0
                while index < source.count, index < target.count, source[index] == target[index] {
                    if source[index] == slash { matched = index + 1 }
                    index += 1
                }
                var ups = 0
                for byte in source[matched...] where byte == slash { ups += 1 }
                let length = ups * 3 + target.count - matched
                guard length > 0 else { return "./" }
                return String(unsafeUninitializedCapacity: length) { link in
                    for up in 0..<ups {
                        link[up * 3] = 0x2E
                        link[up * 3 + 1] = 0x2E
                        link[up * 3 + 2] = slash
                    }
                    _ = UnsafeMutableBufferPointer(rebasing: link[(ups * 3)...]).initialize(from: target[matched...])
                    return length
                }
            }
        }
    }
}

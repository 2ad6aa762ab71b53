public import Foundation

/// The contents of `galley.yml`. Every key is optional; the defaults are listed in the README.
public struct SiteConfig: Sendable, Hashable, Decodable {
    public var title: String = "Galley News"
    public var description: String = ""
    /// Absolute `http(s)` URL with a trailing slash.
    public var baseURL: String = "https://example.org/"
    /// BCP 47 language of the site (UI strings, `<html lang>`, default article language).
    public var language: String = "en"
    /// IANA time zone in which dates are shown (`Asia/Jakarta`).
    public var timezone: String = "UTC"
    /// Article permalink pattern; see `SitePaths.articlePath`.
    public var permalink: String = "/:year/:month/:slug/"
    /// Articles per list page (home, tag, region).
    public var itemsPerPage: Int = 10
    /// Entries per Atom feed.
    public var feedItems: Int = 20
    /// Which URL article pages name as canonical: this site's page, or the original source.
    public var canonical: Canonical = .self
    /// What becomes of a scraped page that gives no publication date of its own.
    public var undated: Undated = .publish
    /// What each Atom feed entry carries: the summary, or the whole article as HTML.
    public var feedContent: FeedContent = .summary
    /// Whether a page without a URL of its own (no sidecar, no provenance comment) takes one from
    /// its place in a mirror tree (`news.example.org/2026/10/a.html`).
    public var mirrorURLs: MirrorURLs = .auto
    /// Whether the theme offers a search page and a search box (Pagefind). `galley build
    /// --search` turns it on and builds the index.
    public var search: Bool = false
    public var regions = RegionRules()
    /// Image rules (`images.remote`, `images.widths`, `images.max_pixels`, `images.quality`).
    public var images = ImageRules()

    /// The `canonical` setting.
    public enum Canonical: String, Sendable, Hashable, Decodable {
        case `self`, source
    }

    /// The `undated` setting: `publish` dates a page without a date of its own by its fetch or
    /// its file (`DateSource`) and publishes it; `reject` rejects every page whose date is not
    /// from the page itself (`fetched` and `file` alike). Hand-written `.md` files carry their
    /// date and are never rejected by it.
    public enum Undated: String, Sendable, Hashable, CaseIterable {
        case publish, reject
    }

    /// The `feed_content` setting: `summary` puts each article's summary in its feed entry;
    /// `full` also puts the whole article, rendered as on its page, in `<content type="html">`.
    public enum FeedContent: String, Sendable, Hashable, CaseIterable {
        case summary, full
    }
    /// The `mirror_urls` setting: `auto` reads the URL of a page in a folder named like a host
    /// (what `wget -m` and HTTrack write) from its path; `off` never does.
    public enum MirrorURLs: String, Sendable, Hashable, CaseIterable {
        case auto, off
    }
    public var tags = TagRules()

    /// Region rules: where a page's region comes from.
    public struct RegionRules: Sendable, Hashable, Decodable {
        /// Page URL host, or host + path prefix → region (`jatim.inews.id`, `example.com/jabar/`).
        public var bySource: [String: String] = [:]
        /// Spelling (dateline, metadata) → region name, matched case-insensitively.
        public var aliases: [String: String] = [:]

        enum CodingKeys: String, CodingKey, CaseIterable {
            case bySource = "by_source"
            case aliases
        }

        /// Empty rules.
        public init(bySource: [String: String] = [:], aliases: [String: String] = [:]) {
            self.bySource = bySource
            self.aliases = aliases
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            bySource = try container.decodeIfPresent([String: String].self, forKey: .bySource) ?? [:]
            aliases = try container.decodeIfPresent([String: String].self, forKey: .aliases) ?? [:]
        }
    }

    /// Image rules: the sizes made of images found in the scrape (`widths`, `quality`), the
    /// largest image accepted (`max_pixels`), and what becomes of images that are not in it
    /// (`remote`).
    public struct ImageRules: Sendable, Hashable, Decodable {
        /// `keep` links each image where the page had it (lazily loaded, sent without a
        /// referrer); `drop` leaves it out, with its figure and caption.
        public var remote: RemoteImages = .keep
        /// The widths (pixels) each local image is made at, never wider than the image itself;
        /// the largest is the width a page shows.
        public var widths: [Int] = [480, 960, 1600]
        /// Images with more pixels than this (width × height) are refused: a small file can
        /// declare a huge picture (a decompression bomb).
        public var maxPixels: Int = 40_000_000
        /// JPEG and WebP quality, 1–100.
        public var quality: Int = 80

        enum CodingKeys: String, CodingKey, CaseIterable {
            case remote, widths
            case maxPixels = "max_pixels"
            case quality
        }

        /// The default rules.
        public init(remote: RemoteImages = .keep, widths: [Int] = [480, 960, 1600], maxPixels: Int = 40_000_000, quality: Int = 80) {
            self.remote = remote
            self.widths = widths
            self.maxPixels = maxPixels
            self.quality = quality
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            if let text = try container.decodeIfPresent(String.self, forKey: .remote) {
                guard let value = RemoteImages(rawValue: text.trimmingCharacters(in: .whitespaces).lowercased()) else {
                    throw DecodingError.dataCorruptedError(forKey: .remote, in: container, debugDescription: "must be keep or drop, got \"\(text)\"")
                }
                remote = value
            }
            if let widths = try container.decodeIfPresent([Int].self, forKey: .widths) {
                guard !widths.isEmpty, widths.allSatisfy({ (16...8192).contains($0) }) else {
                    throw DecodingError.dataCorruptedError(forKey: .widths, in: container, debugDescription: "must be a list of widths from 16 to 8192 pixels")
                }
                self.widths = Array(Set(widths)).sorted()
            }
            if let pixels = try container.decodeIfPresent(Int.self, forKey: .maxPixels) {
                guard pixels > 0 else {
                    throw DecodingError.dataCorruptedError(forKey: .maxPixels, in: container, debugDescription: "must be a positive number of pixels")
                }
                maxPixels = pixels
            }
            if let quality = try container.decodeIfPresent(Int.self, forKey: .quality) {
                guard (1...100).contains(quality) else {
                    throw DecodingError.dataCorruptedError(forKey: .quality, in: container, debugDescription: "must be from 1 to 100")
                }
                self.quality = quality
            }
        }
    }

    /// The `images.remote` setting.
    public enum RemoteImages: String, Sendable, Hashable, CaseIterable {
        case keep, drop
    }

    /// Tag rules.
    public struct TagRules: Sendable, Hashable, Decodable {
        /// Spelling → canonical tag, matched case-insensitively.
        public var aliases: [String: String] = [:]

        /// Empty rules.
        public init(aliases: [String: String] = [:]) { self.aliases = aliases }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            aliases = try container.decodeIfPresent([String: String].self, forKey: .aliases) ?? [:]
        }

        enum CodingKeys: String, CodingKey, CaseIterable { case aliases }
    }

    /// The keys `galley.yml` may hold at its top level; any other is an error.
    public static let keys: [String] = CodingKeys.allCases.map(\.rawValue)

    /// The keys the mappings under `regions` and `tags` may hold (their own mappings hold the
    /// user's names: hosts, spellings).
    public static let sectionKeys: [String: [String]] = [
        CodingKeys.regions.rawValue: RegionRules.CodingKeys.allCases.map(\.rawValue),
        CodingKeys.tags.rawValue: TagRules.CodingKeys.allCases.map(\.rawValue),
        CodingKeys.images.rawValue: ImageRules.CodingKeys.allCases.map(\.rawValue),
    ]

    enum CodingKeys: String, CodingKey, CaseIterable {
        case title, description, language, timezone, permalink, regions, tags, canonical, undated, search, images
        case baseURL = "base_url"
        case itemsPerPage = "items_per_page"
        case feedItems = "feed_items"
        case feedContent = "feed_content"
        case mirrorURLs = "mirror_urls"
    }

    /// The default configuration.
    public init() {}

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = SiteConfig()
        title = try container.decodeIfPresent(String.self, forKey: .title) ?? defaults.title
        description = try container.decodeIfPresent(String.self, forKey: .description) ?? defaults.description
        baseURL = try container.decodeIfPresent(String.self, forKey: .baseURL) ?? defaults.baseURL
        language = try container.decodeIfPresent(String.self, forKey: .language) ?? defaults.language
        timezone = try container.decodeIfPresent(String.self, forKey: .timezone) ?? defaults.timezone
        permalink = try container.decodeIfPresent(String.self, forKey: .permalink) ?? defaults.permalink
        itemsPerPage = try container.decodeIfPresent(Int.self, forKey: .itemsPerPage) ?? defaults.itemsPerPage
        feedItems = try container.decodeIfPresent(Int.self, forKey: .feedItems) ?? defaults.feedItems
        regions = try container.decodeIfPresent(RegionRules.self, forKey: .regions) ?? defaults.regions
        tags = try container.decodeIfPresent(TagRules.self, forKey: .tags) ?? defaults.tags
        images = try container.decodeIfPresent(ImageRules.self, forKey: .images) ?? defaults.images
        canonical = try container.decodeIfPresent(Canonical.self, forKey: .canonical) ?? defaults.canonical
        undated = try Self.decodeChoice(Undated.self, .undated, container) ?? defaults.undated
        feedContent = try Self.decodeChoice(FeedContent.self, .feedContent, container) ?? defaults.feedContent
        search = try container.decodeIfPresent(Bool.self, forKey: .search) ?? defaults.search
        mirrorURLs = try Self.decodeChoice(MirrorURLs.self, .mirrorURLs, container) ?? defaults.mirrorURLs
    }

    /// The value of a key with a fixed set of words (`undated`, `feed_content`), read
    /// case-insensitively; any other word is an error naming the choices.
    private static func decodeChoice<Choice: RawRepresentable & CaseIterable>(
        _ type: Choice.Type, _ key: CodingKeys, _ container: KeyedDecodingContainer<CodingKeys>
    ) throws -> Choice? where Choice.RawValue == String {
        guard let text = try container.decodeIfPresent(String.self, forKey: key) else { return nil }
        guard let value = Choice(rawValue: text.trimmingCharacters(in: .whitespaces).lowercased()) else {
            let choices = Choice.allCases.map(\.rawValue).joined(separator: " or ")
            throw DecodingError.dataCorruptedError(forKey: key, in: container, debugDescription: "must be \(choices), got \"\(text)\"")
        }
        return value
    }

    /// Checks the values and normalises the base URL; the error names the bad key.
    public func validated(source: String) throws(GalleyError) -> SiteConfig {
        var config = self
        func fail(_ reason: String) -> GalleyError { GalleyError(.config, source: source, reason: reason) }
        guard let url = URL(string: baseURL), let scheme = url.scheme?.lowercased(),
              scheme == "http" || scheme == "https", url.host != nil else {
            throw fail("base_url must be an absolute http(s) URL, got \"\(baseURL)\"")
        }
        if !config.baseURL.hasSuffix("/") { config.baseURL += "/" }
        guard TimeZone(identifier: timezone) != nil else { throw fail("timezone \"\(timezone)\" is not an IANA time zone") }
        guard permalink.contains(":slug") else { throw fail("permalink must contain :slug, got \"\(permalink)\"") }
        if let problem = Self.permalinkProblem(permalink) { throw fail("permalink \(problem), got \"\(permalink)\"") }
        guard itemsPerPage >= 1 else { throw fail("items_per_page must be at least 1") }
        guard feedItems >= 1 else { throw fail("feed_items must be at least 1") }
        guard !language.isEmpty, language.allSatisfy({ $0.isLetter || $0 == "-" }) else {
            throw fail("language must be a BCP 47 code such as id or en, got \"\(language)\"")
        }
        return config
    }

    /// The tokens of a permalink pattern (`SitePaths.articlePath` fills them with safe values).
    static let permalinkTokens = [":year", ":month", ":day", ":slug", ":section", ":region"]

    /// Why a permalink pattern could make an unsafe output path, or nil. Outside its tokens a
    /// pattern may hold only ASCII letters, digits, `-`, `_`, `.` and `/`, and no segment may
    /// start with a dot (`.`, `..`, hidden folders) or end with one: a backslash, a colon, a
    /// control character or a `..` would otherwise reach the output writer (which refuses it,
    /// stopping the build half-way) or name a folder outside the site.
    static func permalinkProblem(_ pattern: String) -> String? {
        var filled = pattern
        for token in permalinkTokens { filled = filled.replacingOccurrences(of: token, with: "x") }
        if let bad = filled.unicodeScalars.first(where: { !isPermalinkCharacter($0) }) {
            let shown = bad.properties.generalCategory == .control ? "U+" + String(bad.value, radix: 16, uppercase: true) : "\"\(bad)\""
            return "may hold only letters, digits, - _ . / and the tokens \(permalinkTokens.joined(separator: " ")), not \(shown)"
        }
        if filled.split(separator: "/").contains(where: { $0.hasPrefix(".") || $0.hasSuffix(".") }) {
            return "may not have a segment that starts or ends with a dot (., .., hidden folders)"
        }
        return nil
    }

    private static func isPermalinkCharacter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "a"..."z", "A"..."Z", "0"..."9", "-", "_", ".", "/": true
        default: false
        }
    }

    /// The paths of this site.
    public var paths: SitePaths { SitePaths(baseURL: baseURL, permalink: permalink, timeZone: timeZone) }

    /// The display time zone.
    public var timeZone: TimeZone { TimeZone(identifier: timezone) ?? .gmt }
}

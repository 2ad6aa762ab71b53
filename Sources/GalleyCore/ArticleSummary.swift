/// A taxonomy term (a tag or a region): its display name and URL slug.
public struct Term: Sendable, Hashable, Codable, Comparable {
    public var name: String
    public var slug: String

    /// Creates a term whose slug is derived from its name.
    public init(name: String) {
        self.name = name
        self.slug = Slug.make(name)
    }

    public static func < (lhs: Term, rhs: Term) -> Bool {
        (lhs.slug, lhs.name) < (rhs.slug, rhs.name)
    }
}

/// What the indices need to know about one published article (never its body).
public struct ArticleSummary: Sendable, Hashable, Codable {
    /// Unique slug; also the article's identity in feeds.
    public var slug: String
    public var title: String
    /// Output path relative to the site root (`2020/10/banjir-jakarta/index.html`).
    public var path: String
    public var published: Timestamp
    /// Where `published` came from; an article dated only by its file (`file`) stays out of
    /// the Google News sitemap.
    public var dateSource: DateSource
    public var modified: Timestamp?
    public var byline: String?
    public var summary: String?
    public var image: String?
    public var imageCaption: String?
    public var tags: [Term]
    public var region: Term?
    public var section: String?
    public var language: String?
    public var sourceURL: String?
    /// The content file it came from.
    public var source: String

    /// Creates a summary.
    public init(slug: String, title: String, path: String, published: Timestamp, dateSource: DateSource = .page, modified: Timestamp? = nil,
                byline: String? = nil, summary: String? = nil, image: String? = nil, imageCaption: String? = nil,
                tags: [Term] = [], region: Term? = nil, section: String? = nil, language: String? = nil,
                sourceURL: String? = nil, source: String) {
        self.slug = slug
        self.title = title
        self.path = path
        self.published = published
        self.dateSource = dateSource
        self.modified = modified
        self.byline = byline
        self.summary = summary
        self.image = image
        self.imageCaption = imageCaption
        self.tags = tags
        self.region = region
        self.section = section
        self.language = language
        self.sourceURL = sourceURL
        self.source = source
    }

    /// Newest first; ties broken by slug so the order is deterministic.
    public static func newestFirst(_ lhs: ArticleSummary, _ rhs: ArticleSummary) -> Bool {
        if lhs.published.date != rhs.published.date { return lhs.published.date > rhs.published.date }
        return lhs.slug < rhs.slug
    }
}

/// One output file: a path relative to the output folder and its bytes.
public struct RenderedPage: Sendable, Hashable {
    public var path: String
    public var bytes: [UInt8]

    /// Creates a page from bytes.
    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }

    /// Creates a page from UTF-8 text.
    public init(path: String, text: String) {
        self.init(path: path, bytes: Array(text.utf8))
    }
}

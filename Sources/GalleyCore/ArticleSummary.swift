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

/// What the indices need to know about one published article (never its body): its front
/// matter (the whole schema, so a new field reaches list pages, feeds and templates by itself),
/// its final slug and path, and its tags and region as terms.
public struct ArticleSummary: Sendable, Hashable, Codable {
    /// Unique slug; also the article's identity in feeds.
    public var slug: String
    /// Output path relative to the site root (`2020/10/banjir-jakarta/index.html`).
    public var path: String
    /// The content file it came from.
    public var source: String
    /// The article's front matter, with `image` and `sourceURL` only when `URLPolicy` lets them
    /// through (made absolute).
    public var matter: FrontMatter
    public var tags: [Term]
    public var region: Term?

    public var title: String { matter.title }
    public var published: Timestamp { matter.date }
    /// Where `published` came from; an article dated only by its file (`file`) stays out of
    /// the Google News sitemap.
    public var dateSource: DateSource { matter.dateSource }
    public var modified: Timestamp? { matter.modified }
    public var byline: String? { matter.author }
    public var summary: String? { matter.summary }
    public var image: String? { matter.image }
    public var imageCaption: String? { matter.imageCaption }
    public var imageAlt: String? { matter.imageAlt }
    public var section: String? { matter.section }
    public var language: String? { matter.lang }
    public var sourceURL: String? { matter.sourceURL }

    /// The summary of a published document: the one mapping of front matter to what lists,
    /// feeds and templates know of an article (URLs checked by `URLPolicy`, the path made by
    /// `paths`).
    public init(document: ArticleDocument, slug: String, paths: SitePaths) {
        var matter = document.frontMatter
        matter.image = matter.image.flatMap { URLPolicy.safeURL($0, base: matter.sourceURL) }
        matter.sourceURL = matter.sourceURL.flatMap { URLPolicy.safeURL($0, base: nil) }
        self.init(slug: slug, path: paths.articlePath(slug: slug, published: matter.date, section: matter.section, region: matter.region),
                  source: document.source, matter: matter)
    }

    /// Creates a summary of front matter as it is (tags and region become terms).
    public init(slug: String, path: String, source: String, matter: FrontMatter) {
        self.slug = slug
        self.path = path
        self.source = source
        self.matter = matter
        tags = matter.tags.map(Term.init(name:))
        region = matter.region.map(Term.init(name:))
    }

    /// Creates a summary from its parts (tests and tools; a build uses `init(document:slug:paths:)`).
    public init(slug: String, title: String, path: String, published: Timestamp, dateSource: DateSource = .page, modified: Timestamp? = nil,
                byline: String? = nil, summary: String? = nil, image: String? = nil, imageCaption: String? = nil,
                tags: [Term] = [], region: Term? = nil, section: String? = nil, language: String? = nil,
                sourceURL: String? = nil, source: String) {
        let matter = FrontMatter(title: title, date: published, dateSource: dateSource, modified: modified, author: byline,
                                 tags: tags.map(\.name), region: region?.name, summary: summary, image: image, imageCaption: imageCaption,
                                 section: section, sourceURL: sourceURL, lang: language, slug: slug)
        self.init(slug: slug, path: path, source: source, matter: matter)
        self.tags = tags
        self.region = region
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

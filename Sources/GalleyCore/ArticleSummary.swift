/// What the indices need to know about one published article (never its body): its front
/// matter (the whole schema, so a new field reaches list pages, feeds and templates by itself),
/// its final slug and path, and its tags and region as terms.
///
/// A summary is a value, but its fields live in one shared box (`FieldsBox`, copied when a
/// field is set while another value holds it): a build copies each summary into every list
/// page, feed and relation it appears in (about fifteen), and a copy is then one reference
/// instead of about 450 bytes and thirty retained strings (a 10,000-article build planned its site in 60 MB less).
public struct ArticleSummary: Sendable, Hashable, Codable {
    /// The fields, as the struct held them before they moved into the box, less the slug and
    /// the tags: those are the front matter's (`FrontMatter.slug`, `FrontMatter.terms`), held once.
    @usableFromInline
    struct Fields: Sendable, Hashable, Codable {
        @usableFromInline var path: String
        @usableFromInline var source: String
        @usableFromInline var matter: FrontMatter
        @usableFromInline var region: Term?
    }

    @usableFromInline
    var box: FieldsBox<Fields>

    @inlinable var fields: Fields {
        get { box.fields }
        set { box = FieldsBox(newValue) }
        // Copy on write: a box held by this value alone is changed in place.
        _modify {
            if !isKnownUniquelyReferenced(&box) { box = FieldsBox(box.fields) }
            yield &box.fields
        }
    }

    /// Unique slug; also the article's identity in feeds. Kept as `matter.slug` (set there by
    /// every initialiser), so the text is held once.
    @inlinable public var slug: String {
        get { box.fields.matter.slug ?? "" }
        set { fields.matter.slug = newValue }
    }
    /// Output path relative to the site root (`2020/10/banjir-jakarta/index.html`).
    @inlinable public var path: String {
        get { box.fields.path }
        set { fields.path = newValue }
    }
    /// The content file it came from.
    @inlinable public var source: String {
        get { box.fields.source }
        set { fields.source = newValue }
    }
    /// The article's front matter, with `image` and `sourceURL` only when `URLPolicy` lets them
    /// through (made absolute).
    /// (Setting it keeps the summary's slug.)
    @inlinable public var matter: FrontMatter {
        get { box.fields.matter }
        set {
            let slug = slug
            fields.matter = newValue
            if !newValue.hasSlug(slug) { fields.matter.slug = slug }
        }
    }
    /// The front matter's tags as terms (`FrontMatter.terms`: one list, not two).
    @inlinable public var tags: [Term] {
        get { box.fields.matter.terms }
        set { fields.matter.terms = newValue }
    }
    @inlinable public var region: Term? {
        get { box.fields.region }
        set { fields.region = newValue }
    }

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
        self.init(source: document.source, frontMatter: document.frontMatter, slug: slug, paths: paths)
    }

    /// The summary of the published document of `source` with this front matter (its body is
    /// not needed).
    public init(source: String, frontMatter: FrontMatter, slug: String, paths: SitePaths) {
        self.init(source: source, frontMatter: frontMatter, slug: slug,
                  path: paths.articlePath(slug: slug, published: frontMatter.date, section: frontMatter.section, region: frontMatter.region))
    }

    /// The same summary with its path already known: the one `paths` made for this slug and
    /// front matter (by a build of the same config, for an unchanged article).
    public init(source: String, frontMatter: FrontMatter, slug: String, path: String) {
        // Fields are set only where they change, so the summary shares the document's front
        // matter (its box) in the usual case.
        // Each is read once: a text field read is a string made from the front matter's bytes.
        var matter = frontMatter
        let givenImage = matter.image, givenSourceURL = matter.sourceURL
        let image = givenImage.flatMap { URLPolicy.safeURL($0, base: givenSourceURL) }
        if image != givenImage { matter.image = image }
        let sourceURL = givenSourceURL.flatMap { URLPolicy.safeURL($0, base: nil) }
        if sourceURL != givenSourceURL { matter.sourceURL = sourceURL }
        self.init(slug: slug, path: path, source: source, matter: matter)
    }

    /// Creates a summary of front matter as it is (tags and region become terms).
    public init(slug: String, path: String, source: String, matter: FrontMatter) {
        var matter = matter
        if !matter.hasSlug(slug) { matter.slug = slug }  // else it shares the document's box
        box = FieldsBox(Fields(path: path, source: source, matter: matter,
                         region: matter.region.map(Term.init(name:))))
    }

    /// Creates a summary from its parts (tests and tools; a build uses `init(document:slug:paths:)`).
    public init(slug: String, title: String, path: String, published: Timestamp, dateSource: DateSource = .page, modified: Timestamp? = nil,
                byline: String? = nil, summary: String? = nil, image: String? = nil, imageCaption: String? = nil,
                tags: [Term] = [], region: Term? = nil, section: String? = nil, language: String? = nil,
                sourceURL: String? = nil, source: String) {
        var matter = FrontMatter(title: title, date: published, dateSource: dateSource, modified: modified, author: byline,
                                 tags: tags.map(\.name), region: region?.name, summary: summary, image: image, imageCaption: imageCaption,
                                 section: section, sourceURL: sourceURL, lang: language, slug: slug)
        matter.terms = tags  // as given (a term decoded with its own slug stays so)
        box = FieldsBox(Fields(path: path, source: source, matter: matter, region: region))
    }

    /// The summary's box: copies share it (setting a field makes a new one), so equal
    /// identities mean equal summaries. Valid only while a copy of the summary is alive.
    package var identity: ObjectIdentifier { ObjectIdentifier(box) }

    private enum CodingKeys: String, CodingKey { case slug, tags }

    /// Encoded as its fields (the same keys as before they moved into the box), and `slug` and
    /// `tags`, which it keeps in its front matter.
    public init(from decoder: any Decoder) throws {
        var fields = try Fields(from: decoder)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        fields.matter.slug = try container.decode(String.self, forKey: .slug)
        fields.matter.terms = try container.decode([Term].self, forKey: .tags)
        box = FieldsBox(fields)
    }

    public func encode(to encoder: any Encoder) throws {
        try box.fields.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(slug, forKey: .slug)
        try container.encode(tags, forKey: .tags)
    }

    /// Newest first; ties broken by slug so the order is deterministic (compared in the front
    /// matter, `FrontMatter.slugPrecedes`: a string made per side of each tie was two
    /// allocations a comparison where many articles share a date, as pages dated by their file).
    public static func newestFirst(_ lhs: ArticleSummary, _ rhs: ArticleSummary) -> Bool {
        if lhs.published.date != rhs.published.date { return lhs.published.date > rhs.published.date }
        return lhs.matter.slugPrecedes(rhs.matter)
    }

    /// The positions of `articles` in `newestFirst` order, their dates read once each: a
    /// comparison of two summaries reads each one's box and its front matter's box, and a sort
    /// of 50,000 summaries makes about 800,000 comparisons, most of them cache misses.
    public static func newestFirstOrder(_ articles: [ArticleSummary]) -> [Int] {
        order(articles, newestFirst: true)
    }

    /// The same order reversed, oldest first (ties by slug, last first), dates read once each.
    public static func oldestFirstOrder(_ articles: [ArticleSummary]) -> [Int] {
        order(articles, newestFirst: false)
    }

    /// `newestFirst` on positions, or its mirror (each comparison with its sides swapped).
    private static func order(_ articles: [ArticleSummary], newestFirst: Bool) -> [Int] {
        let dates = articles.map(\.published.date)
        return articles.indices.sorted { lhs, rhs in
            let (first, second) = newestFirst ? (lhs, rhs) : (rhs, lhs)
            return dates[first] != dates[second] ? dates[first] > dates[second] : articles[first].matter.slugPrecedes(articles[second].matter)
        }
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

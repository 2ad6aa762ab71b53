/// The canonical form of an article: YAML front matter plus a CommonMark body.
/// On disk it is a plain `.md` file; hand-written articles start here.
public struct ArticleDocument: Sendable, Hashable, Codable {
    /// Path of the source relative to the content folder.
    public var source: String
    public var frontMatter: FrontMatter
    /// CommonMark, without the front matter.
    public var body: String

    /// Creates a document.
    public init(source: String, frontMatter: FrontMatter, body: String) {
        self.source = source
        self.frontMatter = frontMatter
        self.body = body
    }
}

/// The front matter keys of an article (see the README's content format).
public struct FrontMatter: Sendable, Hashable, Codable {
    public var title: String
    public var date: Timestamp
    /// Where `date` came from (`date_source`; written only when it is not `page`).
    public var dateSource: DateSource
    public var modified: Timestamp?
    public var author: String?
    public var editor: String?
    public var tags: [String]
    public var region: String?
    public var summary: String?
    public var image: String?
    public var imageCaption: String?
    public var section: String?
    public var sourceURL: String?
    public var lang: String?
    public var slug: String?
    public var draft: Bool

    /// Creates front matter; only `title` and `date` are required.
    public init(
        title: String, date: Timestamp, dateSource: DateSource = .page, modified: Timestamp? = nil, author: String? = nil,
        editor: String? = nil, tags: [String] = [], region: String? = nil, summary: String? = nil,
        image: String? = nil, imageCaption: String? = nil, section: String? = nil,
        sourceURL: String? = nil, lang: String? = nil, slug: String? = nil, draft: Bool = false
    ) {
        self.title = title
        self.date = date
        self.dateSource = dateSource
        self.modified = modified
        self.author = author
        self.editor = editor
        self.tags = tags
        self.region = region
        self.summary = summary
        self.image = image
        self.imageCaption = imageCaption
        self.section = section
        self.sourceURL = sourceURL
        self.lang = lang
        self.slug = slug
        self.draft = draft
    }
}

/// The front matter of an article: the article schema (see the README's content format).
///
/// A new field is a stored property here, a parameter of `init` and a row of `fields`; that row
/// takes it through YAML, the build state, render keys, summaries and templates. (A field the
/// extractor fills in also needs its `ArticleMetadata` property, the code that reads it from the
/// page, and its line in `MarkdownNormalizer.normalize`.)
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
    /// The lead image's alternative text, as the page gives it.
    public var imageAlt: String?
    public var section: String?
    public var sourceURL: String?
    public var lang: String?
    public var slug: String?
    public var draft: Bool
    /// Front matter outside the schema — the `extra:` mapping and any key `fields` does not
    /// name — passed through to templates as `extra` (as Zola's `[extra]` and Hugo's `.Params`).
    public var extra: [String: FrontMatterValue]

    /// The schema: every field, in the order front matter is written.
    public static let fields: [ArticleField] = [
        ArticleField("title", .requiredText(.init { $0.title } set: { $0.title = $1 }), template: "title"),
        ArticleField("date", .requiredTime(.init { $0.date } set: { $0.date = $1 })),
        ArticleField("date_source", .dateSource(.init { $0.dateSource } set: { $0.dateSource = $1 })),
        ArticleField("modified", .time(.init { $0.modified } set: { $0.modified = $1 })),
        ArticleField("author", .text(.init { $0.author } set: { $0.author = $1 }), template: "byline"),
        ArticleField("editor", .text(.init { $0.editor } set: { $0.editor = $1 }), template: "editor"),
        ArticleField("tags", .list(.init { $0.tags } set: { $0.tags = $1 })),
        ArticleField("region", .text(.init { $0.region } set: { $0.region = $1 })),
        ArticleField("section", .text(.init { $0.section } set: { $0.section = $1 }), template: "section"),
        ArticleField("summary", .text(.init { $0.summary } set: { $0.summary = $1 }), template: "summary"),
        ArticleField("image", .text(.init { $0.image } set: { $0.image = $1 })),
        ArticleField("image_caption", .text(.init { $0.imageCaption } set: { $0.imageCaption = $1 })),
        ArticleField("image_alt", .text(.init { $0.imageAlt } set: { $0.imageAlt = $1 })),
        ArticleField("source_url", .text(.init { $0.sourceURL } set: { $0.sourceURL = $1 })),
        ArticleField("lang", .languageTag(.init { $0.lang } set: { $0.lang = $1 }), template: "language"),
        ArticleField("slug", .text(.init { $0.slug } set: { $0.slug = $1 })),
        ArticleField("draft", .flag(.init { $0.draft } set: { $0.draft = $1 })),
    ]

    /// The key under which front matter gives values outside the schema.
    public static let extraKey = "extra"

    /// Creates front matter; only `title` and `date` are required.
    public init(
        title: String, date: Timestamp, dateSource: DateSource = .page, modified: Timestamp? = nil, author: String? = nil,
        editor: String? = nil, tags: [String] = [], region: String? = nil, summary: String? = nil,
        image: String? = nil, imageCaption: String? = nil, imageAlt: String? = nil, section: String? = nil,
        sourceURL: String? = nil, lang: String? = nil, slug: String? = nil, draft: Bool = false,
        extra: [String: FrontMatterValue] = [:]
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
        self.imageAlt = imageAlt
        self.section = section
        self.sourceURL = sourceURL
        self.lang = lang
        self.slug = slug
        self.draft = draft
        self.extra = extra
    }

    /// The row of a key, or nil for a key outside the schema.
    public static func field(_ key: String) -> ArticleField? { fieldsByKey[key] }

    private static let fieldsByKey: [String: ArticleField] = Dictionary(uniqueKeysWithValues: fields.map { ($0.key, $0) })

    /// The schema's rows that templates see by name (`ArticleField.templateName`).
    public static let templateFields: [ArticleField] = fields.filter { $0.templateName != nil }
}

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
        ArticleField("title", .requiredText(\.title), template: "title"),
        ArticleField("date", .requiredTime(\.date)),
        ArticleField("date_source", .dateSource(\.dateSource)),
        ArticleField("modified", .time(\.modified)),
        ArticleField("author", .text(\.author), template: "byline"),
        ArticleField("editor", .text(\.editor), template: "editor"),
        ArticleField("tags", .list(\.tags)),
        ArticleField("region", .text(\.region)),
        ArticleField("section", .text(\.section), template: "section"),
        ArticleField("summary", .text(\.summary), template: "summary"),
        ArticleField("image", .text(\.image)),
        ArticleField("image_caption", .text(\.imageCaption)),
        ArticleField("source_url", .text(\.sourceURL)),
        ArticleField("lang", .languageTag(\.lang), template: "language"),
        ArticleField("slug", .text(\.slug)),
        ArticleField("draft", .flag(\.draft)),
    ]

    /// The key under which front matter gives values outside the schema.
    public static let extraKey = "extra"

    /// Creates front matter; only `title` and `date` are required.
    public init(
        title: String, date: Timestamp, dateSource: DateSource = .page, modified: Timestamp? = nil, author: String? = nil,
        editor: String? = nil, tags: [String] = [], region: String? = nil, summary: String? = nil,
        image: String? = nil, imageCaption: String? = nil, section: String? = nil,
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

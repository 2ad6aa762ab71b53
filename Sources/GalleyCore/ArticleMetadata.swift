/// What extraction learned about an article besides its body.
public struct ArticleMetadata: Sendable, Hashable, Codable {
    public var title: String?
    /// Author names joined with ", ".
    public var byline: String?
    /// The editor named on the page ("Editor : Anton Suhartono"), kept out of the body.
    public var editor: String?
    public var published: Timestamp?
    public var modified: Timestamp?
    /// Where `published` came from when the page gave no date and the pipeline filled one in
    /// (`fetched`, `file`; see `DateSource`); nil when the dates are the page's own (or there
    /// are none). Extraction itself never sets it.
    public var dateSource: DateSource?
    /// Cleaned tags, in page order, without duplicates.
    public var tags: [String] = []
    public var section: String?
    /// Region as found (config mapping, structured data or dateline), before aliasing.
    public var region: String?
    /// Lead image URL, absolute.
    public var image: String?
    public var imageCaption: String?
    /// The lead image's alternative text, as the page gives it (`alt`, `og:image:alt`).
    public var imageAlt: String?
    /// BCP 47 language code (`id`, `en`, `pt-BR`).
    public var language: String?
    public var canonicalURL: String?
    public var siteName: String?
    public var description: String?

    /// Creates empty metadata.
    public init() {}
}

/// The result of stage 1 for one page.
public struct ExtractedArticle: Sendable, Hashable, Codable {
    /// Path of the source relative to the content folder.
    public var source: String
    /// The cleaned article body.
    public var content: [ContentNode]
    public var metadata: ArticleMetadata
    /// The URL relative links in the content resolve against (`<base href>`, canonical or sidecar URL).
    public var baseURL: String?

    /// Creates an extracted article.
    public init(source: String, content: [ContentNode], metadata: ArticleMetadata, baseURL: String? = nil) {
        self.source = source
        self.content = content
        self.metadata = metadata
        self.baseURL = baseURL
    }
}

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

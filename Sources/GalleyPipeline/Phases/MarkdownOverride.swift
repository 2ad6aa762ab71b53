/// A hand-written `.md` file that replaced the extraction of a scraped page with the same slug.
public struct MarkdownOverride: Sendable, Hashable {
    /// The slug both share (before uniquing).
    public var slug: String
    /// The `.md` file that wins, relative to the content folder.
    public var markdown: String
    /// The scraped page whose extraction it replaced.
    public var page: String

    /// Creates an override record.
    public init(slug: String, markdown: String, page: String) {
        self.slug = slug
        self.markdown = markdown
        self.page = page
    }
}

import Foundation
import GalleyCore

/// Stage 2: metadata and content tree → front matter + CommonMark; tags and regions through
/// the config aliases; a summary when the page gave none.
public struct MarkdownNormalizer: Sendable {
    let terms: TermNormalizer
    /// The `undated` setting: whether a page without a date of its own is published.
    let undated: SiteConfig.Undated

    /// Longest generated summary, in characters.
    public static let summaryLength = 220

    /// Why a page is rejected under `undated: reject`.
    public static let undatedRejection = "no publication date on the page (undated: reject)"

    /// Creates a normaliser with the alias tables and the `undated` setting of `galley.yml`.
    public init(tagAliases: [String: String] = [:], regionAliases: [String: String] = [:], undated: SiteConfig.Undated = .publish) {
        terms = TermNormalizer(tagAliases: tagAliases, regionAliases: regionAliases)
        self.undated = undated
    }

    /// Normalises one extracted article (metadata, tags, region, slug, Markdown body).
    public func normalize(_ article: ExtractedArticle) throws(GalleyError) -> ArticleDocument {
        let metadata = article.metadata
        guard let title = metadata.title.map(FrontMatterCoder.cleaned)?.trimmingWhitespace, !title.isEmpty else {
            throw GalleyError.rejected(.normalize, source: article.source, reason: "not an article: no title")
        }
        let (date, dateSource) = try publicationDate(of: metadata, source: article.source)
        let body = markdown(for: article.content, baseURL: article.baseURL)
        let matter = FrontMatterCoder.cleaned(FrontMatter(
            title: title, date: date, dateSource: dateSource, modified: metadata.published == nil ? nil : metadata.modified,
            author: metadata.byline, editor: metadata.editor, tags: terms.tags(metadata.tags),
            region: metadata.region.flatMap(terms.region), summary: metadata.description ?? Self.summary(of: article.content),
            image: metadata.image, imageCaption: metadata.imageCaption, imageAlt: metadata.imageAlt, section: metadata.section,
            sourceURL: metadata.canonicalURL, lang: metadata.language, slug: Slug.make(title)))
        return ArticleDocument(source: article.source, frontMatter: matter, body: body)
    }

    /// The publication time (`published`, else `modified`: a page that gives only when it was
    /// modified is dated by that) and where it came from. Under `undated: reject` a date that is
    /// not the page's own (`fetched`, `file`) rejects the page.
    func publicationDate(of metadata: ArticleMetadata, source: String) throws(GalleyError) -> (Timestamp, DateSource) {
        let date = metadata.published ?? metadata.modified
        let dateSource = metadata.dateSource ?? .page
        if undated == .reject, date == nil || dateSource != .page {
            throw GalleyError.rejected(.normalize, source: source, reason: Self.undatedRejection)
        }
        guard let date else {
            throw GalleyError(.normalize, source: source, reason: "no publication date found (JSON-LD, meta tags, <time> or visible date, sidecar, file time)")
        }
        return (date, dateSource)
    }

    /// The Markdown body for a content tree (links made absolute against `baseURL`).
    public func markdown(for content: [ContentNode], baseURL: String?) -> String {
        MarkdownWriter(baseURL: baseURL).write(content)
    }

    /// Reads a hand-written `.md` file (front matter + body).
    public func parseDocument(_ text: String, source: String) throws(GalleyError) -> ArticleDocument {
        guard let parts = FrontMatterCoder.split(text) else {
            throw GalleyError(.normalize, source: source, reason: "no front matter: the file must start with a --- line")
        }
        var matter = try FrontMatterCoder.decode(parts.yaml, source: source)
        matter.tags = terms.tags(matter.tags)
        matter.region = matter.region.flatMap(terms.region)
        if matter.slug == nil { matter.slug = Slug.make(matter.title) } else { matter.slug = matter.slug.map(Slug.make) }
        let body = parts.body.drop { $0 == "\n" }
        return ArticleDocument(source: source, frontMatter: matter, body: String(body))
    }

    /// Writes a document as a `.md` file (front matter + body).
    public func serialize(_ document: ArticleDocument) -> String {
        FrontMatterCoder.encode(document.frontMatter) + "\n" + document.body
    }

    /// The first paragraphs' text, cut at a word boundary.
    static func summary(of content: [ContentNode]) -> String? {
        var text = ""
        for node in content where node.tag == .p {
            let paragraph = node.textContent.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            guard !paragraph.isEmpty else { continue }
            text += (text.isEmpty ? "" : " ") + paragraph
            if text.count >= summaryLength { break }
        }
        guard !text.isEmpty else { return nil }
        guard text.count > summaryLength else { return text }
        let cut = text.prefix(summaryLength)
        let end = cut.lastIndex(of: " ") ?? cut.endIndex
        return String(cut[..<end]).trimmingCharacters(in: CharacterSet(charactersIn: " ,;:-")) + "…"
    }
}

/// Stage 1: a scraped page becomes an article (content tree + metadata), or is rejected.
public protocol ArticleExtractor: Sendable {
    /// Extracts the article of one page. Throws a `.rejected` error for pages that are not articles.
    func extract(_ page: SourcePage) throws(GalleyError) -> ExtractedArticle
    /// Treats the whole HTML as article content: no scoring, no metadata, same cleaning.
    func extractFragment(_ page: SourcePage) throws(GalleyError) -> ExtractedArticle
}

/// Stage 2: an extracted article becomes a Markdown document with front matter.
public protocol ArticleNormalizer: Sendable {
    /// Normalises one extracted article (metadata, tags, region, slug, Markdown body).
    func normalize(_ article: ExtractedArticle) throws(GalleyError) -> ArticleDocument
    /// The Markdown body for a content tree (links made absolute against `baseURL`).
    func markdown(for content: [ContentNode], baseURL: String?) -> String
    /// Reads a hand-written `.md` file (front matter + body).
    func parseDocument(_ text: String, source: String) throws(GalleyError) -> ArticleDocument
    /// Writes a document as a `.md` file (front matter + body).
    func serialize(_ document: ArticleDocument) -> String
}

/// Stage 3: documents and planned index pages become HTML pages.
public protocol PageRenderer: Sendable {
    /// Renders one article page at `summary.path`, linking its related and neighbouring articles.
    func renderArticle(_ document: ArticleDocument, summary: ArticleSummary, relations: ArticleRelations) throws(GalleyError) -> RenderedPage
    /// Renders one planned index page (home, term lists, 404).
    func renderPage(_ plan: PagePlan) throws(GalleyError) -> RenderedPage
}

/// Stage 4: the summaries of all articles become the site's plan (index pages to render and
/// machine-readable files such as feeds and sitemaps).
public protocol SitePlanner: Sendable {
    /// Plans every non-article page of the site.
    func plan(_ articles: [ArticleSummary]) -> SitePlan
}

extension PageRenderer {
    /// Renders an article page without related or neighbouring articles.
    public func renderArticle(_ document: ArticleDocument, summary: ArticleSummary) throws(GalleyError) -> RenderedPage {
        try renderArticle(document, summary: summary, relations: .none)
    }
}

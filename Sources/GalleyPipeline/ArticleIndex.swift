import GalleyCore

/// The published articles with their final slugs and paths: slugs are made unique in order of
/// publication (the earliest keeps the plain slug), so URLs are stable and builds deterministic.
struct ArticleIndex {
    struct Entry: Sendable {
        var document: ArticleDocument
        var summary: ArticleSummary
    }

    let entries: [Entry]

    init(documents: [ArticleDocument], config: SiteConfig) {
        let ordered = documents.sorted { lhs, rhs in
            (lhs.frontMatter.date.date, lhs.source) < (rhs.frontMatter.date.date, rhs.source)
        }
        let slugs = Slug.uniqued(ordered.map { $0.frontMatter.slug ?? Slug.make($0.frontMatter.title) })
        let paths = config.paths
        entries = zip(ordered, slugs).map { document, slug in
            var document = document
            document.frontMatter.slug = slug
            let matter = document.frontMatter
            let summary = ArticleSummary(
                slug: slug, title: matter.title,
                path: paths.articlePath(slug: slug, published: matter.date, section: matter.section, region: matter.region),
                published: matter.date, modified: matter.modified, byline: matter.author, summary: matter.summary,
                image: matter.image.flatMap { URLPolicy.safeURL($0, base: matter.sourceURL) }, imageCaption: matter.imageCaption,
                tags: matter.tags.map(Term.init(name:)), region: matter.region.map(Term.init(name:)),
                section: matter.section, language: matter.lang,
                sourceURL: matter.sourceURL.flatMap { URLPolicy.safeURL($0, base: nil) }, source: document.source)
            return Entry(document: document, summary: summary)
        }
    }
}

import Foundation
import GalleyCore

/// The published articles with their final slugs and paths: slugs are made unique in order of
/// publication (the earliest keeps the plain slug), so URLs are stable and builds deterministic.
package struct ArticleIndex {
    struct Entry: Sendable {
        /// The document's head as processed (its front matter's `slug` is the one asked for, the
        /// summary's is the final one; its body is read back from the build state when needed).
        var head: DocumentHead
        var summary: ArticleSummary
    }

    private(set) var entries: [Entry]

    /// Lets the entries go once nothing after the render phase asks for them (their heads are
    /// most of the index's memory; the summaries live on in the pages planned).
    mutating func releaseEntries() {
        entries = []
    }

    /// The position of `source`'s entry, published at `date`, found by bisection in the index's
    /// order (oldest first, then by source); nil when it has none.
    func position(of source: String, publishedAt date: Date) -> Int? {
        var low = 0, high = entries.count
        while low < high {
            let middle = (low + high) / 2
            let matter = entries[middle].head.frontMatter
            let before = matter.date.date != date ? matter.date.date < date : entries[middle].head.source < source
            if before { low = middle + 1 } else { high = middle }
        }
        return low < entries.count && entries[low].head.source == source ? low : nil
    }

    /// The heads of the documents of the given published articles, with their final slugs.
    func heads(of published: [ArticleSummary]) -> [DocumentHead] {
        let slugs = Set(published.map(\.slug))
        return entries.filter { slugs.contains($0.summary.slug) }.map { entry in
            var head = entry.head
            head.frontMatter.slug = entry.summary.slug
            return head
        }
    }

    /// How the last complete build published a document that is unchanged since, under this
    /// config and this galley (`mayBeCurrent`): its final slug and its page's path.
    struct PublishedAs: Sendable {
        var slug: String
        var path: String
    }

    /// The number of documents given a `PublishedAs` whose slug is another now (their paths
    /// were made again): 0 when every unchanged article kept its place's URL.
    private(set) var moved = 0

    /// The positions of `documents` in order of publication (oldest first, then by source), the
    /// index's order.
    static func publicationOrder(of documents: [DocumentHead]) -> [Int] {
        // Dates read once each, not twice a comparison through two boxes (`newestFirstOrder`).
        let dates = documents.map(\.frontMatter.date.date)
        return documents.indices.sorted { lhs, rhs in
            dates[lhs] != dates[rhs] ? dates[lhs] < dates[rhs] : documents[lhs].source < documents[rhs].source
        }
    }

    /// `order`: `publicationOrder(of: documents)` when the caller has it.
    /// `jobs`: threads that make the summaries. `publishedAs`: empty, or for each of
    /// `documents` (in their order) how the last complete build published it when it is
    /// unchanged since (a build of edits alone, or of new articles alone; nil for the others):
    /// one that keeps its slug keeps that path, which is not made again (10 ms of a
    /// 10,000-article card edit's 35 ms index).
    init(documents: [DocumentHead], order: [Int]? = nil, config: SiteConfig, jobs: Int = 1, publishedAs: [PublishedAs?] = []) {
        let order = order ?? Self.publicationOrder(of: documents)
        let slugs = Slug.uniqued(order.map { Self.slug(of: documents[$0]) })
        let paths = config.paths
        entries = parallelMap(Array(zip(order, slugs)), jobs: jobs) { position, slug in
            // The head stays as processed (shared with the sources); the summary has the final slug.
            let document = documents[position]
            var matter = document.frontMatter
            if !matter.hasSlug(slug) { matter.slug = slug }  // else the summary shares the head's front matter
            if !publishedAs.isEmpty, let was = publishedAs[position], was.slug == slug {
                return Entry(head: document, summary: ArticleSummary(source: document.source, frontMatter: matter, slug: slug, path: was.path))
            }
            return Entry(head: document, summary: ArticleSummary(source: document.source, frontMatter: matter, slug: slug, paths: paths))
        }
        if !publishedAs.isEmpty {
            moved = zip(order, slugs).count { position, slug in publishedAs[position].map { $0.slug != slug } ?? false }
        }
    }
}

extension ArticleIndex {
    /// One source's document in content-folder order, and whether it came from a `.md` file.
    struct Source {
        var document: DocumentHead
        var isMarkdown: Bool
    }

    /// The documents to publish, in the order given, without the extractions that a `.md` file
    /// with the same slug (front matter `slug`, else made from its title) replaces — so an
    /// article corrected by hand stays corrected on every build. A draft `.md` replaces too
    /// (and keeps the article unpublished).
    ///
    /// Slugs are made only where they can pair: a content folder of Markdown files alone (or of
    /// scraped pages alone) has no correction to apply, and its documents come back as given.
    static func applyingOverrides(_ sources: [Source]) -> (documents: [DocumentHead], overrides: [MarkdownOverride]) {
        guard sources.contains(where: \.isMarkdown), sources.contains(where: { !$0.isMarkdown }) else {
            return (sources.map(\.document), [])
        }
        var markdownBySlug: [String: DocumentHead] = [:]
        for source in sources where source.isMarkdown {
            let slug = Self.slug(of: source.document)
            if markdownBySlug[slug] == nil { markdownBySlug[slug] = source.document }
        }
        var documents: [DocumentHead] = []
        documents.reserveCapacity(sources.count)
        var overrides: [MarkdownOverride] = []
        for source in sources {
            if !source.isMarkdown, case let slug = Self.slug(of: source.document), let markdown = markdownBySlug[slug],
               Self.isCorrection(markdown, of: source.document) {
                overrides.append(MarkdownOverride(slug: slug, markdown: markdown.source, page: source.document.source))
            } else {
                documents.append(source.document)
            }
        }
        return (documents, overrides)
    }

    /// A shared slug pairs a correction with its page, except where the page's slug was cut at
    /// `Slug.maximumLength` (unrelated long titles can share their first 80 characters): then
    /// the correction must also name the same source URL (as `--keep-markdown` files do) or
    /// the same title.
    static func isCorrection(_ markdown: DocumentHead, of page: DocumentHead) -> Bool {
        if !Slug.isShortened(page.frontMatter.title) { return true }
        if let url = markdown.frontMatter.sourceURL, url == page.frontMatter.sourceURL { return true }
        let title = { (text: String) in text.split(whereSeparator: \.isWhitespace).joined(separator: " ").lowercased() }
        return title(markdown.frontMatter.title) == title(page.frontMatter.title)
    }

    static func slug(of document: DocumentHead) -> String {
        document.frontMatter.slug ?? Slug.make(document.frontMatter.title)
    }
}

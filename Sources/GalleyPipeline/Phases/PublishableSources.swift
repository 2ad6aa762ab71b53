import Foundation
import GalleyCore

/// The documents a build publishes after stages 1–2, and what became of every source on the way
/// there: problems, stale versions kept, Markdown overrides, duplicates, drafts.
struct PublishableSources {
    /// The heads of the documents to index and publish, in content-folder order.
    var documents: [DocumentHead] = []
    /// Every source, in content-folder order (emptied once read when the report does not list
    /// the sources).
    var processed: [ProcessedSource] = []
    /// Dropped source → the duplicate record naming the page kept instead.
    var duplicates: [String: DuplicateFilter.Duplicate] = [:]
    /// Replaced scraped page → its override.
    var overrides: [String: MarkdownOverride] = [:]
    var drafts: Set<String> = []
    /// Empty, or for each of `documents` how the last complete build published it when it is
    /// unchanged since (`ArticleIndex`'s `publishedAs`).
    var publishedAs: [ArticleIndex.PublishedAs?] = []

    /// `documents` in the given order (positions in it), without a copy of the list: the view
    /// holds its own reference only while it is used, so that `releaseBodyImages` after it
    /// replaces the heads in place.
    func documents(in order: [Int]) -> some Collection<DocumentHead> {
        order.lazy.map { [documents] in documents[$0] }
    }

    /// Lets the documents' body image URLs go once the images are copied
    /// (`DocumentHead.releasingBodyImages`), each head replaced in place: nothing after the
    /// image stage asks for them.
    mutating func releaseBodyImages() {
        for position in documents.indices { documents[position] = documents[position].releasingBodyImages() }
    }

    /// Documents already picked (a build of new sources alone: `publishedWithAdditions`), with
    /// how those published unchanged were published.
    init(documents: [DocumentHead], publishedAs: [ArticleIndex.PublishedAs?]) {
        self.documents = documents
        self.publishedAs = publishedAs
    }

    /// Picks the publishable documents from the sources after stages 1–2: a `.md` correction
    /// replaces its page, duplicate stories are dropped (newest fetch wins; the pages' bodies are
    /// read back from `bodies` to compare them), drafts are kept back.
    init(_ processed: [ProcessedSource], bodies: DocumentBodies) {
        self.processed = processed
        var candidates: [ArticleIndex.Source] = []
        candidates.reserveCapacity(processed.count)
        // The fetch times of scraped pages (not of `.md` files): a document is a page when it has one.
        var fetched: [String: Date] = [:]
        for source in processed {
            guard let document = source.head else { continue }
            let isMarkdown = source.kind == .markdown
            candidates.append(.init(document: document, isMarkdown: isMarkdown))
            if !isMarkdown { fetched[document.source] = source.fetched }
        }
        let resolved = ArticleIndex.applyingOverrides(candidates)
        overrides = Dictionary(resolved.overrides.map { ($0.page, $0) }, uniquingKeysWith: { first, _ in first })
        let pages = fetched.isEmpty ? [] : resolved.documents.filter { fetched[$0.source] != nil }
        let filtered = DuplicateFilter.filter(pages.map { .init(document: $0, fetched: fetched[$0.source] ?? .distantPast) },
                                              bands: bodies.bands(of:), bodies: bodies.bodies(of:))
        duplicates = Dictionary(filtered.duplicates.map { ($0.dropped, $0) }, uniquingKeysWith: { first, _ in first })
        for document in resolved.documents where duplicates[document.source] == nil {
            if document.frontMatter.draft { drafts.insert(document.source) } else { documents.append(document) }
        }
    }
}

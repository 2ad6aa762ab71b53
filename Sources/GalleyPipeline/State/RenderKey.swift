import Foundation
import GalleyCore

/// The key of everything a page is rendered from. When the key of a page equals the one its
/// output record in the build state holds and its file is unchanged on disk, the page is
/// neither rendered nor written again. Keys start with the build's render inputs key
/// (`BuildKeys.renderInputs`: galley, config, templates).
struct RenderKey {
    let inputs: String
    /// The digest of what a card (a list item, a feed entry, a related article, a neighbour)
    /// shows of each article: its slug and summary's hash, and the local copy of its lead
    /// image, if any. Made once per article: the list pages and feeds of 10,000 articles hold
    /// 160,000 cards, found by the summary's box (not hashed by slug or path).
    private let cards: CardDigests
    /// The images copied into the site (a card shows its article's lead image from there).
    let images: SiteImages
    /// Source → what its article page shows of local images (`ImageStage.Result.signatures`).
    let imageSignatures: [String: String]

    /// `jobs`: threads that hash the summaries.
    init(inputs: String, summaries: [ArticleSummary], images: SiteImages = SiteImages(), imageSignatures: [String: String] = [:],
         jobs: Int = 1) {
        self.init(inputs: inputs, summaries: summaries, hashes: parallelMap(summaries, jobs: jobs) { summary in Self.hash(summary) },
                  images: images, imageSignatures: imageSignatures)
    }

    /// The same for the index's articles, each summary hashed by its document's head (`hash(_:head:)`).
    init(inputs: String, entries: [ArticleIndex.Entry], images: SiteImages = SiteImages(), imageSignatures: [String: String] = [:],
         jobs: Int = 1) {
        self.init(inputs: inputs, summaries: entries.map(\.summary), hashes: parallelMap(entries, jobs: jobs) { entry in
            Self.hash(entry.summary, head: entry.head)
        }, images: images, imageSignatures: imageSignatures)
    }

    /// `hashes`: each summary's hash, in order.
    private init(inputs: String, summaries: [ArticleSummary], hashes: [UInt64], images: SiteImages, imageSignatures: [String: String]) {
        self.inputs = inputs
        self.images = images
        self.imageSignatures = imageSignatures
        cards = CardDigests(summaries: summaries, digests: zip(summaries, hashes).map { summary, hash in
            Self.card(slug: summary.slug, summaryHash: hash, image: summary.image, images: images)
        })
    }

    /// A card's digest: the slug, the summary's hash (nil when the summary is not the index's),
    /// and the signature of its lead image's local copy (`remote` without one).
    private static func card(slug: String, summaryHash: UInt64?, image: String?, images: SiteImages) -> UInt64 {
        var hasher = StableHasher()
        hasher.combine(slug)
        if let summaryHash { hasher.combine(digest: summaryHash) } else { hasher.combine("?") }
        hasher.combine(image.flatMap { images[$0]?.signature } ?? "remote")
        return hasher.value
    }

    /// A summary by what it is made from: its slug, path and source, and its document's front
    /// matter (`frontMatterDigest`, as stored; not the body, which no card shows). The rest of
    /// a summary (URLs checked, terms slugged) follows from those and from galley and the
    /// config, which the render inputs stand for. What `hash(_:)` gives without coding the
    /// front matter again.
    static func hash(_ summary: ArticleSummary, head: DocumentHead) -> UInt64 {
        var hasher = StableHasher()
        for text in [summary.slug, summary.path, summary.source] { hasher.combine(text) }
        hasher.combine(digest: head.frontMatterDigest)
        return hasher.value
    }

    /// Every field of a summary: its slug, path and source, its whole front matter (by the
    /// schema, as the build state writes it) and its terms.
    static func hash(_ summary: ArticleSummary) -> UInt64 {
        var hasher = StableHasher()
        for text in [summary.slug, summary.path, summary.source] { hasher.combine(text) }
        var writer = BinaryWriter()
        ArticleDocumentCoding.write(summary.matter, to: &writer)
        writer.bytes.withUnsafeBytes { hasher.combine(buffer: $0) }
        for term in summary.tags + (summary.region.map { [$0] } ?? []) {
            hasher.combine(term.name)
            hasher.combine(term.slug)
        }
        hasher.combine(summary.region == nil ? "no region" : "region")
        return hasher.value
    }

    /// An article page: its document (the head, whose digest stands for the body), its summary
    /// and its relations.
    func article(_ document: DocumentHead, summary: ArticleSummary, relations: ArticleRelations) -> OutputKey {
        var hasher = StableHasher()
        hasher.combine(inputs)
        hasher.combine(digest: document.codedDigest)
        combine(summary, into: &hasher)
        hasher.combine(imageSignatures[document.source] ?? "no local images")
        for related in relations.related { combine(related, into: &hasher) }
        hasher.combine("previous")
        relations.previous.map { combine($0, into: &hasher) }
        hasher.combine("next")
        relations.next.map { combine($0, into: &hasher) }
        return OutputKey(hasher)
    }

    /// A planned page (home, term, archive, terms index, 404).
    func page(_ plan: PagePlan) -> OutputKey {
        var hasher = StableHasher()
        hasher.combine(inputs)
        switch plan {
        case .list(let page):
            hasher.combine("list \(Self.describe(page.kind)) \(page.path) \(page.pageNumber) \(page.feedPath ?? "-")")
            hasher.combine(page.pageCount)
            hasher.combine(page.itemCount)
            for link in page.pageLinks {
                hasher.combine(digest: UInt64(link.number))
                hasher.combine(link.path)
            }
            for item in page.items { combine(item, into: &hasher) }
        case .terms(let page):
            hasher.combine("terms \(page.taxonomy.rawValue) \(page.path)")
            for term in page.terms { hasher.combine("\(term.term.name)\u{1}\(term.term.slug)\u{1}\(term.count)") }
        case .notFound(let page):
            hasher.combine("404 \(page.path)")
            for item in page.latest { combine(item, into: &hasher) }
        case .search(let path):
            hasher.combine("search \(path)")
        }
        return OutputKey(hasher)
    }

    /// The key of a file made as bytes from `PlannedFile.Inputs` (a feed); nil for one without.
    func file(_ planned: PlannedFile) -> OutputKey? {
        guard let shown = planned.inputs else { return nil }
        var hasher = StableHasher()
        hasher.combine(inputs)
        hasher.combine("file \(planned.path)")
        hasher.combine(shown.identity)
        for item in shown.items { combine(item, into: &hasher) }
        return OutputKey(hasher)
    }

    /// A list's kind in words. Written out rather than interpolated: interpolating an enum
    /// goes through reflection, which was half the cost of the keys of a build's list pages.
    private static func describe(_ kind: ListPage.Kind) -> String {
        switch kind {
        case .home: "home"
        case .term(let taxonomy, let term): "term \(taxonomy.rawValue) \(term.name)\u{1}\(term.slug)"
        case .archive(let year, let month): "archive \(year) \(month.map(String.init) ?? "-")"
        }
    }

    private func combine(_ summary: ArticleSummary, into hasher: inout StableHasher) {
        hasher.combine(digest: cards[summary]
            ?? Self.card(slug: summary.slug, summaryHash: nil, image: summary.image, images: images))
    }
}

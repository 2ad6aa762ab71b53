import Foundation
import GalleyCore
@testable import GalleyPipeline
import Testing

/// The index gives each published document its final slug and summary.
@Suite struct ArticleIndexTests {
    static func head(_ source: String, title: String, day: Double) -> DocumentHead {
        let date = Timestamp(date: Date(timeIntervalSince1970: 1_700_000_000 + day * 86_400), utcOffsetSeconds: 7 * 3600)
        let matter = FrontMatter(title: title, date: date, tags: ["Banjir"], slug: Slug.make(title))
        return DocumentHead(ArticleDocument(source: source, frontMatter: matter, body: "Isi.\n"))
    }

    /// A `.md` file replaces the page of its slug; Markdown alone (or pages alone) comes back
    /// as given, with no slug made.
    @Test func overridesPairMarkdownWithPagesOnly() {
        let page = Self.head("a.html", title: "Banjir Jakarta", day: 1), correction = Self.head("koreksi.md", title: "Banjir Jakarta", day: 1)
        let other = Self.head("b.md", title: "Gempa Cianjur", day: 2)
        let mixed = ArticleIndex.applyingOverrides([.init(document: page, isMarkdown: false), .init(document: correction, isMarkdown: true),
                                                    .init(document: other, isMarkdown: true)])
        #expect(mixed.documents.map(\.source) == ["koreksi.md", "b.md"])
        #expect(mixed.overrides == [MarkdownOverride(slug: "banjir-jakarta", markdown: "koreksi.md", page: "a.html")])
        let markdownOnly = ArticleIndex.applyingOverrides([.init(document: correction, isMarkdown: true), .init(document: other, isMarkdown: true)])
        #expect(markdownOnly.documents.map(\.source) == ["koreksi.md", "b.md"] && markdownOnly.overrides.isEmpty)
        let pagesOnly = ArticleIndex.applyingOverrides([.init(document: page, isMarkdown: false)])
        #expect(pagesOnly.documents.map(\.source) == ["a.html"] && pagesOnly.overrides.isEmpty)
    }

    /// The earlier of two articles with one slug keeps it; each summary holds its head's front
    /// matter itself (the same box) unless the index changed its slug.
    @Test func summariesShareTheFrontMatterOfTheirHeadsUnlessTheSlugMoves() {
        let index = ArticleIndex(documents: [Self.head("b.md", title: "Banjir Jakarta", day: 2), Self.head("a.md", title: "Banjir Jakarta", day: 1),
                                             Self.head("c.md", title: "Gempa Cianjur", day: 3)], config: SiteConfig())
        #expect(index.entries.map(\.summary.slug) == ["banjir-jakarta", "banjir-jakarta-2", "gempa-cianjur"])
        #expect(index.entries.map(\.head.source) == ["a.md", "b.md", "c.md"])
        let shared = index.entries.map { $0.summary.matter.sharesStorage(with: $0.head.frontMatter) }
        #expect(shared == [true, false, true])
        #expect(index.entries[1].head.frontMatter.slug == "banjir-jakarta" && index.entries[1].summary.matter.slug == "banjir-jakarta-2")
    }

    /// The order the image stage goes through the heads in (before the index is made) is the
    /// index's own: oldest first, a tie of dates by source path; given to the index, it is used.
    @Test func publicationOrderIsTheIndexOrder() {
        let documents = [Self.head("c.md", title: "Gempa Cianjur", day: 2), Self.head("b.md", title: "Banjir Jakarta", day: 1),
                         Self.head("a.md", title: "Angin Puting Beliung", day: 2)]
        let order = ArticleIndex.publicationOrder(of: documents)
        #expect(order == [1, 2, 0])
        #expect(ArticleIndex(documents: documents, config: SiteConfig()).entries.map(\.head.source) == order.map { documents[$0].source })
        #expect(ArticleIndex(documents: documents, order: [2, 1, 0], config: SiteConfig()).entries.map(\.head.source) == ["a.md", "b.md", "c.md"])
    }
}

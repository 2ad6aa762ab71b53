import Foundation
import GalleyCore
@testable import GalleyPipeline
import Testing

/// A card's digest is found by the summary's box for the index's own summaries (the copies list
/// pages, feeds and relations hold), by its slug otherwise: both give the same keys.
@Suite struct RenderKeyTests {
    static let date = Timestamp(date: Date(timeIntervalSince1970: 1_760_000_000), utcOffsetSeconds: 7 * 3600)

    static func summary(_ slug: String, title: String) -> ArticleSummary {
        ArticleSummary(slug: slug, title: title, path: "\(slug)/index.html", published: date, tags: [Term(name: "banjir")], source: "\(slug).md")
    }

    @Test func aCardIsTheSameFoundByItsBoxOrBySlug() {
        let related = Self.summary("hujan", title: "Hujan deras"), page = Self.summary("banjir", title: "Banjir")
        let head = DocumentHead(ArticleDocument(source: "banjir.md", frontMatter: page.matter, body: "Isi."))
        let key = { (keyer: RenderKey, shown: ArticleSummary) in
            keyer.article(head, summary: page, relations: ArticleRelations(related: [shown], previous: shown, next: nil))
        }
        let keyer = RenderKey(inputs: "k", summaries: [page, related])
        let byBox = key(keyer, related)
        var copy = related
        copy.slug = related.slug  // the same fields in a box of its own
        #expect(copy.identity != related.identity)
        #expect(key(keyer, copy) == byBox)
        // A card shows what the index knows of the article (found by slug), not what a stray copy says.
        var retitled = related
        retitled.matter.title = "Judul lain"
        #expect(key(keyer, retitled) == byBox)
        // The index's summary changed: every key showing its card changes.
        let changed = RenderKey(inputs: "k", summaries: [page, Self.summary("hujan", title: "Hujan reda")])
        #expect(key(changed, related) != byBox)
        // A card the index does not have is made from the summary itself.
        let stranger = Self.summary("kemarau", title: "Kemarau")
        #expect(key(keyer, stranger) != byBox)
        #expect(key(keyer, stranger) == key(RenderKey(inputs: "k", summaries: [page]), stranger))
    }

    /// Keys are numbers: a page's is never `none` (the key no build trusts), an image file's
    /// follows its cache key, and each shows as its hex digest.
    @Test func keysAreNumbersAndNoneIsNeverARealKey() {
        let page = Self.summary("banjir", title: "Banjir")
        let keyer = RenderKey(inputs: "k", summaries: [page])
        let list = PagePlan.list(ListPage(kind: .home, folder: "", items: [page], pageNumber: 1, pageCount: 1, feedPath: nil, itemCount: 1))
        #expect(!keyer.page(list).isNone)
        #expect(OutputKey(StableHasher()).value == StableHasher().value)
        #expect(OutputKey.none.isNone && OutputRecord.untrusted.renderKey == .none)
        #expect(OutputKey(imageCacheKey: "sha-a w=640") == OutputKey(imageCacheKey: "sha-a w=640"))
        #expect(OutputKey(imageCacheKey: "sha-a w=640") != OutputKey(imageCacheKey: "sha-b w=640"))
        #expect(OutputKey(value: 0xfedc_ba98_7654_3210).description == "fedcba9876543210")
        #expect(OutputKey(value: 0xfedc_ba98_7654_3210).storedValue < 0)
    }
}

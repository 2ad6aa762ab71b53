import Foundation
import GalleyCore
import Testing

/// `ArticleSummary` keeps its fields in a shared box: it must still behave as a value.
@Suite struct ArticleSummaryTests {
    static func sample() -> ArticleSummary {
        ArticleSummary(slug: "banjir", title: "Banjir di Jakarta", path: "2024/01/banjir/index.html",
                       published: Timestamp(date: Date(timeIntervalSince1970: 1_700_000_000), utcOffsetSeconds: 7 * 3600),
                       byline: "Rina", summary: "Air naik.", tags: [Term(name: "Banjir"), Term(name: "半导体")], region: Term(name: "Jakarta"),
                       source: "posts/banjir.md")
    }

    @Test func settingAFieldOfACopyLeavesTheOriginalAlone() {
        let original = Self.sample()
        var copy = original
        #expect(copy == original)
        copy.slug = "banjir-2"
        copy.matter.title = "Banjir lagi"
        copy.tags.append(Term(name: "Cuaca"))
        copy.region = nil
        #expect(original.slug == "banjir" && original.title == "Banjir di Jakarta")
        #expect(original.tags.map(\.name) == ["Banjir", "半导体"] && original.region?.name == "Jakarta")
        #expect(copy.slug == "banjir-2" && copy.title == "Banjir lagi" && copy.tags.count == 3 && copy.region == nil)
        #expect(copy != original)
    }

    @Test func equalFieldsInDifferentBoxesAreEqualAndHashAlike() {
        let one = Self.sample(), other = Self.sample()
        #expect(one == other)
        #expect(one.hashValue == other.hashValue)
        #expect(Set([one, other]).count == 1)
        var changed = other
        changed.path = "x/index.html"
        #expect(Set([one, changed]).count == 2)
    }

    /// The orders read by position are the orders `newestFirst` sorts into and its mirror, ties by
    /// slug included.
    @Test func newestFirstOrderIsTheSortByNewestFirst() {
        var random = SystemRandomNumberGenerator()
        let articles = (0..<500).map { index in
            ArticleSummary(slug: "a\(index)", title: "A", path: "a\(index)/index.html",
                           published: Timestamp(date: Date(timeIntervalSince1970: Double(Int.random(in: 0..<40, using: &random)) * 3600),
                                                utcOffsetSeconds: 0),
                           source: "\(index).md")
        }.shuffled()
        #expect(ArticleSummary.newestFirstOrder(articles).map { articles[$0].slug } == articles.sorted(by: ArticleSummary.newestFirst).map(\.slug))
        #expect(ArticleSummary.oldestFirstOrder(articles).map { articles[$0].slug }
                == articles.sorted { ArticleSummary.newestFirst($1, $0) }.map(\.slug))
        #expect(ArticleSummary.newestFirstOrder([]).isEmpty)
    }

    /// The slug is held once, as the front matter's: set either way, it reads the same, and a
    /// front matter set on the summary does not change it.
    @Test func theSlugIsTheFrontMattersSlug() {
        var summary = Self.sample()
        #expect(summary.matter.slug == "banjir")
        summary.slug = "banjir-2"
        #expect(summary.slug == "banjir-2" && summary.matter.slug == "banjir-2")
        var other = summary.matter
        other.slug = "lain"
        other.title = "Judul lain"
        summary.matter = other
        #expect(summary.slug == "banjir-2" && summary.title == "Judul lain")
        let made = ArticleSummary(slug: "unik", path: "unik/index.html", source: "unik.md", matter: other)
        #expect(made.slug == "unik" && made.matter.slug == "unik" && other.slug == "lain")
    }

    /// The tags are held once, as the front matter's terms: a summary made from front matter
    /// lists the very same array, and tags set on the summary are its front matter's.
    @Test func theTagsAreTheFrontMattersTerms() {
        let matter = FrontMatter(title: "Banjir", date: Timestamp(date: Date(timeIntervalSince1970: 0), utcOffsetSeconds: 0),
                                 tags: ["Banjir", "Cuaca ekstrem di pesisir utara"])
        var summary = ArticleSummary(slug: "banjir", path: "banjir/index.html", source: "banjir.md", matter: matter)
        let sameBuffer = summary.tags.withUnsafeBufferPointer { listed in
            matter.terms.withUnsafeBufferPointer { held in listed.baseAddress == held.baseAddress }
        }
        #expect(sameBuffer)
        #expect(summary.tags.map(\.slug) == ["banjir", "cuaca-ekstrem-di-pesisir-utara"])
        summary.tags.append(Term(name: "Evakuasi"))
        #expect(summary.matter.tags == ["Banjir", "Cuaca ekstrem di pesisir utara", "Evakuasi"] && matter.tags.count == 2)
    }

    /// Articles of the same date are ordered by slug as strings order them (the slugs are
    /// compared as bytes in the front matter, without making strings).
    @Test func tiesAreOrderedBySlugAsStringsOrderThem() {
        let date = Timestamp(date: Date(timeIntervalSince1970: 1_700_000_000), utcOffsetSeconds: 0)
        let slugs = ["berita-b", "berita", "berita-a", "a", "berita-10", "berita-9", "z", "berita-1"]
        let articles = slugs.map { ArticleSummary(slug: $0, title: "A", path: "\($0)/index.html", published: date, source: "\($0).md") }
        #expect(ArticleSummary.newestFirstOrder(articles).map { articles[$0].slug } == slugs.sorted())
        #expect(articles.sorted(by: ArticleSummary.newestFirst).map(\.slug) == slugs.sorted())
        #expect(ArticleSummary.oldestFirstOrder(articles).map { articles[$0].slug } == slugs.sorted().reversed())
    }

    /// Encoded as the fields themselves, with the keys the struct had before the box.
    @Test func codingKeepsTheFieldKeys() throws {
        let summary = Self.sample()
        let data = try JSONEncoder().encode(summary)
        let keys = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any]).keys.sorted()
        #expect(keys == ["matter", "path", "region", "slug", "source", "tags"])
        #expect(try JSONDecoder().decode(ArticleSummary.self, from: data) == summary)
    }
}

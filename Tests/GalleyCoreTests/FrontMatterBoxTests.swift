import Foundation
@testable import GalleyCore
import Testing

/// `FrontMatter` keeps its fields in a shared box: it must still behave as a value, code as its
/// fields did, and be shared by the summaries made from it wherever they change nothing.
@Suite struct FrontMatterBoxTests {
    static func sample() -> FrontMatter {
        FrontMatter(title: "Banjir di Jakarta", date: Timestamp(date: Date(timeIntervalSince1970: 1_700_000_000), utcOffsetSeconds: 7 * 3600),
                    author: "Rina", tags: ["Banjir", "Cuaca ekstrem di pesisir utara"], region: "Jakarta",
                    image: "https://img.example/banjir.jpg", sourceURL: "https://news.example/banjir", slug: "banjir-di-jakarta",
                    extra: ["rubrik": .text("Metro")])
    }

    @Test func settingAFieldOfACopyLeavesTheOriginalAlone() {
        let original = Self.sample()
        var copy = original
        #expect(copy == original && copy.sharesStorage(with: original))
        copy.title = "Banjir lagi"
        copy.tags.append("Evakuasi")
        copy.extra["rubrik"] = nil
        #expect(original.title == "Banjir di Jakarta" && original.tags.count == 2 && original.extra.count == 1)
        #expect(copy.title == "Banjir lagi" && copy.tags.count == 3 && copy.extra.isEmpty)
        #expect(copy != original && !copy.sharesStorage(with: original))
    }

    /// Copy on write: a value that alone holds its box sets fields in it (the build state's
    /// decoder sets seventeen fields of each of 10,000 heads); one that shares it gets a new box
    /// at the first set, and the value it shared with is left as it was.
    @Test func aFieldIsSetInPlaceOnlyWhenTheBoxIsNotShared() {
        var matter = Self.sample()
        let box = ObjectIdentifier(matter.box)
        matter.title = "Banjir surut"
        matter.tags.append("Evakuasi")
        #expect(ObjectIdentifier(matter.box) == box)
        let shared = matter
        matter.author = "Dewi"
        #expect(ObjectIdentifier(matter.box) != box && ObjectIdentifier(shared.box) == box)
        #expect(shared.author == "Rina" && shared.title == "Banjir surut" && matter.author == "Dewi" && matter.title == "Banjir surut")
        var summary = ArticleSummary(source: "a.md", frontMatter: matter, slug: "banjir-surut", paths: SitePaths(baseURL: "https://x.org/", permalink: "/:slug/"))
        let summaryBox = ObjectIdentifier(summary.box)
        summary.slug = "banjir-surut-2"
        #expect(ObjectIdentifier(summary.box) == summaryBox && summary.slug == "banjir-surut-2")
        let copy = summary
        summary.path = "lain/index.html"
        #expect(copy.path == "banjir-surut/index.html" && summary.path == "lain/index.html")
    }

    @Test func equalFieldsInDifferentBoxesAreEqualAndHashAlike() {
        let one = Self.sample(), other = Self.sample()
        #expect(!one.sharesStorage(with: other))
        #expect(one == other && one.hashValue == other.hashValue)
        var changed = other
        changed.draft = true
        #expect(Set([one, other, changed]).count == 2)
    }

    /// Coded under the keys the struct's stored properties had before the box.
    @Test func codingKeepsTheFieldKeys() throws {
        let matter = Self.sample()
        let data = try JSONEncoder().encode(matter)
        let keys = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any]).keys.sorted()
        #expect(keys == ["author", "date", "dateSource", "draft", "extra", "image", "region", "slug", "sourceURL", "tags", "title"])
        #expect(try JSONDecoder().decode(FrontMatter.self, from: data) == matter)
    }

    /// A summary changes its document's front matter only where `URLPolicy` or the slug asks
    /// for it; otherwise it holds the same box (a 50,000-article build held 12 MB less).
    @Test func aSummarySharesTheFrontMatterItDoesNotChange() {
        let matter = Self.sample()
        let paths = SiteConfig().paths
        let same = ArticleSummary(source: "posts/banjir.md", frontMatter: matter, slug: "banjir-di-jakarta", paths: paths)
        #expect(same.matter.sharesStorage(with: matter))

        var relative = matter
        relative.image = "/gambar/banjir.jpg"
        let resolved = ArticleSummary(source: "posts/banjir.md", frontMatter: relative, slug: "banjir-di-jakarta", paths: paths)
        #expect(resolved.image == "https://news.example/gambar/banjir.jpg")
        #expect(!resolved.matter.sharesStorage(with: relative) && relative.image == "/gambar/banjir.jpg")

        var unsafe = matter
        unsafe.sourceURL = "javascript:alert(1)"
        let dropped = ArticleSummary(source: "posts/banjir.md", frontMatter: unsafe, slug: "banjir-di-jakarta", paths: paths)
        #expect(dropped.sourceURL == nil && unsafe.sourceURL == "javascript:alert(1)")
    }
}

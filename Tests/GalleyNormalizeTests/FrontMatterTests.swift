import Foundation
import GalleyCore
import GalleyNormalize
import Testing

@Suite struct FrontMatterTests {
    let normalizer = MarkdownNormalizer(tagAliases: ["pilkada 2024": "Pemilu"], regionAliases: ["JAKARTA": "DKI Jakarta"])

    static let awkwardValues = [
        "Judul: dengan titik dua", "\"kutip\" dan 'kutip'", "# bukan komentar", "- mulai dengan strip", "? tanya",
        "baris\nbaru", "tab\tdi tengah", "emoji 🌊🏠", "مرحبا بالعالم", String(repeating: "panjang ", count: 200),
        "true", "null", "2020-10-13", "123", "@at", "`tick`", "{a: b}", "[a, b]", "&anchor", "*alias", "!tag", "|", ">",
        "  spasi depan", "trailing space ", "%percent", "a: b: c",
    ]

    @Test(arguments: awkwardValues)
    func anyValueRoundTripsThroughYAML(value: String) throws {
        let date = try #require(Timestamp.parseISO8601("2020-10-13T10:15:00+07:00"))
        let matter = FrontMatter(title: value, date: date, author: value, tags: [value, "Banjir"], region: value, summary: value)
        let document = ArticleDocument(source: "x.md", frontMatter: matter, body: "Isi.\n")
        let text = normalizer.serialize(document)
        let parsed = try MarkdownNormalizer().parseDocument(text, source: "x.md")
        let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(parsed.frontMatter.title == trimmed)
        #expect(parsed.frontMatter.author == trimmed)
        #expect(parsed.frontMatter.summary == trimmed)
        #expect(parsed.frontMatter.tags.first == value.split(whereSeparator: \.isWhitespace).joined(separator: " "))
        #expect(parsed.frontMatter.date.rfc3339 == "2020-10-13T10:15:00+07:00")
        #expect(parsed.body == "Isi.\n")
    }

    @Test func controlCharactersAndBadLanguagesAreDropped() throws {
        let text = "---\ntitle: \"Kota\\x01\\e[31mMerah\\x7F\"\ndate: 2026-10-12T09:30:00+07:00\nauthor: \"\\x00\"\nlang: \"<script>alert(1)</script>\"\n---\n\nIsi.\n"
        let document = try normalizer.parseDocument(text, source: "a.md")
        #expect(document.frontMatter.title == "Kota[31mMerah")
        #expect(document.frontMatter.author == nil)
        #expect(document.frontMatter.lang == nil)
        for (tag, valid) in [("id", true), ("en-GB", true), ("zh-Hant-TW", true), ("x", false), ("en_GB", false), ("id ", true), ("\" onclick=\"x", false)] {
            let parsed = try normalizer.parseDocument("---\ntitle: t\ndate: 2026-10-12T09:30:00+07:00\nlang: '\(tag)'\n---\n", source: "a.md")
            #expect((parsed.frontMatter.lang != nil) == valid, "\(tag)")
        }
    }

    @Test func handWrittenArticleWithAliases() throws {
        let text = """
        ---
        title: Hasil Pilkada
        date: 2024-11-28T09:30:00+07:00
        author: Redaksi
        tags: [pilkada 2024, Politik, politik]
        region: JAKARTA
        draft: false
        ---

        Isi berita.
        """
        let document = try normalizer.parseDocument(text, source: "a.md")
        #expect(document.frontMatter.tags == ["Pemilu", "Politik"])
        #expect(document.frontMatter.region == "DKI Jakarta")
        #expect(document.frontMatter.slug == "hasil-pilkada")
        #expect(document.frontMatter.draft == false)
        #expect(document.body == "Isi berita.")
    }

    @Test(arguments: [
        ("no front matter", "no front matter"),
        ("---\ntitle: [unclosed\n---\n", "not valid YAML"),
        ("---\ndate: 2020-10-13T10:00:00Z\n---\n", "no title"),
        ("---\ntitle: x\n---\n", "no date"),
        ("---\ntitle: x\ndate: kemarin\n---\n", "not an RFC 3339 date"),
        ("---\n- a\n- b\n---\n", "mapping"),
    ])
    func brokenFrontMatterSaysWhy(text: String, reason: String) {
        do throws(GalleyError) {
            _ = try normalizer.parseDocument(text, source: "bad.md")
            Issue.record("accepted \(text)")
        } catch {
            #expect(error.reason.contains(reason), "\(error.reason)")
            #expect(error.source == "bad.md")
        }
    }

    @Test func extractedArticleBecomesADocument() throws {
        var metadata = ArticleMetadata()
        metadata.title = "Banjir di Surabaya"
        metadata.published = Timestamp.parseISO8601("2020-10-13T10:15:00+07:00")
        metadata.tags = ["pilkada 2024", "Banjir"]
        metadata.region = "JAKARTA"
        let article = ExtractedArticle(source: "a.html", content: [.node(.p, [.text(String(repeating: "kata ", count: 100))])], metadata: metadata)
        let document = try normalizer.normalize(article)
        #expect(document.frontMatter.tags == ["Pemilu", "Banjir"])
        #expect(document.frontMatter.region == "DKI Jakarta")
        #expect(document.frontMatter.slug == "banjir-di-surabaya")
        let summary = try #require(document.frontMatter.summary)
        #expect(summary.count <= MarkdownNormalizer.summaryLength + 1 && summary.hasSuffix("…"))
        metadata.published = nil
        #expect(throws: GalleyError.self) {
            try normalizer.normalize(ExtractedArticle(source: "a.html", content: [], metadata: metadata))
        }
    }
}

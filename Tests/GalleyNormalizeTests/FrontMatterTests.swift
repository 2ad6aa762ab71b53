import Foundation
import GalleyCore
@testable import GalleyNormalize
import GalleyTestSupport
import Testing
import Yams

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

    /// The shortcut that skips Yams' resolver holds: a value starting with a letter outside
    /// `nNyYtTfFoO` is text to every reader (Yams' tags and the YAML 1.1 forms alike).
    @Test func valuesStartingAsPlainTextAreNeverTyped() {
        var random = SeededRandom(seed: 77)
        let starts = Array("abcdeghijklmpqrsuvwxzABCDEGHIJKLMPQRSUVWXZéÉßжЖ北한nNyYtTfFoO0123456789+-.~<=_ :#").map(String.init)
        let rest = Array("abcdefghijklmnopqrstuvwxyz0123456789.:-+_eE ,xXoObB").map(String.init) + ["nan", "inf", "ull", "rue", "es", "n", "ff", "alse"]
        for _ in 0..<20_000 {
            let value = random.pick(starts) + (0..<random.below(6)).map { _ in random.pick(rest) }.joined()
            guard FrontMatterCoder.startsAsPlainText(value) else { continue }
            #expect(Resolver.default.resolveTag(of: Node(value)) == .str, "\(value)")
            #expect(!FrontMatterCoder.looksTyped(value), "\(value)")
        }
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
        ("---\ntitle: x\ndate: 2020-10-13T10:00:00Z\ndate_source: scraper\n---\n", "date_source \"scraper\" must be page, fetched or file"),
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

    /// `date_source` is written only when the date is not the page's own, reads back the same
    /// through Yams and the fast reader, and reads as `page` when absent (hand-written files).
    @Test(arguments: DateSource.allCases)
    func dateSourceRoundTripsAndIsWrittenOnlyWhenNotPage(source: DateSource) throws {
        let date = try #require(Timestamp.parseISO8601("2020-10-13T10:15:00+07:00"))
        let matter = FrontMatter(title: "Banjir", date: date, dateSource: source, modified: date, tags: ["Banjir"])
        let text = normalizer.serialize(ArticleDocument(source: "x.md", frontMatter: matter, body: "Isi.\n"))
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.contains("date_source: \(source.rawValue)") == (source != .page), "\(text)")
        if source != .page { #expect(lines.firstIndex(of: "date_source: \(source.rawValue)") == lines.firstIndex { $0.hasPrefix("date:") }.map { $0 + 1 }) }
        #expect(try normalizer.parseDocument(text, source: "x.md").frontMatter.dateSource == source)
        let yaml = try #require(FrontMatterCoder.split(text)?.yaml)
        #expect(try FrontMatterCoder.decode(yaml, source: "x.md", fastPath: true).dateSource == source)
        #expect(try FrontMatterCoder.decode(yaml, source: "x.md", fastPath: false).dateSource == source)
        #expect(FrontMatterReader.read(yaml) != nil, "galley's own front matter takes the fast path")
    }

    @Test func dateSourceIsReadLikeAnyKeyInAnyStyle() throws {
        for (line, expected) in [("", DateSource.page), ("date_source: page", .page), ("date_source: 'fetched'", .fetched),
                                 ("date_source: \"file\"", .file), ("date_source: FILE", .file), ("date_source: fetched # scraper", .fetched)] {
            let text = "---\ntitle: t\ndate: 2026-10-12T09:30:00+07:00\n\(line)\n---\n\nIsi.\n"
            #expect(try normalizer.parseDocument(text, source: "a.md").frontMatter.dateSource == expected, "\(line)")
        }
    }

    /// The date an extraction was given by the pipeline (fetch or file) becomes `date_source`;
    /// a page that gives only a modified date is dated by it, from the page.
    @Test func extractedDatesKeepWhereTheyCameFrom() throws {
        let date = try #require(Timestamp.parseISO8601("2020-10-13T10:15:00+07:00"))
        var metadata = ArticleMetadata()
        metadata.title = "Banjir di Surabaya"
        metadata.modified = date
        let content: [ContentNode] = [.node(.p, [.text("Isi berita.")])]
        var document = try normalizer.normalize(ExtractedArticle(source: "a.html", content: content, metadata: metadata))
        #expect(document.frontMatter.date == date && document.frontMatter.dateSource == .page && document.frontMatter.modified == nil)
        metadata.modified = nil
        metadata.published = date
        for source in [DateSource.fetched, .file] {
            metadata.dateSource = source
            document = try normalizer.normalize(ExtractedArticle(source: "a.html", content: content, metadata: metadata))
            #expect(document.frontMatter.dateSource == source)
            #expect(normalizer.serialize(document).contains("\ndate_source: \(source.rawValue)\n"))
        }
    }

    /// `undated: reject`: only a date from the page itself publishes a page.
    @Test func undatedRejectRejectsEveryDateNotFromThePage() throws {
        let strict = MarkdownNormalizer(undated: .reject)
        let date = try #require(Timestamp.parseISO8601("2020-10-13T10:15:00+07:00"))
        let content: [ContentNode] = [.node(.p, [.text("Isi berita.")])]
        var metadata = ArticleMetadata()
        metadata.title = "Banjir di Surabaya"
        for (published, modified, source, accepted) in [(date, nil, nil, true), (nil, date, nil, true), (date, nil, DateSource.page, true),
                                                        (date, nil, .fetched, false), (date, nil, .file, false), (nil, nil, nil, false)] {
            metadata.published = published
            metadata.modified = modified
            metadata.dateSource = source
            let article = ExtractedArticle(source: "a.html", content: content, metadata: metadata)
            do throws(GalleyError) {
                let document = try strict.normalize(article)
                #expect(accepted && document.frontMatter.dateSource == .page, "\(String(describing: source)) was published")
            } catch {
                #expect(!accepted, "\(error)")
                #expect(error.kind == .rejected && error.stage == .normalize && error.source == "a.html")
                #expect(error.reason == "no publication date on the page (undated: reject)")
            }
        }
        // A hand-written file's date is its author's, whatever its date_source says.
        let kept = "---\ntitle: t\ndate: 2026-10-12T09:30:00+07:00\ndate_source: file\n---\n\nIsi.\n"
        #expect(try strict.parseDocument(kept, source: "a.md").frontMatter.dateSource == .file)
    }
}

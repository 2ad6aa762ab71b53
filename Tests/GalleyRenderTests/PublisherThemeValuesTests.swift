import Foundation
import GalleyCore
@testable import GalleyRender
import Testing

/// The values behind issue 14's publisher theme: descriptions, UI words per article language,
/// table scroll boxes.
@Suite struct PublisherThemeValuesTests {
    static let english = StringTable(words: ["tagDescription": "{count} articles about {name} on {site}.",
                                            "tagDescriptionOne": "1 article about {name} on {site}.", "by": "By", "table": "Table"],
                                     months: MarkdownRendererTests.strings["en"]!.months, weekdays: MarkdownRendererTests.strings["en"]!.weekdays)
    static let indonesian = StringTable(words: ["tagDescription": "{count} berita tentang {name} di {site}.", "by": "Oleh", "table": "Tabel"],
                                        months: MarkdownRendererTests.strings["id"]!.months, weekdays: MarkdownRendererTests.strings["id"]!.weekdays)
    static let tables = ["en": english, "id": indonesian]

    @Test func sentencesFillTheirPlaceholdersOnceAndTakeTheSingularForOne() {
        let english = UIStrings(language: "en-GB", tables: Self.tables)
        #expect(english.format("tagDescription", count: 3, ["name": "Flood", "site": "News"]) == "3 articles about Flood on News.")
        #expect(english.format("tagDescription", count: 1, ["name": "Flood", "site": "News"]) == "1 article about Flood on News.")
        // A value is never read as a placeholder itself; an unknown placeholder stays as written.
        #expect(english.format("tagDescription", count: 2, ["name": "{site}", "site": "News"]) == "2 articles about {site} on News.")
        #expect(english.format("tagDescription", count: 2, ["site": "News"]) == "2 articles about {name} on News.")
        // No singular in the table: the general form.
        let indonesian = UIStrings(language: "id", tables: Self.tables)
        #expect(indonesian.format("tagDescription", count: 1, ["name": "Banjir", "site": "Galley"]) == "1 berita tentang Banjir di Galley.")
    }

    func context(language: String = "id") -> PageContext {
        var config = SiteConfig()
        config.language = language
        config.timezone = "Asia/Jakarta"
        return PageContext(config: config, strings: Self.tables)
    }

    func summary(language: String?) throws -> ArticleSummary {
        let published = try #require(Timestamp.parseISO8601("2026-10-13T10:15:00+07:00"))
        return ArticleSummary(slug: "a", title: "A", path: "2026/10/a/index.html", published: published, byline: "Anton",
                              language: language, source: "a.md")
    }

    static func article(_ values: TemplateObject) -> TemplateObject? {
        guard case .object(let article)? = values["article"] else { return nil }
        return article
    }

    /// The text of a value, or nil for anything else.
    static func text(_ value: TemplateData?) -> String? {
        if case .text(let text)? = value { return text }
        return nil
    }

    static func words(_ article: TemplateObject) -> TemplateObject? {
        guard case .object(let words)? = article["strings"] else { return nil }
        return words
    }

    @Test func anArticleShowsUIWordsAndDatesInItsOwnLanguage() throws {
        let article = try #require(Self.article(context().articleValues(try summary(language: "en-GB"), bodyHTML: "")))
        #expect(Self.text(Self.words(article)?["by"]) == "By")
        #expect(Self.text(article["publishedDisplay"]) == "Tuesday, 13 October 2026 10:15 WIB")
        #expect(Self.text(article["uiLanguage"]) == nil)
    }

    @Test func anArticleInALanguageTheThemeLacksShowsTheSiteWordsMarkedAsSuch() throws {
        let article = try #require(Self.article(context().articleValues(try summary(language: "fr"), bodyHTML: "")))
        #expect(Self.text(Self.words(article)?["by"]) == "Oleh")
        #expect(Self.text(article["publishedDisplay"]) == "Selasa, 13 Oktober 2026 10:15 WIB")
        #expect(Self.text(article["uiLanguage"]) == "id")
        // In the site's language, or without one: the site's words, nothing to mark.
        for language in ["id", "id-ID", nil] {
            let own = try #require(Self.article(context().articleValues(try summary(language: language), bodyHTML: "")))
            #expect(Self.text(Self.words(own)?["by"]) == "Oleh" && Self.text(own["uiLanguage"]) == nil, "\(language ?? "none")")
        }
    }

    @Test func tablesGetAFocusableScrollBoxNamedByCaptionElseByNumber() {
        let table = "<table><caption>Harga &amp; &quot;stok&quot; <em>cabai</em></caption><tbody><tr><td>a</td></tr></tbody></table>"
        let bare = "<table><tbody><tr><td>b</td></tr></tbody></table>"
        let html = MarkdownRenderer().html(from: "\(table)\n\nteks\n\n\(bare)\n\nteks\n\n\(bare)\n", tableLabel: "Tabel")
        #expect(html.contains("<div class=\"table-scroll\" role=\"region\" tabindex=\"0\" aria-label=\"Harga &amp; &quot;stok&quot; cabai\">\n<table><caption>"))
        #expect(html.contains("aria-label=\"Tabel 2\">\n<table><tbody><tr><td>b"))
        #expect(html.contains("aria-label=\"Tabel 3\">"))
        #expect(html.components(separatedBy: "</table>\n</div>").count == 4)
    }

    @Test func captionTextIsPlainText() {
        #expect(HTMLBlockValidator.captionText("<table><caption> A <strong>b</strong>\n&lt;c&gt; </caption></table>") == "A b <c>")
        #expect(HTMLBlockValidator.captionText("<table><caption> </caption></table>") == nil)
        #expect(HTMLBlockValidator.captionText("<table><tr><td>x</td></tr></table>") == nil)
    }
}

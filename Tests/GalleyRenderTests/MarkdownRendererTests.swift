import Foundation
import GalleyCore
@testable import GalleyRender
import Testing

@Suite struct MarkdownRendererTests {
    static let templates: [String: String] = [
        "layout": "<html lang=\"{{site.language}}\"><title>{{page.title}}</title><link href=\"{{links.static}}galley.css\">{{$content}}{{/content}}</html>",
        "article": "{{<layout}}{{$content}}<h1>{{article.title}}</h1><time datetime=\"{{article.publishedISO}}\">{{article.publishedDisplay}}</time>{{#article.tags}}<a href=\"{{href}}\">{{name}}</a>{{/article.tags}}{{#article.region}}<a href=\"{{href}}\">{{name}}</a>{{/article.region}}{{{article.body}}}{{/content}}{{/layout}}",
        "list": "{{<layout}}{{$content}}<h1>{{list.heading}}</h1>{{#list.items}}<a href=\"{{href}}\">{{title}}</a>{{/list.items}}{{#list.pagination}}{{#next}}<a rel=\"next\" href=\"{{next}}\">n</a>{{/next}}{{/list.pagination}}{{/content}}{{/layout}}",
        "terms": "{{<layout}}{{$content}}{{#terms.items}}<a href=\"{{href}}\">{{name}} {{count}}</a>{{/terms.items}}{{/content}}{{/layout}}",
        "404": "{{<layout}}{{$content}}<a href=\"{{links.home}}\">home</a>{{/content}}{{/layout}}",
    ]

    static let strings: [String: StringTable] = [
        "en": StringTable(words: ["home": "Home"], months: ["January", "February", "March", "April", "May", "June", "July", "August",
                                                            "September", "October", "November", "December"],
                          weekdays: ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]),
        "id": StringTable(words: ["home": "Beranda"], months: ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
                                                               "September", "Oktober", "November", "Desember"],
                          weekdays: ["Minggu", "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu"]),
    ]

    func renderer(language: String = "id") throws -> TemplatePageRenderer {
        var config = SiteConfig()
        config.language = language
        config.timezone = "Asia/Jakarta"
        config.baseURL = "https://news.example.org/"
        return try TemplatePageRenderer(config: config, templates: Self.templates, templateFolder: "templates", strings: Self.strings)
    }

    @Test func safeModeDropsRawHTMLAndScriptURLs() throws {
        let html = try renderer().bodyHTML("Teks <script>alert(1)</script> [x](javascript:alert(1))\n\n<div onclick=\"x()\">blok</div>\n\n<img src=x onerror=alert(1)>\n")
        #expect(!html.contains("<script"))
        #expect(!html.contains("onclick"))
        #expect(!html.contains("onerror"))
        #expect(!html.contains("javascript:"))
    }

    @Test func normaliserTablesPassButForgedOnesDoNot() throws {
        let renderer = try renderer()
        let table = "<table><tbody><tr><td>&lt;b&gt;</td><td><a href=\"https://x.org/a?b=1&amp;c=2\">2</a></td></tr>\n</tbody>\n</table>\n"
        #expect(renderer.bodyHTML(table).contains("<td><a href=\"https://x.org/a?b=1&amp;c=2\">2</a></td>"))
        let forged = [
            "<table><tr><td onclick=\"x()\">a</td></tr></table>\n",
            "<table><tr><td><a href=\"javascript:alert(1)\">a</a></td></tr></table>\n",
            "<table><tr><td><script>alert(1)</script></td></tr></table>\n",
            "<table><tr><td>a</td></tr></table><script>alert(1)</script>\n",
            "<table><tr><td><img src=\"https://x.org/a.png\" onerror=\"alert(1)\"></td></tr></table>\n",
            "<table><tr><td><a href=\"java&#115;cript:alert(1)\">a</a></td></tr></table>\n",
            "<table><tr><td><!-- --><b>x</b></td></tr></table>\n",
            "<table><tr><td style=\"x\">a</td></tr></table>\n",
        ]
        for html in forged {
            let output = renderer.bodyHTML(html)
            #expect(!output.contains("<table"), "passed: \(html)")
        }
    }

    @Test func articlePageUsesRelativeLinksAndIndonesianDates() throws {
        let published = try #require(Timestamp.parseISO8601("2020-10-13T03:15:00Z"))
        let summary = ArticleSummary(slug: "banjir", title: "Banjir <Jakarta>", path: "2020/10/banjir/index.html", published: published,
                                     tags: [Term(name: "Cuaca Ekstrem")], region: Term(name: "Jawa Timur"), source: "a.html")
        let document = ArticleDocument(source: "a.html", frontMatter: FrontMatter(title: summary.title, date: published), body: "Isi *berita*.\n")
        let page = try renderer().renderArticle(document, summary: summary)
        let html = String(decoding: page.bytes, as: UTF8.self)
        #expect(page.path == "2020/10/banjir/index.html")
        #expect(html.contains("<h1>Banjir &lt;Jakarta&gt;</h1>"))
        #expect(html.contains("Selasa, 13 Oktober 2020 10:15 WIB"))
        #expect(html.contains("datetime=\"2020-10-13T10:15:00+07:00\""))
        #expect(html.contains("href=\"../../../tags/cuaca-ekstrem/index.html\""))
        #expect(html.contains("href=\"../../../regions/jawa-timur/index.html\""))
        #expect(html.contains("href=\"../../../static/galley.css\""))
        #expect(html.contains("<p>Isi <em>berita</em>.</p>"))
    }

    @Test func englishSiteShowsEnglishDates() throws {
        let published = try #require(Timestamp.parseISO8601("2020-10-13T03:15:00Z"))
        let summary = ArticleSummary(slug: "a", title: "A", path: "a/index.html", published: published, source: "a.md")
        let page = try renderer(language: "en").renderArticle(ArticleDocument(source: "a.md", frontMatter: FrontMatter(title: "A", date: published), body: ""), summary: summary)
        #expect(String(decoding: page.bytes, as: UTF8.self).contains("Tuesday, 13 October 2020 10:15 WIB"))
    }

    @Test func missingOrBrokenTemplatesAreClearErrors() {
        var templates = Self.templates
        templates.removeValue(forKey: "terms")
        do throws(GalleyError) {
            _ = try TemplatePageRenderer(config: SiteConfig(), templates: templates, templateFolder: "templates")
            Issue.record("accepted a theme without terms")
        } catch {
            #expect(error.source == "templates/terms.mustache")
            #expect(error.stage == .render)
        }
        templates = Self.templates
        templates["list"] = "{{#list.items}}unclosed"
        #expect(throws: GalleyError.self) {
            try TemplatePageRenderer(config: SiteConfig(), templates: templates, templateFolder: "templates")
        }
    }

    @Test func notFoundPageLinksRelativeToTheSiteRootWhereItLies() throws {
        let page = try renderer().renderPage(.notFound(NotFoundPage(path: "404.html", latest: [])))
        #expect(String(decoding: page.bytes, as: UTF8.self).contains("<a href=\"index.html\">home</a>"))
    }
}

@Suite struct StructuredDataTests {
    @Test func newsArticleJSONLDParsesAndCannotCloseItsScript() throws {
        var config = SiteConfig()
        config.title = "Galley News"
        let published = try #require(Timestamp.parseISO8601("2020-10-13T10:15:00+07:00"))
        let summary = ArticleSummary(slug: "a", title: "Judul </script><script>alert(1)</script>", path: "2020/10/a/index.html",
                                     published: published, byline: "Anton, Budi", image: "https://img.example/a.jpg",
                                     tags: [Term(name: "Banjir")], region: Term(name: "Jakarta"), source: "a.html")
        let json = StructuredData.newsArticle(summary, config: config, canonicalURL: "https://example.org/2020/10/a/")
        #expect(!json.contains("<") && !json.contains(">"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["@type"] as? String == "NewsArticle")
        #expect(object["headline"] as? String == summary.title)
        #expect(object["datePublished"] as? String == "2020-10-13T10:15:00+07:00")
        #expect(object["dateModified"] as? String == "2020-10-13T10:15:00+07:00")
        #expect((object["author"] as? [[String: Any]])?.compactMap { $0["name"] as? String } == ["Anton", "Budi"])
        #expect((object["publisher"] as? [String: Any])?["name"] as? String == "Galley News")
        #expect((object["mainEntityOfPage"] as? [String: Any])?["@id"] as? String == "https://example.org/2020/10/a/")
        #expect(object["image"] as? [String] == ["https://img.example/a.jpg"])
    }
}

@Suite struct TemplateCheckerTests {
    func check(_ name: String, _ text: String) -> GalleyError? {
        var templates = MarkdownRendererTests.templates
        templates[name] = text
        do {
            _ = try TemplatePageRenderer(config: SiteConfig(), templates: templates, templateFolder: "templates", strings: MarkdownRendererTests.strings)
            return nil
        } catch {
            return error
        }
    }

    @Test func misspeltVariablesAreErrorsWithTemplateAndLine() throws {
        let error = try #require(check("article", "{{<layout}}{{$content}}\n<h1>{{article.titel}}</h1>{{/content}}{{/layout}}"))
        #expect(error.source == "templates/article.mustache")
        #expect(error.reason.contains("line 2") && error.reason.contains("article.titel"))
        #expect(check("list", "{{<layout}}{{$content}}{{#list.items}}{{titl}}{{/list.items}}{{/content}}{{/layout}}") != nil)
        #expect(check("list", "{{<layout}}{{$content}}{{article.title}}{{/content}}{{/layout}}") != nil, "article values are not on list pages")
        #expect(check("404", "{{<layout}}{{$content}}{{strings.nope}}{{/content}}{{/layout}}")?.reason.contains("strings/en.yml") == true)
        #expect(check("404", "{{<layout}}{{$content}}{{strings.home}}{{/content}}{{/layout}}") == nil)
    }

    @Test func validTemplatesPass() {
        #expect(check("article", "{{<layout}}{{$content}}{{#article.tags}}<a href=\"{{href}}\">{{name}}</a>{{/article.tags}}{{#article.related}}{{title}}{{/article.related}}{{{page.jsonLD}}}{{site.title}}{{/content}}{{/layout}}") == nil)
        #expect(check("terms", "{{<layout}}{{$content}}{{#terms.bySize}}{{name}} {{count}}{{/terms.bySize}}{{/content}}{{/layout}}") == nil)
        #expect(check("partials/card", "<a href=\"{{href}}\">{{title}}</a>{{#region}}{{name}}{{/region}}") == nil)
        #expect(check("partials/card", "{{nonsense}}") != nil)
    }
}

/// The documented values (`TemplateVariables`) and the built ones (`PageContext`) agree: every
/// documented value is produced for a page that has everything.
@Suite struct TemplateVariablesTests {
    func missing(_ schema: TemplateValue, in value: Any?, path: String) -> [String] {
        switch schema {
        case .leaf, .strings, .anything:
            return value == nil ? [path] : []
        case .object(let members):
            guard let object = value as? [String: Any] else { return [path] }
            return members.keys.sorted().flatMap { missing(members[$0]!, in: object[$0], path: path + "." + $0) }
        case .list(let element):
            guard let array = value as? [Any], let first = array.first else { return [path + "[]"] }
            return missing(element, in: first, path: path + "[]")
        }
    }

    @Test func everyDocumentedValueIsBuilt() throws {
        var config = SiteConfig()
        config.description = "Berita"
        config.search = true
        var context = PageContext(config: config, strings: MarkdownRendererTests.strings)
        // The lead image is in the scrape: the local image values are built too.
        context.images = SiteImages(byURL: ["https://img.example/a.jpg": LocalImage(
            path: "media/0123456789abcdef.jpg", width: 960, height: 640, mimeType: "image/jpeg",
            webp: [.init(path: "media/0123456789abcdef-480.webp", width: 480), .init(path: "media/0123456789abcdef.webp", width: 960)],
            fallback: [.init(path: "media/0123456789abcdef-480.jpg", width: 480), .init(path: "media/0123456789abcdef.jpg", width: 960)])])
        let published = try #require(Timestamp.parseISO8601("2020-10-13T10:15:00+07:00"))
        var full = ArticleSummary(slug: "a", title: "A", path: "2020/10/a/index.html", published: published,
                                  modified: published.converted(toOffsetSeconds: 0), byline: "Anton", summary: "Ringkas",
                                  image: "https://img.example/a.jpg", imageCaption: "Foto", tags: [Term(name: "Banjir")],
                                  region: Term(name: "Jakarta"), section: "Metro", language: "fr", sourceURL: "https://src.example/a", source: "a.html")
        // Every field templates see by name, whatever the schema holds, and `extra`.
        for field in FrontMatter.templateFields where field.value(in: full.matter) == nil {
            switch field.storage {
            case .time, .requiredTime: field.set(.time(published), in: &full.matter)
            case .list: field.set(.list(["x"]), in: &full.matter)
            case .flag: field.set(.flag(true), in: &full.matter)
            case .text, .requiredText, .languageTag, .dateSource: field.set(.text("x"), in: &full.matter)
            }
        }
        full.matter.extra = ["kicker": .text("Eksklusif")]
        var other = full
        other.slug = "b"
        other.path = "2020/10/b/index.html"
        let article = context.article(full, bodyHTML: "<p>x</p>", relations: ArticleRelations(related: [other], previous: other, next: other))
        let list = context.list(ListPage(kind: .home, folder: "", items: [full], pageNumber: 2, pageCount: 9, feedPath: "feed.xml", itemCount: 85))
        let terms = context.terms(TermsPage(taxonomy: .tags, path: "tags/index.html", terms: [TermCount(term: Term(name: "Banjir"), count: 2)]))
        let pages: [(String, [String: Any])] = [("article", article), ("list", list), ("terms", terms)]
        for (kind, values) in pages {
            var absent: [String] = []
            for (root, schema) in TemplateVariables.root(forTemplate: kind) where root != "page" {
                absent += missing(schema, in: values[root], path: root)
            }
            #expect(absent.isEmpty, "\(kind) page lacks \(absent)")
        }
        let head = try #require(article["page"] as? [String: Any])
        for key in ["title", "description", "canonicalURL", "jsonLD", "twitterCard", "og"] { #expect(head[key] != nil, "article page.\(key)") }
        let listHead = try #require(list["page"] as? [String: Any])
        for key in ["prevHref", "nextHref", "og", "twitterCard"] { #expect(listHead[key] != nil, "list page.\(key)") }
        // The site feed is linked from every page (`links.feed`); `page.feedHref` is a list's own.
        #expect(listHead["feedHref"] == nil)
    }
}

/// The images a body shows, as the images phase looks for them.
@Suite struct MarkdownImageURLTests {
    @Test func inlineImagesAreListedInOrder() {
        let markdown = #"""
            Text ![a [nested] alt \] here](https://img.example/a.jpg "title") and
            [![linked](<https://img.example/b c.jpg>)](https://example.org/)

            ![](https://img.example/c.png)
            ![broken alt

            ](https://img.example/never.jpg) ![x]( https://img.example/spaced.jpg) [not an image](https://example.org/d.jpg)
            """#
        #expect(MarkdownRenderer.imageURLs(in: markdown) == ["https://img.example/a.jpg", "https://img.example/b c.jpg", "https://img.example/c.png"])
    }

    @Test func everyImageTheRendererShowsIsListed() {
        let markdown = "![Foto](https://img.example/1.jpg)\nCaption line\n\n- ![in a list](https://img.example/2.jpg)\n\n> ![quoted](https://img.example/3.webp)\n"
        let html = MarkdownRenderer().html(from: markdown)
        let shown = html.components(separatedBy: #"src=""#).dropFirst().map { String($0.prefix { $0 != "\"" }) }
        #expect(MarkdownRenderer.imageURLs(in: markdown) == shown)
    }

    /// Destinations with balanced parentheses (as `MarkdownEscaper.destination` writes them
    /// bare), backslash escapes and `&amp;` are listed as cmark reads them, so the renderer
    /// finds their local copies.
    @Test func imageURLsAreReadAsCmarkReadsThem() {
        let markdown = "![a](https://upload.example/Foo_(bar).jpg)\n\n![b](https://img.example/x\\(1\\).jpg)\n\n"
            + "![c](https://img.example/c.jpg?w=1&amp;h=2)\n"
        let html = MarkdownRenderer().html(from: markdown)
        let shown = html.components(separatedBy: #"src=""#).dropFirst()
            .map { String($0.prefix { $0 != "\"" }).replacingOccurrences(of: "&amp;", with: "&").removingPercentEncoding ?? "" }
        #expect(MarkdownRenderer.imageURLs(in: markdown) == shown)
        #expect(MarkdownRenderer.imageURLs(in: markdown).first == "https://upload.example/Foo_(bar).jpg")
    }
}

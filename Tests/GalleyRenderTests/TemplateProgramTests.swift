import Foundation
import GalleyCore
@testable import GalleyRender
import GalleyTestSupport
import Testing

/// The compiled renderer (`TemplateProgram`) gives the same bytes as swift-mustache: on the
/// default theme for every kind of page, and on thousands of generated templates (standalone
/// tags, indented partials, inheritance, inverted sections, dotted and anchored names) over
/// generated values.
@Suite struct TemplateProgramTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The default theme's templates by name.
    static func defaultTheme() throws -> [String: String] {
        let folder = repository.appendingPathComponent("templates")
        var templates: [String: String] = [:]
        for relative in ["layout", "article", "list", "terms", "404", "partials/article-card", "partials/footer", "partials/header", "partials/pagination"] {
            templates[relative] = try String(contentsOf: folder.appendingPathComponent(relative + ".mustache"), encoding: .utf8)
        }
        return templates
    }

    /// The same bytes from both engines, as text for a readable failure.
    func expectSameOutput(_ engine: TemplateEngine, _ values: TemplateData, template: String, _ note: @autoclosure () -> String = "",
                          sourceLocation: SourceLocation = #_sourceLocation) {
        let compiled = engine.render(values, template: template).map { String(decoding: $0, as: UTF8.self) }
        let reference = engine.renderWithMustache(values, template: template).map { String(decoding: $0, as: UTF8.self) }
        #expect(compiled == reference, "\(note())", sourceLocation: sourceLocation)
    }

    @Test func defaultThemeRendersEveryPageKindAsSwiftMustacheDoes() throws {
        let engine = try TemplateEngine(templates: Self.defaultTheme())
        for language in ["id", "en"] {
            var config = SiteConfig()
            config.language = language
            config.timezone = "Asia/Jakarta"
            config.baseURL = "https://news.example.org/"
            config.description = language == "id" ? "Berita & cerita <terkini>" : ""
            let context = PageContext(config: config, strings: MarkdownRendererTests.strings)
            let published = try #require(Timestamp.parseISO8601("2020-10-13T10:15:00+07:00"))
            let full = ArticleSummary(slug: "a", title: "Banjir \"besar\" & <longsor> 'lagi'", path: "2020/10/a/index.html", published: published,
                                      modified: published.converted(toOffsetSeconds: 0), byline: "Anton, Budi", summary: "Ringkas\nbaris",
                                      image: "https://img.example/a.jpg?x=1&y=2", imageCaption: "Foto <b>", tags: [Term(name: "Banjir"), Term(name: "北京")],
                                      region: Term(name: "Jakarta"), section: "Metro", language: "id", sourceURL: "https://src.example/a", source: "a.html")
            let bare = ArticleSummary(slug: "b", title: "B", path: "2020/10/b/index.html", published: published, source: "b.md")
            let pages: [(String, TemplateObject)] = [
                ("article", context.articleValues(full, bodyHTML: "<p>x</p>\n<p>y</p>", relations: ArticleRelations(related: [bare, full], previous: bare, next: full))),
                ("article", context.articleValues(bare, bodyHTML: "", relations: .none)),
                ("list", context.listValues(ListPage(kind: .home, folder: "", items: [full, bare], pageNumber: 2,
                                                     pageCount: 9, feedPath: "feed.xml", itemCount: 85))),
                ("list", context.listValues(ListPage(kind: .term(.tags, Term(name: "Banjir")), folder: "tags/banjir/", items: [],
                                                     pageNumber: 1, pageCount: 1, feedPath: "tags/banjir/feed.xml", itemCount: 0))),
                ("list", context.listValues(ListPage(kind: .archive(year: 2020, month: 10), folder: "2020/10/", items: [bare],
                                                     pageNumber: 1, pageCount: 1, feedPath: nil, itemCount: 1))),
                ("terms", context.termsValues(TermsPage(taxonomy: .tags, path: "tags/index.html",
                                                        terms: [TermCount(term: Term(name: "Banjir"), count: 2), TermCount(term: Term(name: "A&B"), count: 5)]))),
                ("terms", context.termsValues(TermsPage(taxonomy: .regions, path: "regions/index.html", terms: []))),
                ("404", context.notFoundValues(NotFoundPage(path: "404.html", latest: [full, bare]))),
                ("404", context.notFoundValues(NotFoundPage(path: "404.html", latest: []))),
                ("search", context.searchValues(path: "search/index.html")),
            ]
            for (template, values) in pages {
                expectSameOutput(engine, .object(values), template: template, "\(template) (\(language))")
            }
        }
    }

    @Test func generatedTemplatesRenderAsSwiftMustacheDoes() {
        var random = TemplateRandom(seed: 42)
        var compared = 0
        for index in 0..<2_500 {
            // Only `main` includes partials, and `parent` only `part`: no partial includes itself.
            let templates = ["main": random.template(depth: 3), "part": random.template(depth: 2, partials: false),
                             "parent": random.parentTemplate()]
            guard let engine = try? TemplateEngine(templates: templates) else { continue }
            for _ in 0..<3 {
                expectSameOutput(engine, .object(random.object(depth: 3)), template: "main", "case \(index): \(templates)")
            }
            compared += 1
        }
        #expect(compared > 2_000)
    }

    /// One engine renders every theme: what it does not do is an error naming the template and
    /// the line, not a switch to swift-mustache.
    @Test(arguments: [
        ("<p>\n{{=<% %>=}}<b><% a %></b>", "line 2: changed delimiters"),
        ("<p>\n\n{{uppercased(a)}}", "line 3: transforms"),
        ("{{%CONTENT_TYPE:TEXT}}", "line 1: pragmas"),
        ("<ul>\n{{>*dynamic}}", "line 2: dynamic partials"),
    ])
    func aThemeFeatureTheRendererDoesNotDoIsAnErrorWithItsLine(template: String, reason: String) {
        do {
            _ = try TemplateEngine(templates: ["ok": "{{a}}", "main": template])
            Issue.record("\(template) was accepted")
        } catch {
            #expect(error.template == "main")
            #expect(error.reason.hasPrefix(reason), "\(error.reason)")
        }
    }

    /// swift-mustache compares grapheme clusters, so a quote followed by a combining mark passed
    /// unescaped and ended the attribute it was in; the compiled renderer escapes every quote.
    @Test func quotesBeforeCombiningMarksAreEscaped() throws {
        let engine = try TemplateEngine(templates: ["main": "<a title=\"{{a}}\">"])
        let hostile = "x\"\u{301} onmouseover=alert(1) \"<\u{338}"
        let compiled = String(decoding: try #require(engine.render(.object(["a": .text(hostile)]), template: "main")), as: UTF8.self)
        #expect(compiled == "<a title=\"x&quot;\u{301} onmouseover=alert(1) &quot;&lt;\u{338}\">")
        let reference = String(decoding: try #require(engine.renderWithMustache(.object(["a": .text(hostile)]), template: "main")), as: UTF8.self)
        #expect(reference != compiled, "swift-mustache now escapes these too; the note in TemplateProgram can go")
    }
}

/// Random templates and values for `TemplateProgramTests` (seeded, so runs repeat).
typealias TemplateRandom = SeededRandom

extension SeededRandom {
    /// Names whose values are always text, numbers or flags (so `{{name}}` never shows a
    /// dictionary, whose order is not fixed), names of sections, and dotted names.
    static let scalarNames = ["a", "b", "c", "obj.a", "obj.b", ".a", "obj.inner.c", "missing", "obj.missing"]
    static let sectionNames = ["obj", "items", "flag", "no", "a", "empty", "obj.inner", "missing", "words"]

    static let texts = ["x", "Banjir", "", " ", "<b>&amp;</b>", "\"q\" 'a'", "北京", "🌊", "a\nb", "a\r\nb", "  lead", "trail  ", "é", "{{a}}"]

    mutating func template(depth: Int, partials: Bool = true) -> String {
        var text = ""
        for _ in 0..<(1 + below(8)) { text += piece(depth: depth, partials: partials) }
        return text
    }

    /// One piece: text, whitespace, a line break, a tag (often alone on its line, indented).
    /// Without `partials`, no partial, parent or block (what a block override or a partial may
    /// hold without including itself).
    mutating func piece(depth: Int, partials: Bool) -> String {
        let indent = pick(["", "", " ", "  ", "\t", " \t"])
        let lineEnd = pick(["\n", "\n", "\r\n", "", " \n", "  "])
        switch below(depth > 0 ? 13 : 9) {
        case 0: return pick(["text", "<p>", "a b", "{", "}", "{ {", "x}}", "é"])
        case 1: return pick(["\n", "\r\n", " ", "  ", "\t", "\n\n"])
        case 2: return indent + "{{" + pick(["", " "]) + pick(Self.scalarNames) + pick(["", " "]) + "}}" + lineEnd
        case 3: return indent + pick(["{{{" + pick(Self.scalarNames) + "}}}", "{{&" + pick(Self.scalarNames) + "}}", "{{& a }}"]) + lineEnd
        case 4: return indent + "{{! a comment }}" + lineEnd
        case 5: return partials ? indent + "{{> part}}" + lineEnd : "p"
        case 6: return indent + "{{>missing-partial}}" + lineEnd
        case 7: return "x" + indent + "{{a}}" + lineEnd
        case 8 where partials: return indent + "{{$block}}" + pick(["", "\n"]) + pick(["default", "{{a}}"]) + pick(["", "\n"]) + indent + "{{/block}}" + lineEnd
        case 9, 10:
            let name = pick(Self.sectionNames)
            let sigil = pick(["#", "#", "^"])
            return indent + "{{" + sigil + name + "}}" + lineEnd + template(depth: depth - 1, partials: partials) + pick(["", "\n", "  "]) + pick(["", "  "])
                + "{{/" + name + "}}" + lineEnd
        case 11: return indent + "{{#words}}" + lineEnd + pick(["{{.}}", " {{.}},", "<{{.}}>\n"]) + "{{/words}}" + lineEnd
        default:
            guard partials else { return "q" }
            return indent + "{{<parent}}" + pick(["", "\n"]) + pick(["", "  "]) + "{{$block}}" + pick(["", "\n"]) + template(depth: depth - 1, partials: false)
                + pick(["", "\n"]) + "{{/block}}" + pick(["", "\n", "text\n"]) + "{{/parent}}" + lineEnd
        }
    }

    mutating func parentTemplate() -> String {
        pick(["<h>", "", "  "]) + pick(["{{$block}}fallback{{/block}}", "\n  {{$block}}\n  fallback\n  {{/block}}\n", "{{a}}\n{{$block}}{{/block}}\n  {{> part}}\n"])
            + pick(["", "\n", "end"])
    }

    mutating func scalar() -> TemplateData {
        switch below(6) {
        case 0: .flag(below(2) == 0)
        case 1: .number(below(3) - 1)
        default: .text(pick(Self.texts))
        }
    }

    mutating func object(depth: Int) -> TemplateObject {
        var object = TemplateObject()
        for name in ["a", "b", "c"] where below(4) != 0 { object[name] = scalar() }
        if depth > 0 {
            if below(3) != 0 { object["obj"] = .object(self.object(depth: depth - 1)) }
            if below(3) != 0 { object["inner"] = .object(self.object(depth: depth - 1)) }
            if below(2) == 0 { object["items"] = .list((0..<below(4)).map { _ in .object(self.object(depth: depth - 1)) }) }
        }
        if below(2) == 0 { object["flag"] = .flag(below(2) == 0) }
        if below(2) == 0 { object["no"] = .flag(false) }
        if below(2) == 0 { object["empty"] = .list([]) }
        if below(2) == 0 { object["words"] = .list((0..<below(4)).map { _ in .text(pick(Self.texts)) }) }
        return object
    }
}

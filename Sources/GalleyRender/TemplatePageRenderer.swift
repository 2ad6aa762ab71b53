import Foundation
import GalleyCore

/// Stage 3: article Markdown → HTML with cmark, then every page through the Mustache templates.
public struct TemplatePageRenderer: Sendable {
    /// Templates every theme must provide.
    public static let requiredTemplates = ["layout", "article", "list", "terms", "404"]

    let engine: TemplateEngine
    let context: PageContext
    let markdown: MarkdownRenderer

    /// Creates a renderer from template sources by name (`partials/header` → its text).
    /// Throws a `.render` error naming the template that does not parse or is missing.
    public init(config: SiteConfig, templates: [String: String], templateFolder: String,
                strings: [String: StringTable] = [:]) throws(GalleyError) {
        do {
            engine = try TemplateEngine(templates: templates)
        } catch {
            throw GalleyError(.render, source: "\(templateFolder)/\(error.template).mustache", reason: error.reason)
        }
        for name in Self.requiredTemplates where templates[name] == nil {
            throw GalleyError(.render, source: "\(templateFolder)/\(name).mustache", reason: "required template is missing")
        }
        if strings[UIStrings.fallbackLanguage] == nil, !strings.isEmpty {
            throw GalleyError(.render, source: "\(templateFolder)/strings/en.yml", reason: "the English strings file is missing (other languages fall back to it)")
        }
        let englishKeys = Set(strings[UIStrings.fallbackLanguage]?.words.keys ?? [String: String]().keys)
        try TemplateChecker(folder: templateFolder, stringKeys: englishKeys).check(engine.syntax)
        self.context = PageContext(config: config, strings: strings)
        markdown = MarkdownRenderer(remoteImages: config.images.remote)
    }

    /// The HTML of a Markdown body (safe mode; see `MarkdownRenderer`); its tables' scroll boxes
    /// are labelled with `tableLabel` and their number.
    public func bodyHTML(_ markdown: String, tableLabel: String = "Table") -> String {
        self.markdown.html(from: markdown, tableLabel: tableLabel)
    }

    /// The HTML of an article's body as its page shows it.
    public func bodyHTML(of document: ArticleDocument, summary: ArticleSummary) -> String {
        bodyHTML(document.body, tableLabel: context.tableLabel(for: summary))
    }

    /// Renders one article page at `summary.path`, linking its related and neighbouring articles.
    public func renderArticle(_ document: ArticleDocument, summary: ArticleSummary,
                              relations: ArticleRelations = .none) throws(GalleyError) -> RenderedPage {
        let values = context.articleValues(summary, bodyHTML: bodyHTML(of: document, summary: summary), relations: relations)
        return try render(values, template: "article", path: summary.path, source: document.source)
    }

    /// Renders one planned index page (home, term lists, 404, search).
    public func renderPage(_ plan: PagePlan) throws(GalleyError) -> RenderedPage {
        switch plan {
        case .list(let page): return try render(context.listValues(page), template: "list", path: page.path, source: nil)
        case .terms(let page): return try render(context.termsValues(page), template: "terms", path: page.path, source: nil)
        case .notFound(let page): return try render(context.notFoundValues(page), template: "404", path: page.path, source: nil)
        case .search(let path): return try render(context.searchValues(path: path), template: "search", path: path, source: nil)
        }
    }

    private func render(_ values: TemplateObject, template: String, path: String, source: String?) throws(GalleyError) -> RenderedPage {
        guard let bytes = engine.render(.object(values), template: template) else {
            throw GalleyError(.render, source: source ?? "templates/\(template).mustache", reason: "template \"\(template)\" is missing")
        }
        return RenderedPage(path: path, bytes: bytes)
    }
}

import Foundation
import GalleyCore

/// Stage 3: article Markdown → HTML with cmark, then every page through the Mustache templates.
public struct TemplatePageRenderer: Sendable {
    /// Templates every theme must provide.
    public static let requiredTemplates = ["layout", "article", "list", "terms", "404"]

    let engine: TemplateEngine
    let context: PageContext
    let markdown = MarkdownRenderer()

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
    }

    /// The HTML of a Markdown body (safe mode; see `MarkdownRenderer`).
    public func bodyHTML(_ markdown: String) -> String { self.markdown.html(from: markdown) }

    /// Renders one article page at `summary.path`, linking its related and neighbouring articles.
    public func renderArticle(_ document: ArticleDocument, summary: ArticleSummary,
                              relations: ArticleRelations = .none) throws(GalleyError) -> RenderedPage {
        let values = context.articleValues(summary, bodyHTML: bodyHTML(document.body), relations: relations)
        return try render(values, template: "article", path: summary.path, source: document.source)
    }

    /// Renders one planned index page (home, term lists, 404).
    public func renderPage(_ plan: PagePlan) throws(GalleyError) -> RenderedPage {
        switch plan {
        case .list(let page): return try render(context.listValues(page), template: "list", path: page.path, source: nil)
        case .terms(let page): return try render(context.termsValues(page), template: "terms", path: page.path, source: nil)
        case .notFound(let path): return try render(context.notFoundValues(path: path), template: "404", path: path, source: nil)
        }
    }

    private func render(_ values: TemplateObject, template: String, path: String, source: String?) throws(GalleyError) -> RenderedPage {
        guard let bytes = engine.render(.object(values), template: template) else {
            throw GalleyError(.render, source: source ?? "templates/\(template).mustache", reason: "template \"\(template)\" is missing")
        }
        return RenderedPage(path: path, bytes: bytes)
    }
}

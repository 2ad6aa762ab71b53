import Foundation
import GalleyCore

/// Stage 3: article Markdown → HTML with cmark, then every page through the Mustache templates.
public struct TemplatePageRenderer: Sendable {
    /// Templates every theme must provide.
    public static let requiredTemplates = ["layout", "article", "list", "terms", "404"]

    let engine: TemplateEngine
    var context: PageContext
    let markdown: MarkdownRenderer
    /// The images copied into the site (`using(_:)`).
    var images = SiteImages()

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

    /// This renderer, showing the images the scrape had from their copies under `media/`.
    public func using(_ images: SiteImages) -> TemplatePageRenderer {
        var renderer = self
        renderer.images = images
        renderer.context.images = images
        return renderer
    }

    /// The HTML of a Markdown body (safe mode; see `MarkdownRenderer`); its tables' scroll boxes
    /// are labelled with `tableLabel` and their number. Local images are linked from `page`
    /// (a path under the output folder), or absolutely from `base_url` when it is nil (feeds).
    public func bodyHTML(_ markdown: String, tableLabel: String = "Table", page: String? = nil) -> String {
        let base = context.config.baseURL.hasSuffix("/") ? context.config.baseURL : context.config.baseURL + "/"
        return self.markdown.html(from: markdown, tableLabel: tableLabel, images: images) { path in
            page.map { SitePaths.relativeLink(from: $0, to: path) } ?? base + path
        }
    }

    /// The HTML of an article's body as its page shows it; with `absolute`, as a feed carries it.
    public func bodyHTML(of document: ArticleDocument, summary: ArticleSummary, absolute: Bool = false) -> String {
        bodyHTML(document.body, tableLabel: context.tableLabel(for: summary), page: absolute ? nil : summary.path)
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

import Foundation
import GalleyCore

/// Builds the values a template sees (documented in templates/README.md). Optional values are
/// left out rather than set to "" so that `{{#value}}` sections hide.
///
/// Values that are the same on every page (`site`, `strings`) are built once.
struct PageContext: Sendable {
    let config: SiteConfig
    let strings: UIStrings
    let dates: DateDisplay
    /// `site` and `strings`, the same on every page.
    private let site: TemplateData
    private let words: TemplateData
    /// The path part of the base URL (`/` or `/news/`), for pages served at any depth (404).
    let rootPath: String
    let paths: SitePaths

    init(config: SiteConfig, strings tables: [String: StringTable]) {
        self.config = config
        paths = config.paths
        strings = UIStrings(language: config.language, tables: tables)
        dates = DateDisplay(strings: strings, timeZone: config.timeZone)
        var site: TemplateObject = ["title": .text(config.title), "language": .text(config.language)]
        if !config.description.isEmpty { site["description"] = .text(config.description) }
        self.site = .object(site)
        var words = TemplateObject()
        for key in strings.words.keys.sorted() { words.set(key, text: strings.words[key]) }
        self.words = .object(words)
        rootPath = URL(string: config.baseURL).map { $0.path.hasSuffix("/") ? $0.path : $0.path + "/" } ?? "/"
    }

    // MARK: Pages

    /// Values every page has: `site`, `page`, `links`, `strings`.
    func commonValues(path: String, title: String, description: String?, feedPath: String?,
                      rootRelative: Bool = false) -> TemplateObject {
        let link: (String) -> String = { target in
            rootRelative ? rootPath + target : SitePaths.relativeLink(from: path, to: target)
        }
        var page: TemplateObject = ["title": .text(title), "canonicalURL": .text(paths.absoluteURL(path))]
        if let description, !description.isEmpty { page["description"] = .text(description) }
        page.set("feedHref", text: feedPath.map(link))
        let links: TemplateObject = [
            "home": .text(link("index.html")), "tags": .text(link("tags/index.html")), "regions": .text(link("regions/index.html")),
            "feed": .text(link(SitePaths.homeFeed)), "static": .text(link(SitePaths.staticFolder)),
        ]
        return ["site": site, "page": .object(page), "links": .object(links), "strings": words]
    }

    func articleValues(_ summary: ArticleSummary, bodyHTML: String, relations: ArticleRelations = .none) -> TemplateObject {
        var context = commonValues(path: summary.path, title: summary.title + " – " + config.title,
                                   description: summary.summary, feedPath: nil)
        var article = schemaValues(summary.matter)
        article["publishedISO"] = .text(dates.iso(summary.published))
        article["publishedDisplay"] = .text(dates.format(summary.published))
        article["body"] = .text(bodyHTML)
        article["hasTags"] = .flag(!summary.tags.isEmpty)
        article["tags"] = .list(summary.tags.map { .object(term(.tags, $0, from: summary.path)) })
        article.set("standfirst", text: summary.summary.flatMap { RepeatedStandfirst.isRepeated(summary: $0, bodyHTML: bodyHTML) ? nil : $0 })
        if let modified = summary.modified {
            article["modifiedISO"] = .text(dates.iso(modified))
            article["modifiedDisplay"] = .text(dates.format(modified))
        }
        if let image = summary.image {
            var lead: TemplateObject = ["url": .text(image), "alt": .text("")]
            lead.set("caption", text: summary.imageCaption)
            article["image"] = .object(lead)
        }
        if let region = summary.region { article["region"] = .object(term(.regions, region, from: summary.path)) }
        if let source = summary.sourceURL, let host = URL(string: source)?.host {
            article["sourceURL"] = .text(source)
            article["sourceHost"] = .text(host)
        }
        if !relations.related.isEmpty {
            article["hasRelated"] = .flag(true)
            article["related"] = .list(relations.related.map { .object(item($0, from: summary.path)) })
        }
        article["previous"] = relations.previous.map { .object(item($0, from: summary.path)) }
        article["next"] = relations.next.map { .object(item($0, from: summary.path)) }
        context["article"] = .object(article)
        if case .object(let page)? = context["page"] { context["page"] = .object(articlePage(summary, base: page)) }
        return context
    }

    /// The machine-readable head of an article page: canonical URL (ours, or the original
    /// source with `canonical: source`), NewsArticle JSON-LD, OpenGraph and Twitter card values.
    private func articlePage(_ summary: ArticleSummary, base: TemplateObject) -> TemplateObject {
        var page = base
        let ownURL = paths.absoluteURL(summary.path)
        let canonical = config.canonical == .source ? (summary.sourceURL ?? ownURL) : ownURL
        page["canonicalURL"] = .text(canonical)
        page["jsonLD"] = .text(StructuredData.newsArticle(summary, config: config, canonicalURL: canonical))
        var openGraph: TemplateObject = [
            "type": .text("article"), "title": .text(summary.title), "url": .text(ownURL), "siteName": .text(config.title),
            "locale": .text((summary.language ?? config.language).replacingOccurrences(of: "-", with: "_")),
            "publishedTime": .text(summary.published.rfc3339),
            "tags": .list(summary.tags.map { .text($0.name) }),
        ]
        openGraph.set("description", text: summary.summary)
        openGraph.set("image", text: summary.image)
        openGraph.set("modifiedTime", text: summary.modified?.rfc3339)
        openGraph.set("section", text: summary.section)
        page["og"] = .object(openGraph)
        page["twitterCard"] = .text(summary.image == nil ? "summary" : "summary_large_image")
        return page
    }

    func listValues(_ page: ListPage) -> TemplateObject {
        let heading: String
        var description: String?
        switch page.kind {
        case .home:
            heading = page.pageNumber == 1 ? config.title : "\(config.title) – \(strings["page"]) \(page.pageNumber)"
            description = config.description.isEmpty ? nil : config.description
        case .term(let taxonomy, let term):
            heading = (taxonomy == .tags ? strings["tag"] : strings["region"]) + ": " + term.name
            if page.pageNumber > 1 { description = "\(strings["page"]) \(page.pageNumber)" }
        case .archive(let year, let month):
            heading = strings["archive"] + ": " + (month.map { strings.month($0) + " " } ?? "") + String(year)
            if page.pageNumber > 1 { description = "\(strings["page"]) \(page.pageNumber)" }
        }
        var context = commonValues(path: page.path, title: page.kind == .home && page.pageNumber == 1 ? config.title : heading + " – " + config.title,
                                   description: description, feedPath: page.feedPath)
        var list: TemplateObject = [
            "heading": .text(heading),
            "items": .list(page.items.map { .object(item($0, from: page.path)) }),
        ]
        list.set("feedHref", text: page.feedPath.map { SitePaths.relativeLink(from: page.path, to: $0) })
        list.set("description", text: description)
        if page.pageCount > 1 {
            let pagination = pagination(page)
            list["pagination"] = .object(pagination)
            if case .object(var head)? = context["page"] {
                head["prevHref"] = pagination["previous"]
                head["nextHref"] = pagination["next"]
                context["page"] = .object(head)
            }
        }
        context["list"] = .object(list)
        return context
    }

    func termsValues(_ page: TermsPage) -> TemplateObject {
        let heading = page.taxonomy == .tags ? strings["allTags"] : strings["allRegions"]
        var context = commonValues(path: page.path, title: heading + " – " + config.title, description: nil, feedPath: nil)
        let entry = { (count: TermCount) -> TemplateData in
            .object(["name": .text(count.term.name), "count": .number(count.count),
                     "href": .text(SitePaths.relativeLink(from: page.path, to: paths.listPage(folder: paths.termFolder(page.taxonomy, count.term), number: 1)))])
        }
        context["terms"] = .object(["heading": .text(heading), "items": .list(page.terms.map(entry)), "bySize": .list(page.termsBySize.map(entry))])
        return context
    }

    func notFoundValues(path: String) -> TemplateObject {
        commonValues(path: path, title: strings["notFoundTitle"] + " – " + config.title, description: nil, feedPath: nil, rootRelative: true)
    }

    // MARK: Parts

    /// One article in a list (`list.items`, `article.related`, `article.previous`).
    private func item(_ summary: ArticleSummary, from path: String) -> TemplateObject {
        var item = schemaValues(summary.matter)
        item["href"] = .text(SitePaths.relativeLink(from: path, to: summary.path))
        item["publishedISO"] = .text(dates.iso(summary.published))
        item["publishedDisplay"] = .text(dates.format(summary.published))
        if let region = summary.region { item["region"] = .object(term(.regions, region, from: path)) }
        if let image = summary.image { item["image"] = .object(["url": .text(image), "alt": .text("")]) }
        return item
    }

    /// The fields templates see by name (`FrontMatter.templateFields`: title, byline, summary…)
    /// and `extra`, the same in `article` and in list items.
    private func schemaValues(_ matter: FrontMatter) -> TemplateObject {
        var values = TemplateObject()
        for field in FrontMatter.templateFields {
            guard let name = field.templateName, let value = field.value(in: matter) else { continue }
            switch value {
            case .text(let text): values[name] = .text(text)
            case .time(let time): values[name] = .text(dates.iso(time))
            case .list(let items): values[name] = .list(items.map(TemplateData.text))
            case .flag(let flag): values[name] = .flag(flag)
            }
        }
        if !matter.extra.isEmpty { values[FrontMatter.extraKey] = Self.data(.map(matter.extra)) }
        return values
    }

    private static func data(_ value: FrontMatterValue) -> TemplateData {
        switch value {
        case .text(let text): .text(text)
        case .flag(let flag): .flag(flag)
        case .list(let items): .list(items.map(data))
        case .map(let members):
            .object(TemplateObject(members.sorted { $0.key < $1.key }.map { ($0.key, data($0.value)) }))
        }
    }

    private func term(_ taxonomy: Taxonomy, _ term: Term, from path: String) -> TemplateObject {
        ["name": .text(term.name),
         "href": .text(SitePaths.relativeLink(from: path, to: paths.listPage(folder: paths.termFolder(taxonomy, term), number: 1)))]
    }

    private func pagination(_ page: ListPage) -> TemplateObject {
        var pagination: TemplateObject = [
            "pages": .list(page.pageLinks.enumerated().map { index, link in
                let gap = index > 0 && page.pageLinks[index - 1].number + 1 < link.number
                return .object(["number": .number(link.number), "href": .text(SitePaths.relativeLink(from: page.path, to: link.path)),
                                "isCurrent": .flag(link.number == page.pageNumber), "gapBefore": .flag(gap)])
            }),
        ]
        if let previous = page.link(page.pageNumber - 1) { pagination["previous"] = .text(SitePaths.relativeLink(from: page.path, to: previous.path)) }
        if let next = page.link(page.pageNumber + 1) { pagination["next"] = .text(SitePaths.relativeLink(from: page.path, to: next.path)) }
        return pagination
    }
}

extension PageContext {
    /// The values of an article page as swift-mustache takes them (`[String: Any]`).
    func article(_ summary: ArticleSummary, bodyHTML: String, relations: ArticleRelations = .none) -> [String: Any] {
        articleValues(summary, bodyHTML: bodyHTML, relations: relations).anyValue
    }

    /// The values of a list page as swift-mustache takes them.
    func list(_ page: ListPage) -> [String: Any] { listValues(page).anyValue }

    /// The values of a terms page as swift-mustache takes them.
    func terms(_ page: TermsPage) -> [String: Any] { termsValues(page).anyValue }

    /// The values of the 404 page as swift-mustache takes them.
    func notFound(path: String) -> [String: Any] { notFoundValues(path: path).anyValue }
}

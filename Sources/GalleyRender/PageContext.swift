import Foundation
import GalleyCore

/// Builds the values a template sees (documented in templates/README.md). Optional values are
/// left out rather than set to "" so that `{{#value}}` sections hide.
struct PageContext: Sendable {
    let config: SiteConfig
    let strings: UIStrings
    let dates: DateDisplay
    var paths: SitePaths { config.paths }

    init(config: SiteConfig, strings tables: [String: StringTable]) {
        self.config = config
        strings = UIStrings(language: config.language, tables: tables)
        dates = DateDisplay(strings: strings, timeZone: config.timeZone)
    }

    /// Values every page has: `site`, `page`, `links`, `strings`.
    func common(path: String, title: String, description: String?, feedPath: String?, rootRelative: Bool = false) -> [String: Any] {
        let link: (String) -> String = { target in
            rootRelative ? rootPath + target : SitePaths.relativeLink(from: path, to: target)
        }
        var page: [String: Any] = ["title": title, "canonicalURL": paths.absoluteURL(path)]
        if let description, !description.isEmpty { page["description"] = description }
        if let feedPath { page["feedHref"] = link(feedPath) }
        var site: [String: Any] = ["title": config.title, "language": config.language]
        if !config.description.isEmpty { site["description"] = config.description }
        return [
            "site": site,
            "page": page,
            "links": [
                "home": link("index.html"), "tags": link("tags/index.html"), "regions": link("regions/index.html"),
                "feed": link(SitePaths.homeFeed), "static": link(SitePaths.staticFolder),
            ],
            "strings": strings.words,
        ]
    }

    /// The path part of the base URL (`/` or `/news/`), for pages served at any depth (404).
    var rootPath: String { URL(string: config.baseURL).map { $0.path.hasSuffix("/") ? $0.path : $0.path + "/" } ?? "/" }

    func article(_ summary: ArticleSummary, bodyHTML: String, relations: ArticleRelations = .none) -> [String: Any] {
        var context = common(path: summary.path, title: summary.title + " – " + config.title,
                             description: summary.summary, feedPath: nil)
        var article: [String: Any] = [
            "title": summary.title,
            "publishedISO": dates.iso(summary.published),
            "publishedDisplay": dates.format(summary.published),
            "body": bodyHTML,
            "hasTags": !summary.tags.isEmpty,
            "tags": summary.tags.map { term(.tags, $0, from: summary.path) },
        ]
        article["summary"] = summary.summary
        article["byline"] = summary.byline
        article["section"] = summary.section
        article["language"] = summary.language
        if let modified = summary.modified {
            article["modifiedISO"] = dates.iso(modified)
            article["modifiedDisplay"] = dates.format(modified)
        }
        if let image = summary.image {
            var lead: [String: Any] = ["url": image, "alt": ""]
            lead["caption"] = summary.imageCaption
            article["image"] = lead
        }
        if let region = summary.region { article["region"] = term(.regions, region, from: summary.path) }
        if let source = summary.sourceURL, let host = URL(string: source)?.host {
            article["sourceURL"] = source
            article["sourceHost"] = host
        }
        if !relations.related.isEmpty {
            article["hasRelated"] = true
            article["related"] = relations.related.map { item($0, from: summary.path) }
        }
        article["previous"] = relations.previous.map { item($0, from: summary.path) }
        article["next"] = relations.next.map { item($0, from: summary.path) }
        context["article"] = article
        context["page"] = articlePage(summary, base: context["page"] as? [String: Any] ?? [:])
        return context
    }

    /// The machine-readable head of an article page: canonical URL (ours, or the original
    /// source with `canonical: source`), NewsArticle JSON-LD, OpenGraph and Twitter card values.
    private func articlePage(_ summary: ArticleSummary, base: [String: Any]) -> [String: Any] {
        var page = base
        let ownURL = paths.absoluteURL(summary.path)
        let canonical = config.canonical == .source ? (summary.sourceURL ?? ownURL) : ownURL
        page["canonicalURL"] = canonical
        page["jsonLD"] = StructuredData.newsArticle(summary, config: config, canonicalURL: canonical)
        var openGraph: [String: Any] = [
            "type": "article", "title": summary.title, "url": ownURL, "siteName": config.title,
            "locale": (summary.language ?? config.language).replacingOccurrences(of: "-", with: "_"),
            "publishedTime": summary.published.rfc3339,
            "tags": summary.tags.map(\.name),
        ]
        openGraph["description"] = summary.summary
        openGraph["image"] = summary.image
        openGraph["modifiedTime"] = summary.modified?.rfc3339
        openGraph["section"] = summary.section
        page["og"] = openGraph
        page["twitterCard"] = summary.image == nil ? "summary" : "summary_large_image"
        return page
    }

    func list(_ page: ListPage) -> [String: Any] {
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
        var context = common(path: page.path, title: page.kind == .home && page.pageNumber == 1 ? config.title : heading + " – " + config.title,
                             description: description, feedPath: page.feedPath)
        var list: [String: Any] = [
            "heading": heading,
            "items": page.items.map { item($0, from: page.path) },
        ]
        list["feedHref"] = page.feedPath.map { SitePaths.relativeLink(from: page.path, to: $0) }
        list["description"] = description
        if page.pagePaths.count > 1 {
            let pagination = pagination(page)
            list["pagination"] = pagination
            var head = context["page"] as? [String: Any] ?? [:]
            head["prevHref"] = pagination["previous"]
            head["nextHref"] = pagination["next"]
            context["page"] = head
        }
        context["list"] = list
        return context
    }

    func terms(_ page: TermsPage) -> [String: Any] {
        let heading = page.taxonomy == .tags ? strings["allTags"] : strings["allRegions"]
        var context = common(path: page.path, title: heading + " – " + config.title, description: nil, feedPath: nil)
        let entry = { (count: TermCount) -> [String: Any] in
            ["name": count.term.name, "count": count.count,
             "href": SitePaths.relativeLink(from: page.path, to: paths.listPage(folder: paths.termFolder(page.taxonomy, count.term), number: 1))]
        }
        context["terms"] = ["heading": heading, "items": page.terms.map(entry), "bySize": page.termsBySize.map(entry)]
        return context
    }

    func notFound(path: String) -> [String: Any] {
        common(path: path, title: strings["notFoundTitle"] + " – " + config.title, description: nil, feedPath: nil, rootRelative: true)
    }

    private func item(_ summary: ArticleSummary, from path: String) -> [String: Any] {
        var item: [String: Any] = [
            "title": summary.title,
            "href": SitePaths.relativeLink(from: path, to: summary.path),
            "publishedISO": dates.iso(summary.published),
            "publishedDisplay": dates.format(summary.published),
        ]
        item["byline"] = summary.byline
        item["summary"] = summary.summary
        item["language"] = summary.language
        if let region = summary.region { item["region"] = term(.regions, region, from: path) }
        if let image = summary.image { item["image"] = ["url": image, "alt": ""] }
        return item
    }

    private func term(_ taxonomy: Taxonomy, _ term: Term, from path: String) -> [String: Any] {
        ["name": term.name, "href": SitePaths.relativeLink(from: path, to: paths.listPage(folder: paths.termFolder(taxonomy, term), number: 1))]
    }

    private func pagination(_ page: ListPage) -> [String: Any] {
        var pagination: [String: Any] = [
            "pages": page.pagePaths.enumerated().map { index, target -> [String: Any] in
                ["number": index + 1, "href": SitePaths.relativeLink(from: page.path, to: target), "isCurrent": index + 1 == page.pageNumber]
            },
        ]
        if page.pageNumber > 1 { pagination["previous"] = SitePaths.relativeLink(from: page.path, to: page.pagePaths[page.pageNumber - 2]) }
        if page.pageNumber < page.pagePaths.count { pagination["next"] = SitePaths.relativeLink(from: page.path, to: page.pagePaths[page.pageNumber]) }
        return pagination
    }
}

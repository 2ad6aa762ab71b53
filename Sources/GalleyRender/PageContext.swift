import Foundation
import GalleyCore

/// Builds the values a template sees (documented in templates/README.md). Optional values are
/// left out rather than set to "" so that `{{#value}}` sections hide.
///
/// Values that are the same on every page (`site`, `strings`) are built once.
struct PageContext: Sendable {
    let config: SiteConfig
    /// The images copied into the site, by the URL articles name them with.
    var images = SiteImages()
    /// `site`, the same on every page.
    private let site: TemplateData
    /// The UI words of every language the theme has strings for, by table key (`en`, `id`):
    /// an article in one of them shows its UI words in its own language (`article.strings`).
    private let languages: [String: LanguageWords]
    /// The site language's words (`strings` on every page), one of `languages`.
    private let siteWords: LanguageWords
    let paths: SitePaths

    var strings: UIStrings { siteWords.strings }
    var dates: DateDisplay { siteWords.dates }

    /// One language's UI words, as templates see them, and its date names.
    struct LanguageWords: Sendable {
        let strings: UIStrings
        let values: TemplateData
        let dates: DateDisplay
    }

    init(config: SiteConfig, strings tables: [String: StringTable]) {
        self.config = config
        paths = config.paths
        let make = { (key: String) -> LanguageWords in
            let strings = UIStrings(language: key, tables: tables)
            return LanguageWords(strings: strings, values: Self.values(of: strings), dates: DateDisplay(strings: strings, timeZone: config.timeZone))
        }
        let siteKey = UIStrings.tableKey(for: config.language) { tables[$0] != nil } ?? UIStrings.fallbackLanguage
        siteWords = make(siteKey)
        var languages = [siteKey: siteWords]
        for key in tables.keys where key != siteKey { languages[key] = make(key) }
        self.languages = languages
        var site: TemplateObject = ["title": .text(config.title), "language": .text(config.language), "search": .flag(config.search)]
        if !config.description.isEmpty { site["description"] = .text(config.description) }
        self.site = .object(site)
    }

    private static func values(of strings: UIStrings) -> TemplateData {
        var words = TemplateObject()
        for key in strings.words.keys.sorted() { words.set(key, text: strings.words[key]) }
        return .object(words)
    }

    // MARK: Pages

    /// Values every page has: `site`, `page`, `links`, `strings`. Every link is relative to
    /// the page, so the site works from any sub-path and from `file://`. `feedPath` is the
    /// page's own feed, when it is not the site feed every page links to (`links.feed`).
    func commonValues(path: String, title: String, description: String, feedPath: String?) -> TemplateObject {
        let link: (String) -> String = { SitePaths.relativeLink(from: path, to: $0) }
        var page: TemplateObject = ["title": .text(title), "canonicalURL": .text(paths.absoluteURL(path)), "description": .text(description)]
        page.set("feedHref", text: feedPath.flatMap { $0 == SitePaths.homeFeed ? nil : link($0) })
        var links: TemplateObject = [
            "home": .text(link("index.html")), "tags": .text(link("tags/index.html")), "regions": .text(link("regions/index.html")),
            "feed": .text(link(SitePaths.homeFeed)), "static": .text(link(SitePaths.staticFolder)),
            "manifest": .text(link(SitePaths.manifest)),
        ]
        if config.search {
            links["search"] = .text(link(SitePaths.searchPage))
            links["pagefind"] = .text(link(SitePaths.pagefindFolder))
        }
        return ["site": site, "page": .object(page), "links": .object(links), "strings": siteWords.values]
    }

    /// The OpenGraph and Twitter values of a page that is not an article (home, lists, the
    /// terms indices): `og:type` website, the lead image of its first article when it has one.
    private func withWebsiteCard(_ context: TemplateObject, path: String, title: String, description: String,
                                 image: String?) -> TemplateObject {
        guard case .object(var page)? = context["page"] else { return context }
        var openGraph: TemplateObject = [
            "type": .text("website"), "title": .text(title), "url": .text(paths.absoluteURL(path)), "siteName": .text(config.title),
            "locale": .text(Self.openGraphLocale(config.language)), "description": .text(description),
        ]
        openGraph.set("image", text: shareURL(ofImage: image))
        page["og"] = .object(openGraph)
        page["twitterCard"] = .text(image == nil ? "summary" : "summary_large_image")
        var result = context
        result["page"] = .object(page)
        return result
    }

    /// The words an article's UI shows: its own language's when the theme has strings for it,
    /// else the site's, with `uiLanguage` set so the template can mark them as such.
    private func words(for article: ArticleSummary) -> (words: LanguageWords, uiLanguage: String?) {
        guard let language = article.language else { return (siteWords, nil) }
        if let key = UIStrings.tableKey(for: language, has: { languages[$0] != nil }), let own = languages[key] { return (own, nil) }
        return (siteWords, config.language)
    }

    func articleValues(_ summary: ArticleSummary, bodyHTML: String, relations: ArticleRelations = .none) -> TemplateObject {
        var context = commonValues(path: summary.path, title: summary.title + " – " + config.title,
                                   description: summary.summary ?? summary.title, feedPath: nil)
        let (own, uiLanguage) = words(for: summary)
        let dates = own.dates
        var article = schemaValues(summary.matter)
        article["strings"] = own.values
        article.set("uiLanguage", text: uiLanguage)
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
        if var lead = image(of: summary, from: summary.path, sizes: LocalImageMarkup.columnSizes) {
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

    /// The word for "Table" an article's table scroll boxes are labelled with, in the article's
    /// language when the theme has it.
    func tableLabel(for summary: ArticleSummary) -> String {
        words(for: summary).words.strings["table"]
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
            "locale": .text(Self.openGraphLocale(summary.language ?? config.language)),
            "publishedTime": .text(summary.published.rfc3339),
            "tags": .list(summary.tags.map { .text($0.name) }),
        ]
        openGraph.set("description", text: summary.summary)
        openGraph.set("image", text: shareURL(ofImage: summary.image))
        openGraph.set("modifiedTime", text: summary.modified?.rfc3339)
        openGraph.set("section", text: summary.section)
        page["og"] = .object(openGraph)
        page["twitterCard"] = .text(summary.image == nil ? "summary" : "summary_large_image")
        return page
    }

    /// A language tag as `og:locale` writes it (`id-ID` → `id_ID`; Foundation's replacing
    /// bridged to NSString, 0.8% of a build for this).
    static func openGraphLocale(_ language: String) -> String {
        String(String.UnicodeScalarView(language.unicodeScalars.map { $0 == "-" ? "_" : $0 }))
    }

    func listValues(_ page: ListPage) -> TemplateObject {
        let path = page.path  // made on each call
        let heading: String
        var description: String
        let site = ["site": config.title]
        switch page.kind {
        case .home:
            heading = page.pageNumber == 1 ? config.title : "\(config.title) – \(strings["page"]) \(page.pageNumber)"
            description = config.description.isEmpty ? strings.format("homeDescription", site) : config.description
        case .term(let taxonomy, let term):
            heading = (taxonomy == .tags ? strings["tag"] : strings["region"]) + ": " + term.name
            description = strings.format(taxonomy == .tags ? "tagDescription" : "regionDescription", count: page.itemCount,
                                         site.merging(["name": term.name]) { first, _ in first })
        case .archive(let year, let month):
            let period = (month.map { strings.month($0) + " " } ?? "") + String(year)
            heading = strings["archive"] + ": " + period
            description = strings.format("archiveDescription", count: page.itemCount, site.merging(["period": period]) { first, _ in first })
        }
        if page.pageNumber > 1 { description += " \(strings["page"]) \(page.pageNumber)." }
        let title = page.kind == .home && page.pageNumber == 1 ? config.title : heading + " – " + config.title
        var context = commonValues(path: path, title: title, description: description, feedPath: page.feedPath)
        context = withWebsiteCard(context, path: path, title: title, description: description, image: page.items.lazy.compactMap(\.image).first)
        var list: TemplateObject = [
            "heading": .text(heading),
            "items": .list(page.items.enumerated().map { index, summary in .object(item(summary, from: path, aboveTheFold: index == 0)) }),
        ]
        list.set("feedHref", text: page.feedPath.map { SitePaths.relativeLink(from: path, to: $0) })
        if case .home = page.kind, page.pageNumber == 1 {
            list.set("description", text: config.description.isEmpty ? nil : config.description)
        } else {
            list["description"] = .text(description)
        }
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
        let title = heading + " – " + config.title
        let description = strings.format(page.taxonomy == .tags ? "tagsDescription" : "regionsDescription", ["site": config.title])
        var context = commonValues(path: page.path, title: title, description: description, feedPath: nil)
        context = withWebsiteCard(context, path: page.path, title: title, description: description, image: nil)
        let entry = { (count: TermCount) -> TemplateData in
            .object(["name": .text(count.term.name), "count": .number(count.count),
                     "href": .text(SitePaths.relativeLink(from: page.path, to: SitePaths.listPage(folder: paths.termFolder(page.taxonomy, count.term), number: 1)))])
        }
        context["terms"] = .object(["heading": .text(heading), "items": .list(page.terms.map(entry)), "bySize": .list(page.termsBySize.map(entry))])
        return context
    }

    /// The 404 page: links relative to the site root, where it is written, and the latest stories.
    func notFoundValues(_ page: NotFoundPage) -> TemplateObject {
        var context = commonValues(path: page.path, title: strings["notFoundTitle"] + " – " + config.title,
                                   description: strings["notFoundText"], feedPath: nil)
        context["notFound"] = .object(["hasLatest": .flag(!page.latest.isEmpty),
                                       "latest": .list(page.latest.map { .object(item($0, from: page.path)) })])
        return context
    }

    /// The search page (`search: true`).
    func searchValues(path: String) -> TemplateObject {
        commonValues(path: path, title: strings["search"] + " – " + config.title,
                     description: strings.format("searchDescription", ["site": config.title]), feedPath: nil)
    }

    // MARK: Parts

    /// One article in a list (`list.items`, `article.related`, `article.previous`).
    private func item(_ summary: ArticleSummary, from path: String, aboveTheFold: Bool = false) -> TemplateObject {
        var item = schemaValues(summary.matter)
        item["href"] = .text(SitePaths.relativeLink(from: path, to: summary.path))
        item["publishedISO"] = .text(dates.iso(summary.published))
        item["publishedDisplay"] = .text(dates.format(summary.published))
        if let region = summary.region { item["region"] = .object(term(.regions, region, from: path)) }
        if var image = image(of: summary, from: path, sizes: aboveTheFold ? LocalImageMarkup.firstCardSizes : LocalImageMarkup.cardSizes) {
            // The first card of a list is on screen at once: fetched first, not lazily.
            if aboveTheFold { image["eager"] = .flag(true) }
            item["image"] = .object(image)
        }
        return item
    }

    /// An article's lead image for templates: `url` and `alt` (the page's `alt`, else the
    /// caption, else empty). A local copy adds `local`, `width`, `height`, `srcset`,
    /// `webpSrcset` (when the image is not WebP itself) and `sizes`, linked from `path`. A remote
    /// image is none with `images.remote: drop`.
    private func image(of summary: ArticleSummary, from path: String, sizes: String) -> TemplateObject? {
        guard let url = summary.image else { return nil }
        var values: TemplateObject = ["alt": .text(summary.imageAlt ?? summary.imageCaption ?? "")]
        guard let local = images[url] else {
            guard config.images.remote == .keep else { return nil }
            values["url"] = .text(url)
            return values
        }
        let markup = LocalImageMarkup { SitePaths.relativeLink(from: path, to: $0) }
        values["url"] = .text(markup.link(local.path))
        values["local"] = .flag(true)
        values["width"] = .number(local.width)
        values["height"] = .number(local.height)
        values["srcset"] = .text(markup.srcset(local.fallback))
        if local.webp != local.fallback { values["webpSrcset"] = .text(markup.srcset(local.webp)) }
        values["sizes"] = .text(sizes)
        return values
    }

    /// The absolute URL social cards show for an image: its local copy on this site when there
    /// is one, else where the page had it.
    private func shareURL(ofImage url: String?) -> String? {
        guard let url else { return nil }
        return images[url].map { paths.absoluteURL($0.path) } ?? url
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
         "href": .text(SitePaths.relativeLink(from: path, to: SitePaths.listPage(folder: paths.termFolder(taxonomy, term), number: 1)))]
    }

    private func pagination(_ page: ListPage) -> TemplateObject {
        let links = page.pageLinks, path = page.path  // both made on each call
        var pagination: TemplateObject = [
            "pages": .list(links.enumerated().map { index, link in
                let gap = index > 0 && links[index - 1].number + 1 < link.number
                return .object(["number": .number(link.number), "href": .text(SitePaths.relativeLink(from: path, to: link.path)),
                                "isCurrent": .flag(link.number == page.pageNumber), "gapBefore": .flag(gap)])
            }),
        ]
        let href = { (number: Int) in links.first { $0.number == number }.map { SitePaths.relativeLink(from: path, to: $0.path) } }
        if let previous = href(page.pageNumber - 1) { pagination["previous"] = .text(previous) }
        if let next = href(page.pageNumber + 1) { pagination["next"] = .text(next) }
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
    func notFound(_ page: NotFoundPage) -> [String: Any] { notFoundValues(page).anyValue }
}

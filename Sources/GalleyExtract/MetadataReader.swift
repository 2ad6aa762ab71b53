import Foundation
import GalleyCore

/// Reads an article's metadata from, in order of trust: JSON-LD, OpenGraph and `article:*`,
/// Dublin Core and other `<meta>` tags, `<time datetime>`, and visible text (bylines, dates).
struct MetadataReader {
    let root: HTMLNode
    let page: SourcePage
    let settings: HTMLExtractor.Settings
    let jsonLD: JSONLDReader
    let meta: MetaTags
    let dates: DateTextParser
    let index: ElementIndex

    init(root: HTMLNode, page: SourcePage, settings: HTMLExtractor.Settings) {
        self.root = root
        self.page = page
        self.settings = settings
        let index = ElementIndex(root: root)
        self.index = index
        let scripts = index.elements("script").filter { $0.attribute("type")?.lowercased().contains("ld+json") ?? false }
        jsonLD = JSONLDReader(scripts: scripts.map(\.textContent))
        meta = MetaTags(metaNodes: index.elements("meta"), linkNodes: index.elements("link"))
        let fetched = page.sidecar?.fetchTimestamp
        dates = DateTextParser(zoneless: ZonelessTime(zone: settings.timeZone, fetched: fetched), now: fetched,
                               monthNames: settings.heuristics.monthNames)
    }

    var heuristics: ExtractionHeuristics { settings.heuristics }

    /// The JSON-LD object describing the article, if any.
    var article: [String: Any]? { jsonLD.first(ofTypes: heuristics.articleTypes) }

    /// The page says it is an article: a JSON-LD article type, `og:type` article or an
    /// `article:published_time`.
    var declaresArticle: Bool {
        article != nil || meta.first("og:type")?.lowercased() == "article" || meta.first("article:published_time") != nil
    }

    func read() -> ArticleMetadata {
        var metadata = ArticleMetadata()
        metadata.siteName = siteName()
        metadata.canonicalURL = canonicalURL()
        let site = siteIdentity(siteName: metadata.siteName, canonicalURL: metadata.canonicalURL)
        metadata.title = title(site: site)
        metadata.byline = byline(site: site)
        metadata.published = published()
        metadata.modified = modified(after: metadata.published)
        metadata.language = language()
        metadata.description = clean(meta.first("og:description", "description", "twitter:description", "dc.description")
            ?? article.flatMap { JSONLDReader.string($0["description"]) })
        metadata.section = clean(meta.first("article:section", "section", "parsely-section")
            ?? article.flatMap { JSONLDReader.string($0["articleSection"]) })
        metadata.image = leadImage(base: page.sidecar?.url ?? metadata.canonicalURL)
        metadata.imageCaption = leadImageCaption(for: metadata.image) ?? clean(meta.first("og:image:alt", "twitter:image:alt"))
        metadata.imageAlt = leadImageAlt(for: metadata.image) ?? clean(meta.first("og:image:alt", "twitter:image:alt"))
        let cleaner = TagCleaner(heuristics: heuristics, siteName: metadata.siteName)
        metadata.tags = cleaner.clean(rawTags())
        if metadata.tags.isEmpty { metadata.tags = cleaner.clean(visibleTagList()) }
        metadata.region = region(canonicalURL: metadata.canonicalURL)
        return metadata
    }

    /// Where relative links resolve: `<base href>` (itself resolved), the fetch URL, the canonical URL.
    func baseURL(canonical: String?) -> String? {
        let pageURL = page.sidecar?.url ?? canonical
        if let base = index.elements("base").first?.attribute("href"), let resolved = URLPolicy.safeURL(base, base: pageURL) {
            return resolved
        }
        return pageURL.flatMap { URLPolicy.safeURL($0, base: nil) }
    }

    // MARK: Fields

    private func siteName() -> String? {
        let candidates = [meta.first("og:site_name"), meta.first("application-name"), meta.first("twitter:site:name")]
            + jsonLD.objects.map { JSONLDReader.string($0["publisher"]) }
            + [jsonLD.first(ofTypes: ["WebSite", "Organization", "NewsMediaOrganization"]).flatMap { JSONLDReader.string($0["name"]) }]
        return candidates.lazy.compactMap(clean).first { SiteIdentity.canBeSiteName($0, heuristics: heuristics) }
    }

    private func canonicalURL() -> String? {
        let candidates = [meta.links["canonical"]?.first, meta.first("og:url"),
                          article.flatMap { JSONLDReader.string($0["mainEntityOfPage"], key: "@id") ?? JSONLDReader.string($0["url"]) },
                          page.sidecar?.url]
        for candidate in candidates.compactMap({ $0 }) {
            if let url = URLPolicy.safeURL(candidate, base: page.sidecar?.url), url.hasPrefix("http") { return url }
        }
        return nil
    }

    /// The title `TitleChooser` picks from the structured title (JSON-LD, Dublin Core, OpenGraph,
    /// other meta), the `<title>` and the page's headings.
    private func title(site: SiteIdentity) -> String? {
        let structured = article.flatMap({ jsonLDTitle($0) }).flatMap(clean) ?? clean(meta.first(heuristics.titleKeys))
        let headings = (index.elements("h1") + index.elements("h2")).map { (level: $0.name, text: collapse($0.textContent)) }
        return TitleChooser(heuristics: heuristics, site: site)
            .choose(structured: structured, documentTitle: clean(index.elements("title").first?.textContent), headings: headings)
    }

    /// Who publishes the page, for titles and bylines.
    func siteIdentity(siteName: String?, canonicalURL: String?) -> SiteIdentity {
        var names = [siteName, meta.first("og:site_name"), meta.first("application-name")].compactMap { $0 }
        names += jsonLD.objects.flatMap { JSONLDReader.strings($0["publisher"]) }
        names += jsonLD.objects.filter { !JSONLDReader.types(of: $0).isDisjoint(with: ["WebSite", "Organization", "NewsMediaOrganization"]) }
            .compactMap { JSONLDReader.string($0["name"]) }
        return SiteIdentity(names: names, url: page.sidecar?.url ?? canonicalURL, heuristics: heuristics)
    }

    /// `headline`, or `name`; when both are there and differ, the one the `<title>` shows
    /// (Wikipedia puts a description in `headline`).
    private func jsonLDTitle(_ object: [String: Any]) -> String? {
        let headline = JSONLDReader.string(object["headline"])
        let name = JSONLDReader.string(object["name"])
        guard let headline, let name, headline != name else { return headline ?? name }
        let documentTitle = (index.elements("title").first?.textContent ?? "").lowercased()
        if documentTitle.contains(name.lowercased()), !documentTitle.contains(headline.lowercased()) { return name }
        return headline
    }

    /// The first candidate that names people after `BylineCleaner`: JSON-LD `author`, the
    /// byline `<meta>` keys, then the byline the page shows.
    private func byline(site: SiteIdentity) -> String? {
        let cleaner = BylineCleaner(heuristics: heuristics, site: site)
        if let authors = article.map({ JSONLDReader.strings(Self.people($0["author"])).compactMap(clean) }), !authors.isEmpty,
           let byline = authors.count == 1 ? cleaner.clean(authors[0]) : cleaner.list(authors) {
            return byline
        }
        for value in heuristics.bylineKeys.lazy.compactMap({ meta.first($0) }).compactMap(clean)
        where !value.lowercased().hasPrefix("http") && !value.contains("/") {
            if let byline = cleaner.clean(CreditLine.value(of: value, labels: heuristics.bylineLabels) ?? value) {
                return byline
            }
        }
        return visibleByline(cleaner: cleaner)
    }

    /// Authors that are people: organisations listed beside them (the publisher) are dropped.
    static func people(_ value: Any?) -> Any? {
        guard let list = value as? [Any] else { return value }
        let people = list.filter { item in
            guard let object = item as? [String: Any] else { return true }
            return JSONLDReader.types(of: object).isDisjoint(with: ["Organization", "NewsMediaOrganization", "Corporation"])
        }
        return people.isEmpty ? list : people
    }

    /// The byline the page shows: `itemprop=author` (its `name` inside, if any), then
    /// `rel=author`, then the first short element whose class or id says byline/author; a
    /// "By"/"Oleh" label and a trailing date or separator are removed.
    private func visibleByline(cleaner: BylineCleaner) -> String? {
        func cleaned(_ value: String?) -> String? {
            value.flatMap(cleaner.clean)
        }
        let authorProps = index.withItemprop.filter { $0.attribute("itemprop")?.lowercased().split(separator: " ").contains("author") == true }
        for node in authorProps where !isInCommentsOrForm(node) {
            let named = node.descendants { $0.attribute("itemprop")?.lowercased() == "name" }.first ?? node
            if let value = cleaned(bylineText(named)) { return value }
        }
        for node in index.withRel where node.attribute("rel")?.lowercased() == "author" && !isInCommentsOrForm(node) {
            if let value = cleaned(bylineText(node)) { return value }
        }
        // Class and id words are a weak sign: a hidden element ("tdw-css-writer", an editor
        // widget kept in the page with display:none) is no byline, unless it is an hCard
        // (`vcard`), microformat markup that themes hide on purpose (WordPress' hAtom block).
        for node in index.withClassOrID where ClassWords(node).containsAny(settings.lists.bylineClassFragments)
            && !isInCommentsOrForm(node) && (!isHiddenByStyle(node) || ClassWords(node).tokens.contains("vcard")) {
            if let value = cleaned(bylineText(node)) { return value }
        }
        // A short inline credit anywhere ("<i>Laporan: Tiurma Hutabarat</i>", "<b>Oleh Budi</b>").
        let inline = index.elements(in: ["i", "em", "b", "strong", "font", "span", "small", "p", "div"])
        for node in inline where node.textFits(within: heuristics.maximumBylineSourceBytes) {
            let text = collapse(node.textContent)
            guard !text.isEmpty, text.count <= heuristics.maximumInlineCreditLength, let value = CreditLine.value(of: text, labels: heuristics.bylineLabels),
                  Self.looksLikeName(value), !isInCommentsOrForm(node), let byline = cleaned(value) else { continue }
            return byline
        }
        return nil
    }

    /// Whether the element or one around it is hidden from every reader (not `aria-hidden`,
    /// which hides from screen readers only).
    private func isHiddenByStyle(_ node: HTMLNode) -> Bool {
        var current: HTMLNode? = node
        while let element = current {
            if PageAnalysis.isHiddenFromEveryone(element) { return true }
            current = element.parent
        }
        return false
    }

    /// Bylines of comments and the name field of a comment form are no author's.
    private func isInCommentsOrForm(_ node: HTMLNode) -> Bool {
        var current: HTMLNode? = node
        while let element = current {
            if element.name == "form" || element.name == "label" || ClassWords(element).containsAny(settings.lists.commentFragments) { return true }
            current = element.parent
        }
        return false
    }

    /// A byline from an element's text: short, without its label, cut before a date or a
    /// separator ("Dan Goodin - Apr 16, 2015" → "Dan Goodin").
    private func bylineText(_ node: HTMLNode) -> String? {
        guard node.textFits(within: heuristics.maximumBylineSourceBytes) else { return nil }
        let raw = node.textContent
        var text = collapse(raw)
        guard !text.isEmpty, text.count < heuristics.maximumBylineTextLength else { return nil }
        if let value = CreditLine.value(of: text, labels: heuristics.bylineLabels) { text = value }
        for separator in [" - ", " – ", " — ", " • ", " | ", " · "] {
            if let range = text.range(of: separator) { text = String(text[..<range.lowerBound]) }
        }
        let words = text.split(separator: " ")
        if let dateStart = words.firstIndex(where: { heuristics.monthNames[$0.lowercased().trimmingCharacters(in: .punctuationCharacters)] != nil || $0.first?.isNumber == true }),
           dateStart > 0 {
            text = words[..<dateStart].joined(separator: " ")
        }
        text = text.trimmingCharacters(in: .whitespaces)
        return text.isEmpty || text.contains(where: \.isNumber) ? nil : text
    }

    /// One to five words, each starting with a capital letter ("Tiurma Hutabarat").
    static func looksLikeName(_ text: String) -> Bool {
        let words = text.split(separator: " ")
        return (1...5).contains(words.count) && words.allSatisfy { $0.first?.isUppercase == true } && !text.contains(where: \.isNumber)
    }

    private func published() -> Timestamp? { dateFinder.published() }

    private func modified(after published: Timestamp?) -> Timestamp? { dateFinder.modified(after: published) }

    /// Dates are found apart (`PublicationDateFinder`): URL, structured data and visible dates.
    private var dateFinder: PublicationDateFinder {
        PublicationDateFinder(root: root, index: index, meta: meta, jsonLD: jsonLD, page: page, parser: dates, heuristics: heuristics)
    }

    private func language() -> String? {
        let raw = root.attribute("lang") ?? root.attribute("xml:lang") ?? meta.first("content-language", "dc.language", "language")
            ?? article.flatMap { JSONLDReader.string($0["inLanguage"]) } ?? meta.first("og:locale")
        guard let raw = clean(raw) else { return nil }
        let code = raw.replacingOccurrences(of: "_", with: "-").split(separator: ",").first.map(String.init) ?? raw
        return code.allSatisfy({ $0.isLetter || $0 == "-" }) && code.count <= 12 ? code : nil
    }

    private func leadImage(base: String?) -> String? {
        let candidates: [String?] = [
            meta.first("og:image", "og:image:url", "og:image:secure_url"),
            article.flatMap { JSONLDReader.string($0["image"], key: "url") },
            meta.first("twitter:image", "twitter:image:src", "thumbnailurl"),
        ]
        return candidates.compactMap { $0 }.lazy.compactMap { URLPolicy.safeURL($0, base: base) }.first
    }

    /// The `<figcaption>` of the figure on the page that shows the lead image (matched by
    /// file name, since pages resize images under different paths).
    private func leadImageCaption(for image: String?) -> String? {
        guard let image, let name = URL(string: image)?.lastPathComponent, !name.isEmpty else { return nil }
        for figure in index.elements("figure") {
            guard let caption = figure.first(["figcaption"]) else { continue }
            let shows = figure.descendants { $0.name == "img" || $0.name == "amp-img" }.contains { img in
                LazyImage.source(of: img).flatMap { URL(string: $0)?.lastPathComponent } == name
            }
            if shows, let text = clean(caption.textContent) { return text }
        }
        return nil
    }

    /// The `alt` of the page's own `<img>` of the lead image (matched by file name, as the
    /// caption is), among the images of its figures and links.
    private func leadImageAlt(for image: String?) -> String? {
        guard let image, let name = URL(string: image)?.lastPathComponent, !name.isEmpty else { return nil }
        for holder in index.elements("figure") + index.elements("a") {
            for img in holder.descendants(where: { $0.name == "img" || $0.name == "amp-img" })
            where LazyImage.source(of: img).flatMap({ URL(string: $0)?.lastPathComponent }) == name {
                if let alt = img.attribute("alt").flatMap(clean) { return alt }
            }
        }
        return nil
    }

    private func rawTags() -> [String] {
        var tags: [String] = []
        for key in ["article:tag", "news_keywords", "keywords", "parsely-tags", "sailthru.tags"] {
            for value in meta.all(key) { tags += value.split(separator: key == "article:tag" ? "\u{0}" : ",").map(String.init) }
        }
        if let keywords = article?["keywords"] {
            if let string = keywords as? String {
                tags += string.split(separator: ",").map(String.init)
            } else {
                tags += JSONLDReader.strings(keywords)
            }
        }
        tags += index.elements("a").filter { $0.attribute("rel")?.lowercased().split(separator: " ").contains("tag") ?? false }
            .map(\.textContent)
        return tags
    }

    /// The links of a tag list the page shows (`<div class="tags">…`), when no structured
    /// source named any tag. Lists inside sidebars and widgets (tag clouds) do not count.
    private func visibleTagList() -> [String] {
        for node in index.withClassOrID where ClassWords(node).matchesAny(settings.lists.tagListWords) {
            var ancestor = node.parent
            var inWidget = false
            while let current = ancestor, !inWidget {
                inWidget = ClassWords(current).containsAny(settings.lists.tagCloudFragments) || ["aside", "nav", "footer"].contains(current.name)
                ancestor = current.parent
            }
            guard !inWidget else { continue }
            let links = node.descendants { $0.name == "a" }.map { collapse($0.textContent) }.filter { !$0.isEmpty }
            if !links.isEmpty { return links }
        }
        return []
    }

    private func region(canonicalURL: String?) -> String? {
        for url in [page.sidecar?.url, canonicalURL].compactMap({ $0 }) {
            if let region = RegionSource.region(forURL: url, rules: settings.regionsBySource) { return region }
        }
        let location = article.flatMap { JSONLDReader.string($0["contentLocation"]) ?? JSONLDReader.string($0["locationCreated"]) }
        return clean(location ?? meta.first("geo.placename", "geo.region", "og:locality"))
    }

    // MARK: Helpers

    private func collapse(_ text: String) -> String { Whitespace.collapsed(text) }

    private func clean(_ text: String?) -> String? {
        guard let text else { return nil }
        let collapsed = collapse(DoubleEncoding.decoded(text))
        return collapsed.isEmpty ? nil : collapsed
    }

    private func unique(_ values: [String]) -> [String] {
        var seen = Set<String>()
        return values.filter { seen.insert($0.lowercased()).inserted }
    }
}

/// Maps a page URL to a region through `regions.by_source` (host, or host + path prefix; the
/// longest match wins).
enum RegionSource {
    static func region(forURL url: String, rules: [String: String]) -> String? {
        guard !rules.isEmpty, let parsed = URL(string: url), let host = parsed.host?.lowercased() else { return nil }
        let bareHost = host.hasPrefix("www.") ? String(host.dropFirst(4)) : host
        let path = parsed.path.isEmpty ? "/" : parsed.path
        var best: (length: Int, region: String)?
        for (key, region) in rules {
            let rule = key.lowercased().replacingOccurrences(of: "https://", with: "").replacingOccurrences(of: "http://", with: "")
            let ruleHost = String(rule.prefix { $0 != "/" })
            let rulePath = String(rule.dropFirst(ruleHost.count))
            let ruleBare = ruleHost.hasPrefix("www.") ? String(ruleHost.dropFirst(4)) : ruleHost
            guard bareHost == ruleBare || (ruleBare.isEmpty && !rulePath.isEmpty) else { continue }
            guard rulePath.isEmpty || path.lowercased().hasPrefix(rulePath) else { continue }
            if best == nil || rule.count > best!.length { best = (rule.count, region) }
        }
        return best?.region
    }
}

/// Cleans tags: trims, drops the site name, generic words, over-long values and duplicates.
struct TagCleaner {
    let heuristics: ExtractionHeuristics
    let siteName: String?

    func clean(_ raw: [String]) -> [String] {
        var seen = Set<String>()
        var result: [String] = []
        let site = siteName?.lowercased()
        for tag in raw {
            let value = DoubleEncoding.decoded(tag).split(whereSeparator: \.isWhitespace).joined(separator: " ")
                .trimmingCharacters(in: CharacterSet(charactersIn: "#,;.\"'").union(.whitespaces))
            let key = value.lowercased()
            guard !value.isEmpty, value.count <= heuristics.maximumTagLength, key != site,
                  !heuristics.genericTags.contains(key), !key.hasPrefix("http"), seen.insert(key).inserted else { continue }
            result.append(value)
            if result.count == heuristics.maximumTags { break }
        }
        return result
    }
}

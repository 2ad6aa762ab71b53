import GalleyCore

/// Every value a template can use, by page kind: the one list the variable check reads and the
/// tables in templates/README.md describe. `PageContext` builds exactly these.
indirect enum TemplateValue: Sendable {
    /// Text, a number or a flag.
    case leaf
    /// Named values (`site.title`).
    case object([String: TemplateValue])
    /// A list of items, each shaped like the element (`{{#list.items}}…{{/list.items}}`).
    case list(TemplateValue)
    /// The UI words: any key of the strings files.
    case strings
    /// Front matter outside the schema (`extra`): any name, to any depth.
    case anything

    /// The value a dotted name leads to from here, or nil.
    func resolve(_ path: ArraySlice<Substring>) -> TemplateValue? {
        guard let first = path.first else { return self }
        switch self {
        case .object(let members): return members[String(first)]?.resolve(path.dropFirst())
        case .strings: return path.count == 1 ? .leaf : nil
        case .anything: return .anything
        case .leaf, .list: return nil
        }
    }
}

enum TemplateVariables {
    static let term = TemplateValue.object(["name": .leaf, "href": .leaf])
    static let termCount = TemplateValue.object(["name": .leaf, "href": .leaf, "count": .leaf])
    /// The fields of the article schema templates see by name (`FrontMatter.templateFields`),
    /// and `extra`: in `article` and in every list item.
    static let schema: [String: TemplateValue] = {
        var values: [String: TemplateValue] = [FrontMatter.extraKey: .anything]
        for field in FrontMatter.templateFields {
            guard let name = field.templateName else { continue }
            if case .list = field.storage { values[name] = .list(.leaf) } else { values[name] = .leaf }
        }
        return values
    }()

    /// An image's values; the local ones only when the scrape had it (`PageContext.image`).
    static let imageValues: [String: TemplateValue] = [
        "url": .leaf, "alt": .leaf, "local": .leaf, "width": .leaf, "height": .leaf, "srcset": .leaf, "webpSrcset": .leaf, "sizes": .leaf,
    ]

    static let item = TemplateValue.object(schema.merging([
        "href": .leaf, "publishedISO": .leaf, "publishedDisplay": .leaf, "region": term, "image": .object(imageValues),
    ]) { first, _ in first })

    /// An item of a list page: its first card's image is `eager` (on screen at once).
    static let listItem = TemplateValue.object(schema.merging([
        "href": .leaf, "publishedISO": .leaf, "publishedDisplay": .leaf, "region": term,
        "image": .object(imageValues.merging(["eager": .leaf]) { first, _ in first }),
    ]) { first, _ in first })

    /// Values on every page.
    static let common: [String: TemplateValue] = [
        "site": .object(["title": .leaf, "description": .leaf, "language": .leaf, "search": .leaf]),
        "page": .object([
            "title": .leaf, "description": .leaf, "canonicalURL": .leaf, "feedHref": .leaf, "prevHref": .leaf, "nextHref": .leaf,
            "jsonLD": .leaf, "twitterCard": .leaf,
            "og": .object(["type": .leaf, "title": .leaf, "description": .leaf, "url": .leaf, "image": .leaf, "siteName": .leaf,
                           "locale": .leaf, "publishedTime": .leaf, "modifiedTime": .leaf, "section": .leaf, "tags": .list(.leaf)]),
        ]),
        "links": .object(["home": .leaf, "tags": .leaf, "regions": .leaf, "feed": .leaf, "static": .leaf, "manifest": .leaf,
                          "search": .leaf, "pagefind": .leaf]),
        "strings": .strings,
    ]

    static let article: [String: TemplateValue] = [
        "article": .object(schema.merging([
            "standfirst": .leaf, "body": .leaf, "strings": .strings, "uiLanguage": .leaf,
            "publishedISO": .leaf, "publishedDisplay": .leaf, "modifiedISO": .leaf, "modifiedDisplay": .leaf,
            "image": .object(imageValues.merging(["caption": .leaf]) { first, _ in first }),
            "hasTags": .leaf, "tags": .list(term), "region": term, "sourceURL": .leaf, "sourceHost": .leaf,
            "hasRelated": .leaf, "related": .list(item), "previous": item, "next": item,
        ]) { first, _ in first }),
    ]

    static let list: [String: TemplateValue] = [
        "list": .object([
            "heading": .leaf, "description": .leaf, "feedHref": .leaf, "items": .list(listItem),
            "pagination": .object(["previous": .leaf, "next": .leaf,
                                   "pages": .list(.object(["number": .leaf, "href": .leaf, "isCurrent": .leaf, "gapBefore": .leaf]))]),
        ]),
    ]

    static let terms: [String: TemplateValue] = [
        "terms": .object(["heading": .leaf, "items": .list(termCount), "bySize": .list(termCount)]),
    ]

    static let notFound: [String: TemplateValue] = [
        "notFound": .object(["hasLatest": .leaf, "latest": .list(item)]),
    ]

    /// The values of a template by its name: page templates get their kind's values; the layout,
    /// the search page and partials only what every page has, plus (for partials, which run
    /// inside sections) the shape of any item.
    static func root(forTemplate name: String) -> [String: TemplateValue] {
        switch name {
        case "article": common.merging(article) { first, _ in first }
        case "list": common.merging(list) { first, _ in first }
        case "terms": common.merging(terms) { first, _ in first }
        case "404": common.merging(notFound) { first, _ in first }
        default: common
        }
    }
}

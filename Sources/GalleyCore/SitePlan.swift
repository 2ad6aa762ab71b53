/// Everything the site needs besides article pages: pages for the renderer to draw and files
/// (feeds, sitemaps) made as bytes when they are written.
public struct SitePlan: Sendable {
    public var pages: [PagePlan]
    public var files: [PlannedFile]
    public var tags: [TermCount]
    public var regions: [TermCount]

    /// Creates a plan.
    public init(pages: [PagePlan], files: [PlannedFile], tags: [TermCount], regions: [TermCount]) {
        self.pages = pages
        self.files = files
        self.tags = tags
        self.regions = regions
    }
}

/// A term with the number of articles that carry it.
public struct TermCount: Sendable, Hashable, Codable {
    public var term: Term
    public var count: Int

    /// Creates a count.
    public init(term: Term, count: Int) {
        self.term = term
        self.count = count
    }
}

/// The taxonomies of the site.
public enum Taxonomy: String, Sendable, Hashable, Codable, CaseIterable {
    case tags, regions
}

/// One non-article page the site planner asks the renderer to draw.
public enum PagePlan: Sendable, Hashable, Codable {
    case list(ListPage)
    case terms(TermsPage)
    case notFound(NotFoundPage)
    /// The search page (`search: true`): a box and results drawn by the Pagefind UI.
    case search(path: String)

    /// The articles whose cards the page shows, in its order: a list page's items, the 404
    /// page's latest stories; none for a terms index or the search page.
    public var cards: [ArticleSummary] {
        switch self {
        case .list(let page): Array(page.items)
        case .notFound(let page): page.latest
        case .terms, .search: []
        }
    }

    /// Output path relative to the site root.
    public var path: String {
        switch self {
        case .list(let page): page.path
        case .terms(let page): page.path
        case .notFound(let page): page.path
        case .search(let path): path
        }
    }
}

/// The page a server shows for a missing path: what went wrong, and the latest stories to go on
/// reading.
public struct NotFoundPage: Sendable, Hashable, Codable {
    public var path: String
    /// Newest first.
    public var latest: [ArticleSummary]

    /// Creates the page.
    public init(path: String, latest: [ArticleSummary]) {
        self.path = path
        self.latest = latest
    }
}

/// A paginated list of articles: a home page, or a tag or region term page.
public struct ListPage: Sendable, Hashable, Codable {
    public enum Kind: Sendable, Hashable, Codable {
        case home
        case term(Taxonomy, Term)
        /// A date archive: a year, or a month of a year (in the site's time zone).
        case archive(year: Int, month: Int?)
    }

    public var kind: Kind
    /// The list's folder ("" for home; `tags/banjir/`), shared by all its pages: a page's path
    /// and its links are made from it when asked (a plan of 50,000 articles held 22,000 list
    /// pages' paths and 150,000 link paths, 15 MB).
    public var folder: String
    /// The page's articles: its share of the whole list, which all the list's pages share (an
    /// array of its own per page was 3.5 MB of copies at 50,000 articles, at the build's peak).
    public var items: ArraySlice<ArticleSummary>
    /// 1-based.
    public var pageNumber: Int
    /// How many pages the list has.
    public var pageCount: Int
    /// Path of the list's Atom feed, if it has one (archives do not).
    public var feedPath: String?
    /// How many articles the whole list holds, on all its pages.
    public var itemCount: Int

    /// One linked page of a list.
    public struct PageLink: Sendable, Hashable, Codable {
        public var number: Int
        public var path: String

        /// Creates a link.
        public init(number: Int, path: String) {
            self.number = number
            self.path = path
        }
    }

    /// Creates page `pageNumber` of the list in `folder`.
    public init(kind: Kind, folder: String, items: [ArticleSummary], pageNumber: Int, pageCount: Int, feedPath: String?, itemCount: Int) {
        self.init(kind: kind, folder: folder, items: items[...], pageNumber: pageNumber, pageCount: pageCount, feedPath: feedPath, itemCount: itemCount)
    }

    /// Creates page `pageNumber` of the list in `folder` showing `items`, a part of the list.
    public init(kind: Kind, folder: String, items: ArraySlice<ArticleSummary>, pageNumber: Int, pageCount: Int, feedPath: String?,
                itemCount: Int) {
        self.kind = kind
        self.itemCount = itemCount
        self.folder = folder
        self.items = items
        self.pageNumber = pageNumber
        self.pageCount = pageCount
        self.feedPath = feedPath
    }

    private enum CodingKeys: String, CodingKey { case kind, folder, items, pageNumber, pageCount, feedPath, itemCount }

    /// Coded with its items as an array (a slice is not `Codable`).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(kind: try container.decode(Kind.self, forKey: .kind), folder: try container.decode(String.self, forKey: .folder),
                  items: try container.decode([ArticleSummary].self, forKey: .items), pageNumber: try container.decode(Int.self, forKey: .pageNumber),
                  pageCount: try container.decode(Int.self, forKey: .pageCount), feedPath: try container.decodeIfPresent(String.self, forKey: .feedPath),
                  itemCount: try container.decode(Int.self, forKey: .itemCount))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(kind, forKey: .kind)
        try container.encode(folder, forKey: .folder)
        try container.encode(Array(items), forKey: .items)
        try container.encode(pageNumber, forKey: .pageNumber)
        try container.encode(pageCount, forKey: .pageCount)
        try container.encodeIfPresent(feedPath, forKey: .feedPath)
        try container.encode(itemCount, forKey: .itemCount)
    }

    /// Pages linked on each side of the current one (besides the first and the last): a list
    /// page links a bounded number of pages however long the list is.
    public static let paginationWindow = 2

    /// The page's path (`SitePaths.listPage`).
    public var path: String { SitePaths.listPage(folder: folder, number: pageNumber) }

    /// The pages this page links to, in order: the first, the last and up to
    /// `paginationWindow` on each side of this one (always its neighbours), so a page's size
    /// does not grow with the length of its list.
    public var pageLinks: [PageLink] {
        let around = max(1, pageNumber - Self.paginationWindow)...min(pageCount, pageNumber + Self.paginationWindow)
        return Set([1, pageCount] + Array(around)).sorted().map { PageLink(number: $0, path: SitePaths.listPage(folder: folder, number: $0)) }
    }
}

/// The list of all terms of a taxonomy (`/tags/`, `/regions/`).
public struct TermsPage: Sendable, Hashable, Codable {
    public var taxonomy: Taxonomy
    public var path: String
    /// Alphabetical (case- and accent-insensitive).
    public var terms: [TermCount]
    /// Largest first, ties alphabetical.
    public var termsBySize: [TermCount] {
        terms.enumerated().sorted { lhs, rhs in
            lhs.element.count != rhs.element.count ? lhs.element.count > rhs.element.count : lhs.offset < rhs.offset
        }.map(\.element)
    }

    /// Creates a terms page.
    public init(taxonomy: Taxonomy, path: String, terms: [TermCount]) {
        self.taxonomy = taxonomy
        self.path = path
        self.terms = terms
    }
}

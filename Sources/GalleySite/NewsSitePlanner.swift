import Foundation
import GalleyCore

/// Stage 4 planning: home, tag and region pages (paginated, newest first), the `/tags/` and
/// `/regions/` indices, the 404 page, the search page (`search: true`), Atom feeds, the web app
/// manifest, the sitemap and robots.txt.
public struct NewsSitePlanner: Sendable {
    let config: SiteConfig
    /// The build's clock (feeds of an empty site still need an `updated`).
    let now: Date
    let paths: SitePaths
    /// An article's body as HTML, for feeds with `feed_content: full`; nil: summaries only.
    let feedBody: (@Sendable (ArticleSummary) -> String?)?

    /// Creates a planner; `feedBody` gives an article's HTML for feeds that carry whole articles
    /// (the build passes one with `feed_content: full`; nil: summaries only).
    public init(config: SiteConfig, now: Date, feedBody: (@Sendable (ArticleSummary) -> String?)? = nil) {
        self.config = config
        self.now = now
        self.feedBody = feedBody
        paths = config.paths
    }

    /// Plans every non-article page of the site (index pages to render, and machine-readable
    /// files such as feeds and sitemaps).
    public func plan(_ articles: [ArticleSummary]) -> SitePlan {
        let sorted = ArticleSummary.newestFirstOrder(articles).map { articles[$0] }
        let feeds = AtomFeedWriter(config: config, now: now, body: feedBody)
        // The taxonomies (most of a site's list pages, and sorting the terms) are planned on
        // another thread while the home and archive pages are planned here.
        let planningTerms = BackgroundWork { [self] in Taxonomy.allCases.map { termPlan($0, sorted: sorted, feeds: feeds) } }
        var pages = listPages(kind: .home, folder: "", items: sorted, feedPath: SitePaths.homeFeed)
        var files = [feeds.plannedFeed(path: SitePaths.homeFeed, listPath: "index.html", title: config.title, items: sorted)]
        let archives = archivePages(sorted)

        var counts: [Taxonomy: [TermCount]] = [:]
        let taxonomies = planningTerms.wait()
        // Room for every page at once: grown by doubling, the list was held twice (3.3 MB at 50,000 articles).
        pages.reserveCapacity(pages.count + taxonomies.reduce(0) { $0 + $1.pages.count } + archives.count + 2)
        for terms in taxonomies {
            pages += terms.pages
            files += terms.files
            counts[terms.taxonomy] = terms.counts
        }
        pages += archives
        pages.append(.notFound(NotFoundPage(path: SitePaths.notFound, latest: Array(sorted.prefix(Self.notFoundLatest)))))
        if config.search { pages.append(.search(path: SitePaths.searchPage)) }
        files.append(PlannedFile(WebManifest.file(config: config)))
        files += SitemapWriter(paths: paths).plannedFiles(for: SitemapPages(articles: sorted, pages: SitemapPages.pages(of: pages)))
        let news = NewsSitemapWriter(config: config, now: now).plannedFiles(for: sorted)
        files += news
        let sitemaps = [SitePaths.sitemap] + news.map(\.path)
        files.append(PlannedFile(RenderedPage(path: "robots.txt", text: "User-agent: *\nAllow: /\n\n"
            + sitemaps.map { "Sitemap: \(paths.baseURL)\($0)\n" }.joined())))
        return SitePlan(pages: pages, files: files, tags: counts[.tags] ?? [], regions: counts[.regions] ?? [])
    }

    /// One taxonomy's pages: its terms index, then each term's list pages (terms in
    /// alphabetical order), with each term's feed and the terms' counts.
    func termPlan(_ taxonomy: Taxonomy, sorted: [ArticleSummary], feeds: AtomFeedWriter)
        -> (taxonomy: Taxonomy, pages: [PagePlan], files: [PlannedFile], counts: [TermCount]) {
        let groups = Self.group(sorted, by: taxonomy)
        let counts = groups.map { TermCount(term: $0.term, count: $0.items.count) }
        var pages: [PagePlan] = [.terms(TermsPage(taxonomy: taxonomy, path: SitePaths.listPage(folder: paths.taxonomyFolder(taxonomy), number: 1),
                                                  terms: counts))]
        var files: [PlannedFile] = []
        for group in groups {
            let folder = paths.termFolder(taxonomy, group.term)
            let feedPath = paths.termFeed(taxonomy, group.term)
            pages += listPages(kind: .term(taxonomy, group.term), folder: folder, items: group.items, feedPath: feedPath)
            files.append(feeds.plannedFeed(path: feedPath, listPath: SitePaths.listPage(folder: folder, number: 1),
                                           title: "\(group.term.name) – \(config.title)", items: group.items))
        }
        return (taxonomy, pages, files, counts)
    }

    /// Year and month archives (`2026/`, `2026/10/`), newest first, paginated like every list.
    func archivePages(_ sorted: [ArticleSummary]) -> [PagePlan] {
        var years: [Int: [ArticleSummary]] = [:]
        var months: [Int: [Int: [ArticleSummary]]] = [:]
        for article in sorted {
            let day = paths.calendarDay(of: article.published)
            years[day.year, default: []].append(article)
            months[day.year, default: [:]][day.month, default: []].append(article)
        }
        var pages: [PagePlan] = []
        for year in years.keys.sorted(by: >) {
            pages += listPages(kind: .archive(year: year, month: nil), folder: paths.archiveFolder(year: year, month: nil),
                               items: Self.exactly(years[year] ?? []), feedPath: nil)
            for (month, items) in (months[year] ?? [:]).sorted(by: { $0.key > $1.key }) {
                pages += listPages(kind: .archive(year: year, month: month), folder: paths.archiveFolder(year: year, month: month),
                                   items: Self.exactly(items), feedPath: nil)
            }
        }
        return pages
    }

    /// `items` in an array of about their size. A list's pages and feed share its array
    /// (`ListPage.items` is a slice of it) until its pages are rendered: one grown by appending
    /// keeps up to as much room again, which 8,000 term lists held at 50,000 articles. A list
    /// with little room to spare is kept as it is (an array made at its size may still report
    /// a little more, as `malloc` rounds it up, and copying it would not make it smaller).
    static func exactly(_ items: [ArticleSummary]) -> [ArticleSummary] {
        items.capacity - items.count <= max(1, items.count / 8) ? items : items.withUnsafeBufferPointer { Array($0) }
    }

    /// Latest stories the 404 page offers.
    static let notFoundLatest = 5

    /// One list split into pages of `items_per_page`; an empty list still has its first page.
    func listPages(kind: ListPage.Kind, folder: String, items: [ArticleSummary], feedPath: String?) -> [PagePlan] {
        let size = config.itemsPerPage
        let count = max(1, (items.count + size - 1) / size)
        return (1...count).map { number in
            let slice = items.dropFirst((number - 1) * size).prefix(size)
            return .list(ListPage(kind: kind, folder: folder, items: slice, pageNumber: number, pageCount: count, feedPath: feedPath,
                                  itemCount: items.count))
        }
    }

    /// Articles per term, terms in alphabetical order (case- and accent-insensitive), items
    /// keeping the order they came in (newest first).
    static func group(_ articles: [ArticleSummary], by taxonomy: Taxonomy) -> [(term: Term, items: [ArticleSummary])] {
        var groups: [(term: Term, items: [ArticleSummary])] = []
        var bySlug: [String: Int] = [:]
        // Interned terms share a box: a term met before is found by its box's address (50,000
        // look-ups at 10,000 articles), and only a box met for the first time by its slug.
        var byBox: [ObjectIdentifier: Int] = [:]
        for article in articles {
            let terms = taxonomy == .tags ? article.tags : (article.region.map { [$0] } ?? [])
            for term in terms {
                let index: Int
                if let known = byBox[term.identity] {
                    index = known
                } else {
                    if let known = bySlug[term.slug] {
                        index = known
                    } else {
                        index = groups.count
                        groups.append((term, []))
                        bySlug[term.slug] = index
                    }
                    byBox[term.identity] = index
                }
                groups[index].items.append(article)
            }
        }
        for index in groups.indices { groups[index].items = exactly(groups[index].items) }
        // Positions are sorted, not the groups: moving a group retains its strings and items.
        let orders = groups.map { TermNameOrder($0.term.name) }
        return groups.indices.sorted { lhs, rhs in
            let order = orders[lhs].compare(orders[rhs])
            return order == .orderedSame ? groups[lhs].term.slug < groups[rhs].term.slug : order == .orderedAscending
        }.map { groups[$0] }
    }
}

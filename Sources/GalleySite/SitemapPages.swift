import GalleyCore

/// What the sitemap lists, in order: the articles (each at its path, dated by its last
/// modification), then the site's other pages, a paginated list as its folder and page count.
///
/// Made from what the plan already holds (the summaries, the lists' folders), not a path and a
/// date per URL: the sitemap's files are made in the write phase, and a list of 72,000 URLs
/// (50,000 articles), with a string made per list page, was held from planning to then (4 MB).
struct SitemapPages: Sendable {
    /// A page besides the articles: a list of `pageCount` pages in `folder`
    /// (`SitePaths.listPage`), or one page at `path`. Listed undated.
    enum Page: Sendable {
        case list(folder: String, pageCount: Int)
        case single(path: String)

        var count: Int {
            switch self {
            case .list(_, let pageCount): pageCount
            case .single: 1
            }
        }
    }

    let articles: [ArticleSummary]
    let pages: [Page]
    /// Where each of `pages` starts among the URLs after the articles.
    private let starts: [Int]
    /// How many URLs in all.
    let count: Int

    init(articles: [ArticleSummary], pages: [Page]) {
        self.articles = articles
        self.pages = pages
        var starts: [Int] = []
        starts.reserveCapacity(pages.count)
        var total = 0
        for page in pages {
            starts.append(total)
            total += page.count
        }
        self.starts = starts
        count = articles.count + total
    }

    /// The site's pages, in order, as the sitemap lists them (each list's pages are together in
    /// a plan: one entry a list).
    static func pages(of plan: [PagePlan]) -> [Page] {
        var pages: [Page] = []
        for page in plan {
            switch page {
            case .notFound, .search: continue
            case .terms(let terms): pages.append(.single(path: terms.path))
            case .list(let list):
                if list.pageNumber == 1 { pages.append(.list(folder: list.folder, pageCount: list.pageCount)) }
            }
        }
        return pages
    }

    /// Calls `body` with the path and date of each URL in `range` (of `0..<count`), in order.
    func forEach(in range: Range<Int>, _ body: (String, Timestamp?) -> Void) {
        for index in range.clamped(to: 0..<articles.count) {
            body(articles[index].path, articles[index].modified ?? articles[index].published)
        }
        let rest = (max(range.lowerBound, articles.count) - articles.count)..<(max(range.upperBound, articles.count) - articles.count)
        guard !rest.isEmpty else { return }
        // The last page starting at or before the first URL wanted.
        var low = 0, high = starts.count
        while high - low > 1 {
            let middle = (low + high) / 2
            if starts[middle] <= rest.lowerBound { low = middle } else { high = middle }
        }
        var position = rest.lowerBound
        for entry in low..<pages.count where position < rest.upperBound {
            switch pages[entry] {
            case .single(let path):
                body(path, nil)
                position += 1
            case .list(let folder, let pageCount):
                let first = position - starts[entry] + 1
                for number in first...pageCount where position < rest.upperBound {
                    body(SitePaths.listPage(folder: folder, number: number), nil)
                    position += 1
                }
            }
        }
    }
}

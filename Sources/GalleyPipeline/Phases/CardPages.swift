import GalleyCore
import GalleySite

/// What a build of card edits knows of the site: the index of every published article, the
/// edited sources' positions in it, the relations (taken from the build state) and the plan.
struct SiteInPlace {
    var articles: ArticleIndex
    /// Edited source → its position in `articles`.
    var editedPositions: [String: Int]
    /// The paths the edited articles' pages were published at by the last build.
    var editedWerePublishedAt: [String]
    var relations: RelationTable
    var plan: SitePlan

    /// `edited`: the edited articles' heads (as indexed).
    init(articles: ArticleIndex, edited: [DocumentHead], editedWerePublishedAt: [String], relations: RelationTable, plan: SitePlan) {
        self.articles = articles
        self.editedWerePublishedAt = editedWerePublishedAt
        var positions: [String: Int] = [:]
        for head in edited {
            if let position = articles.position(of: head.source, publishedAt: head.frontMatter.date.date) { positions[head.source] = position }
        }
        editedPositions = positions
        self.relations = relations
        self.plan = plan
    }

    /// The position in `articles` of the article a card shows.
    func position(of card: ArticleSummary) -> Int? {
        articles.position(of: card.source, publishedAt: card.published.date)
    }
}

/// The pages and files that show a card of an edited article, and the articles whose cards
/// they show.
struct CardPages {
    /// Positions of the articles whose pages are made again: the edited ones, and those that
    /// relate to one or neighbour one.
    var articlePages: [Int]
    /// The list pages (and the 404 page) that list an edited article.
    var sitePages: [PagePlan]
    /// The feeds that list one, and the files made every build (sitemaps, robots.txt, manifest).
    var files: [PlannedFile]
    /// Positions of every article whose card those pages and files show (their render keys
    /// need those cards, and their pages those articles' images).
    var cardsShown: Set<Int>

    /// nil when the article of a card shown is not found in the index (never expected: every
    /// card is made from its summary).
    init?(_ site: SiteInPlace) {
        let editedPositions = Set(site.editedPositions.values)
        let table = site.relations
        articlePages = Array(editedPositions.union(table.positions(showingAnyOf: editedPositions))).sorted()
        // The plan's items are copies of the index's summaries: an edited one is found by its box
        // (7,600 list pages and feeds of up to 20 cards at 10,000 articles), not by its source;
        // among a few edited boxes by comparing them (a set hashed each of over 100,000 cards).
        let editedCards = editedPositions.map { site.articles.entries[$0].summary.identity }
        let editedSet = editedCards.count > 8 ? Set(editedCards) : nil
        let isEdited = { (card: ArticleSummary) in editedSet?.contains(card.identity) ?? editedCards.contains(card.identity) }
        let lists = { (items: [ArticleSummary]) in items.contains(where: isEdited) }
        sitePages = site.plan.pages.filter { lists($0.cards) }
        files = site.plan.files.filter { file in file.inputs.map { lists($0.items) } ?? true }
        var shown = Set(articlePages)
        for index in articlePages { shown.formUnion(table.positionsShown(by: index)) }
        let cards = sitePages.flatMap(\.cards) + files.flatMap { $0.inputs?.items ?? [] }
        let positions = cards.compactMap(site.position(of:))
        guard positions.count == cards.count else { return nil }
        shown.formUnion(positions)
        cardsShown = shown
    }
}

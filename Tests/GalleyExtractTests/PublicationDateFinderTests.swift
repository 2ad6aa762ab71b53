import Foundation
import GalleyCore
@testable import GalleyExtract
import Testing

/// One small hand-written page per rule of `PublicationDateFinder` (and the sources it reads:
/// `URLDate`, `StatedDates`, `VisibleDates`).
@Suite struct PublicationDateFinderTests {
    let extractor = HTMLExtractor(settings: .init(regionsBySource: [:], timeZone: .gmt))

    /// A page: `head` inside `<head>`; `before` above the headline, `header` right under it,
    /// then a long article text, then `after`.
    func page(head: String = "", before: String = "", header: String = "", after: String = "") -> String {
        let story = PageBuilder.paragraphs.map { "<p>\($0)</p>" }.joined()
        return """
        <html lang="de"><head><title>Die Stadt baut eine neue Brücke über den Fluss</title>\(head)</head><body>
        \(before)<article><h1>Die Stadt baut eine neue Brücke über den Fluss</h1>\(header)<div class="text">\(story)</div></article>\(after)
        </body></html>
        """
    }

    func published(_ html: String, url: String? = nil, fetchedAt: String? = nil) -> Timestamp? {
        let sidecar = url == nil && fetchedAt == nil ? nil : SourceSidecar(url: url, fetchedAt: fetchedAt)
        return try? extractor.metadata(of: SourcePage(path: "t.html", bytes: Array(html.utf8), sidecar: sidecar)).published
    }

    func day(_ html: String, url: String? = nil, fetchedAt: String? = nil) -> String? {
        published(html, url: url, fetchedAt: fetchedAt).map { String($0.rfc3339.prefix(10)) }
    }

    // MARK: URL

    @Test(arguments: [
        ("https://example.org/2019/10/16/bruecke-gebaut/", "2019-10-16"),
        ("https://example.org/news/2019/10/16", "2019-10-16"),
        ("https://example.org/archiv/20191016-bruecke.html", "2019-10-16"),
        ("https://example.org/reden/2003/03/20030331_Rede2.html", "2003-03-31"),
        ("https://example.org/blog/2019-10-16-bruecke", "2019-10-16"),
        ("https://example.org/newsroom/16-10-2019-bruecke/17-378.html", "2019-10-16"),
        ("https://web.archive.org/web/20140226054445/http://example.org/2013/08/07/kinos/", "2013-08-07"),
    ])
    func readsTheDayInTheURL(url: String, expected: String) {
        #expect(day(page(), url: url) == expected)
    }

    @Test func urlParts() {
        #expect(URLDate.find(in: "https://example.org/2019/10/bruecke/", earliestYear: 1995) == URLDate(year: 2019, month: 10, day: nil))
        #expect(URLDate.find(in: "https://example.org/artikel/12345678", earliestYear: 1995) == nil, "an id, not a date")
        #expect(URLDate.find(in: "https://example.org/?date=2019-10-16", earliestYear: 1995) == nil, "the query is not read")
        #expect(URLDate.find(in: "https://web.archive.org/web/20110106023242/http://example.org/index.php", earliestYear: 1995) == nil,
                "a capture time is not the page's date")
        #expect(URLDate.find(in: "https://example.org/1987/05/04/alt", earliestYear: 1995) == nil, "before the earliest year")
    }

    @Test func aMonthInTheURLRulesOutOtherMonths() {
        let html = page(before: "<div class=\"sidebar\"><span class=\"date\">3. September 2019</span></div>",
                        header: "<p>Von Anna Berg, 16. Oktober 2019</p>")
        #expect(day(html, url: "https://example.org/2019/10/bruecke/") == "2019-10-16")
        #expect(day(page(head: "<meta property=\"article:published_time\" content=\"2019-09-03T10:00:00+02:00\">",
                         header: "<p>16. Oktober 2019</p>"), url: "https://example.org/2019/10/bruecke/") == "2019-10-16")
    }

    @Test func theURLDayWinsOverAUTCTimeOfTheNextDay() {
        let html = page(head: "<meta property=\"article:published_time\" content=\"2023-11-09T01:09:55+00:00\">")
        #expect(day(html, url: "https://example.org/2023/11/08/playoffs/") == "2023-11-08")
    }

    @Test func aLocalTimeStatedAndShownWinsOverTheURL() {
        let html = page(head: "<meta property=\"article:published_time\" content=\"2020-02-19T18:37:32+01:00\">",
                        header: "<time datetime=\"2020-02-19T18:37:32+01:00\">19 feb 2020</time>")
        #expect(published(html, url: "https://example.org/2020/02/18/antartida/")?.rfc3339 == "2020-02-19T18:37:32+01:00")
    }

    // MARK: Stated dates

    @Test(arguments: [
        "<meta property=\"article:published_time\" content=\"2019-10-16T14:05:00+02:00\">",
        "<meta property=\"og:article:published_time\" content=\"2019-10-16T14:05:00+02:00\">",
        "<meta property=\"og:published_time\" content=\"2019-10-16T14:05:00+02:00\">",
        "<meta name=\"DC.date.issued\" content=\"2019-10-16T14:05:00+02:00\">",
        "<meta name=\"dcterms.issued\" content=\"2019-10-16T14:05:00+02:00\">",
        "<meta name=\"DC.date\" content=\"2019-10-16T14:05:00+02:00\">",
        "<meta name=\"sailthru.date\" content=\"2019-10-16T14:05:00+02:00\">",
        "<meta name=\"parsely-pub-date\" content=\"2019-10-16T14:05:00+02:00\">",
        "<meta name=\"publication_date\" content=\"2019-10-16T14:05:00+02:00\">",
        "<meta name=\"citation_publication_date\" content=\"2019-10-16T14:05:00+02:00\">",
        "<meta name=\"publish-date\" content=\"2019-10-16T14:05:00+02:00\">",
        "<meta name=\"pubdate\" content=\"2019-10-16T14:05:00+02:00\">",
        "<meta name=\"date\" content=\"Wed, 16 Oct 2019 14:05:00 +0200\">",
        "<meta itemprop=\"datePublished\" content=\"2019-10-16T14:05:00+02:00\">",
    ])
    func readsEveryMetaKeyFamily(meta: String) {
        #expect(published(page(head: meta))?.rfc3339 == "2019-10-16T14:05:00+02:00")
    }

    @Test(arguments: [
        // @graph with a WebPage and the article
        #"{"@graph":[{"@type":"WebPage","datePublished":"2001-01-01"},{"@type":"NewsArticle","datePublished":"2019-10-16T14:05:00+02:00"}]}"#,
        // nested arrays
        #"[[{"@type":"Organization","name":"Zeitung"}],[{"@type":"BlogPosting","datePublished":"2019-10-16T14:05:00+02:00"}]]"#,
        // the article inside another object
        #"{"@type":"WebPage","mainEntity":{"@type":"Article","datePublished":"2019-10-16T14:05:00+02:00"}}"#,
        // a page type when there is no article
        #"{"@type":"WebPage","name":"Brücke","datePublished":"2019-10-16T14:05:00+02:00"}"#,
    ])
    func readsJSONLDInAnyShape(json: String) {
        let head = "<script type=\"application/ld+json\">\(json)</script>"
        #expect(published(page(head: head))?.rfc3339 == "2019-10-16T14:05:00+02:00")
    }

    @Test(arguments: [
        "<span itemprop=\"datePublished\" content=\"2019-10-16T14:05:00+02:00\">gestern</span>",
        "<time itemprop=\"datePublished\" datetime=\"2019-10-16T14:05:00+02:00\">16.10.2019</time>",
        "<time pubdate datetime=\"2019-10-16T14:05:00+02:00\">16.10.2019</time>",
        "<abbr class=\"published\" title=\"2019-10-16T14:05:00+02:00\">Mittwoch</abbr>",
    ])
    func readsDateElements(markup: String) {
        #expect(published(page(header: markup))?.rfc3339 == "2019-10-16T14:05:00+02:00")
    }

    @Test(arguments: ["1571227500", "1571227500000"])
    func readsEpochAttributes(value: String) {
        #expect(published(page(header: "<span class=\"meta\" data-timestamp=\"\(value)\"></span>"))?.rfc3339 == "2019-10-16T12:05:00Z")
    }

    @Test func readsADateTimeInADataAttribute() {
        #expect(day(page(header: "<div class=\"info\" data-published=\"2019-10-16T14:05:00+02:00\"></div>")) == "2019-10-16")
    }

    // MARK: Visible dates

    @Test(arguments: [
        "<p class=\"meta\">16.10.2019</p>",
        "<p>Von Anna Berg | 16. Oktober 2019, 14:05 Uhr</p>",
        "<p>Par Anne Berg, le 16 octobre 2019</p>",
        "<p>By Anne Berg, Oct 16th, 2019</p>",
        "<p>Publicado el 16 de octubre de 2019</p>",
        "<p>Pubblicato il 16 ottobre 2019</p>",
        "<p>Publicado em 16 de outubro de 2019</p>",
        "<p>Gepubliceerd op 16 oktober 2019</p>",
        "<p>Opublikowano 16 października 2019</p>",
        "<p>Опубликовано 16 октября 2019 г.</p>",
        "<p>Rabu, 16 Oktober 2019 14:05 WIB</p>",
        "<p>2019年10月16日</p>",
        "<span>16.10.19</span>",
    ])
    func readsTheDateShownUnderTheHeadline(markup: String) {
        #expect(day(page(header: markup)) == "2019-10-16")
    }

    @Test func theHeadlinesDateWinsOverTeasersSidebarsAndComments() {
        let teasers = "<div class=\"teaser\"><a href=\"/a\">Andere Nachricht</a> <span class=\"date\">14.10.2019</span></div>"
        let sidebar = "<aside><ul><li>Termin am 30.10.2019</li></ul></aside>"
        let comments = "<div class=\"comments\"><div class=\"comment\"><span class=\"date\">17.10.2019 08:00</span> Gut so!</div></div>"
        let html = page(before: teasers + sidebar, header: "<p>16. Oktober 2019</p>", after: comments)
        #expect(day(html) == "2019-10-16")
    }

    @Test func aContainerHoldingTheHeadlineIsNotForeign() {
        // The whole layout is named after its sidebar; the article's own date stays the article's.
        let html = """
        <html><head><title>Die Stadt baut eine neue Brücke über den Fluss</title></head><body>
        <div class="layoutWithRightSidebar"><span class="date">01.10.2019</span><div class="content">
        <h1>Die Stadt baut eine neue Brücke über den Fluss</h1><time>16.10.2019</time>
        \(PageBuilder.paragraphs.map { "<p>\($0)</p>" }.joined())</div></div></body></html>
        """
        #expect(day(html) == "2019-10-16")
    }

    @Test func anArticlesOwnFooterIsNotForeign() {
        let html = """
        <html><head><title>Die Stadt baut eine neue Brücke über den Fluss</title></head><body>
        <aside class="sidebar"><span class="date">01.10.2019</span></aside>
        <article><h1>Die Stadt baut eine neue Brücke über den Fluss</h1>\(PageBuilder.paragraphs.map { "<p>\($0)</p>" }.joined())
        <footer class="entry-footer"><span class="posted-on">16.10.2019</span></footer></article></body></html>
        """
        #expect(day(html) == "2019-10-16")
    }

    @Test func anElementHoldingOnlyTheDateIsNamedForIt() {
        // "teaser-meta" names the date line over the headline, not a teaser around it.
        let html = page(before: "<h3 class=\"teaser-meta\">02.01.2022</h3>",
                        after: "<div class=\"teaser\"><p>Weitere Meldung vom 30.04.2022 zum Thema</p></div>")
        #expect(day(html) == "2022-01-02")
    }

    @Test func aDateInASentenceOfTheStoryIsNoDateLine() {
        let lead = "<p>Im Beisein zahlreicher Ehrengäste wurde das Zentrum am 18. Oktober 2021 am Erzberg eröffnet und in Betrieb genommen, wie die Veranstalter in einer langen Mitteilung schrieben.</p>"
        #expect(day(page(header: lead + "<p class=\"info\">20.10.2021</p>")) == "2021-10-20")
    }

    @Test func aWidgetsTimestampIsNotAShownDate() {
        let head = """
            <meta property="article:published_time" content="2020-02-14T13:42:33+01:00">
            <meta property="article:modified_time" content="2020-02-20T13:50:10+01:00">
            """
        let widget = "<div class=\"shariff\" data-timestamp=\"1582210210\"><a href=\"/share\">Teilen</a></div>"
        #expect(day(page(head: head, after: widget)) == "2020-02-14")
    }

    @Test func aStatusClassIsNoPublishedLabel() {
        let html = page(header: "<div class=\"post status-publish\"><span class=\"date\">20.02.2020</span></div><p class=\"date\">14.02.2020</p>")
        #expect(day(html) == "2020-02-20", "the first of two equal dates, neither marked")
    }

    @Test func quotesAndEmbeddedPostsKeepTheirDates() {
        let embed = "<blockquote class=\"instagram-media\"><p>Ein Foto</p><time datetime=\"2019-06-16T14:30:55+00:00\">Jun 16, 2019</time></blockquote>"
        let html = page(header: "<p class=\"date\">20.06.2019</p>" + embed)
        #expect(day(html) == "2019-06-20")
    }

    @Test func americanPagesWriteTheMonthFirst() {
        let html = page(header: "<span class=\"date\">03/04/2020</span>").replacingOccurrences(of: "lang=\"de\"", with: "lang=\"en-US\"")
        #expect(day(html) == "2020-03-04")
        #expect(day(page(header: "<span class=\"date\">03/04/2020</span>")) == "2020-04-03")
    }

    @Test func aDateSplitOverElementsIsReadWhole() {
        let html = page(header: "<div class=\"datum\"><span>Okt</span><span>16</span><span>2019</span></div>")
        #expect(day(html) == "2019-10-16")
    }

    // MARK: Published, not modified

    @Test(arguments: [
        "<p>Veröffentlicht am 16.10.2019 · Aktualisiert am 18.10.2019</p>",
        "<p>Aktualisiert am 18.10.2019</p><p>Erschienen am 16.10.2019</p>",
        "<p>Updated: Oct 18, 2019</p><p>Published: Oct 16, 2019</p>",
        "<p>Stand: 18.10.2019</p><p>16.10.2019</p>",
        "<p>Letzte Änderung: 18.10.2019</p><p>Erstellt: 16.10.2019</p>",
        "<time class=\"entry-date published\">16. Oktober 2019</time><time class=\"updated\">18. Oktober 2019</time>",
        "<time class=\"updated\">18. Oktober 2019</time><time class=\"published\">16. Oktober 2019</time>",
    ])
    func prefersThePublishedDateToAChange(markup: String) {
        #expect(day(page(header: markup)) == "2019-10-16")
    }

    @Test func aChangeIsTakenWhenNothingElseIsShown() {
        #expect(day(page(header: "<p class=\"date updated\">18. Oktober 2019</p>")) == "2019-10-18")
    }

    @Test func labelsMatchAtTheStartOfAWord() {
        let markup = DateMarkup(heuristics: .standard)
        #expect(markup.label("Zum Bestand").modified == false)
        #expect(markup.label("Stand:").modified)
        #expect(markup.label("Updated:").published == false, "\"date\" inside \"Updated\" is no label")
    }

    // MARK: Offsets

    @Test func aUTCTimeIsShownAtTheOffsetThePageStates() {
        let head = """
            <script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2019-10-18T22:04:00Z"}</script>
            <meta name="date" content="Sat, 19 Oct 2019 00:04:00 +0200">
            """
        #expect(published(page(head: head))?.rfc3339 == "2019-10-19T00:04:00+02:00")
    }

    @Test func aShownTimeOfTheSameInstantGivesTheOffset() {
        let head = "<meta property=\"article:published_time\" content=\"2020-02-25T02:25:54+00:00\">"
        let html = page(head: head, header: "<p class=\"byline\">February 24, 2020 | 9:25pm</p>")
        #expect(published(html)?.rfc3339 == "2020-02-24T21:25:54-05:00")
    }

    @Test func aUTCTimeFallsOnTheDayShown() {
        // Midnight of the 5th in Berlin, written in UTC, and only the day shown.
        let head = "<meta property=\"article:published_time\" content=\"2021-11-04T23:00:00Z\">"
        #expect(day(page(head: head, header: "<span class=\"date\">05.11.2021</span>")) == "2021-11-05")
    }

    @Test func aTimeWithoutAZoneTakesTheDefaultOffset() {
        let jakarta = HTMLExtractor(settings: .init(regionsBySource: [:], timeZone: TimeZone(secondsFromGMT: 7 * 3600)!))
        let html = page(head: "<meta name=\"sailthru.date\" content=\"2019-10-16 23:30:00\">")
        let metadata = try? jakarta.metadata(of: SourcePage(path: "t.html", bytes: Array(html.utf8)))
        #expect(metadata?.published?.rfc3339 == "2019-10-16T23:30:00+07:00")
    }

    // MARK: Corrections of the stated date

    @Test func theChangeThePageShowsAsItsDateWins() {
        let head = """
            <meta property="article:published_time" content="2021-11-29T14:13:37+00:00">
            <meta property="article:modified_time" content="2022-01-12T14:27:30+00:00">
            """
        #expect(day(page(head: head, header: "<p>12.01.2022</p>")) == "2022-01-12")
    }

    @Test func aStatedDayShownStronglyNeedsNoCorrection() {
        // The page shows its stated day too: a UTC time is not moved to the other day shown.
        let head = "<meta property=\"article:published_time\" content=\"2022-05-03T20:51:06Z\">"
        let html = page(head: head, before: "<span class=\"date\">4 de mayo de 2022</span>", header: "<span class=\"date\">3 de mayo de 2022</span>")
        #expect(day(html) == "2022-05-03")
    }

    @Test func aGenericDateKeyGivesWayToTheDateBesideTheHeadline() {
        let head = "<meta name=\"dc.date\" content=\"2020-03-03\">"
        #expect(day(page(head: head, header: "<span class=\"date\">7 April 2020</span>")) == "2020-04-07")
        // A specific key keeps its date.
        let specific = "<meta property=\"article:published_time\" content=\"2020-03-03T10:00:00+01:00\">"
        #expect(day(page(head: specific, header: "<span class=\"date\">7 April 2020</span>")) == "2020-03-03")
    }

    // MARK: Plausible dates

    @Test func datesBefore1995AreNotTaken() {
        #expect(day(page(head: "<meta name=\"date\" content=\"0020-02-11\">", header: "<p>16.10.2019</p>")) == "2019-10-16")
        #expect(day(page(header: "<span class=\"date\">01.01.1970</span>")) == nil)
    }

    @Test func datesAfterTheFetchAreNotTaken() {
        let html = page(head: "<meta property=\"article:published_time\" content=\"2031-01-01T10:00:00+01:00\">",
                        header: "<p>16.10.2019</p>")
        #expect(day(html, fetchedAt: "2019-10-17T08:00:00+02:00") == "2019-10-16")
        // Without a fetch time the clock is never read: the stated date stands.
        #expect(day(html) == "2031-01-01")
    }

    // MARK: Last resort

    @Test func theTitleOrDescriptionNamesTheDay() {
        let head = "<meta name=\"description\" content=\"Orso marsicano (Notizia del 14 Gennaio 2020)\">"
        #expect(day(page(head: head)) == "2020-01-14")
    }

    @Test func aPageWithoutAnyDateHasNone() {
        #expect(published(page()) == nil)
    }

    // MARK: Knobs

    @Test func everyDateClassWordHasAStem() {
        let heuristics = ExtractionHeuristics.standard
        let words = heuristics.dateClassWords.union(heuristics.publishedClassWords).union(heuristics.modifiedClassWords)
        for word in words {
            #expect(DateMarkup.dateStems.contains { word.contains($0) }, "\(word) would be passed over by the quick test")
        }
    }
}

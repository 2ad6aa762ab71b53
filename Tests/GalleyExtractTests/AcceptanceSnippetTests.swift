import Foundation
import GalleyCore
@testable import GalleyExtract
import Testing

/// Real articles that must be published, whatever their size, script or markup, and pages that
/// must still be rejected: one small page per rule of the readerable check and of finding the
/// article (ExtractionHeuristics.swift, "Readerable check" and "Scoring").
@Suite struct AcceptanceSnippetTests {
    static let head = """
        <title>Judul Berita Uji Coba Panjang - Situs</title><meta property="og:title" content="Judul Berita Uji Coba Panjang">
        """

    /// A page: `head` extra, then `body` as it is.
    static func page(head: String = "", body: String) -> String {
        "<!DOCTYPE html><html lang=\"id\"><head>\(Self.head)\(head)</head><body>\(body)</body></html>"
    }

    static var story: String { PageBuilder.paragraphs.map { "<p>\($0)</p>" }.joined() }

    func extract(_ html: String) throws -> ExtractedArticle { try PageBuilder.extract(html) }

    func text(_ html: String) throws -> String { PlainText.of(try extract(html).content) }

    func rejection(_ html: String) -> String? { PageBuilder.rejection(html) }

    // MARK: Short articles

    /// A news item in Chinese of about 150 characters (`cjkCharacterWeight`).
    static let chinese = "昨晚的暴雨导致城市多条河流水位上涨，数千名沿河居民被紧急转移到安全地点。当地应急管理部门表示，部分社区积水深达一米半，救援人员出动橡皮艇帮助老人和儿童撤离。"
        + "政府已经开放体育馆作为临时安置点，并提供食物、饮用水和毛毯。气象部门预计未来两天仍有强降雨，提醒市民减少外出，注意安全。交通部门也暂停了部分公交线路。"

    /// `cjkCharacterWeight`, `minimumArticleCharacters`, `minimumReaderableScore`: a CJK article
    /// of 150 characters is an article, in one paragraph or in three, declared or not.
    @Test(arguments: [1, 3])
    func aShortChineseArticleIsPublished(paragraphs: Int) throws {
        let characters = Array(Self.chinese)
        let size = (characters.count + paragraphs - 1) / paragraphs
        let blocks = stride(from: 0, to: characters.count, by: size).map { "<p>\(String(characters[$0..<min($0 + size, characters.count)]))</p>" }
        let html = Self.page(body: "<div class=\"wrap\"><h1>城市暴雨</h1>\(blocks.joined())</div>")
        #expect(rejection(html) == nil, "\(rejection(html) ?? "")")
        #expect(Whitespace.collapsed(try text(html)).replacingOccurrences(of: " ", with: "").contains(Self.chinese))
    }

    /// `minimumDeclaredArticleCharacters`: a news item of one short paragraph on a page that says
    /// it is an article; `minimumArticleCharacters` and `minimumReaderableScore`: a short post
    /// of one paragraph of 200 characters and a line on a page that says nothing.
    @Test func shortNewsItemsArePublished() throws {
        let item = "Hujan deras semalaman membuat Sungai Deli meluap dan merendam ratusan rumah di tiga kecamatan di Medan, kata petugas."
            + " Warga diminta waspada karena hujan masih turun."
        let declared = Self.page(head: "<meta property=\"article:published_time\" content=\"2024-05-12T08:00:00+07:00\">",
                                 body: "<div class=\"wrap\"><p>\(item)</p></div>")
        #expect(rejection(declared) == nil, "\(rejection(declared) ?? "")")
        let post = Self.page(body: "<div class=\"wrap\"><p>\(PageBuilder.paragraphs[0])</p><p>Foto dan laporan: Budi Santoso, Medan.</p></div>")
        #expect(rejection(post) == nil, "\(rejection(post) ?? "")")
    }

    /// `readerableLengthExemption`: a post written in short paragraphs.
    @Test func aPostInShortParagraphsIsPublished() throws {
        let paragraphs = [
            "Der nächste Stammtisch findet am Mittwoch, dem 5. Februar, ab 19 Uhr im Café am Markt in der Altstadt statt.",
            "Allgemein finden die Stammtische meist am ersten Mittwoch des Monats im selben Café statt.",
            "Bei den offenen Stammtischen geht es darum, sich gegenseitig und die Arbeit vor Ort kennenzulernen.",
            "Die Protokolle der bisherigen Stammtische sind auf der Seite des Ortsverbands unter Termine zu finden.",
        ]
        let html = Self.page(body: "<div class=\"wrap\">" + paragraphs.map { "<p>\($0)</p>" }.joined() + "</div>")
        #expect(rejection(html) == nil, "\(rejection(html) ?? "")")
    }

    @Test func aLoneSentenceIsNotAnArticle() {
        let html = Self.page(body: "<div class=\"wrap\"><p>Halaman ini sedang dalam perbaikan. Silakan kembali lagi nanti, terima kasih.</p></div>")
        #expect(rejection(html)?.hasPrefix("not an article") == true)
    }

    // MARK: Marked article body

    /// `minimumMarkedBodyLength`: the element marked `itemprop="articleBody"` is the article, even
    /// a short one beside a longer block, and even inside an `<aside>` the page wraps it in.
    @Test(arguments: ["<div class=\"x7f\" itemprop=\"articleBody\">", "<aside class=\"pa\"><div itemprop=\"articleBody\">"])
    func theMarkedArticleBodyIsTheArticle(opening: String) throws {
        let closing = opening.hasPrefix("<aside") ? "</div></aside>" : "</div>"
        let other = "<div class=\"x9q\">" + PageBuilder.paragraphs.map { "<p>Lain: \($0)</p>" }.joined() + "</div>"
        let html = Self.page(head: "<meta property=\"og:type\" content=\"article\">",
                             body: "\(opening)<p>\(PageBuilder.paragraphs[0])</p>\(closing)\(other)")
        let body = try text(html)
        #expect(body == PageBuilder.paragraphs[0])
    }

    // MARK: Odd markup

    /// An `</aside>` (or `</nav>`, `</header>`) that libxml2 would ignore because a `<div>` was
    /// left open inside: the article after it is not swallowed by the sidebar.
    @Test func anUnclosedDivInASidebarDoesNotSwallowTheArticle() throws {
        let sidebar = "<aside class=\"sidebar\"><div class=\"widget\"><ul><li><a href=\"/a\">Menu satu</a></li></ul></aside>"
        let html = Self.page(body: "<nav><div><a href=\"/\">Beranda</a></nav>\(sidebar)<div class=\"content\">\(Self.story)</div>")
        let body = try text(html)
        for paragraph in PageBuilder.paragraphs { #expect(body.contains(paragraph)) }
    }

    /// A stray `</body></html>` before the article (here in an unquoted attribute value, as
    /// saved pages have them) makes libxml2 start a second `<html>` for the rest of the page.
    @Test(arguments: [
        "<input value=<html><body></body></html>>",
        "<iframe srcdoc=\"<html><body></body></html>\"></iframe>",
        "<p>Menu</p></body></html>",
    ])
    func theArticleAfterAStrayEndOfPageIsFound(markup: String) throws {
        let body = try text(Self.page(body: markup + "<div class=\"content\">\(Self.story)</div>"))
        for paragraph in PageBuilder.paragraphs { #expect(body.contains(paragraph)) }
    }

    /// A page that renders its article with a script and keeps it in `<noscript>` for readers
    /// without one: the noscript article is the article.
    @Test func anArticleInNoscriptIsTheArticle() throws {
        let body = try text(Self.page(body: "<div class=\"post-body\" id=\"app\"><noscript>\(Self.story)</noscript></div>"))
        for paragraph in PageBuilder.paragraphs { #expect(body.contains(paragraph)) }
    }

    /// Markup kept as text right inside `<noscript>` (an ad's fallback) is not text: it does not
    /// outscore the article.
    @Test func markupAsTextInNoscriptIsNotText() throws {
        let fallback = "<div class=\"banner-slot\"><noscript>&lt;div&gt;&lt;a href=\"https://ads.example/jump;sz=300x250;kw=a,b,c,d,e,f,g,h\"&gt;&lt;img src=\"https://ads.example/ad;sz=300x250;kw=a,b,c,d,e,f\"&gt;&lt;/a&gt;&lt;/div&gt;</noscript></div>"
        let body = try text(Self.page(body: "<div class=\"side\">\(fallback)</div><div class=\"main\">\(Self.story)</div>"))
        for paragraph in PageBuilder.paragraphs { #expect(body.contains(paragraph)) }
        #expect(!body.contains("ads.example"))
    }

    // MARK: Finding the article

    /// `positiveClassFullWeightLength`: a short block whose class names content ("header-text",
    /// "teaser-text") does not outscore a body whose class says nothing.
    @Test func aShortBlockWithAContentClassDoesNotBeatTheBody() throws {
        let html = Self.page(body: """
            <div class="wrap"><div class="header"><div class="header-text"><p>Situs berita warga untuk semua kalangan, terbit setiap hari.</p></div></div>
            <div class="intro"><div class="teaser-text"><p>Warga bantaran kali mengungsi setelah hujan deras semalaman merendam permukiman mereka.</p></div>
            <div class="rte">\(Self.story)</div></div></div>
            """)
        let body = try text(html)
        for paragraph in PageBuilder.paragraphs { #expect(body.contains(paragraph)) }
    }

    /// `standfirstWords`, `minimumStandfirstLength`, `standfirstSearchLevels`: the lead in the
    /// article's header, outside the body the scorer chose, opens the text; a short deck does not.
    @Test func theStandfirstBeforeTheBodyOpensTheText() throws {
        let lead = "Ribuan warga bantaran kali mengungsi setelah hujan deras semalaman merendam permukiman mereka, "
            + "dan pemerintah kota membuka tiga gedung olahraga sebagai tempat penampungan sementara."
        let html = Self.page(body: """
            <main><header class="article-head"><h1>Banjir merendam kota</h1><h2 class="subtitle">Sungai meluap di tiga kecamatan</h2>
            <div class="article-teaser"><p>\(lead)</p></div></header>
            <article><div class="body-copy">\(Self.story)</div></article><aside class="more">Lainnya</aside></main>
            """)
        let body = try text(html)
        #expect(body.hasPrefix(lead), "\(body.prefix(80))")
        #expect(!body.contains("Sungai meluap di tiga kecamatan"))
        for paragraph in PageBuilder.paragraphs { #expect(body.contains(paragraph)) }
    }

    /// `standfirstSearchLevels`: a lead in a page-wide hero band, beside a wrapper five levels
    /// above the body's paragraphs, still opens the text.
    @Test func theStandfirstInAHeroBandFiveLevelsUpOpensTheText() throws {
        let lead = "Ribuan warga bantaran kali mengungsi setelah hujan deras semalaman merendam permukiman mereka, "
            + "dan pemerintah kota membuka tiga gedung olahraga sebagai tempat penampungan sementara."
        let html = Self.page(body: """
            <div id="wrapper"><div id="article-hero"><div class="box"><h1>Banjir merendam kota</h1><h2 class="hero__teaser">\(lead)</h2></div></div>
            <div class="layout"><div class="grid"><div class="row"><div class="col"><div class="copy">\(Self.story)</div></div></div></div></div></div>
            """)
        let body = try text(html)
        #expect(body.hasPrefix(lead), "\(body.prefix(80))")
        for paragraph in PageBuilder.paragraphs { #expect(body.contains(paragraph)) }
    }

    /// `minimumDescribedStandfirstLength`, `describedStandfirstSearchLevels`, `deckWords`: a lead
    /// with no lead-naming class, deep in the header, opens the text when it prints the page's
    /// description (cut short there with an ellipsis); the same words as a heading or a deck do not.
    @Test(arguments: [("<p>", "</p>", true), ("<h2>", "</h2>", false), ("<p class=\"c-dek\">", "</p>", false)])
    func theDescriptionPrintedBeforeTheBodyOpensTheText(open: String, close: String, opens: Bool) throws {
        let lead = "Pemerintah kota membuka tiga gedung olahraga bagi warga yang mengungsi dari bantaran kali."
        let description = "<meta name=\"description\" content=\"Pemerintah kota membuka tiga gedung olahraga bagi warga…\">"
        let html = Self.page(head: description, body: """
            <main><div class="top"><div class="wrap"><div class="inner"><h1>Banjir merendam kota</h1>\(open)\(lead)\(close)</div></div></div>
            <div class="grid"><div class="row"><div class="col"><div class="cell"><div class="copy">\(Self.story)</div></div></div></div></div></main>
            """)
        let body = try text(html)
        #expect(body.hasPrefix(lead) == opens, "\(body.prefix(80))")
        for paragraph in PageBuilder.paragraphs { #expect(body.contains(paragraph)) }
    }

    /// `maximumDescribedStandfirstLength`: an abstract of several sentences that the description
    /// only begins (cut at 200 characters) is the lead too, longer than a named standfirst may be.
    @Test func aLongAbstractTheDescriptionBeginsOpensTheText() throws {
        let sentence = "Gewerkschaft und Arbeitgeber treffen sich am Montag in Potsdam zur zweiten Verhandlungsrunde über die Löhne. "
        let abstract = String(repeating: sentence, count: 9)
        let description = "<meta name=\"description\" content=\"\(abstract.prefix(200))\">"
        let html = Self.page(head: description, body: """
            <main><header class="detail-head"><h1>Tarifrunde in Potsdam</h1><p class="x1">\(abstract)</p></header>
            <div class="grid"><div class="row"><div class="copy">\(Self.story)</div></div></div></main>
            """)
        #expect(try text(html).hasPrefix(Whitespace.collapsed(abstract)))
    }

    /// `pictureWords` (`LeadPicture`): the picture between the headline and the body opens the
    /// content as a figure (its caption is not running text) and is the article's image.
    @Test func theLeadPictureBeforeTheBodyIsTheArticlesImage() throws {
        let html = Self.page(body: """
            <div class="article"><h1>Banjir merendam kota</h1><div class="byline">Oleh Budi</div>
            <div class="main-image"><img src="/foto/banjir.jpg" alt="Banjir"><p class="caption">Foto udara kampung yang terendam.</p></div>
            <div class="article-text">\(Self.story)</div></div>
            """)
        let article = try extract(html)
        #expect(article.metadata.image == "https://example.org/foto/banjir.jpg")
        #expect(!PlainText.of(article.content).contains("Foto udara"))
        #expect(PlainText.of(article.content).hasPrefix(PageBuilder.paragraphs[0]))
    }

    /// A table inside the article whose cells hold long text (a list of signatories) scores high
    /// on its own: the article around it is taken, through the table the scorer does not score.
    @Test func theArticleAroundALongTableIsTaken() throws {
        let names = (1...55).map { "Penanda tangan nomor \($0), Universitas Kota" }.joined(separator: " ")
        let table = "<table><tbody><tr><td>\(names)</td></tr></tbody></table>"
        let body = try text(Self.page(body: "<div class=\"wrap\">\(Self.story)\(Self.story)\(table)</div>"))
        for paragraph in PageBuilder.paragraphs { #expect(body.contains(paragraph)) }
    }

    /// `adWords`, `adSlotMaximumProse`: a section named for the ads it holds keeps its prose; an
    /// ad slot is still dropped.
    @Test func aSectionWithAdSlotsKeepsItsProse() throws {
        let paragraphs = PageBuilder.paragraphs
        let sections = [(0, 1), (2, 3)].map { first, second in
            "<section class=\"Report__Section Report__Section--Ads\"><p>\(paragraphs[first])</p><p>\(paragraphs[second])</p>"
                + "<div class=\"ad-slot\">Anzeige</div></section>"
        }.joined()
        let body = try text(Self.page(body: "<article class=\"Report\">\(sections)</article>"))
        for paragraph in PageBuilder.paragraphs { #expect(body.contains(paragraph)) }
        #expect(!body.contains("Anzeige"))
    }

    // MARK: Not an article

    /// Summaries of about `length` characters made of the story's sentences.
    static func summary(_ index: Int, length: Int) -> String {
        let sentences = PageBuilder.paragraphs.joined(separator: " ").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        var text = ""
        var next = index
        while text.count < length {
            text += sentences[next % sentences.count] + ". "
            next += 1
        }
        return text.trimmingCharacters(in: .whitespaces)
    }

    /// `minimumTeaserCards`, `minimumTeaserCardShare`, `maximumTeaserSummaryLength`,
    /// `minimumHeadlineWords`: home, tag and archive pages that do not declare themselves
    /// listings are rejected by their teaser cards, whatever markup the cards use.
    @Test(arguments: [
        { (i: Int) in "<article class=\"card\"><h2><a href=\"/berita/\(i)\">Judul berita nomor \(i) hari ini</a></h2><p>\(summary(i, length: 180))</p><a href=\"/berita/\(i)\">Selengkapnya</a></article>" },
        { (i: Int) in "<div class=\"item\"><a href=\"/b/\(i)\"><img src=\"/i\(i).jpg\"></a><h3><a href=\"/b/\(i)\">Kabar terbaru nomor \(i) dari kota</a></h3><span>12 Mei 2024</span><p>\(summary(i, length: 120))</p></div>" },
        { (i: Int) in "<li><a href=\"/c/\(i)\">Warga kota berkumpul di balai \(i)</a><br>\(summary(i, length: 150))</li>" },
        { (i: Int) in "<div class=\"post\"><h2 class=\"entry-title\"><a href=\"https://example.org/p/\(i)\">Catatan harian tentang banjir \(i)</a></h2><div class=\"entry-summary\"><p>\(summary(i, length: 400))</p></div></div>" },
    ] as [@Sendable (Int) -> String])
    func listingPagesAreRejected(card: @Sendable (Int) -> String) {
        let cards = (1...10).map(card).joined()
        let html = Self.page(head: "<meta property=\"og:type\" content=\"website\">", body: "<h1>Berita terbaru</h1><div class=\"list\"><ul>\(cards)</ul></div>")
        #expect(rejection(html)?.contains("teaser cards") == true, "\(rejection(html) ?? "accepted")")
    }

    /// An article with a list of related headlines (no summaries), links inside its sentences,
    /// and subheadings is not a listing.
    @Test func anArticleWithRelatedHeadlinesIsNotAListing() throws {
        let related = "<ul>" + (1...6).map { "<li><a href=\"/berita/\($0)\">Judul berita terkait nomor \($0) hari ini</a></li>" }.joined() + "</ul>"
        let sentences = (0..<6).map { "<h3>Bagian \($0)</h3><p>Menurut <a href=\"/tokoh/\($0)\">kepala dinas kota hari ini</a>, \(Self.summary($0, length: 150))</p>" }.joined()
        let html = Self.page(body: "<div class=\"wrap\">\(Self.story)\(related)\(sentences)</div>")
        #expect(rejection(html) == nil, "\(rejection(html) ?? "")")
    }
}

import Foundation
import GalleyCore
@testable import GalleyExtract
import Testing

/// One small HTML snippet per heuristic of the extractor (ExtractionHeuristics.swift).
@Suite struct HeuristicSnippetTests {

    /// An article page: `head` extra, then the story's paragraphs with `inside` placed after the
    /// second one, and `after` placed after the article container.
    func page(head: String = "", inside: String = "", after: String = "", before: String = "") -> String {
        let paragraphs = PageBuilder.paragraphs.map { "<p>\($0)</p>" }
        return """
        <html lang="id"><head><title>Judul Berita Uji Coba Panjang - Situs</title>
        <meta property="og:title" content="Judul Berita Uji Coba Panjang">\(head)</head><body>
        \(before)<div class="article-body">\(paragraphs[0])\(paragraphs[1])\(inside)\(paragraphs[2])\(paragraphs[3])</div>\(after)
        </body></html>
        """
    }

    /// `maximumTitleLineExtraWords`: an opening paragraph that is the title with a section and a
    /// date is the page's header line and goes; a lead that ends with the headline's words stays.
    @Test func aTitleLineGoesButALeadEndingWithTheTitleStays() throws {
        let title = "Dago Leukefeld wird Botschafter des Sports"
        func body(opening: String) throws -> String {
            let html = "<html lang=\"de\"><head><title>\(title)</title></head><body><article><p>\(opening)</p>"
                + PageBuilder.paragraphs.map { "<p>\($0)</p>" }.joined() + "</article></body></html>"
            return try text(html)
        }
        #expect(try body(opening: "Sport | \(title) | 21.09.2026").hasPrefix(PageBuilder.paragraphs[0]))
        let lead = "Die Stiftung und der Trainer besiegeln ihre gute Zusammenarbeit und richten sich für die Zukunft aus: \(title)."
        #expect(try body(opening: lead).hasPrefix(lead))
    }

    /// `leadingDateBlocks`, `weekdayNames`, `dateLineWords`: a paragraph above the story that is
    /// nothing but a date goes; one that says more around the date stays.
    @Test func aDateLineAboveTheStoryGoesButASentenceWithADateStays() throws {
        for line in ["23.10.2018", "15. Januar 2022", "Mittwoch, 12.02.2020 14:05 Uhr", "April 21, 2022"] {
            let body = try text(page().replacingOccurrences(of: "<div class=\"article-body\">", with: "<div class=\"article-body\"><p>\(line)</p>"))
            #expect(body.hasPrefix(PageBuilder.paragraphs[0]), "\(line): \(body.prefix(80))")
        }
        let sentence = "Am 23.10.2018 wurde der Test veröffentlicht."
        let body = try text(page().replacingOccurrences(of: "<div class=\"article-body\">", with: "<div class=\"article-body\"><p>\(sentence)</p>"))
        #expect(body.hasPrefix(sentence))
    }

    /// `newsletterWords`: a newsletter sign-up box set into the middle of the story goes; a
    /// sentence of the story about a newsletter, with no invitation, stays.
    @Test func aNewsletterSignupInsideTheStoryGoes() throws {
        let signup = "<p>Never miss the latest news by signing up to our newsletter today!</p>"
        let mention = "<p>Pemerintah kota mengirim newsletter harian kepada warga tentang ketinggian air di pintu air.</p>"
        let body = try text(page(inside: signup + mention))
        #expect(!body.contains("Never miss"), "\(body)")
        #expect(body.contains("mengirim newsletter harian"))
    }

    /// `creditPrefixes`, `maximumTrailingCreditWords`, `captionWords`: a credit in brackets, a
    /// caption that ends with its credit and a caption named in Italian are captions, not running
    /// text; a sentence that mentions © in passing stays.
    @Test func captionsInOtherShapesAreNotRunningText() throws {
        let captions = "<p><em>(Credit: Clayton Aldern / Grist)</em></p>"
            + "<div class=\"pic-note\">Warga membersihkan sungai pada Minggu pagi. | © Kabar Kota/Budi Santoso</div>"
            + "<div class=\"dida\">Grafik jumlah relawan 2026</div>"
        let sentence = "<p>Lembaga itu menyebut hak cipta © foto tersebut dimiliki warga yang memotretnya dari jembatan kota.</p>"
        let body = try text(page(inside: captions + sentence))
        #expect(!body.contains("Clayton") && !body.contains("Budi Santoso") && !body.contains("Grafik jumlah relawan"), "\(body)")
        #expect(body.contains("hak cipta © foto tersebut"))
    }

    /// `embeddedPostWords`: a post the story embeds (`social-media-embed`) is quoted content and
    /// stays; the share bar beside it (`social-share`) goes.
    @Test func anEmbeddedPostStaysAndTheShareBarGoes() throws {
        let embed = "<div class=\"social-media-embed\"><blockquote class=\"twitter-tweet\"><p>Sungai kami bersih lagi berkat kerja bakti warga "
            + "<a href=\"https://t.co/x\">pic.twitter.com/x</a></p>— Warga Kali (@wargakali) 21 September 2026</blockquote></div>"
        let share = "<div class=\"social-share\"><a href=\"https://facebook.com/sharer\">Bagikan ke Facebook</a> Kirim lewat surel ke teman</div>"
        let body = try text(page(inside: embed + share))
        #expect(body.contains("Sungai kami bersih lagi berkat kerja bakti warga"))
        #expect(!body.contains("Bagikan") && !body.contains("Kirim lewat surel"))
    }

    /// `ClosingCallToAction`: the invitations that close a body (a channel named with an
    /// invitation, or an appeal for support) go, with the blank paragraphs around them; a last
    /// paragraph that only mentions a network, and an invitation before the story's end, stay.
    @Test func aClosingCallToActionIsNotTheStory() throws {
        let story = PageBuilder.paragraphs.map { "<p>\($0)</p>" }.joined()
        let closing = "<p>Ikuti berita terkini dari Kabar Kota di <a href=\"https://news.google.com/x\">Google News</a>.</p><p>&nbsp;</p>"
            + "<p><strong>If you enjoyed reading this post, would you consider supporting our work?</strong></p><p>\u{A0}</p>"
        let kept = "<p>Di Twitter, warga membagikan foto sungai yang kembali jernih setelah kerja bakti akhir pekan lalu.</p>"
        let html = "<html lang=\"id\"><head><title>Sungai Kembali Jernih</title></head><body><div class=\"article-body\">"
            + story + kept + closing + "</div></body></html>"
        let body = try text(html)
        #expect(!body.contains("Google News") && !body.contains("supporting our work"), "\(body.suffix(200))")
        #expect(body.hasSuffix("setelah kerja bakti akhir pekan lalu."), "\(body.suffix(200))")

        let invitationMidway = "<p>Follow our live coverage on Twitter.</p>"
        let midway = try text(page(inside: invitationMidway))
        #expect(midway.contains("Follow our live coverage on Twitter."))
    }

    /// `furtherReadingLabels`, `moreWords` + `storiesWords` (`FurtherReading`): a further-reading or press-contact section
    /// under the story goes from its label to the end, with prose in it; the same words in a
    /// sentence, or a label followed by more than the story before it, stay.
    @Test func aFurtherReadingSectionAfterTheStoryGoes() throws {
        let story = PageBuilder.paragraphs.map { "<p>\($0)</p>" }.joined()
        func body(_ closing: String) throws -> String {
            try text("<html lang=\"de\"><head><title>Hochwasser am Fluss</title></head><body><div class=\"article-body\">"
                + story + closing + "</div></body></html>")
        }
        let reading = "<h3>Weitere Artikel zum Thema</h3><p>Pegelstände steigen auch am Nebenfluss weiter an, meldet das Amt</p>"
            + "<p><strong>Pressekontakt:</strong></p><p>Amt für Wasserwirtschaft, Pressestelle, Telefon 0228 123456</p>"
        let cut = try body(reading)
        #expect(cut.hasSuffix(PageBuilder.paragraphs[3]), "\(cut.suffix(200))")
        let sentence = "<p>Weitere Informationen gibt es beim Amt für Wasserwirtschaft, das täglich neue Pegelstände meldet.</p>"
        #expect(try body(sentence).contains("Weitere Informationen gibt es beim Amt"))
        let chapter = "<h2>Weitere Informationen</h2>" + story + story
        #expect(try body(chapter).contains("Weitere Informationen"))
        let more = "<h3>More Great Magazine Stories</h3><p>Could an astronaut lost in space use gravity to get around?</p>"
        #expect(!(try body(more)).contains("astronaut"))
    }

    /// `closingFurnitureLabels`, `closingNavigationWords` (`ClosingFurniture`): the page's
    /// furniture under the story (a permalink, an update stamp, a rating widget, a licence line,
    /// a lone "zurück") goes line by line from the end; the same words inside the story stay.
    @Test func pageFurnitureUnderTheStoryGoes() throws {
        let story = PageBuilder.paragraphs.map { "<p>\($0)</p>" }.joined()
        let kept = "<p>Zurück im Rathaus sprach der Bürgermeister von einer Lage, die sich stündlich ändern könne.</p>"
        let furniture = "<p>Aktualisiert am 17.01.2021.</p><p>Permalink: https://example.org/berita/uji</p>"
            + "<p>(Noch keine Bewertungen) Loading...</p><p>Dieser Text wurde veröffentlicht unter der Lizenz CC-BY-NC-ND-4.0-DE.</p>"
            + "<p><a href=\"/\">zurück</a></p>"
        let html = "<html lang=\"de\"><head><title>Hochwasser am Fluss</title></head><body><div class=\"article-body\">"
            + "<p>Permalink: so nennt das Amt die feste Adresse seiner Meldungen, die es jeden Morgen neu veröffentlicht.</p>"
            + story + kept + furniture + "</div></body></html>"
        let body = try text(html)
        #expect(body.hasSuffix("die sich stündlich ändern könne."), "\(body.suffix(200))")
        #expect(body.hasPrefix("Permalink: so nennt das Amt"))
    }

    /// `bodyContainerNames` (`ContentFinder.namedBody`): a story a layout editor cut into rows,
    /// each deep in its own wrappers inside the CMS's "entry-content", is read whole, not only
    /// its longest row.
    @Test func aStoryCutIntoLayoutRowsIsReadWhole() throws {
        let paragraphs = PageBuilder.paragraphs
        var rows = 0
        func row(_ inner: String) -> String {
            rows += 1
            return "<div class=\"vc_row\"><div class=\"vc_column\"><div class=\"vc_column-inner vc_custom_\(rows)\">\(inner)</div></div></div>"
        }
        let long = (1...3).map { _ in "<p>\(paragraphs[1])</p><p>\(paragraphs[2])</p>" }.joined()
        let html = "<html lang=\"id\"><head><title>Banjir di Kota</title></head><body><div class=\"entry-content\">"
            + row("<p>\(paragraphs[0])</p>") + row("<h2>Evakuasi warga</h2>" + long) + row("<p>\(paragraphs[3])</p>")
            + "</div></body></html>"
        let body = try text(html)
        #expect(body.hasPrefix(paragraphs[0]), "\(body.prefix(200))")
        #expect(body.hasSuffix(paragraphs[3]), "\(body.suffix(200))")

        var settings = HTMLExtractor.Settings()
        settings.heuristics.bodyContainerNames = []
        let page = SourcePage(path: "t.html", bytes: Array(html.utf8), sidecar: SourceSidecar(url: "https://example.org/berita/uji"))
        let withoutRule = PlainText.of(try HTMLExtractor(settings: settings).extract(page).content)
        #expect(!withoutRule.contains(paragraphs[0]), "the rows are read whole without the rule too")
    }

    /// `minimumDataTableShare` (`ContentConverter.holdsDataTable`): a results table with header
    /// cells whose rows link to the rated items is data and stays; a box of links goes.
    @Test func aResultsTableOfLinksIsData() throws {
        let rows = ["Britax Baby-Safe", "Cybex Aton", "Maxi-Cosi Pebble", "Joie i-Snug"].enumerated().map { index, name in
            "<tr><td><a href=\"/test/\(index)\">\(name) i-Size Kindersitz</a></td><td>2,\(index)</td></tr>"
        }.joined()
        let table = "<div class=\"basic-text\"><h2>Die Ergebnisse</h2><table><thead><tr><th>Modell</th><th>Note</th></tr></thead>"
            + "<tbody>\(rows)</tbody></table></div>"
        let links = "<div class=\"box\"><a href=\"/a\">Kindersitze im Test</a> <a href=\"/b\">Autositze im Test</a></div>"
        let body = try text(page(inside: table + links))
        #expect(body.contains("Cybex Aton i-Size Kindersitz"), "\(body)")
        #expect(!body.contains("Autositze im Test"))

        var settings = PageBuilder.extractor.settings
        settings.heuristics.minimumDataTableShare = 2
        let page = SourcePage(path: "t.html", bytes: Array(page(inside: table + links).utf8), sidecar: nil)
        let withoutRule = PlainText.of(try HTMLExtractor(settings: settings).extract(page).content)
        #expect(!withoutRule.contains("Cybex Aton"), "the table stays without the rule too")
    }

    /// `standfirstWords` in other languages: a lead named "Vorspann" (or "entradilla",
    /// "catenaccio", "ingress") before the body opens the story.
    @Test func aLeadNamedInOtherLanguagesOpensTheStory() throws {
        let lead = "Der Reporter hat die Redaktion mit ganz oder teilweise erfundenen Artikeln in eine schwere Krise gestürzt. "
            + "Wie konnte es dazu kommen, und was folgt daraus für die Arbeit aller, die dort schreiben?"
        let body = try text(page(before: "<div class=\"dig-vorspann\">\(lead)</div>"))
        #expect(body.hasPrefix("Der Reporter hat die Redaktion"), "\(body.prefix(200))")
    }

    /// `maximumTextAfterAppeal` (`ClosingCallToAction`): an appeal for support near the end
    /// goes with the thank-you and the links of its box after it.
    @Test func anAppealForSupportGoesWithItsBox() throws {
        let box = "<h3>Apoya el periodismo incómodo</h3><p>Si te parece valioso nuestro trabajo, apóyanos para seguir.</p>"
            + "<p>Te necesitamos para seguir incomodando al poder.</p><p>Conoce cómo se financia este medio.</p>"
        let body = try textOfStory(endingWith: box, language: "es", title: "Lluvias en la ciudad")
        #expect(body.hasSuffix(PageBuilder.paragraphs[3]), "\(body.suffix(200))")
    }

    /// `issueWords`, `issueOfferWords` (`IssuePromotion`): the promotion of the print issue that
    /// closes a magazine's article goes with the offer after it; a story that mentions an issue
    /// more than `maximumTextAfterAppeal` characters before its end keeps it.
    @Test func aClosingPromotionOfThePrintIssueGoes() throws {
        let story = PageBuilder.paragraphs.map { "<p>\($0)</p>" }.joined()
        let promotion = "<div class=\"box\"><p>Was Sie bei der Fütterung beachten müssen, lesen Sie in unserer Februar-Ausgabe. "
            + "Das Heft können Sie <a href=\"/shop\">hier</a> versandkostenfrei bestellen.</p><p>Jetzt drei Hefte testen.</p></div>"
        let body = try textOfStory(endingWith: promotion, language: "de", title: "Heu oder Heulage")
        #expect(body.hasSuffix(PageBuilder.paragraphs[3]), "\(body.suffix(200))")

        let mention = "<p>Die Februar-Ausgabe des Magazins, die ab heute im Handel erhältlich ist, widmet sich ganz dem Heu.</p>"
        let early = "<html lang=\"de\"><head><title>Heu oder Heulage</title></head><body><div class=\"article-body\">"
            + "<p>\(PageBuilder.paragraphs[0])</p>" + mention + story + "</div></body></html>"
        #expect(try text(early).contains("Die Februar-Ausgabe des Magazins"))
    }

    /// The extracted text of `PageBuilder`'s four-paragraph story followed by `closing`, inside
    /// an article body.
    private func textOfStory(endingWith closing: String, language: String, title: String,
                             url: String = "https://example.org/berita/uji") throws -> String {
        let story = PageBuilder.paragraphs.map { "<p>\($0)</p>" }.joined()
        let html = "<html lang=\"\(language)\"><head><title>\(title)</title></head><body><div class=\"article-body\">"
            + story + closing + "</div></body></html>"
        return PlainText.of(try extract(html, url: url).content)
    }

    /// `ClosingPointer`: a short last line that ends with a link to another page of the same site
    /// (a subdomain counts) goes, with the blank paragraph after it; one that ends with a link to
    /// another site credits a source and stays.
    @Test func aClosingPointerToAnotherPageOfTheSiteGoes() throws {
        func body(_ closing: String) throws -> String {
            try textOfStory(endingWith: closing, language: "de", title: "Wandern im Herbst", url: "https://www.example.org/wandern/herbst")
        }
        let pointers = [
            "<p>Alles über nachhaltige Wanderschuhe findest Du <a href=\"https://example.org/schuhe/\">hier</a>.</p><p>\u{A0}</p>",
            "<p><i>Immer informiert? <a href=\"https://internal.example.org/newsletter\">Hier anmelden</a></i></p>",
        ]
        for closing in pointers {
            let text = try body(closing)
            #expect(text.hasSuffix(PageBuilder.paragraphs[3]), "\(text.suffix(200))")
        }
        let credit = "<p>This article was originally published by <a href=\"https://futurism.com/x\">Futurism</a>.</p>"
        #expect(try body(credit).hasSuffix("This article was originally published by Futurism."))
    }

    /// `ClosingFurniture.isFurnitureList`: the page's meta box printed as a list under the story
    /// (date, print, permalink) goes; a closing list of the story's own points stays, even with
    /// one "Print" among several items.
    @Test func aClosingListOfPageFurnitureGoes() throws {
        func body(_ closing: String) throws -> String {
            try textOfStory(endingWith: closing, language: "fr", title: "Les terres fertiles", url: "https://www.example.org/fr/terres")
        }
        let furniture = "<ul><li><b>Date</b> 23.05.2011</li><li><b>Imprimer</b></li><li><b>Permalien</b> https://p.example.org/p/RPYx</li></ul>"
        let text = try body(furniture)
        #expect(text.hasSuffix(PageBuilder.paragraphs[3]), "\(text.suffix(200))")
        let points = "<ul><li>Les sols perdent leur fertilité.</li><li>Les éléphants changent de route.</li><li>Imprimer</li></ul>"
        #expect(try body(points).contains("Les éléphants changent de route."))
    }

    /// `adWords` ("print"), `printOnlyClassNames` (`PageAnalysis.isPrintOnly`): the printable
    /// part of the page named "print" is the story when it holds prose; the print button is
    /// not, and neither is a citation shown only on paper (`d-none d-print-block`).
    @Test func thePrintableStoryStaysAndPrintOnlyLinesGo() throws {
        let paragraphs = PageBuilder.paragraphs
        let steps = [0, 2].map { "<div class=\"tip-print-step\"><p>\(paragraphs[$0])</p><p>\(paragraphs[$0 + 1])</p></div>" }.joined()
        let button = "<div class=\"print\"><span>Cetak halaman</span></div>"
        let citation = "<div class=\"d-none d-print-block\"><p>" + String(repeating: "Kutipan untuk versi cetak artikel ini. ", count: 10) + "</p></div>"
        let html = "<html lang=\"id\"><head><title>Banjir di Kota</title></head><body><div class=\"tips\">"
            + steps + button + citation + "</div></body></html>"
        let body = try text(html)
        for paragraph in PageBuilder.paragraphs { #expect(body.contains(paragraph)) }
        #expect(!body.contains("Cetak halaman"))
        #expect(!body.contains("Kutipan untuk versi cetak"))
    }

    /// `maximumKickerLength`: the headline repeated at the top of the body goes even under a
    /// deck too long to be a kicker; the deck stays.
    @Test func theHeadlineGoesFromUnderALongDeck() throws {
        let deck = "Semua siap untuk aksi yang diserukan organisasi hak asasi manusia bersama serikat pekerja, organisasi sosial dan partai politik"
        let html = page().replacingOccurrences(of: "<div class=\"article-body\">",
                                               with: "<div class=\"article-body\"><p>\(deck)</p><h2>Judul Berita Uji Coba Panjang</h2>")
        let body = try text(html)
        #expect(body.hasPrefix(deck))
        #expect(!body.contains("Judul Berita Uji Coba Panjang"), "\(body.prefix(300))")
    }

    func extract(_ html: String, url: String? = "https://example.org/berita/uji") throws -> ExtractedArticle {
        try PageBuilder.extract(html, url: url)
    }

    func text(_ html: String) throws -> String { PlainText.of(try extract(html).content) }

    func rejection(_ html: String) -> String? { PageBuilder.rejection(html) }

    // MARK: Dropped from the body

    @Test(arguments: [
        "<p><strong>Baca Juga:</strong> <a href=\"/x\">Judul lain</a></p>",
        "<p>Baca juga: <a href=\"/x\">Judul lain</a></p>",
        "<div class=\"baca-juga\"><a href=\"/x\">Judul lain</a></div>",
        "<p>Read also: <a href=\"/x\">Another headline</a></p>",
        "<p>ADVERTISEMENT</p><p>SCROLL TO CONTINUE WITH CONTENT</p>",
        "<div class=\"share-buttons\"><a href=\"https://facebook.com/s\">Facebook</a> <a href=\"https://x.com/s\">X</a> Bagikan artikel ini</div>",
        "<div class=\"newsletter-signup\"><h3>Langganan buletin kami</h3><p>Dapatkan berita terbaru setiap pagi langsung ke kotak masuk Anda.</p></div>",
        "<div class=\"related-posts\"><h3>Artikel Terkait</h3><ul><li><a href=\"/a\">Judul satu</a></li><li><a href=\"/b\">Judul dua</a></li></ul></div>",
        "<div id=\"comments\"><h3>Komentar</h3><p>Pembaca: artikel bagus sekali, terima kasih atas liputannya yang lengkap.</p></div>",
        "<div class=\"author-bio\"><p>Penulis adalah wartawan senior yang telah meliput isu lingkungan selama sepuluh tahun.</p></div>",
        "<div class=\"ad ad-slot\"><p>Iklan: diskon besar hari ini untuk pembaca setia kami.</p></div>",
        "<p hidden>Teks tersembunyi atribut hidden.</p>",
        "<p aria-hidden=\"true\">Teks tersembunyi aria-hidden.</p>",
        "<p style=\"display: none\">Teks tersembunyi display none.</p>",
        "<div style=\"visibility:hidden\">Teks tersembunyi visibility.</div>",
        "<form class=\"search\"><input name=\"q\"><button>Cari berita</button></form>",
        "<script>document.write('Teks dari skrip')</script><style>p{color:red}</style>",
        "<div class=\"gallery\"><p>Foto 1 dari 5</p><p>Foto 2 dari 5</p></div>",
    ])
    func boilerplateInsideTheArticleIsDropped(insert: String) throws {
        let body = try text(page(inside: insert))
        for paragraph in PageBuilder.paragraphs { #expect(body.contains(paragraph)) }
        for word in ["Baca", "Judul lain", "Read also", "ADVERTISEMENT", "Facebook", "Langganan", "Artikel Terkait", "Komentar",
                     "wartawan senior", "Iklan", "tersembunyi", "Cari berita", "skrip", "Foto 1"] {
            #expect(!body.contains(word), "kept \(word) from \(insert)")
        }
    }

    /// `insertPrefixes`: "read also" inserts in the languages galley reads.
    @Test(arguments: [
        "<p><strong>Lea también:</strong> <a href=\"/x\">Otro titular del día</a></p>",
        "<p><strong>VEA TAMBIÉN:</strong> <a href=\"/x\">Otro titular del día</a></p>",
        "<p>Lesen Sie auch: <a href=\"/x\">Ein anderer Artikel</a></p>",
        "<p>À lire aussi : <a href=\"/x\">Un autre article</a></p>",
        "<p>Czytaj też: <a href=\"/x\">Inny artykuł</a></p>",
        "<p>Leggi anche: <a href=\"/x\">Un altro articolo</a></p>",
        "<p>Subscribe now to our e-paper edition for the full story.</p>",
    ])
    func readAlsoInsertsInOtherLanguagesAreDropped(insert: String) throws {
        let body = try text(page(inside: insert))
        for paragraph in PageBuilder.paragraphs { #expect(body.contains(paragraph)) }
        for word in ["titular", "Artikel", "article", "artykuł", "articolo", "e-paper"] { #expect(!body.contains(word), "kept \(word)") }
    }

    /// `boilerplateWords`, `boilerplateFragments` (calls to action, disclaimers, tables of
    /// contents), `authorBoxFragments` (even with a content word: "post-author") and
    /// `teaserWords` (a teaser holding a headline link).
    @Test(arguments: [
        ("<div class=\"mvp-author-box-wrap\"><p>Penulis adalah wartawan senior yang meliput lingkungan.</p></div>", "wartawan senior"),
        ("<section class=\"post-author\"><div class=\"post-author__bio\"><p>Budi menulis tentang kota sejak 2010.</p></div></section>", "menulis tentang kota"),
        ("<section class=\"post-author clearfix\"><div class=\"post-author-bio\"><p>Ani belajar olahraga sebelum menulis.</p></div></section>", "belajar olahraga"),
        ("<section class=\"c-letters-cta\"><p>Kami ingin mendengar pendapat Anda tentang artikel ini.</p></section>", "pendapat Anda"),
        ("<p class=\"aawp-disclaimer\">Tautan di halaman ini adalah tautan afiliasi.</p>", "afiliasi"),
        ("<div id=\"ez-toc-container\" class=\"toc\"><p>Daftar isi</p><ul><li>Bagian satu</li></ul></div>", "Daftar isi"),
        ("<div class=\"teaser\"><a href=\"/berita/lain\">Judul cerita lain yang menarik</a><p>Ringkasan cerita lain.</p></div>", "cerita lain"),
        ("<div id=\"kommentarModul\"><p>Sie sind aktuell nicht eingeloggt.</p></div>", "eingeloggt"),
        ("<div class=\"noticias-relacionadas\"><p>Otra noticia del día sobre la lluvia.</p></div>", "Otra noticia"),
    ])
    func authorBoxesCallsToActionAndTeasersAreDropped(insert: String, word: String) throws {
        let body = try text(page(inside: insert))
        for paragraph in PageBuilder.paragraphs { #expect(body.contains(paragraph)) }
        #expect(!body.contains(word))
    }

    /// `maximumTrailingLabelLength` (`EmptySections`): a heading whose section was cleaned away
    /// and a label at the end go; a heading with its section, and a sentence set as a heading, stay.
    @Test func headingsWithoutTheirSectionAreDropped() throws {
        let related = "<h3>Artikel lainnya</h3><div class=\"related-posts\"><ul><li><a href=\"/a\">Judul satu</a></li></ul></div>"
        let html = page(inside: "<h2>Evakuasi warga</h2>").replacingOccurrences(of: "</div>\n</body>", with:
            "<h3>Warga tetap waspada, kata petugas.</h3><p>Warga menulis di media sosial:</p>\(related)<p><strong>Baca selengkapnya:</strong></p></div>\n</body>")
        let body = try text(html)
        #expect(body.contains("Evakuasi warga"))
        #expect(body.contains("Warga tetap waspada, kata petugas."))
        #expect(body.contains("Warga menulis di media sosial:"))
        #expect(!body.contains("Artikel lainnya"))
        #expect(!body.contains("Baca selengkapnya"))
    }

    /// `creditPrefixes`, `captionWords`: picture credits and source lines are captions, not
    /// running text (the Markdown keeps them); so is the caption of a picture that could not be
    /// read, while a quote's caption stays a line.
    @Test func creditsAndCaptionsAreNotRunningText() throws {
        let body = try text(page(inside: """
            <p><em>Foto: Budi Santoso/Reuters</em></p><p>© 2020 Kantor Berita Kota</p><p>Quelle: Dinas Pekerjaan Umum</p>
            <div class="legend">Peta sungai yang meluap</div>
            <figure class="figure--panorama"><div class="lazy" data-bg="/x.jpg"></div><figcaption><p>Sepatu bot di tanggul</p></figcaption></figure>
            <figure><blockquote><p>Air naik cepat sekali.</p></blockquote><figcaption>Warga Kampung Melayu</figcaption></figure>
            """))
        for paragraph in PageBuilder.paragraphs { #expect(body.contains(paragraph)) }
        for credit in ["Budi Santoso", "Kantor Berita", "Dinas Pekerjaan", "Peta sungai", "Sepatu bot"] { #expect(!body.contains(credit), "kept \(credit)") }
        #expect(body.contains("Air naik cepat sekali."))
        #expect(body.contains("Warga Kampung Melayu"))
    }

    @Test func editorLineGoesToMetadataAndReporterLineToByline() throws {
        let article = try extract(page(inside: "<p>Editor : Anton Suhartono</p><p>Reporter: Budi Santoso</p>"))
        #expect(article.metadata.editor == "Anton Suhartono")
        #expect(article.metadata.byline == "Budi Santoso")
        #expect(!PlainText.of(article.content).contains("Editor"))
    }

    @Test func trailingLinkBlocksAreDropped() throws {
        let body = try text(page(inside: "", after: "") .replacingOccurrences(
            of: "</div>\n</body>", with: "<p>Tags: <a href=\"/t/a\">banjir</a> <a href=\"/t/b\">jakarta</a> <a href=\"/t/c\">cuaca</a></p></div>\n</body>"))
        #expect(!body.contains("Tags"))
    }

    @Test func headlineKickerAndBylineAtTheTopOfTheBodyAreMetadata() throws {
        let head = "<meta name=\"author\" content=\"By Hendra Simanjuntak\">"
        let html = page(head: head).replacingOccurrences(of: "<div class=\"article-body\">", with:
            "<div class=\"article-body\"><p><a href=\"/s\">Ekonomi</a></p><h1>Judul Berita Uji Coba Panjang</h1><p>By Hendra Simanjuntak in Medan · 9 Oktober 2026</p>")
        let article = try extract(html)
        #expect(article.metadata.byline == "Hendra Simanjuntak")
        let body = PlainText.of(article.content)
        #expect(body.hasPrefix(PageBuilder.paragraphs[0]), "\(body.prefix(80))")
    }

    @Test func headingsInsideTheBodyAreNeverH1() throws {
        let article = try extract(page(inside: "<h1>Bagian kedua</h1>"))
        #expect(!article.content.contains { $0.tag == .h1 })
        #expect(article.content.contains { $0.tag == .h2 && $0.textContent == "Bagian kedua" })
    }

    // MARK: Kept in the body

    @Test func structureIsKept() throws {
        let article = try extract(page(inside: """
            <h2>Subjudul</h2><ul><li>butir satu yang cukup panjang</li><li>butir dua</li></ul>
            <blockquote><p>Kutipan penting dari narasumber.</p></blockquote>
            <table><thead><tr><th>Kota</th><th>Curah hujan</th></tr></thead><tbody><tr><td>Jakarta</td><td>120 mm</td></tr></tbody></table>
            <figure><img src="/a.jpg" alt="Banjir"><figcaption>Warga mengungsi. (Foto: Budi)</figcaption></figure>
            """))
        let tags = article.content.compactMap(\.tag)
        for expected in [ContentTag.h2, .ul, .blockquote, .table, .figure] { #expect(tags.contains(expected), "lost \(expected)") }
        #expect(!PlainText.of(article.content).contains("Warga mengungsi"), "captions are not running text")
    }

    @Test(arguments: [
        ("<img src=\"data:image/gif;base64,R0lGOD\" data-src=\"/real-1.jpg\" alt=\"a\">", "https://example.org/real-1.jpg"),
        ("<img src=\"/blank.gif\" data-original=\"/real-2.jpg\" alt=\"a\">", "https://example.org/real-2.jpg"),
        ("<img srcset=\"/small.jpg 300w, /large.jpg 1200w\" alt=\"a\">", "https://example.org/large.jpg"),
        ("<noscript><img src=\"/real-3.jpg\" alt=\"a\"></noscript>", "https://example.org/real-3.jpg"),
    ])
    func lazyImagesFindTheirRealSource(markup: String, expected: String) throws {
        let article = try extract(page(inside: "<figure>\(markup)<figcaption>Keterangan foto</figcaption></figure>"))
        #expect(HTMLExtractorTests.attributeValues("src", in: article.content).contains(expected))
    }

    @Test(arguments: [
        ("<iframe src=\"https://www.youtube.com/embed/abc\"></iframe>", "https://www.youtube.com/embed/abc"),
        ("<iframe src=\"https://player.vimeo.com/video/1\"></iframe>", "https://player.vimeo.com/video/1"),
        ("<iframe src=\"https://evil.example/x\"></iframe>", nil),
    ])
    func embedsBecomeLinks(markup: String, expected: String?) throws {
        let links = HTMLExtractorTests.attributeValues("href", in: try extract(page(inside: markup)).content)
        if let expected { #expect(links.contains(expected)) } else { #expect(links.isEmpty) }
    }

    @Test func chunksWithTheSameClassAreOneArticle() throws {
        let chunk = { (text: String) in "<div class=\"wrap\"><div class=\"story-chunk body\"><p>\(text)</p></div></div><div class=\"ad\">Iklan</div>" }
        // Two paragraphs a chunk: chunks average more than `minimumAverageChunkLength`.
        let html = "<html><head><title>Chunked story here today</title></head><body>"
            + PageBuilder.paragraphs.map { chunk($0 + "</p><p>" + $0) }.joined() + "</body></html>"
        let body = try text(html)
        for paragraph in PageBuilder.paragraphs { #expect(body.contains(paragraph)) }
    }

    @Test func pageWideFormIsNotAWidget() throws {
        let html = page().replacingOccurrences(of: "<body>", with: "<body><form id=\"aspnetForm\">")
            .replacingOccurrences(of: "</body>", with: "</form></body>")
        #expect(try text(html).contains(PageBuilder.paragraphs[0]))
    }

    // MARK: Metadata

    @Test func tagsFromEverySourceAreCleaned() throws {
        let head = """
            <meta property="og:site_name" content="Situs">
            <meta name="keywords" content="banjir, Jakarta, berita, situs, banjir">
            <meta property="article:tag" content="Cuaca Ekstrem">
            <script type="application/ld+json">{"@type":"NewsArticle","headline":"Judul Berita Uji Coba Panjang","keywords":["BMKG","Hujan Deras"]}</script>
            """
        let article = try extract(page(head: head, after: "<a rel=\"tag\" href=\"/tag/x\">Evakuasi</a><a rel=\"tag\" href=\"/tag/y\">\(String(repeating: "sangat panjang ", count: 5))</a>"))
        #expect(article.metadata.tags == ["Cuaca Ekstrem", "banjir", "Jakarta", "BMKG", "Hujan Deras", "Evakuasi"])
        let stringKeywords = try extract(page(head: "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"x y z\",\"keywords\":\"satu, dua\"}</script>"))
        #expect(stringKeywords.metadata.tags == ["satu", "dua"])
    }

    @Test func tagListOnThePageWhenNothingElseNamesTags() throws {
        let list = "<div class=\"tags\"><a href=\"/t/1\">Banjir</a><a href=\"/t/2\">Evakuasi</a></div>"
        let cloud = "<aside class=\"sidebar\"><div class=\"widget tags\"><a href=\"/t/3\">Kopi</a></div></aside>"
        #expect(try extract(page(after: cloud + list)).metadata.tags == ["Banjir", "Evakuasi"])
        #expect(try extract(page(after: cloud)).metadata.tags.isEmpty)
    }

    @Test func regionFromStructuredDataAndGeoMeta() throws {
        let ld = "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"Judul\",\"contentLocation\":{\"@type\":\"Place\",\"name\":\"Bandung\"}}</script>"
        #expect(try extract(page(head: ld)).metadata.region == "Bandung")
        #expect(try extract(page(head: "<meta name=\"geo.placename\" content=\"Medan\">")).metadata.region == "Medan")
    }

    @Test func publishedAndModifiedAreNeverSwapped() throws {
        let head = """
            <meta property="article:published_time" content="2020-10-13T10:15:00+07:00">
            <meta property="article:modified_time" content="2020-10-14T08:00:00+07:00">
            """
        let metadata = try extract(page(head: head)).metadata
        #expect(metadata.published?.rfc3339 == "2020-10-13T10:15:00+07:00")
        #expect(metadata.modified?.rfc3339 == "2020-10-14T08:00:00+07:00")
        let backwards = try extract(page(head: """
            <meta property="article:published_time" content="2020-10-13T10:15:00+07:00">
            <meta property="article:modified_time" content="2020-10-12T08:00:00+07:00">
            """)).metadata
        #expect(backwards.modified == nil)
    }

    @Test(arguments: [
        ("<div class=\"byline\">Oleh Budi Santoso</div>", "Budi Santoso"),
        ("<span class=\"author\">By Jane Smith</span>", "Jane Smith"),
        ("<span itemprop=\"author\"><span itemprop=\"name\">Ana Lima</span> · 3 Mei 2020</span>", "Ana Lima"),
        ("<a rel=\"author\" href=\"/p/anton\">Anton Suhartono</a>", "Anton Suhartono"),
        ("<p class=\"article-byline\">Dan Goodin - Apr 16, 2015 8:02 pm UTC</p>", "Dan Goodin"),
    ])
    func visibleBylines(markup: String, expected: String) throws {
        #expect(try extract(page(before: markup)).metadata.byline == expected)
    }

    @Test(arguments: [
        ("Banjir Rendam Ribuan Rumah di Jakarta - iNews.id", "Banjir Rendam Ribuan Rumah di Jakarta"),
        ("iNews.id » Nasional » Banjir Rendam Ribuan Rumah di Jakarta", "Banjir Rendam Ribuan Rumah di Jakarta"),
        ("Harian Delipos: Pilkades Serentak di Sumut Digelar November", "Pilkades Serentak di Sumut Digelar November"),
        ("Short - Site", "Short - Site"),
    ])
    func documentTitles(title: String, expected: String) {
        #expect(DocumentTitle.clean(title, headings: [], separators: ExtractionHeuristics.standard.titleSeparators) == expected)
    }

    // MARK: Not an article

    @Test func searchGalleryAndErrorPagesAreRejected() {
        let results = (1...12).map { "<div class=\"result\"><a href=\"/n/\($0)\">Hasil pencarian nomor \($0) tentang banjir di kota</a></div>" }.joined()
        let search = "<html><head><title>Cari: banjir</title></head><body><h1>Hasil pencarian</h1>\(results)</body></html>"
        let gallery = "<html><head><title>Galeri foto banjir</title></head><body>" + (1...8).map {
            "<figure><img src=\"/g\($0).jpg\"><figcaption>Foto \($0)</figcaption></figure>" }.joined() + "</body></html>"
        let error = "<html><head><title>404 Not Found</title></head><body><h1>Not Found</h1><p>The requested URL was not found on this server.</p></body></html>"
        for (name, html) in [("search", search), ("gallery", gallery), ("error", error)] {
            let reason = rejection(html)
            #expect(reason?.hasPrefix("not an article") == true, "\(name): \(reason ?? "accepted")")
        }
    }

    // MARK: Parsing limits (hostile pages)

    /// `maximumAttributesPerTag`: a tag keeps its first attributes up to the limit.
    @Test func aTagKeepsItsFirstAttributesUpToTheLimit() throws {
        let limit = ExtractionHeuristics.standard.maximumAttributesPerTag
        let filler = (0..<(limit - 1)).map { "data-x\($0)=\"1\"" }.joined(separator: " ")
        // `href` is attribute number `limit` of the first link (kept), `limit + 1` of the second.
        let kept = "<a \(filler) href=\"https://example.org/kept\">tautan satu</a>"
        let dropped = "<a \(filler) data-y=\"1\" href=\"https://example.org/dropped\">tautan dua</a>"
        let article = try extract(page(inside: "<p>Lihat \(kept) dan \(dropped) di sini untuk rincian yang lengkap.</p>"))
        let links = HTMLExtractorTests.attributeValues("href", in: article.content)
        #expect(links.contains("https://example.org/kept"))
        #expect(!links.contains("https://example.org/dropped"))
        #expect(PlainText.of(article.content).contains("tautan dua"))
    }

    /// Script and style text is emptied before parsing, but JSON-LD's up to
    /// `maximumScriptLength`. (Compared as counts: a failing comparison of megabytes would take
    /// Swift Testing minutes to diff.)
    @Test func scriptsAreEmptiedBeforeParsingButJSONLDUpToTheLengthLimit() {
        let guardian = MarkupGuard(heuristics: .standard)
        let limit = ExtractionHeuristics.standard.maximumScriptLength
        let open = "<script type=\"application/ld+json\">"
        let long = open + String(repeating: "x", count: limit + 1) + "</script><p>teks</p>"
        #expect(String(decoding: guardian.guarded(Array(long.utf8)), as: UTF8.self) == open + "</script><p>teks</p>")
        let short = open + String(repeating: "x", count: limit) + "</script>"
        #expect(guardian.guarded(Array(short.utf8)).count == short.utf8.count)
        let style = "<style>" + String(repeating: "x", count: 100) + "</style><p>teks</p>"
        #expect(String(decoding: guardian.guarded(Array(style.utf8)), as: UTF8.self) == "<style></style><p>teks</p>")
    }
}

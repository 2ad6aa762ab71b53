import Foundation
import GalleyCore
@testable import GalleyExtract
import Testing

/// Titles lose the site's name; the page's headline wins when the title is it plus extras.
@Suite struct TitleChooserTests {
    func chooser(site: [String] = [], url: String? = nil) -> TitleChooser {
        TitleChooser(heuristics: .standard, site: SiteIdentity(names: site, url: url, heuristics: .standard))
    }

    func h1(_ texts: String...) -> [(level: String, text: String)] { texts.map { (level: "h1", text: $0) } }

    @Test(arguments: [
        ("Junge Lenker schrotten Corvette und Audi - Telebasel", "https://telebasel.ch/x", "Junge Lenker schrotten Corvette und Audi"),
        ("Die 25 erfolgreichsten Schauspieler | Popkultur.de", "https://popkultur.de/x", "Die 25 erfolgreichsten Schauspieler"),
        ("Muffin Grundrezept für alle :: Muffin Rezepte", "https://muffinrezepte.net/x", "Muffin Grundrezept für alle"),
        ("宇航员在太空中喝酒会怎么样｜光明网", "https://gmw.cn/x", "宇航员在太空中喝酒会怎么样"),
        ("Pierogi z dynią w sosie – Zobacz na przepisy.pl", "https://przepisy.pl/x", "Pierogi z dynią w sosie"),
        ("Ein langer Titel hier _ Lady 50plus", "https://lady50plus.de/x", "Ein langer Titel hier"),
        ("Le titre de l’article « Le Blog", "https://example.fr/x", "Le titre de l’article « Le Blog"),
    ])
    func siteNameSegmentsGo(title: String, url: String, expected: String) {
        #expect(chooser(site: ["Le Blogueur", "光明网"], url: url).choose(structured: title, documentTitle: nil, headings: []) == expected)
    }

    @Test func siteNameFromOpenGraphGoesAtEitherEnd() {
        let chooser = chooser(site: ["Kaieteur News"], url: "https://kaieteurnewsonline.com/x")
        #expect(chooser.choose(structured: nil, documentTitle: "Essequibo hunter found dead – Kaieteur News", headings: []) == "Essequibo hunter found dead")
        #expect(chooser.choose(structured: "Kaieteur News | Essequibo hunter found dead", documentTitle: nil, headings: []) == "Essequibo hunter found dead")
    }

    @Test func aHeadlineMentioningTheSiteKeepsIt() {
        let chooser = chooser(url: "https://dropbox.tech/x")
        #expect(chooser.choose(structured: "How we designed Dropbox’s ATF - an async task framework", documentTitle: nil, headings: [])
            == "How we designed Dropbox’s ATF - an async task framework")
    }

    @Test func theHeadlineWinsWhenTheTitleIsItPlusExtras() {
        #expect(chooser().choose(structured: "Chronik: Lotte Tobisch ist tot", documentTitle: nil, headings: h1("Lotte Tobisch ist tot"))
            == "Lotte Tobisch ist tot")
        #expect(chooser().choose(structured: "Anglertalk mit Stephan Höferer - Fischerhütte", documentTitle: nil,
                                 headings: h1("Ein Blog", "Anglertalk mit Stephan Höferer")) == "Anglertalk mit Stephan Höferer")
    }

    @Test func aRewordedOrLongerHeadlineLeavesTheTitle() {
        #expect(chooser().choose(structured: "Apple’s Vision Pro hands-on: the Retina moment", documentTitle: nil,
                                 headings: h1("Apple’s Vision Pro is the Retina moment")) == "Apple’s Vision Pro hands-on: the Retina moment")
        #expect(chooser().choose(structured: "Große Aufgaben für die neue Regierung", documentTitle: nil,
                                 headings: h1("Tunesien Große Aufgaben für die neue Regierung")) == "Große Aufgaben für die neue Regierung")
        // A site-name heading that is part of the title is not the headline.
        #expect(chooser().choose(structured: "Evolve: Shared Mutable History — evolve extension for Mercurial", documentTitle: nil,
                                 headings: h1("evolve extension for Mercurial")) == "Evolve: Shared Mutable History — evolve extension for Mercurial")
    }

    @Test func aSiteHeadingBeforeTheHeadlineIsPassedOver() {
        let title = "Nintendo's first iPhone game will launch in December for $10"
        #expect(chooser().choose(structured: title, documentTitle: title, headings: h1("msn back to msn home news", title)) == title)
    }

    @Test func aTitleThatIsOnlyTheSiteNameIsNoTitle() {
        #expect(chooser(site: ["100% Noticias"]).choose(structured: "100% Noticias", documentTitle: "Nicaragua cerró 2021 con deuda",
                                                          headings: []) == "Nicaragua cerró 2021 con deuda")
    }
}

/// Bylines are people: labels, placeholders, commenters, organisations and the site go.
@Suite struct BylineCleanerTests {
    let cleaner = BylineCleaner(heuristics: .standard, site: SiteIdentity(names: ["Telebasel", "Condé Nast"], url: "https://www.orf.at/story", heuristics: .standard))

    @Test(arguments: [
        ("Posted by Ned Deily", "Ned Deily"), ("Veröffentlicht vonChris Jung", "Chris Jung"), ("von Dennis Kochinky", "Dennis Kochinky"),
        ("/ Cory Doctorow /", "Cory Doctorow"), ("Lüder Hoppe info@buero-hoppe.de", "Lüder Hoppe"), ("Par Sébastien Farcis", "Sébastien Farcis"),
        ("Gillman, Steve", "Steve Gillman"), ("Luana Patriolino, Raphael Felice", "Luana Patriolino, Raphael Felice"),
        ("Markus M. Haefliger, London, Beat Bumbacher", "Markus M. Haefliger, Beat Bumbacher"), ("Anna Dice", "Anna Dice"),
        ("Kooman, F.", "F. Kooman"), ("Rob Ewaschuk Edited by Betsy Beyer", "Rob Ewaschuk"),
    ])
    func labelsAndFurnitureGo(raw: String, expected: String) {
        #expect(cleaner.clean(raw) == expected)
    }

    @Test(arguments: ["By", "admin", "Unknown", "Name (erforderlich)", "Name *", "Harm Otten sagt", "stephangoeldi said, on",
                      "telebasel", "ORF.at", "Condé Nast", "Olympia-Verlag GmbH, Nürnberg, Germany", "Super User"])
    func noPersonIsNoByline(raw: String) {
        #expect(cleaner.clean(raw) == nil)
    }

    @Test func severalAuthorsAreKept() {
        #expect(cleaner.list(["Jane Doe", "Condé Nast", "John Roe"]) == "Jane Doe, John Roe")
    }

    @Test func commentAuthorsAndFormFieldsAreNoBylines() throws {
        let paragraphs = PageBuilder.paragraphs.map { "<p>\($0)</p>" }.joined()
        let html = """
        <html><head><title>Ein Artikel über etwas Wichtiges</title></head><body><h1>Ein Artikel über etwas Wichtiges</h1>
        <div class="entry-content">\(paragraphs)</div>
        <div id="comments"><div class="comment-author">Harm Otten</div><p>Toller Beitrag!</p></div>
        <form><p class="comment-form-author"><label>Name (erforderlich)</label><input name="author"></p></form>
        </body></html>
        """
        let article = try HTMLExtractor().extract(SourcePage(path: "t.html", bytes: Array(html.utf8)))
        #expect(article.metadata.byline == nil)
    }

    /// A hidden element whose class or id only sounds like a byline is none; a hidden hCard is
    /// (themes hide hAtom's "by Name" on purpose); script text never counts as a byline's.
    @Test func hiddenWidgetsAreNoBylinesButHiddenHCardsAre() throws {
        let paragraphs = PageBuilder.paragraphs.map { "<p>\($0)</p>" }.joined()
        func page(_ extra: String) -> String {
            """
            <html><head><title>Ein Artikel über etwas Wichtiges</title></head><body><h1>Ein Artikel über etwas Wichtiges</h1>
            <div class="entry-content">\(paragraphs)</div>\(extra)</body></html>
            """
        }
        let widget = page(##"<div id="tdw-css-writer" style="display: none"><a href="#">Edit with Live CSS</a><script>var x = 1;</script></div>"##)
        #expect(try HTMLExtractor().extract(SourcePage(path: "t.html", bytes: Array(widget.utf8))).metadata.byline == nil)
        let hAtom = page(#"<div class="hatom-extra" style="display:none !important;">by <span class="author vcard"><span class="fn">Eleonore Weber</span></span></div>"#)
        #expect(try HTMLExtractor().extract(SourcePage(path: "t.html", bytes: Array(hAtom.utf8))).metadata.byline == "Eleonore Weber")
    }
}

/// Metadata encoded twice is decoded once more.
@Suite struct DoubleEncodingTests {
    @Test func referencesLeftInMetadataAreDecodedOnce() {
        #expect(DoubleEncoding.decoded("Privacy &amp; Technology") == "Privacy & Technology")
        #expect(DoubleEncoding.decoded("editor&#39;s picks") == "editor's picks")
        #expect(DoubleEncoding.decoded("it&#x2019;s") == "it’s")
        #expect(DoubleEncoding.decoded("Tom & Jerry; R&D &unknown; &#0;") == "Tom & Jerry; R&D &unknown; &#0;")
    }

    @Test func doubleEncodedKeywordsBecomeClean() throws {
        let paragraphs = PageBuilder.paragraphs.map { "<p>\($0)</p>" }.joined()
        let html = """
        <html><head><title>Sebuah judul berita yang cukup panjang</title>
        <meta name="keywords" content="Privacy &amp;amp; Technology, editor&amp;#39;s picks">
        <meta property="og:title" content="Tom &amp;amp; Jerry kembali ke layar lebar"></head>
        <body><article>\(paragraphs)</article></body></html>
        """
        let article = try HTMLExtractor().extract(SourcePage(path: "t.html", bytes: Array(html.utf8)))
        #expect(article.metadata.tags == ["Privacy & Technology", "editor's picks"])
        #expect(article.metadata.title == "Tom & Jerry kembali ke layar lebar")
        #expect(Slug.make("editor's picks") == "editors-picks")
    }
}

/// `HTMLNode.textFits` bounds a node's text without copying it.
@Suite struct TextFitsTests {
    @Test func countsTheTextOfEveryDescendantAndStopsPastTheLimit() throws {
        let html = "<html><body><div id=a>abc<span>de<b>f</b></span><!-- comment --></div><div id=b>" + String(repeating: "x", count: 5_000) + "</div></body></html>"
        let document = try HTMLDocument(bytes: Array(html.utf8), encoding: "UTF-8")
        let divs = try #require(document.root?.first(["body"])).elementChildren
        #expect(divs[0].textContent.utf8.count == 6)
        #expect(divs[0].textFits(within: 6))
        #expect(!divs[0].textFits(within: 5))
        #expect(!divs[1].textFits(within: 1_000))
        #expect(divs[1].textFits(within: 5_000))
    }
}

import Foundation
import GalleyCore
@testable import GalleyExtract
import Testing

/// The article's words come out as the page has them: no word of a sentence is lost with the
/// element around it, and no character is changed.
@Suite struct TextFidelityTests {
    let extractor = HTMLExtractor(settings: .init(regionsBySource: [:], timeZone: .gmt))

    func text(_ paragraph: String) throws -> String {
        let story = PageBuilder.paragraphs.map { "<p>\($0)</p>" }
        let html = """
            <html><head><title>Judul Berita Uji Coba Panjang</title></head><body><div class="article-body">
            \(story[0])\(paragraph)\(story[1])\(story[2])</div></body></html>
            """
        let page = SourcePage(path: "t.html", bytes: Array(html.utf8), sidecar: SourceSidecar(url: "https://example.org/berita/uji"))
        return PlainText.of(try extractor.extract(page).content)
    }

    /// A link inside a sentence keeps its words whatever its class says
    /// (links to tag pages carry "tag" in their class).
    @Test(arguments: [
        "<p><a class=\"tag-link\" href=\"/tag/twitter\">Twitter</a> erupted Monday when President <a class=\"auto-tag_donald-trump\" href=\"/tag/donald-trump\">Donald Trump</a> posted again.</p>",
        "<p>Warga di <a class=\"tags\" href=\"/t/jakarta\">Jakarta Utara</a>, <a class=\"share\" href=\"/t/b\">Bekasi</a> dan <a class=\"related\" href=\"/t/c\">Depok</a> mengungsi.</p>",
    ])
    func aLinkInASentenceKeepsItsWords(paragraph: String) throws {
        let sentence = Whitespace.collapsed(paragraph.replacingOccurrences(of: "<[^>]+>", with: "", options: .regularExpression))
        #expect(try text(paragraph).contains(sentence))
    }

    @Test func aRowOfTagLinksOrAHiddenLinkIsStillDropped() throws {
        let row = "<p><a class=\"tag\" href=\"/t/1\">Photovoltaik</a> / <a class=\"tag\" href=\"/t/2\">Solarthermie</a></p>"
        let hidden = "<p>Lihat <a class=\"screen-reader-text\" href=\"#main\">Lompat ke isi</a> laporan lengkap kami di sini.</p>"
        let body = try text(row + hidden)
        #expect(!body.contains("Photovoltaik"))
        #expect(!body.contains("Lompat"))
    }

    /// `invisibleClassNames`: whole class names of never-shown text drop it, even inside a content
    /// class; responsive classes that only hide on some screens do not.
    @Test func invisibleTextIsDroppedAndResponsiveTextKept() throws {
        let body = try text("""
            <div class="entry-text"><span class="screen-reader-text">Teks untuk pembaca layar saja.</span></div>
            <p class="sr-only">Lompat ke navigasi</p>
            <ul class="hidden-xs"><li>Pindahkan berkas, aplikasi, dan lainnya dengan cepat ke mana saja</li></ul>
            """)
        #expect(!body.contains("pembaca layar"))
        #expect(!body.contains("Lompat"))
        #expect(body.contains("Pindahkan berkas"))
    }

    /// Words on either side of a line break stay apart in the plain text ("…, FL<br>June 10").
    @Test func aLineBreakKeepsWordsApart() throws {
        let body = try text("<p><strong>Jadwal tur 2020:</strong><br>9 Juni -- Medan<br>10 Juni -- Binjai</p>")
        #expect(Whitespace.collapsed(body).contains("Jadwal tur 2020: 9 Juni -- Medan 10 Juni -- Binjai"), "\(body)")
    }

    @Test func typographicQuotesAndDashesStayAsOnThePage() throws {
        let sentence = "“Kami siap,” katanya — dan ‘semua’ setuju – kata Budi… «Oui» „Ja“ 1–2 ‚x‘"
        #expect(try text("<p>\(sentence)</p>").contains(sentence))
    }
}

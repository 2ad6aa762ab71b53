import Foundation
import GalleyCore
import GalleyExtract
import Testing

@Suite struct HTMLExtractorTests {
    let extractor = HTMLExtractor(settings: .init(regionsBySource: ["jatim.inews.id": "Jawa Timur"], timeZone: TimeZone(secondsFromGMT: 7 * 3600)!))

    func extract(_ html: String, url: String? = nil) throws(GalleyError) -> ExtractedArticle {
        try extractor.extract(SourcePage(path: "test.html", bytes: Array(html.utf8), sidecar: url.map { SourceSidecar(url: $0) }))
    }

    @Test func findsTheBodyAndDropsBoilerplate() throws {
        let article = try extract(PageBuilder.portalArticle())
        let text = PlainText.of(article.content)
        for paragraph in PageBuilder.paragraphs { #expect(text.contains(paragraph)) }
        for boilerplate in ["Baca Juga", "Berita Lain", "Artikel yang disarankan", "Artikel Terkait", "Judul terkait", "cookie",
                            "Facebook", "Teks tersembunyi", "Editor :", "Copyright", "Home", "never appear"] {
            #expect(!text.contains(boilerplate), "kept \(boilerplate)")
        }
    }

    @Test func readsMetadataFromJSONLDGraph() throws {
        let metadata = try extract(PageBuilder.portalArticle()).metadata
        #expect(metadata.title == "Banjir Rendam Ribuan Rumah di Jakarta")
        #expect(metadata.byline == "Anton Suhartono")
        #expect(metadata.editor == "Anton Suhartono")
        #expect(metadata.published?.rfc3339 == "2020-10-13T10:15:00+07:00")
        #expect(metadata.modified?.rfc3339 == "2020-10-13T12:00:00+07:00")
        #expect(metadata.tags == ["banjir", "jakarta", "cuaca"])
        #expect(metadata.section == "Megapolitan")
        #expect(metadata.language == "id")
        #expect(metadata.siteName == "iNews.id")
        #expect(metadata.image == "https://img.inews.id/banjir.jpg")
        #expect(metadata.canonicalURL == "https://www.inews.id/news/megapolitan/banjir-rendam-ribuan-rumah")
    }

    @Test func regionComesFromTheDateline() throws {
        #expect(try extract(PageBuilder.portalArticle()).metadata.region == "Jakarta")
        #expect(try extract(PageBuilder.portalArticle(bodyPrefix: "LONDON (Reuters) - ")).metadata.region == "London")
        #expect(try extract(PageBuilder.portalArticle(bodyPrefix: "Washington, DC — ")).metadata.region == "Washington")
        #expect(try extract(PageBuilder.portalArticle(bodyPrefix: "SURABAYA, KOMPAS.com - ")).metadata.region == "Surabaya")
        #expect(try extract(PageBuilder.portalArticle(bodyPrefix: "")).metadata.region == nil)
    }

    @Test func regionFromTheSourceHostWins() throws {
        let article = try extract(PageBuilder.portalArticle(), url: "https://jatim.inews.id/berita/banjir")
        #expect(article.metadata.region == "Jawa Timur")
    }

    @Test func linksAreAbsoluteAndSafeAndLazyImagesResolve() throws {
        let article = try extract(PageBuilder.portalArticle())
        let links = Self.attributeValues("href", in: article.content)
        #expect(links == ["https://www.inews.id/foto/1"])
        let images = Self.attributeValues("src", in: article.content)
        #expect(images == ["https://www.inews.id/foto/banjir-2.jpg"])
        let figure = try #require(article.content.first { $0.tag == .figure })
        #expect(figure.children.last?.tag == .figcaption)
    }

    @Test func sectionIndexIsRejectedWithAReason() {
        do throws(GalleyError) {
            _ = try extract(PageBuilder.sectionIndex)
            Issue.record("a section index was accepted")
        } catch {
            #expect(error.kind == .rejected)
            #expect(error.reason.hasPrefix("not an article"))
            #expect(error.source == "test.html")
        }
    }

    @Test func emptyAndGarbageInputFailsCleanly() {
        #expect(throws: GalleyError.self) { try extract("") }
        #expect(throws: GalleyError.self) { try extract("   \n ") }
        #expect(throws: GalleyError.self) {
            try extractor.extract(SourcePage(path: "bin", bytes: (0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 31) }))
        }
    }

    @Test func windows1252WithoutDeclarationKeepsCurlyQuotes() throws {
        let html = PageBuilder.portalArticle().replacingOccurrences(of: "<meta charset=\"utf-8\">", with: "")
            .replacingOccurrences(of: "Hujan deras", with: "\u{201C}Hujan deras\u{201D} caf\u{E9}")
        var bytes: [UInt8] = []
        for scalar in html.unicodeScalars {
            switch scalar {
            case "\u{201C}": bytes.append(0x93)
            case "\u{201D}": bytes.append(0x94)
            case "\u{E9}": bytes.append(0xE9)
            default: bytes.append(contentsOf: Array(String(scalar).utf8))
            }
        }
        let article = try extractor.extract(SourcePage(path: "cp1252.html", bytes: bytes))
        #expect(PlainText.of(article.content).contains("\u{201C}Hujan deras\u{201D} caf\u{E9}"))
    }

    @Test func fragmentKeepsEverythingButUnsafeMarkup() throws {
        let html = "<h2>Judul</h2><p>Satu <em>dua</em> <a href=\"javascript:alert(1)\">tiga</a></p><script>alert(1)</script><ul><li>a</li><li>b</li></ul>"
        let article = try extractor.extractFragment(SourcePage(path: "f.html", bytes: Array(html.utf8)))
        #expect(article.content.map(\.tag) == [.h2, .p, .ul])
        #expect(!PlainText.of(article.content).contains("alert"))
        #expect(Self.attributeValues("href", in: article.content).isEmpty)
    }

    static func attributeValues(_ name: String, in nodes: [ContentNode]) -> [String] {
        nodes.flatMap { node -> [String] in
            (node.attributes[name].map { [$0] } ?? []) + attributeValues(name, in: node.children)
        }
    }
}

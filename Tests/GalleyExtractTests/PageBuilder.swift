import Foundation
import GalleyCore
@testable import GalleyExtract

/// Small HTML pages written inline for the extractor tests.
enum PageBuilder {
    /// The extractor of the snippet suites (a date without a zone is at +07:00).
    static let extractor = HTMLExtractor(settings: .init(regionsBySource: [:], timeZone: TimeZone(secondsFromGMT: 7 * 3600)!))

    /// Stage 1 of a page fetched from `url`.
    static func extract(_ html: String, url: String? = "https://example.org/berita/uji") throws -> ExtractedArticle {
        try extractor.extract(SourcePage(path: "t.html", bytes: Array(html.utf8), sidecar: url.map { SourceSidecar(url: $0) }))
    }

    /// Why stage 1 rejects the page (`failed: …` when it fails instead), nil when it publishes it.
    static func rejection(_ html: String) -> String? {
        do {
            _ = try extract(html)
            return nil
        } catch let error as GalleyError {
            return error.kind == .rejected ? error.reason : "failed: \(error.reason)"
        } catch {
            return "\(error)"
        }
    }

    static let paragraphs = [
        "Hujan deras yang mengguyur sejak Senin malam membuat sejumlah sungai meluap, dan ribuan warga di bantaran kali terpaksa mengungsi ke tempat yang lebih aman, menurut data dari badan penanggulangan bencana.",
        "Petugas gabungan dari kepolisian, tentara, dan relawan bergerak sejak pagi untuk mengevakuasi warga lanjut usia, anak-anak, serta orang sakit dengan perahu karet, sementara dapur umum didirikan di beberapa titik.",
        "Kepala pelaksana badan penanggulangan bencana daerah mengatakan ketinggian air di beberapa permukiman mencapai satu setengah meter, dan pihaknya terus memantau debit air di pintu-pintu air utama.",
        "Pemerintah provinsi menyiapkan bantuan logistik berupa makanan siap saji, selimut, obat-obatan, dan air bersih, serta meminta warga untuk tetap waspada karena cuaca ekstrem diperkirakan masih berlangsung.",
    ]

    /// An Indonesian portal article with chrome, inserts, an editor line and JSON-LD.
    static func portalArticle(jsonLD: String? = nil, extraHead: String = "", bodyPrefix: String = "JAKARTA, iNews.id - ") -> String {
        let ld = jsonLD ?? """
        {"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"iNews.id"},
         {"@type":"NewsArticle","headline":"Banjir Rendam Ribuan Rumah di Jakarta","datePublished":"2020-10-13T10:15:00+07:00",
          "dateModified":"2020-10-13T12:00:00+07:00","author":[{"@type":"Person","name":"Anton Suhartono"}],
          "keywords":"banjir, jakarta, iNews.id, cuaca","articleSection":"Megapolitan"}]}
        """
        return """
        <!doctype html><html lang="id"><head><meta charset="utf-8">
        <title>Banjir Rendam Ribuan Rumah di Jakarta - iNews.id</title>
        <meta property="og:site_name" content="iNews.id">
        <meta property="og:image" content="https://img.inews.id/banjir.jpg">
        <link rel="canonical" href="https://www.inews.id/news/megapolitan/banjir-rendam-ribuan-rumah">
        <script type="application/ld+json">\(ld)</script>\(extraHead)
        <script>var tracking = "Baca juga this should never appear";</script>
        </head><body>
        <nav class="menu"><a href="/">Home</a><a href="/news">News</a><a href="javascript:void(0)">Login</a></nav>
        <div class="cookie-banner">Kami menggunakan cookie untuk pengalaman terbaik.</div>
        <div class="container"><div class="main-content">
        <h1 class="title">Banjir Rendam Ribuan Rumah di Jakarta</h1>
        <div class="article-date">Selasa, 13 Oktober 2020 - 10:15 WIB</div>
        <div class="share-bar" aria-hidden="true"><a href="https://facebook.com/share">Facebook</a></div>
        <div class="article-content">
        <p>\(bodyPrefix)\(paragraphs[0])</p>
        <p><strong>Baca Juga:</strong> <a href="/news/lain">Berita Lain yang Tidak Relevan</a></p>
        <p>\(paragraphs[1]) <a href="/foto/1" onclick="steal()">Lihat foto</a>.</p>
        <div class="baca-juga"><a href="/x">Artikel yang disarankan</a></div>
        <figure><img src="data:image/gif;base64,R0lGOD" data-src="/foto/banjir-2.jpg" alt="Warga mengungsi"><figcaption>Warga mengungsi (Foto: iNews/Budi)</figcaption></figure>
        <p>\(paragraphs[2])</p>
        <p style="display:none">Teks tersembunyi yang tidak boleh muncul.</p>
        <p>\(paragraphs[3])</p>
        <p>Editor : Anton Suhartono</p>
        </div>
        <div class="artikel-terkait"><h3>Artikel Terkait</h3><ul>
        <li><a href="/a">Judul terkait satu</a> 2 hari lalu</li><li><a href="/b">Judul terkait dua</a> 2 hari lalu</li></ul></div>
        </div></div>
        <footer>Copyright iNews.id</footer></body></html>
        """
    }

    /// A section front: headlines and teasers, no article.
    static let sectionIndex: String = {
        let items = (1...15).map { index in
            "<article class=\"item\"><h2><a href=\"/news/\(index)\">Judul berita nomor \(index) yang cukup panjang untuk dibaca</a></h2><p><a href=\"/news/\(index)\">Ringkasan singkat berita \(index).</a></p></article>"
        }.joined()
        return "<html lang=\"id\"><head><title>Nasional - iNews.id</title><meta property=\"og:type\" content=\"website\"></head><body><h1>Nasional</h1><div class=\"list\">\(items)</div></body></html>"
    }()
}

import Foundation
import GalleyCore
@testable import GalleyPipeline
import Testing

/// Issue 15, item 3: a page without a sidecar takes its URL and fetch time from what the tool
/// that saved it wrote into it, or from its place in a mirror tree.
@Suite struct PageProvenanceTests {
    static func comment(_ html: String) -> SourceSidecar? { PageProvenance.comment(in: Array(html.utf8)) }

    @Test func singleFileGivesURLAndSavedDateWithItsOffset() throws {
        let page = """
            <!DOCTYPE html> <html lang="id"><!--
             Page saved with SingleFile \u{20}
             url: https://jatim.inews.id/berita/harga-cabai-rawit \u{20}
             saved date: Sat Oct 03 2026 14:05:09 GMT+0700 (Western Indonesia Time)
            --><meta charset="utf-8"><title>x</title>
            """
        let found = try #require(Self.comment(page))
        #expect(found.url == "https://jatim.inews.id/berita/harga-cabai-rawit")
        #expect(found.fetchedAt == "2026-10-03T14:05:09+07:00")
        #expect(PageProvenance.javaScriptDate("Mon Mar 09 2026 23:59:59 GMT-0430 (Venezuela)")?.rfc3339 == "2026-03-09T23:59:59-04:30")
    }

    @Test func httrackGivesURLAndMirrorDate() throws {
        let page = """
            <html lang="en">
            <!-- Mirrored from www.example.com/news/2026/10/flood.html by HTTrack Website Copier/3.x [XR&CO'2014], Sat, 03 Oct 2026 07:05:09 GMT -->
            <!-- Added by HTTrack --><meta http-equiv="content-type" content="text/html;charset=utf-8" /><!-- /Added by HTTrack -->
            <head><title>x</title>
            """
        let found = try #require(Self.comment(page))
        #expect(found.url == "https://www.example.com/news/2026/10/flood.html")
        #expect(found.fetchedAt == "2026-10-03T07:05:09Z")
    }

    @Test func aBrowsersSavedFromMarkGivesTheURLWhenItsLengthAgrees() throws {
        let url = "https://news.example.org/2026/10/a.html?x=1"
        let mark = "<!doctype html>\n<!-- saved from url=(\(String(format: "%04d", url.utf8.count)))\(url) -->\n<html>"
        let found = try #require(Self.comment(mark))
        #expect(found.url == url && found.fetchedAt == nil)
        #expect(Self.comment(mark.replacingOccurrences(of: "(00", with: "(01")) == nil, "a length that disagrees is no mark")
    }

    @Test func onlyWebURLsNearTheTopCount() {
        #expect(Self.comment("<!-- saved from url=(0019)javascript:alert(1) -->") == nil)
        #expect(Self.comment("<!--\n Page saved with SingleFile\n url: file:///etc/passwd\n-->") == nil)
        #expect(Self.comment("<!-- Mirrored from javascript:alert(1) by HTTrack Website Copier/3.x, x -->") == nil)
        let late = String(repeating: " ", count: PageProvenance.headBytes) + "<!-- saved from url=(0019)https://a.example/ -->"
        #expect(Self.comment(late) == nil)
        #expect(Self.comment("<!-- an ordinary comment --><!-- saved from url=(0019)https://a.example/x -->")?.url == "https://a.example/x")
        #expect(Self.comment("<!-- unclosed saved from url=(0019)https://a.example/x") == nil)
    }

    @Test func theSidecarWinsAndOnlyItsGapsAreFilled() {
        let page = Array("<!--\n Page saved with SingleFile\n url: https://a.example/saved\n saved date: Sat Oct 03 2026 14:05:09 GMT+0700 (WIB)\n-->".utf8)
        let written = SourceSidecar(url: "https://a.example/from-sidecar", headers: ["content-type": "text/html"])
        let completed = PageProvenance.complete(written, bytes: page, path: "x.example/a.html", mirrorURLs: true)
        #expect(completed?.url == "https://a.example/from-sidecar")
        #expect(completed?.fetchedAt == "2026-10-03T14:05:09+07:00")
        #expect(completed?.headers == ["content-type": "text/html"])
        // Nothing known: no sidecar is made up.
        #expect(PageProvenance.complete(nil, bytes: Array("<p>x</p>".utf8), path: "pages/a.html", mirrorURLs: true) == nil)
        // The comment comes before the mirror path.
        #expect(PageProvenance.complete(nil, bytes: page, path: "x.example/a.html", mirrorURLs: true)?.url == "https://a.example/saved")
    }

    @Test(arguments: [
        ("news.example.org/2026/10/banjir.html", "https://news.example.org/2026/10/banjir.html"),
        ("news.example.org/2026/10/banjir/index.html", "https://news.example.org/2026/10/banjir/"),
        ("jatim.inews.id/berita/a.htm.gz", "https://jatim.inews.id/berita/a.htm"),
        ("127.0.0.1:8000/berita/index.html", "http://127.0.0.1:8000/berita/"),
        ("www.example.com/index.html", "https://www.example.com/"),
    ])
    func aMirrorTreesFirstFolderIsItsHost(path: String, url: String) {
        #expect(PageProvenance.mirrorURL(forPath: path) == url)
        #expect(PageProvenance.complete(nil, bytes: [], path: path, mirrorURLs: true)?.url == url)
        #expect(PageProvenance.complete(nil, bytes: [], path: path, mirrorURLs: false) == nil, "mirror_urls: off")
    }

    @Test(arguments: ["inews/a.html", "a.html", "example.123/a.html", "-bad.example.org/a.html",
                      "localhost/a.html", "news..example.org/a.html", "news.example.org:99999/a.html", "exa mple.org/a.html"])
    func otherFoldersAreNotHosts(path: String) {
        #expect(PageProvenance.mirrorURL(forPath: path) == nil)
    }
}

/// A content folder as `wget -m` and SingleFile leave it, built whole: the pages get their URLs
/// (source links, resolved images, regions by source) and fetch times without any sidecar.
@Suite struct SavedPagesSiteTests {
    static func article(title: String, extra: String = "") -> String {
        let paragraph = "Warga pesisir utara kembali menghadapi genangan setinggi lutut setelah tanggul darurat jebol pada malam hari, "
            + "dan petugas gabungan masih memompa air dari permukiman yang paling rendah sambil menyiapkan dapur umum."
        return """
            \(extra)<html lang="id"><head><meta charset="utf-8"><title>\(title)</title></head><body>
            <article><h1>\(title)</h1>
            <p>\(paragraph)</p><p><img src="/images/tanggul.jpg" alt="Tanggul"></p>
            <p>\(paragraph) <a href="/berita/lainnya.html">Berita lainnya</a>.</p><p>\(paragraph)</p>
            </article></body></html>
            """
    }

    func build(mirrorURLs: String) throws -> (site: SiteInspector, report: BuildReport, root: URL) {
        let root = RepositoryPaths.temporaryFolder("saved-pages")
        let content = root.appendingPathComponent("content")
        let mirror = content.appendingPathComponent("news.example.org/2026/10")
        try FileManager.default.createDirectory(at: mirror, withIntermediateDirectories: true)
        try Self.article(title: "Tanggul Darurat Jebol di Pesisir Utara").write(to: mirror.appendingPathComponent("tanggul-jebol.html"),
                                                                                  atomically: true, encoding: .utf8)
        let saved = content.appendingPathComponent("saved")
        try FileManager.default.createDirectory(at: saved, withIntermediateDirectories: true)
        let singleFile = "<!DOCTYPE html><!--\n Page saved with SingleFile \n url: https://kabar.example.com/berita/dapur-umum \n saved date: Sat Oct 03 2026 14:05:09 GMT+0700 (Western Indonesia Time)\n-->"
        try Self.article(title: "Dapur Umum Dibuka untuk Warga Terdampak", extra: singleFile)
            .write(to: saved.appendingPathComponent("dapur-umum.html"), atomically: true, encoding: .utf8)
        let config = root.appendingPathComponent("galley.yml")
        try """
            title: Kabar
            language: id
            timezone: Asia/Jakarta
            mirror_urls: \(mirrorURLs)
            regions:
              by_source:
                news.example.org: Jakarta Utara
            """.write(to: config, atomically: true, encoding: .utf8)
        let output = root.appendingPathComponent("public")
        let report = try BuildPipeline(options: .init(configFile: config, configRequired: true, contentFolder: content, outputFolder: output,
                                                      templatesFolder: RepositoryPaths.templates, jobs: 2)).run()
        return (SiteInspector(folder: output), report, root)
    }

    static func page(_ site: SiteInspector, titled words: String) -> String {
        site.htmlFiles.first { $0.contains(words) && $0.hasSuffix("/index.html") }.map(site.text) ?? ""
    }

    @Test func aMirrorTreeAndASingleFilePageBuildWithTheirURLs() throws {
        let (site, report, root) = try build(mirrorURLs: "auto")
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(report.published == 2, "\(report.problems)")
        let mirrored = Self.page(site, titled: "tanggul-darurat")
        #expect(mirrored.contains("href=\"https://news.example.org/2026/10/tanggul-jebol.html\" rel=\"nofollow noopener\""))
        #expect(mirrored.contains("src=\"https://news.example.org/images/tanggul.jpg\""), "the relative image resolves")
        #expect(mirrored.contains("href=\"https://news.example.org/berita/lainnya.html\""), "the relative link resolves")
        #expect(mirrored.contains(">Jakarta Utara</a>"), "regions.by_source applies to the mirror's host")
        let saved = Self.page(site, titled: "dapur-umum")
        #expect(saved.contains("href=\"https://kabar.example.com/berita/dapur-umum\" rel=\"nofollow noopener\""))
        #expect(saved.contains("datetime=\"2026-10-03T14:05:09+07:00\""), "dated by the saved date (the page gives none)")
        #expect(report.dates[.fetched] == 1 && report.dates[.file] == 1, "\(report.dates)")
    }

    @Test func mirrorURLsOffLeavesTheMirrorWithoutAURL() throws {
        let (site, report, root) = try build(mirrorURLs: "off")
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(report.published == 2)
        let mirrored = Self.page(site, titled: "tanggul-darurat")
        #expect(!mirrored.contains("news.example.org") && !mirrored.contains("tanggul.jpg"), "no URL: the relative image is dropped")
        #expect(Self.page(site, titled: "dapur-umum").contains("https://kabar.example.com/berita/dapur-umum"), "comments still count")
    }
}

import Foundation
import GalleyCore
@testable import GalleyPipeline
import GalleyTestSupport
import Testing

/// What scrapers write, all in one content folder, builds the same site as the same pages given
/// as `.html` files with sidecars: a WARC and a WACZ written by real `wget --warc-file`, a
/// `wget -x` mirror tree from the same kind of crawl, and a page saved with SingleFile.
@Suite(.enabled(if: ArchiveTools.present && ArchiveTools.onPath("openssl") != nil,
                "needs wget, python3 and openssl (scripts/install-test-tools.sh installs them)"))
struct MixedScrapeFormatsTests {
    /// Example pages and the https URL each is served at (ending in `.html`, as a mirror tree's
    /// path then gives the same URL back).
    static let pages = [
        ("inews/jatim-derbi-persebaya-arema.html", "https://jatim.inews.id/berita/derbi-persebaya-arema.html"),
        ("og/techdesk-chipmakers-water.html", "https://techdesk.example/news/chipmakers-water.html"),
        ("blog/commonsledger-cocoa-smallholders.html", "https://commonsledger.example/2026/08/cocoa-smallholders.html"),
        ("jsonld/jakartaledger-road-pricing.html", "https://jakartaledger.example/city/road-pricing.html"),
    ]

    static func sidecar(url: String) -> String {
        #"{"url": "\#(url)", "headers": {"content-type": "text/html; charset=utf-8"}}"#
    }

    /// Crawls one page with `scripts/crawl-pages.py` (real wget through a local TLS proxy).
    static func crawl(_ index: Int, into folder: URL, mirror: URL? = nil) async throws -> URL {
        let (path, url) = pages[index]
        let input = folder.appendingPathComponent("in-\(index)")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: RepositoryPaths.content.appendingPathComponent(path), to: input.appendingPathComponent("page.html"))
        try sidecar(url: url).write(to: input.appendingPathComponent("page.json"), atomically: true, encoding: .utf8)
        let warc = folder.appendingPathComponent("crawl-\(index)")
        var arguments = [RepositoryPaths.root.appendingPathComponent("scripts/crawl-pages.py").path, "--pages", input.path, "--warc", warc.path]
        if let mirror { arguments += ["--mirror", mirror.path] }
        let run = try await ChildProcess.capture(try #require(ArchiveTools.onPath("python3")), arguments)
        #expect(run.status == 0, "crawl-pages.py: \(run.stderr)")
        return warc.appendingPathExtension("warc.gz")
    }

    func build(_ content: URL, into output: URL) throws -> BuildReport {
        try BuildPipeline(options: .init(configFile: RepositoryPaths.config, configRequired: true, contentFolder: content, outputFolder: output,
                                         templatesFolder: RepositoryPaths.templates, jobs: 2)).run()
    }

    @Test func warcWACZMirrorAndSavedPagesBuildTheSameSiteAsPagesWithSidecars() async throws {
        let root = RepositoryPaths.temporaryFolder("mixed-formats")
        defer { try? FileManager.default.removeItem(at: root) }
        let work = root.appendingPathComponent("work")
        let mixed = root.appendingPathComponent("mixed")
        let plain = root.appendingPathComponent("plain")
        for folder in [work, mixed, plain] { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) }

        // 0: a WARC; 1: a WACZ holding the WARC of its crawl; 2: a wget mirror tree; 3: a SingleFile page.
        try FileManager.default.copyItem(at: try await Self.crawl(0, into: work), to: mixed.appendingPathComponent("crawl.warc.gz"))
        let waczWARC = try await Self.crawl(1, into: work)
        try ArchiveBuildTests.zip([
            ("datapackage.json", Array(#"{"profile": "data-package", "wacz_version": "1.1.1"}"#.utf8)),
            ("pages/pages.jsonl", Array("{\"format\": \"json-pages-1.0\"}\n{\"url\": \"\(Self.pages[1].1)\"}\n".utf8)),
            ("archive/data.warc.gz", Array(try Data(contentsOf: waczWARC))),
        ], to: mixed.appendingPathComponent("browser.wacz"))
        _ = try await Self.crawl(2, into: work, mirror: mixed.appendingPathComponent("mirror-wget"))
        // The mirror's first folder must be the host: move `mirror-wget/HOST/…` up to `HOST/…`.
        let mirrored = try FileManager.default.contentsOfDirectory(atPath: mixed.appendingPathComponent("mirror-wget").path)
        #expect(mirrored == ["commonsledger.example"])
        try FileManager.default.moveItem(at: mixed.appendingPathComponent("mirror-wget/commonsledger.example"),
                                         to: mixed.appendingPathComponent("commonsledger.example"))
        try FileManager.default.removeItem(at: mixed.appendingPathComponent("mirror-wget"))
        var saved = try String(contentsOf: RepositoryPaths.content.appendingPathComponent(Self.pages[3].0), encoding: .utf8)
        let comment = "<!--\n Page saved with SingleFile \n url: \(Self.pages[3].1) \n saved date: Sat Oct 03 2026 14:05:09 GMT+0700 (Western Indonesia Time)\n-->"
        saved = saved.replacingOccurrences(of: "<!DOCTYPE html>", with: "<!DOCTYPE html>" + comment, options: .anchored)
        try saved.write(to: mixed.appendingPathComponent("disimpan.html"), atomically: true, encoding: .utf8)

        // The same pages as files with sidecars.
        for (index, (path, url)) in Self.pages.enumerated() {
            try FileManager.default.copyItem(at: RepositoryPaths.content.appendingPathComponent(path), to: plain.appendingPathComponent("page-\(index).html"))
            try Self.sidecar(url: url).write(to: plain.appendingPathComponent("page-\(index).json"), atomically: true, encoding: .utf8)
        }

        let mixedReport = try build(mixed, into: root.appendingPathComponent("public-mixed"))
        let plainReport = try build(plain, into: root.appendingPathComponent("public-plain"))
        #expect(mixedReport.published == 4 && plainReport.published == 4, "\(mixedReport.summary)\n\(plainReport.summary)")
        #expect(mixedReport.archives == 2)
        let mixedSite = SiteInspector(folder: root.appendingPathComponent("public-mixed"))
        let plainSite = SiteInspector(folder: root.appendingPathComponent("public-plain"))
        #expect(mixedSite.files == plainSite.files)
        let different = plainSite.files.filter { mixedSite.text($0) != plainSite.text($0) }
        #expect(different.isEmpty, "files that differ: \(different)")
        #expect(plainSite.files.count > 20)
    }
}

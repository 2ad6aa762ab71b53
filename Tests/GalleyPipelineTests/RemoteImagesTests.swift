import Foundation
import GalleyCore
@testable import GalleyPipeline
import Testing

/// Images that are not in the scrape (the example's scrape has some of its images beside its
/// pages, `LocalImagesTests`; the others stay remote): linked lazily and without a referrer,
/// the lead image and the first card fetched first, alt text from the page; or, with
/// `images.remote: drop`, left out with their figures.
@Suite struct RemoteImagesTests {
    func build(_ label: String, extraConfig: String = "") throws -> (site: SiteInspector, root: URL) {
        let root = RepositoryPaths.temporaryFolder(label)
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        let config = root.appendingPathComponent("galley.yml")
        try (String(contentsOf: RepositoryPaths.config, encoding: .utf8) + "\n" + extraConfig).write(to: config, atomically: true, encoding: .utf8)
        let output = root.appendingPathComponent("public")
        _ = try BuildPipeline(options: .init(configFile: config, configRequired: true, contentFolder: RepositoryPaths.content, outputFolder: output,
                                             templatesFolder: RepositoryPaths.templates, jobs: 2)).run()
        return (SiteInspector(folder: output), root)
    }

    static func images(in html: String) -> [String] {
        var found: [String] = []
        var rest = html[...]
        while let start = rest.range(of: "<img") {
            guard let end = rest[start.upperBound...].firstIndex(of: ">") else { break }
            found.append(String(rest[start.lowerBound...end]))
            rest = rest[rest.index(after: end)...]
        }
        return found
    }

    @Test func keptImagesLoadLazilyButTheLeadAndTheFirstCard() throws {
        let (site, root) = try build("remote-images-keep")
        defer { try? FileManager.default.removeItem(at: root) }
        let home = Self.images(in: site.text("index.html"))
        try #require(home.count > 2)
        #expect(home[0].contains(#"loading="eager" fetchpriority="high""#), "\(home[0])")
        #expect(home.dropFirst().allSatisfy { $0.contains(#"loading="lazy""#) && !$0.contains("fetchpriority") })
        #expect(home.allSatisfy { $0.contains(#"decoding="async""#) })
        let remote = home.filter { $0.contains(#"src="http"#) }
        #expect(!remote.isEmpty && remote.allSatisfy { $0.contains(#"referrerpolicy="no-referrer""#) }, "\(remote)")
        // The WARC's page: its scrape has no image files, so its lead image is remote.
        let article = try #require(site.htmlFiles.first { $0.contains("sekolah-di-sidoarjo") && $0.hasSuffix("index.html") })
        let images = Self.images(in: site.text(article))
        let lead = try #require(images.first)
        #expect(lead.contains(#"src="https://img.inews.id/media/822/files/networks/2026/08/19/simulasi_banjir_sd_sidoarjo.jpg""#), "\(lead)")
        #expect(lead.contains(#"loading="eager" fetchpriority="high""#) && lead.contains(#"referrerpolicy="no-referrer""#))
        let body = Self.images(in: site.htmlFiles.filter { $0.contains("replanting") }.map(site.text).joined())
        #expect(body.contains { $0.hasPrefix(#"<img loading="lazy" decoding="async" referrerpolicy="no-referrer" src="https://www.asiaharvest.example"#) })
        // The page's own alt reaches a local lead image too.
        let rob = try #require(site.htmlFiles.first { $0.contains("banjir-rob-rendam-permukiman") && $0.hasSuffix("index.html") })
        let robLead = try #require(Self.images(in: site.text(rob)).first)
        #expect(robLead.contains(#"alt="Banjir Rob Rendam Permukiman Pesisir Jakarta Utara, Ratusan Warga Mengungsi""#), "\(robLead)")
    }

    @Test func droppedImagesLeaveNoImageAndNoEmptyFigure() throws {
        let (site, root) = try build("remote-images-drop", extraConfig: "images:\n  remote: drop\n")
        defer { try? FileManager.default.removeItem(at: root) }
        let pages = site.htmlFiles.filter { !$0.hasPrefix("static/") }
        #expect(pages.count > 60)
        let withRemote = pages.filter { page in Self.images(in: site.text(page)).contains { $0.contains("://") } }
        #expect(withRemote.isEmpty, "\(withRemote.prefix(5))")
        // The replanting story's body image is not in the scrape: it goes with its figure.
        let replanting = try #require(site.htmlFiles.first { $0.contains("replanting") && $0.hasSuffix("index.html") })
        let text = site.text(replanting)
        #expect(!Self.images(in: text).contains { $0.contains("asiaharvest.example") }, "the remote image goes")
        #expect(text.contains("<p>"), "the rest of the body stays")
        // Images the scrape has are the site's own: they stay.
        let cabai = try #require(site.htmlFiles.first { $0.contains("harga-cabai") && $0.hasSuffix("index.html") })
        #expect(site.text(cabai).contains("Pedagang bawang merah menunggu pembeli") && site.text(cabai).contains("<picture>"))
    }
}

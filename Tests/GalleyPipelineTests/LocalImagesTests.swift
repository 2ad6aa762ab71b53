import Foundation
import GalleyCore
import GalleyImages
@testable import GalleyPipeline
import Testing

/// Images the scrape has are copied into `media/`: found beside their pages, sized, made at
/// several widths in WebP and their own format, without metadata, linked with `<picture>`;
/// hostile ones are reported and stay remote, their pages published; unchanged images are not
/// made again.
@Suite struct LocalImagesTests {
    static let cabaiFolder = "img.inews.id/media/822/files/networks/2026/08/31"

    /// Two example pages and the images their scrape has: the cabai page's lead image (a JPEG
    /// with EXIF orientation 6 and GPS), its body image (SVG bytes under a `.jpg` name), and
    /// the DBD page's lead image (a JPEG cut in half).
    func makeScrape(_ root: URL) throws -> URL {
        let content = root.appendingPathComponent("content")
        let inews = content.appendingPathComponent("inews")
        try FileManager.default.createDirectory(at: inews.appendingPathComponent(Self.cabaiFolder), withIntermediateDirectories: true)
        for page in ["jatim-harga-cabai-surabaya.html", "jabar-dbd-kota-bandung.html"] {
            try FileManager.default.copyItem(at: RepositoryPaths.content.appendingPathComponent("inews/" + page), to: inews.appendingPathComponent(page))
        }
        let fixtures = RepositoryPaths.root.appendingPathComponent("Tests/GalleyImagesTests/Fixtures")
        try FileManager.default.copyItem(at: fixtures.appendingPathComponent("oriented-gps.jpg"),
                                         to: inews.appendingPathComponent(Self.cabaiFolder + "/cabai_pasar_keputran.jpg"))
        try FileManager.default.copyItem(at: fixtures.appendingPathComponent("script.svg"),
                                         to: inews.appendingPathComponent(Self.cabaiFolder + "/bawang_merah_wonokromo.jpg"))
        let dbd = inews.appendingPathComponent("img.inews.id/media/822/files/networks/2026/08/27")
        try FileManager.default.createDirectory(at: dbd, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: fixtures.appendingPathComponent("truncated.jpg"), to: dbd.appendingPathComponent("fogging_bandung.jpg"))
        return content
    }

    func build(_ root: URL, content: URL, extraConfig: String = "") throws -> BuildReport {
        let config = root.appendingPathComponent("galley.yml")
        var text = try String(contentsOf: RepositoryPaths.config, encoding: .utf8)
        if extraConfig.hasPrefix("title:") { text = text.split(separator: "\n").filter { !$0.hasPrefix("title:") }.joined(separator: "\n") }
        try (text + "\n" + extraConfig).write(to: config, atomically: true, encoding: .utf8)
        return try BuildPipeline(options: .init(configFile: config, configRequired: true, contentFolder: content,
                                                outputFolder: root.appendingPathComponent("public"), templatesFolder: RepositoryPaths.templates,
                                                jobs: 2)).run()
    }

    @Test func scrapedImagesAreCopiedSizedAndStripped() throws {
        let root = RepositoryPaths.temporaryFolder("local-images")
        defer { try? FileManager.default.removeItem(at: root) }
        let content = try makeScrape(root)
        let report = try build(root, content: content)
        #expect(report.published == 2)
        #expect(report.imagesMade == 1 && report.imagesReused == 0)
        let reasons = report.imageProblems.map(\.description)
        #expect(reasons.count == 2, "\(reasons)")
        #expect(reasons.contains { $0.hasPrefix("images: inews/jatim-harga-cabai-surabaya.html: image inews/img.inews.id/") && $0.contains("SVG") })
        #expect(reasons.contains { $0.hasPrefix("images: inews/jabar-dbd-kota-bandung.html: image ") && $0.contains("unreadable image") })
        #expect(report.problems.isEmpty, "image problems do not reject pages")

        let site = SiteInspector(folder: root.appendingPathComponent("public"))
        let media = site.files.filter { $0.hasPrefix("media/") }.sorted()
        // Shown 800×1200 (orientation applied): 480 and 800 wide, JPEG and WebP.
        #expect(media.count == 4, "\(media)")
        for path in media {
            let bytes = Array(try Data(contentsOf: root.appendingPathComponent("public/" + path)))
            let leaked = bytes.firstRange(of: Array("Example Camera".utf8)) != nil || bytes.firstRange(of: Array("GalleyTestCam".utf8)) != nil
                || bytes.firstRange(of: Array("Exif\0\0".utf8)) != nil
            #expect(!leaked, "metadata left in \(path)")
        }
        let article = try #require(site.htmlFiles.first { $0.contains("harga-cabai") && $0.hasSuffix("index.html") })
        let html = site.text(article)
        let lead = try #require(html.range(of: #"<figure class="lead-image">"#).map { String(html[$0.upperBound...].prefix(1200)) })
        let stem = try #require(media.first { $0.hasSuffix(".jpg") && !$0.contains("-") }).dropLast(4)
        #expect(lead.contains(#"<source type="image/webp" srcset="../../../\#(stem)-480.webp 480w, ../../../\#(stem).webp 800w""#), "\(lead)")
        #expect(lead.contains(#"<img src="../../../\#(stem).jpg" srcset="../../../\#(stem)-480.jpg 480w, ../../../\#(stem).jpg 800w""#))
        #expect(lead.contains(#"width="800" height="1200""#) && lead.contains(#"loading="eager" fetchpriority="high""#))
        #expect(!lead.contains("referrerpolicy"), "a local file needs no referrer policy")
        // The SVG stayed remote, like every image the scrape does not have.
        #expect(html.contains(#"referrerpolicy="no-referrer" src="https://img.inews.id/media/822/files/networks/2026/08/31/bawang_merah_wonokromo.jpg""#))
        #expect(html.contains(#"<meta property="og:image" content="https://news.example.org/\#(stem).jpg">"#) || html.contains(#"og:image" content="https://"#))
        let home = site.text("index.html")
        #expect(home.contains(#"srcset="\#(stem)-480.jpg 480w, \#(stem).jpg 800w""#), "the card links the local copy")
    }

    /// A build lets its heads' image URLs go once the images are copied (before the index is
    /// made): what reads the heads after that — the kept Markdown, a later build of a new page
    /// alone — must not ask for them. Run as the command line runs without `--report` (the
    /// processed sources not kept), where no other copy of a head holds them.
    @Test func whatFollowsTheImageStageDoesNotNeedTheBodiesImageURLs() throws {
        let root = RepositoryPaths.temporaryFolder("local-images-released")
        defer { try? FileManager.default.removeItem(at: root) }
        let content = try makeScrape(root)
        let config = root.appendingPathComponent("galley.yml")
        try FileManager.default.copyItem(at: RepositoryPaths.config, to: config)
        let kept = root.appendingPathComponent("kept")
        let build = { () throws -> BuildReport in
            try BuildPipeline(options: .init(configFile: config, configRequired: true, contentFolder: content,
                                             outputFolder: root.appendingPathComponent("public"), templatesFolder: RepositoryPaths.templates,
                                             jobs: 2, keepMarkdownFolder: kept, reportsEverySource: false)).run()
        }
        let first = try build()
        #expect(first.published == 2 && first.imagesMade == 1, "\(first.summary)")
        let body = "img.inews.id/media/822/files/networks/2026/08/31/bawang_merah_wonokromo.jpg"
        let markdown = try FileManager.default.contentsOfDirectory(atPath: kept.path).filter { $0.contains("cabai") }
            .map { try String(contentsOf: kept.appendingPathComponent($0), encoding: .utf8) }
        #expect(markdown.count == 1 && markdown.allSatisfy { $0.contains(body) }, "the kept Markdown shows the body's image")

        try FileManager.default.copyItem(at: RepositoryPaths.content.appendingPathComponent("inews/jatim-derbi-persebaya-arema.html"),
                                         to: content.appendingPathComponent("inews/jatim-derbi-persebaya-arema.html"))
        let second = try build()
        #expect(second.published == 3 && second.imagesMade == 0, "\(second.summary)")
        let site = SiteInspector(folder: root.appendingPathComponent("public"))
        let article = try #require(site.htmlFiles.first { $0.contains("harga-cabai") && $0.hasSuffix("index.html") })
        #expect(site.text(article).contains("https://" + body), "the body's image stays linked")
    }

    /// An image planned from its header that then cannot be made (the JPEG cut in half) was
    /// announced to the build state before it failed: its rows go at the end of the build, so
    /// the next build with nothing changed is up to date (it was not, every other build).
    @Test func anImageThatCannotBeMadeLeavesNoRecordBehind() throws {
        let root = RepositoryPaths.temporaryFolder("local-images-unmade")
        defer { try? FileManager.default.removeItem(at: root) }
        let content = try makeScrape(root)
        let first = try build(root, content: content)
        #expect(first.imageProblems.contains { $0.reason.contains("unreadable image") })
        let records = try BuildStateStore(url: BuildState(output: root.appendingPathComponent("public"), cache: nil).database).outputRecords()
        let unwritten = records.filter { $0.value.stamp == nil }.keys.sorted()
        #expect(unwritten.isEmpty, "\(unwritten)")
        #expect(try build(root, content: content).upToDate)
    }

    @Test func unchangedImagesAreNotMadeAgain() throws {
        let root = RepositoryPaths.temporaryFolder("local-images-cache")
        defer { try? FileManager.default.removeItem(at: root) }
        let content = try makeScrape(root)
        _ = try build(root, content: content)
        let first = SyntheticSite.mtimes(root.appendingPathComponent("public/media"))
        // Another title: every page renders again, the images do not.
        let retitled = try build(root, content: content, extraConfig: "title: Another title\n")
        #expect(retitled.imagesMade == 0 && retitled.imagesReused == 1)
        #expect(SyntheticSite.mtimes(root.appendingPathComponent("public/media")) == first)
        // Other widths: made again, and the files of the old widths removed.
        let resized = try build(root, content: content, extraConfig: "title: Another title\nimages:\n  widths: [320]\n")
        #expect(resized.imagesMade == 1 && resized.imagesReused == 0)
        let media = SiteInspector(folder: root.appendingPathComponent("public")).files.filter { $0.hasPrefix("media/") }
        // One width, 320, now the widest: `media/<hash>.jpg` and `.webp`; the 480 files are gone.
        #expect(media.count == 2 && !media.contains { $0.contains("-") }, "\(media)")
    }

    /// An image whose file keeps its size and mtime is planned from the build state, not read;
    /// one touched is read (its files kept: same bytes), one rewritten is read and made again;
    /// one read within the racy window of its mtime is read again by the next build. An image
    /// refused while it is planned (an SVG) is read every time; one whose plan holds but whose
    /// files cannot be made (a truncated JPEG) is planned from its record and read only to be
    /// made, failing again: both problems are reported by every build.
    @Test func unchangedImageFilesAreNotReadAgain() throws {
        let root = RepositoryPaths.temporaryFolder("local-images-unread")
        defer { try? FileManager.default.removeItem(at: root) }
        let content = try makeScrape(root)
        let image = content.appendingPathComponent("inews/" + Self.cabaiFolder + "/cabai_pasar_keputran.jpg")
        for refused in ["inews/" + Self.cabaiFolder + "/bawang_merah_wonokromo.jpg", "inews/img.inews.id/media/822/files/networks/2026/08/27/fogging_bandung.jpg"] {
            try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -3600)],
                                                  ofItemAtPath: content.appendingPathComponent(refused).path)
        }
        func setModified(_ date: Date) throws { try FileManager.default.setAttributes([.modificationDate: date], ofItemAtPath: image.path) }
        // The next whole second: whole-second stamps keep the 2 s racy window, so the next
        // build finds the file racy however long this one takes.
        try setModified(Date(timeIntervalSince1970: Date().timeIntervalSince1970.rounded(.up)))
        let first = try build(root, content: content)
        #expect(first.imagesMade == 1 && first.imageFilesRead == 3, "the image and the two refused")
        // Read just after its mtime: racy, read again.
        let racy = try build(root, content: content, extraConfig: "title: Racy\n")
        #expect(racy.imagesReused == 1 && racy.imageFilesRead == 2, "the image and the SVG")
        #expect(racy.imageProblems.count == 2)
        try setModified(Date(timeIntervalSinceNow: -3600))
        let touched = try build(root, content: content, extraConfig: "title: Touched\n")
        #expect(touched.imagesReused == 1 && touched.imageFilesRead == 2, "a moved mtime is read")
        let media = SyntheticSite.mtimes(root.appendingPathComponent("public/media"))
        let trusted = try build(root, content: content, extraConfig: "title: Trusted\n")
        #expect(trusted.imagesReused == 1 && trusted.imageFilesRead == 1, "only the SVG is read")
        #expect(trusted.imageProblems.count == 2)
        #expect(SyntheticSite.mtimes(root.appendingPathComponent("public/media")) == media)
        // Other bytes in the same file (a byte after the JPEG's end), nothing else changed: the
        // no-change check sees it; read, made under another hash, and the old files gone.
        try (Data(contentsOf: image) + Data([0])).write(to: image)
        try setModified(Date(timeIntervalSinceNow: -1800))
        let replaced = try build(root, content: content, extraConfig: "title: Trusted\n")
        #expect(!replaced.upToDate)
        #expect(replaced.imageFilesRead == 2 && replaced.imagesMade == 1 && replaced.imagesReused == 0, "\(replaced.imageFilesRead) \(replaced.imagesMade) \(replaced.imagesReused)")
        let now = SyntheticSite.mtimes(root.appendingPathComponent("public/media"))
        #expect(now.count == media.count && Set(now.keys).isDisjoint(with: media.keys))
        // With `--full` every file is read.
        var options = BuildPipeline.Options(configFile: root.appendingPathComponent("galley.yml"), configRequired: true, contentFolder: content,
                                            outputFolder: root.appendingPathComponent("public"), templatesFolder: RepositoryPaths.templates, jobs: 2)
        options.full = true
        #expect(try BuildPipeline(options: options).run().imageFilesRead == 3)
    }

    /// The no-change check asks the image files the last build planned: by stamp, and a racy
    /// one by its bytes (then trusted, when old enough); a changed or vanished file fails it.
    @Test func theNoChangeCheckComparesRacyImagesByTheirBytes() throws {
        let root = RepositoryPaths.temporaryFolder("local-images-check")
        defer { try? FileManager.default.removeItem(at: root) }
        let content = try makeScrape(root)
        let path = "inews/" + Self.cabaiFolder + "/cabai_pasar_keputran.jpg"
        let url = content.appendingPathComponent(path)
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -3600)], ofItemAtPath: url.path)
        let bytes = try [UInt8](Data(contentsOf: url))
        let stamp = try #require(FileStamp.of(path: url.path))
        let record = ScrapedImageRecord(stamp: stamp, racy: true, format: .jpeg, sha256: ImagePlan.sha256(of: bytes), width: 800, height: 1200,
                                        widths: [480, 800], libvips: ImagePlan.libvips)
        let pipeline = BuildPipeline(options: .init(configFile: root.appendingPathComponent("galley.yml"), configRequired: false, contentFolder: content,
                                                    outputFolder: root.appendingPathComponent("public"), templatesFolder: nil))
        let folder = try #require(FolderStamps(folder: content.path))
        let now = SourceFingerprint.nowNanoseconds()
        var trusted = record
        trusted.racy = false
        #expect(pipeline.unchangedImages([path: record], in: folder, checkedAt: now) == [path: trusted], "read, the same, trusted from now on")
        #expect(pipeline.unchangedImages([path: trusted], in: folder, checkedAt: now) == [:], "trusted by its stamp")
        var other = record
        other.sha256 = String(repeating: "0", count: 64)
        #expect(pipeline.unchangedImages([path: other], in: folder, checkedAt: now) == nil, "other bytes")
        var moved = trusted
        moved.stamp.modified -= 1
        #expect(pipeline.unchangedImages([path: moved], in: folder, checkedAt: now) == nil, "another mtime")
        #expect(pipeline.unchangedImages(["inews/gone.jpg": trusted], in: folder, checkedAt: now) == nil, "vanished")
    }

    @Test func theFinderStaysInsideTheContentFolder() throws {
        let root = RepositoryPaths.temporaryFolder("image-finder")
        defer { try? FileManager.default.removeItem(at: root) }
        let content = root.appendingPathComponent("content")
        try FileManager.default.createDirectory(at: content.appendingPathComponent("site/story_files"), withIntermediateDirectories: true)
        try Data("secret".utf8).write(to: root.appendingPathComponent("outside.jpg"))
        try FileManager.default.createSymbolicLink(at: content.appendingPathComponent("site/story_files/link.jpg"),
                                                   withDestinationURL: root.appendingPathComponent("outside.jpg"))
        try Data([0xFF, 0xD8, 0xFF, 0xE0]).write(to: content.appendingPathComponent("site/story_files/photo.jpg"))
        let finder = ScrapedImageFinder(contentFolder: content)
        let page = "site/story.html", pageURL = "https://news.example/2026/10/story"
        // A browser's "save complete": the relative reference resolved against the page's URL.
        let saved = finder.locate("https://news.example/2026/10/story_files/photo.jpg", page: page, pageURL: pageURL)
        #expect(saved?.path == "site/story_files/photo.jpg" && saved?.name == "photo.jpg")
        #expect(saved.flatMap(finder.bytes(of:)) == [0xFF, 0xD8, 0xFF, 0xE0])
        #expect(finder.locate("https://news.example/2026/10/story_files/link.jpg", page: page, pageURL: pageURL) == nil, "a link out of the content folder")
        #expect(finder.locate("https://news.example/2026/10/story_files/../../../outside.jpg", page: page, pageURL: pageURL) == nil)
        #expect(finder.locate("https://news.example/2026/10/story_files/photo.jpg", page: "warc/crawl.warc.gz#12", pageURL: pageURL) == nil,
                "archive pages have no folder")
        let mirror = finder.candidates(for: URL(string: "https://cdn.example/a%20b/c.jpg?w=300")!, page: "mirror/news.example/x/story.html",
                                       pageURL: URL(string: "https://news.example/x/story"))
        #expect(mirror.prefix(4) == ["mirror/news.example/x/cdn.example/a b/c.jpg", "mirror/news.example/x/cdn.example/a%20b/c.jpg",
                                     "mirror/news.example/x/cdn.example/a b/c.jpg?w=300", "mirror/news.example/x/cdn.example/a%20b/c.jpg?w=300"])
        #expect(mirror.contains("mirror/cdn.example/a b/c.jpg") && mirror.contains("cdn.example/a b/c.jpg"))
    }

    /// Most images are not in the scrape: `locate` tells so from the host's folder alone when the
    /// host is a plain name, and parses the URLs otherwise; both ways find what the scrape has.
    @Test func theFinderTellsMissingImagesFromTheirHostFolder() throws {
        #expect(ScrapedImageFinder.plainHost(of: "https://CDN.Example/a.jpg") == "cdn.example")
        #expect(ScrapedImageFinder.plainHost(of: "HTTP://img-1.example.id") == "img-1.example.id")
        for unclear in ["https://cdn.example:443/a.jpg", "https://user@cdn.example/a.jpg", "https://c%64n.example/a.jpg", "https:/a.jpg",
                        "ftp://cdn.example/a.jpg", "//cdn.example/a.jpg", "https://", "https://bücher.example/a.jpg", "cdn.example/a.jpg"] {
            #expect(ScrapedImageFinder.plainHost(of: unclear) == nil, "\(unclear)")
        }
        let root = RepositoryPaths.temporaryFolder("image-finder-hosts")
        defer { try? FileManager.default.removeItem(at: root) }
        let content = root.appendingPathComponent("content")
        for folder in ["mirror/cdn.example/a", "mirror/news.example/x", "site/img"] {
            try FileManager.default.createDirectory(at: content.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        for file in ["mirror/cdn.example/a/b.jpg", "site/img/c.jpg"] { try Data([0xFF, 0xD8, 0xFF]).write(to: content.appendingPathComponent(file)) }
        let finder = ScrapedImageFinder(contentFolder: content)
        let mirrorPage = "mirror/news.example/x/story.html"
        // The host's folder two levels above the page, named in any case, with or without a port.
        for url in ["https://cdn.example/a/b.jpg", "https://CDN.EXAMPLE/a/b.jpg", "https://cdn.example:443/a/b.jpg"] {
            #expect(finder.locate(url, page: mirrorPage, pageURL: "https://news.example/x/story")?.path == "mirror/cdn.example/a/b.jpg", "\(url)")
        }
        #expect(finder.locate("https://cdn.example/a/missing.jpg", page: mirrorPage, pageURL: "https://news.example/x/story") == nil)
        #expect(finder.locate("https://other.example/a/b.jpg", page: mirrorPage, pageURL: "https://news.example/x/story") == nil)
        // `wget -nH`: no host folder, the page's own host; found only when the page says it is from that host.
        #expect(finder.locate("https://news.example/img/c.jpg", page: "site/story.html", pageURL: "https://news.example/story")?.path == "site/img/c.jpg")
        #expect(finder.locate("https://news.example/img/c.jpg", page: "site/story.html", pageURL: "https://elsewhere.example/story") == nil)
        #expect(finder.locate("https://news.example/img/c.jpg", page: "site/story.html", pageURL: nil) == nil)
    }

    @Test func anArchivedPageTakesItsImagesFromTheArchive() throws {
        let site = try ArchiveBuildTests.Site("local-images-warc")
        defer { try? FileManager.default.removeItem(at: site.root) }
        let fixtures = RepositoryPaths.root.appendingPathComponent("Tests/GalleyImagesTests/Fixtures")
        let photo = Array(try Data(contentsOf: fixtures.appendingPathComponent("oriented-gps.jpg")))
        let older = Array(try Data(contentsOf: fixtures.appendingPathComponent("plain.png")))
        let records = [
            WARCWriter.response(uri: "https://news.example.org/2026/10/tanggul.html", date: "2026-10-20T07:00:01Z",
                                body: ArchiveBuildTests.article("Tanggul Darurat Jebol", day: 3)),
            // The page's image, fetched twice: the later fetch wins (the earlier bytes are a PNG).
            WARCWriter.response(uri: "https://news.example.org/foto/3.jpg", date: "2026-10-20T07:00:00Z", headers: ["Content-Type: image/png"], body: older),
            WARCWriter.response(uri: "https://news.example.org/foto/3.jpg", date: "2026-10-20T07:00:02Z", headers: ["Content-Type: image/jpeg"], body: photo),
        ]
        try Data(records.flatMap(WARCWriter.gzip)).write(to: site.content.appendingPathComponent("crawl.warc.gz"))
        // A second archive (read after the first is let go) with its own page and picture.
        let second = [
            WARCWriter.response(uri: "https://news.example.org/2026/10/pompa.html", date: "2026-10-21T07:00:01Z",
                                body: ArchiveBuildTests.article("Pompa Air Dikerahkan", day: 4)),
            WARCWriter.response(uri: "https://news.example.org/foto/4.jpg", date: "2026-10-21T07:00:02Z", headers: ["Content-Type: image/jpeg"],
                                body: photo + [0]),
        ]
        try Data(second.flatMap(WARCWriter.gzip)).write(to: site.content.appendingPathComponent("later.warc.gz"))
        let report = try site.build()
        #expect(report.published == 2 && report.imagesMade == 2 && report.imageProblems.isEmpty, "\(report.imageProblems)")
        let inspector = SiteInspector(folder: site.output)
        let article = try #require(inspector.htmlFiles.first { $0.contains("tanggul") })
        #expect(inspector.text(article).contains(#"width="800" height="1200""#), "the JPEG's picture, orientation applied")
        let media = inspector.files.filter { $0.hasPrefix("media/") }
        #expect(media.count == 8)
        let pompa = try #require(inspector.htmlFiles.first { $0.contains("pompa") })
        let shown = { (page: String) in Set(media.filter { inspector.text(page).contains($0) }) }
        #expect(!shown(article).isEmpty && !shown(pompa).isEmpty && shown(article).isDisjoint(with: shown(pompa)), "each page its own archive's picture")
    }

    /// An archive that keeps its size and mtime is not read again for its pages' images: what
    /// it held (plans, and URLs it did not hold) comes from the build state. One touched is read.
    @Test func anUnchangedArchiveIsNotReadAgainForItsImages() throws {
        let site = try ArchiveBuildTests.Site("local-images-warc-kept")
        defer { try? FileManager.default.removeItem(at: site.root) }
        let photo = Array(try Data(contentsOf: RepositoryPaths.root.appendingPathComponent("Tests/GalleyImagesTests/Fixtures/oriented-gps.jpg")))
        let found = [WARCWriter.response(uri: "https://news.example.org/2026/10/tanggul.html", date: "2026-10-20T07:00:01Z",
                                         body: ArchiveBuildTests.article("Tanggul Darurat Jebol", day: 3)),
                     WARCWriter.response(uri: "https://news.example.org/foto/3.jpg", date: "2026-10-20T07:00:02Z", headers: ["Content-Type: image/jpeg"],
                                         body: photo)]
        // A page whose picture the crawl did not fetch: the archive is searched once for it.
        let missing = [WARCWriter.response(uri: "https://news.example.org/2026/10/jalan.html", date: "2026-10-21T07:00:01Z",
                                           body: ArchiveBuildTests.article("Jalan Ditutup", day: 5))]
        let hour = Date(timeIntervalSinceNow: -3600)
        for (name, records) in [("crawl.warc.gz", found), ("missing.warc.gz", missing)] {
            let url = site.content.appendingPathComponent(name)
            try Data(records.flatMap(WARCWriter.gzip)).write(to: url)
            try FileManager.default.setAttributes([.modificationDate: hour], ofItemAtPath: url.path)
        }
        let first = try site.build()
        #expect(first.published == 2 && first.imagesMade == 1 && first.archivesReadForImages == 2)
        let pages = SiteInspector(folder: site.output)
        let before = Dictionary(uniqueKeysWithValues: pages.htmlFiles.map { ($0, pages.text($0)) })
        // Another build over the same archives (the state says the last one was incomplete).
        try BuildStateStoreTests.execute("UPDATE meta SET value = 0 WHERE name = 'complete'", at: BuildState(output: site.output, cache: nil).database)
        let again = try site.build()
        #expect(!again.upToDate && again.archivesReadForImages == 0 && again.imagesReused == 1 && again.imagesMade == 0)
        #expect(Dictionary(uniqueKeysWithValues: pages.htmlFiles.map { ($0, pages.text($0)) }) == before, "the same pages")
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -1800)],
                                              ofItemAtPath: site.content.appendingPathComponent("missing.warc.gz").path)
        let touched = try site.build()
        #expect(touched.archivesReadForImages == 1 && touched.imagesReused == 1)
    }

    @Test func picturesInlinedAsDataURIsAreCopiedAndNeverWrittenAsTheyAre() throws {
        let site = try ArchiveBuildTests.Site("local-images-data-uri")
        defer { try? FileManager.default.removeItem(at: site.root) }
        let svg = String(repeating: #"<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>"#, count: 20)
        let disguised = Data(svg.utf8).base64EncodedString()
        let html = try Self.floodPage(after: """
            <p><img src="data:image/svg+xml;base64,\(disguised)" alt="svg"></p>
            <p><img src="data:image/png;base64,\(disguised)" alt="disguised"></p><p>\(Self.floodParagraph)</p>
            """)
        try Data(html.utf8).write(to: site.content.appendingPathComponent("banjir.html"))
        let report = try site.build()
        #expect(report.published == 1 && report.imagesMade == 1)
        #expect(report.imageProblems.map(\.reason) == ["image banjir.html (data: URI): SVG is never copied into the site (it can carry script)"])
        let inspector = SiteInspector(folder: site.output)
        let article = try #require(inspector.htmlFiles.first { $0.contains("banjir-surut") })
        let text = inspector.text(article)
        #expect(text.contains(#"width="800" height="1200" alt="Warga""#) && text.contains("<figcaption>Warga membersihkan lumpur.</figcaption>"))
        let leaked = inspector.files.filter { inspector.text($0).contains("data:image") || inspector.text($0).contains("<script>alert") }
        #expect(leaked.isEmpty, "\(leaked)")
    }

    /// A picture inlined as a `data:` URI is kept beside its article's body, which names it
    /// (`InlinePicture`): the head and body the build reads back on every build hold the name
    /// only; a build that goes on plans the picture from its record without reading it; a kept
    /// Markdown file has the URI back where the page had it.
    @Test func inlinedPicturesAreKeptOutOfTheBodyAndPlannedFromTheirRecords() throws {
        let site = try ArchiveBuildTests.Site("local-images-inline-kept")
        defer { try? FileManager.default.removeItem(at: site.root) }
        let uri = try Self.inlinedPhoto()
        try Data(try Self.floodPage(after: "").utf8).write(to: site.content.appendingPathComponent("banjir.html"))
        try site.age(site.content.appendingPathComponent("banjir.html"))
        let first = try site.build()
        #expect(first.imagesMade == 1 && first.imageFilesRead == 1)

        let store = try BuildStateStore(url: BuildState(output: site.output, cache: nil).database)
        let key = BuildKeys(configFile: site.configFile, templateFolders: [RepositoryPaths.templates]).extraction
        let head = try #require(try store.sourceRecords(["banjir.html"], extractionKey: key, jobs: 1)["banjir.html"]?.head)
        let name = try #require(head.bodyImages.first)
        #expect(head.bodyImages.count == 1 && InlinePicture.isName(name) && name.utf8.count < 100, "\(name.prefix(60))")
        let body = try #require(store.bodies().body(of: "banjir.html"))
        #expect(!body.contains("data:image") && body.contains(name))
        #expect(store.bodies().inlinePicture(named: name) == uri)
        #expect(store.bodies().wholeBody(of: "banjir.html") == body.replacingOccurrences(of: name, with: uri))

        // A new article: the picture is planned from its record, its files kept.
        try Data(SyntheticSite.article(3).utf8).write(to: site.content.appendingPathComponent("baru.md"))
        let second = try site.build()
        #expect(second.imagesMade == 0 && second.imagesReused == 1 && second.imageFilesRead == 0, "\(second.summary)")
        let article = try #require(SiteInspector(folder: site.output).htmlFiles.first { $0.contains("banjir-surut") })
        let text = SiteInspector(folder: site.output).text(article)
        #expect(text.contains(#"alt="Warga""#) && text.contains("media/") && !text.contains("inline-picture") && !text.contains("data:image"))

        // The kept Markdown shows the picture as the page inlined it.
        let kept = site.root.appendingPathComponent("kept")
        _ = try BuildPipeline(options: .init(configFile: site.configFile, configRequired: true, contentFolder: site.content,
                                             outputFolder: site.output, templatesFolder: RepositoryPaths.templates, jobs: 2,
                                             keepMarkdownFolder: kept)).run()
        let markdown = try String(contentsOf: kept.appendingPathComponent("banjir-surut.md"), encoding: .utf8)
        #expect(markdown.contains("](\(uri))") && !markdown.contains("inline-picture"))
    }

    static let floodParagraph = "Petugas gabungan memompa air dari permukiman yang paling rendah sejak dini hari, sementara warga mengungsi ke balai desa."

    /// The fixture photo (800×1200 shown) as a `data:` URI, as SingleFile inlines it.
    static func inlinedPhoto() throws -> String {
        let fixtures = RepositoryPaths.root.appendingPathComponent("Tests/GalleyImagesTests/Fixtures")
        return "data:image/jpeg;base64," + (try Data(contentsOf: fixtures.appendingPathComponent("oriented-gps.jpg")).base64EncodedString())
    }

    /// A SingleFile-like page "Banjir Surut" showing the inlined photo in a figure, then `extra`.
    static func floodPage(after extra: String) throws -> String {
        """
        <html lang="id"><head><meta charset="utf-8"><title>Banjir Surut</title>
        <meta property="article:published_time" content="2026-10-03T08:00:00+07:00"></head>
        <body><article><h1>Banjir Surut</h1><p>\(floodParagraph)</p><p>\(floodParagraph)</p>
        <figure><img src="\(try inlinedPhoto())" alt="Warga"><figcaption>Warga membersihkan lumpur.</figcaption></figure>
        <p>\(floodParagraph)</p>\(extra)</article></body></html>
        """
    }
}

import Foundation
import GalleyCore
@testable import GalleyPipeline
import Testing

/// Issue 12: no article is dropped for a missing date. A page's date comes from the page, else
/// the sidecar's `fetched_at`, else its `last-modified` header, else the file's mtime; front
/// matter and the report say which (`date_source`); a file-dated article stays out of the
/// Google News sitemap; `undated: reject` rejects every page whose date is not its own.
@Suite(.serialized) struct UndatedPageTests {
    /// The clock of the whole-site builds.
    static let clock = Date(timeIntervalSince1970: 1_790_000_000)
    static let jakarta = TimeZone(identifier: "Asia/Jakarta")!

    /// An article page without any date: enough running text to be an article, no metadata.
    /// Pages of different titles have different bodies (near-identical ones are duplicates).
    static func page(title: String, date: String? = nil) -> String {
        let paragraphs = (0..<8).map { index in
            "<p>\(title), bagian \(index): ratusan warga turun ke sungai \(title.lowercased()) pada pagi hari untuk membersihkan sampah yang menumpuk setelah hujan deras melanda kawasan itu selama \(index + 2) hari berturut-turut, kata kepala kelurahan \(title) kepada wartawan.</p>"
        }.joined(separator: "\n")
        let meta = date.map { "<meta property=\"article:published_time\" content=\"\($0)\">" } ?? ""
        return "<html><head><title>\(title)</title>\(meta)</head><body><article><h1>\(title)</h1>\n\(paragraphs)\n</article></body></html>\n"
    }

    /// Writes a file and sets its mtime.
    static func write(_ text: String, to url: URL, modified: Date? = nil) throws {
        try Data(text.utf8).write(to: url)
        if let modified { try FileManager.default.setAttributes([.modificationDate: modified], ofItemAtPath: url.path) }
    }

    static func nanoseconds(_ date: Date) -> Int64 { Int64(date.timeIntervalSince1970) * 1_000_000_000 }

    // MARK: The order

    @Test func theFallbackOrderIsPageThenFetchedAtThenLastModifiedThenFileTime() throws {
        let pageDate = try #require(Timestamp.parseISO8601("2026-10-01T09:00:00+07:00"))
        let full = SourceSidecar(fetchedAt: "2026-10-14T08:00:00+07:00", headers: ["last-modified": "Wed, 21 Oct 2015 07:28:00 GMT"])
        let headerOnly = SourceSidecar(fetchedAt: "kemarin", headers: ["last-modified": "Wed, 21 Oct 2015 07:28:00 GMT"])
        let mtime: Int64 = 1_709_633_472_500_000_000 // 2024-03-05T10:11:12.5Z
        func chosen(_ metadata: ArticleMetadata, _ sidecar: SourceSidecar?, _ file: Int64?) -> (String?, DateSource?, asked: Bool) {
            var metadata = metadata
            var asked = false
            DateFallback.apply(to: &metadata, sidecar: sidecar, timeZone: Self.jakarta) {
                asked = true
                return file
            }
            return (metadata.published?.rfc3339, metadata.dateSource, asked)
        }
        var dated = ArticleMetadata()
        dated.published = pageDate
        #expect(chosen(dated, full, mtime) == ("2026-10-01T09:00:00+07:00", nil, false))
        var modifiedOnly = ArticleMetadata()
        modifiedOnly.modified = pageDate
        #expect(chosen(modifiedOnly, full, mtime) == (nil, nil, false), "a modified date is the page's date")
        let undated = ArticleMetadata()
        #expect(chosen(undated, full, mtime) == ("2026-10-14T08:00:00+07:00", .fetched, false), "fetched_at keeps its offset")
        #expect(chosen(undated, headerOnly, mtime) == ("2015-10-21T14:28:00+07:00", .fetched, false), "last-modified, at the site's zone")
        #expect(chosen(undated, SourceSidecar(url: "https://x.example/a"), mtime) == ("2024-03-05T17:11:12+07:00", .file, true))
        #expect(chosen(undated, nil, mtime) == ("2024-03-05T17:11:12+07:00", .file, true), "whole seconds")
        #expect(chosen(undated, SourceSidecar(headers: ["last-modified": "gestern"]), nil) == (nil, nil, true))
        #expect(chosen(undated, nil, -1_500_000_000) == ("1970-01-01T06:59:58+07:00", .file, true), "rounded down before 1970 too")
    }

    /// The same order through `PageProcessor` on files: the stamp the build already has dates
    /// the page (no second look at the file); without one the file's own mtime does.
    @Test func pagesOnDiskAreDatedByTheirSidecarOrTheirFile() throws {
        let folder = RepositoryPaths.temporaryFolder("undated-files")
        defer { try? FileManager.default.removeItem(at: folder) }
        var config = SiteConfig()
        config.timezone = "Asia/Jakarta"
        let processor = PageProcessor(config: config)
        let mtime = Date(timeIntervalSince1970: 1_709_633_472)
        try Self.write(Self.page(title: "Tanpa Tanggal"), to: folder.appendingPathComponent("a.html"), modified: mtime)
        try Self.write(Self.page(title: "Dengan Header"), to: folder.appendingPathComponent("b.html"), modified: mtime)
        try Self.write(#"{"headers": {"Last-Modified": "Wed, 21 Oct 2015 07:28:00 GMT"}}"#, to: folder.appendingPathComponent("b.json"))
        try Self.write(Self.page(title: "Dengan Fetch"), to: folder.appendingPathComponent("c.html"), modified: mtime)
        try Self.write(#"{"fetched_at": "2026-10-14T08:00:00+07:00", "headers": {"last-modified": "Wed, 21 Oct 2015 07:28:00 GMT"}}"#,
                       to: folder.appendingPathComponent("c.json"))
        try Self.write(Self.page(title: "Bertanggal", date: "2026-10-01T09:00:00+07:00"), to: folder.appendingPathComponent("d.html"), modified: mtime)
        try Self.write(#"{"fetched_at": "2026-10-14T08:00:00+07:00"}"#, to: folder.appendingPathComponent("d.json"))
        let files = try ContentDiscovery.discover(in: folder)
        var results: [String: (String, DateSource)] = [:]
        for file in files {
            let matter = try processor.process(file).document.get().frontMatter
            results[file.path] = (matter.date.rfc3339, matter.dateSource)
        }
        #expect(results["a.html"]! == ("2024-03-05T17:11:12+07:00", .file))
        #expect(results["b.html"]! == ("2015-10-21T14:28:00+07:00", .fetched))
        #expect(results["c.html"]! == ("2026-10-14T08:00:00+07:00", .fetched))
        #expect(results["d.html"]! == ("2026-10-01T09:00:00+07:00", .page))
        let a = try #require(files.first { $0.path == "a.html" })
        let given = FileStamp(size: 1, modified: Self.nanoseconds(Date(timeIntervalSince1970: 1_600_000_000)))
        #expect(try processor.process(a, stamp: given).document.get().frontMatter.date.rfc3339 == "2020-09-13T19:26:40+07:00")
    }

    // MARK: The setting

    @Test func undatedIsReadFromTheConfigAndAWrongValueNamesTheKey() throws {
        let folder = RepositoryPaths.temporaryFolder("undated-config")
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("galley.yml")
        try Self.write("title: x\n", to: url)
        #expect(try ConfigLoader.load(url, required: true).undated == .publish)
        #expect(SiteConfig().undated == .publish)
        for (text, expected) in [("undated: reject\n", SiteConfig.Undated.reject), ("undated: publish\n", .publish), ("undated: Reject\n", .reject)] {
            try Self.write(text, to: url)
            #expect(try ConfigLoader.load(url, required: true).undated == expected, "\(text)")
        }
        for text in ["undated: drop\n", "undated: true\n", "undated: [reject]\n", "undated: 1\n"] {
            try Self.write(text, to: url)
            do throws(GalleyError) {
                _ = try ConfigLoader.load(url, required: true)
                Issue.record("\(text) was accepted")
            } catch {
                #expect(error.stage == .config && error.source == url.path + ":1")
                #expect(error.reason.hasPrefix("undated: "), "\(error.reason)")
            }
        }
        try Self.write("undated: drop\n", to: url)
        #expect(throws: GalleyError.self) { try ConfigLoader.load(url, required: true) }
        do { _ = try ConfigLoader.load(url, required: true) } catch { #expect(error.reason == "undated: must be publish or reject, got \"drop\"") }
    }

    // MARK: Whole site

    struct Site {
        let root: URL
        var content: URL { root.appendingPathComponent("content") }
        var output: URL { root.appendingPathComponent("public") }
        var config: URL { root.appendingPathComponent("galley.yml") }

        /// A dated Markdown article, a page dated by its fetch (three hours before the clock)
        /// and a page without any date and without a sidecar, modified an hour before the clock
        /// (both inside the news window). The other files were written a minute ago (a file
        /// modified within two seconds of a build is racy and read again by the next one).
        init(undated: String = "publish") throws {
            root = RepositoryPaths.temporaryFolder("undated-site")
            try FileManager.default.createDirectory(at: content, withIntermediateDirectories: true)
            try UndatedPageTests.write("base_url: https://news.example.org/\ntimezone: Asia/Jakarta\nundated: \(undated)\n", to: config)
            let minuteAgo = Date().addingTimeInterval(-60)
            try UndatedPageTests.write("---\ntitle: Artikel Bertanggal\ndate: 2026-09-21T09:00:00+07:00\n---\n\nIsi.\n",
                                       to: content.appendingPathComponent("bertanggal.md"), modified: minuteAgo)
            try UndatedPageTests.write(UndatedPageTests.page(title: "Sungai Dibersihkan Warga"), to: content.appendingPathComponent("diambil.html"),
                                       modified: minuteAgo)
            try UndatedPageTests.write(#"{"url": "https://x.example/diambil", "fetched_at": "2026-09-21T18:13:20+07:00"}"#,
                                       to: content.appendingPathComponent("diambil.json"), modified: minuteAgo)
            try UndatedPageTests.write(UndatedPageTests.page(title: "Warga Tanpa Tanggal"), to: content.appendingPathComponent("tanpa-tanggal.html"),
                                       modified: UndatedPageTests.clock.addingTimeInterval(-3600))
        }

        func build(full: Bool = false, reportsEverySource: Bool = true) throws(GalleyError) -> BuildReport {
            let options = BuildPipeline.Options(configFile: config, configRequired: true, contentFolder: content, outputFolder: output,
                                                templatesFolder: RepositoryPaths.templates, jobs: 2, now: UndatedPageTests.clock, full: full,
                                                reportsEverySource: reportsEverySource)
            return try BuildPipeline(options: options).run()
        }
    }

    /// Without `reportsEverySource` (the command line without `--report`) the list of every
    /// source is not made; the totals are the same.
    @Test func theListOfEverySourceIsMadeOnlyWhenAsked() throws {
        let site = try Site()
        defer { try? FileManager.default.removeItem(at: site.root) }
        let report = try site.build(reportsEverySource: false)
        #expect(report.sources.isEmpty)
        #expect(report.published == 3 && report.dates == [.page: 1, .fetched: 1, .file: 1])
    }

    @Test func aPageWithoutAnyDateIsPublishedDatedByItsFileButNotInTheNewsSitemap() throws {
        let site = try Site()
        defer { try? FileManager.default.removeItem(at: site.root) }
        let report = try site.build()
        #expect(report.problems.isEmpty, "\(report.problems)")
        #expect(report.published == 3)
        #expect(report.dates == [.page: 1, .fetched: 1, .file: 1])
        #expect(report.summary.contains("\ndates: 1 from the page, 1 from the fetch, 1 from the file\n"), "\(report.summary)")
        #expect(Dictionary(uniqueKeysWithValues: report.sources.map { ($0.source, $0.dateSource) })
            == ["bertanggal.md": "page", "diambil.html": "fetched", "tanpa-tanggal.html": "file"])
        let json = try #require(try JSONSerialization.jsonObject(with: report.json()) as? [String: Any])
        #expect(json["dates"] as? [String: Int] == ["page": 1, "fetched": 1, "file": 1])
        let entries = try #require(json["sources"] as? [[String: Any]])
        #expect(entries.first { $0["source"] as? String == "tanpa-tanggal.html" }?["dateSource"] as? String == "file")

        // Published at its mtime (site time zone), on the home page, in the sitemap and feed…
        let inspector = SiteInspector(folder: site.output)
        let path = "2026/09/warga-tanpa-tanggal/index.html"
        #expect(inspector.files.contains(path))
        #expect(inspector.links(in: "index.html").contains { inspector.resolve($0, from: "index.html") == path })
        #expect(inspector.text("sitemap.xml").contains("<loc>https://news.example.org/2026/09/warga-tanpa-tanggal/</loc>"))
        #expect(inspector.text("feed.xml").contains("2026/09/warga-tanpa-tanggal/"))
        #expect(inspector.text(path).contains("2026-09-21T20:13:20+07:00"), "the page shows its date")
        // …but not in the Google News sitemap, which lists the page dated by its fetch.
        let news = inspector.text("news-sitemap.xml")
        #expect(news.contains("/2026/09/sungai-dibersihkan-warga/</loc>"), "\(news)")
        #expect(!news.contains("warga-tanpa-tanggal"))

        // A second build has nothing to do and reports the same dates.
        let again = try site.build()
        #expect(again.upToDate && again.dates == report.dates)
        #expect(again.summary.contains("\ndates: 1 from the page, 1 from the fetch, 1 from the file\n"))
    }

    /// A page dated by its file is dated anew when only its mtime moves (same bytes): the
    /// incremental build ends where a clean build would.
    @Test func touchingAFileDatedPageRedatesIt() throws {
        let site = try Site()
        defer { try? FileManager.default.removeItem(at: site.root) }
        _ = try site.build()
        let later = Self.clock.addingTimeInterval(-1800)
        try FileManager.default.setAttributes([.modificationDate: later], ofItemAtPath: site.content.appendingPathComponent("tanpa-tanggal.html").path)
        let report = try site.build()
        #expect(report.sourcesProcessed == 1, "only the touched page is processed again")
        let path = "2026/09/warga-tanpa-tanggal/index.html"
        #expect(SiteInspector(folder: site.output).text(path).contains("2026-09-21T20:43:20+07:00"))
        let incremental = SyntheticSite.snapshot(site.output)
        try FileManager.default.removeItem(at: site.output)
        _ = try site.build(full: true)
        #expect(SyntheticSite.snapshot(site.output) == incremental)
    }

    @Test func undatedRejectRejectsEveryPageWhoseDateIsNotItsOwn() throws {
        let site = try Site(undated: "reject")
        defer { try? FileManager.default.removeItem(at: site.root) }
        let report = try site.build()
        #expect(report.published == 1)
        #expect(report.dates == [.page: 1])
        #expect(Set(report.rejected.compactMap(\.source)) == ["diambil.html", "tanpa-tanggal.html"])
        for problem in report.rejected {
            #expect(problem.reason == "no publication date on the page (undated: reject)" && problem.stage == .normalize)
        }
        #expect(report.sources.filter { $0.status == "rejected" }.count == 2)
        #expect(report.summary.contains("rejected: normalize: tanpa-tanggal.html: no publication date on the page (undated: reject)"))
        #expect(!SiteInspector(folder: site.output).files.contains { $0.contains("tanpa-tanggal") })
    }

    // MARK: galley extract

    /// `galley extract` gives `status: ok` for a page without a date, its chosen date as
    /// `published` and where it came from as `dateSource`.
    @Test func extractReportsTheChosenDateAndItsSource() throws {
        let binary = try #require(BrokenInputTests.galleyBinary(), "the galley executable is built beside the tests")
        let site = try Site()
        defer { try? FileManager.default.removeItem(at: site.root) }
        let pages = ["tanpa-tanggal.html", "diambil.html"].map { site.content.appendingPathComponent($0).path }
        let (status, output) = try Self.run(binary, ["extract", "--config", site.config.path, "--jobs", "1"] + pages)
        #expect(status == 0)
        let lines = output.split(separator: "\n").compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        #expect(lines.count == 2)
        #expect(lines.first?["status"] as? String == "ok")
        #expect(lines.first?["published"] as? String == "2026-09-21T20:13:20+07:00")
        #expect(lines.first?["dateSource"] as? String == "file")
        #expect(lines.last?["dateSource"] as? String == "fetched")
        #expect(lines.last?["published"] as? String == "2026-09-21T18:13:20+07:00")
        let keys = output.split(separator: "\n").first.map(String.init) ?? ""
        let order = ["\"published\"", "\"modified\"", "\"dateSource\"", "\"language\""].map { keys.range(of: $0)?.lowerBound }
        #expect(!order.contains(nil) && order.compactMap { $0 } == order.compactMap { $0 }.sorted(), "dateSource follows modified")

        let (markdownStatus, markdown) = try Self.run(binary, ["markdown", "--config", site.config.path, pages[0]])
        #expect(markdownStatus == 0 && markdown.contains("\ndate: 2026-09-21T20:13:20+07:00\ndate_source: file\n"), "\(markdown)")
    }

    /// Runs a program and returns its exit status and standard output.
    static func run(_ program: URL, _ arguments: [String]) throws -> (Int32, String) {
        let process = Process()
        process.executableURL = program
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}

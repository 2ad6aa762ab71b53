import Foundation
import GalleyCore
@testable import GalleyPipeline
import Testing
import ZIPFoundation

/// `galley build` over WARC and WACZ files in the content folder: pages named by record, records
/// left out counted, incremental builds per record, hostile zips.
@Suite struct ArchiveBuildTests {
    static let config = """
        title: Kabar
        language: id
        timezone: Asia/Jakarta
        regions:
          by_source:
            news.example.org: Jakarta Utara
        """

    /// An article page with its own date, so that its fetch time does not date it.
    static func article(_ title: String, day: Int) -> [UInt8] {
        let paragraph = "Petugas gabungan memompa air dari permukiman yang paling rendah sejak dini hari, sementara warga mengungsi ke balai desa dan dapur umum mulai dibuka untuk ratusan keluarga."
        let html = """
            <html lang="id"><head><meta charset="utf-8"><title>\(title)</title>
            <meta property="article:published_time" content="2026-10-\(String(format: "%02d", day))T08:00:00+07:00"></head>
            <body><article><h1>\(title)</h1><p>\(paragraph) \(title).</p><p>\(paragraph)</p><p>\(paragraph)</p>
            <p><img src="/foto/\(day).jpg" alt="Foto"></p></article></body></html>
            """
        return Array(html.utf8)
    }

    struct Site {
        let root: URL
        var content: URL { root.appendingPathComponent("content") }
        var output: URL { root.appendingPathComponent("public") }
        var configFile: URL { root.appendingPathComponent("galley.yml") }

        init(_ label: String) throws {
            root = RepositoryPaths.temporaryFolder(label)
            try FileManager.default.createDirectory(at: root.appendingPathComponent("content"), withIntermediateDirectories: true)
            try ArchiveBuildTests.config.write(to: root.appendingPathComponent("galley.yml"), atomically: true, encoding: .utf8)
        }

        func build() throws -> BuildReport {
            try BuildPipeline(options: .init(configFile: configFile, configRequired: true, contentFolder: content, outputFolder: output,
                                             templatesFolder: RepositoryPaths.templates, jobs: 2)).run()
        }

        /// Dates a file an hour back, so that its size and mtime are trusted (not racy).
        func age(_ url: URL) throws {
            try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(-3600)], ofItemAtPath: url.path)
        }
    }

    static func records(_ site: String) -> [[UInt8]] {
        [
            WARCWriter.record([("WARC-Type", "warcinfo"), ("WARC-Date", "2026-10-20T07:00:00Z")], block: Array("software: test\r\n".utf8)),
            WARCWriter.response(uri: "https://\(site)/2026/10/tanggul.html", date: "2026-10-20T07:00:01Z", body: article("Tanggul Darurat Jebol", day: 3)),
            WARCWriter.response(uri: "https://\(site)/hilang.html", date: "2026-10-20T07:00:02Z", status: "404 Not Found", body: []),
            WARCWriter.response(uri: "javascript:alert(1)", date: "2026-10-20T07:00:02Z", body: article("Jahat", day: 4)),
            WARCWriter.response(uri: "https://\(site)/2026/10/dapur.html", date: "2026-10-20T07:00:03Z", body: article("Dapur Umum Dibuka", day: 5)),
            // The same URL fetched again later, after an edit: this fetch wins.
            WARCWriter.response(uri: "https://\(site)/2026/10/dapur.html", date: "2026-10-21T07:00:00Z", body: article("Dapur Umum Dibuka Lagi", day: 5)),
        ]
    }

    @Test func aWARCPublishesItsPagesAndAGrownOneReextractsOnlyItsNewRecords() throws {
        let site = try Site("archive-build")
        defer { try? FileManager.default.removeItem(at: site.root) }
        let members = Self.records("news.example.org").map(WARCWriter.gzip)
        let warc = site.content.appendingPathComponent("crawl.warc.gz")
        try Data(members.flatMap { $0 }).write(to: warc)

        let first = try site.build()
        #expect(first.published == 2, "\(first.problems)")
        #expect(first.archives == 1 && first.archivesRead == 1)
        #expect(first.archiveRecordsSkipped == ["4xx": 1, "not http(s)": 1])
        let offsets = members.reduce(into: [0]) { $0.append($0.last! + $1.count) }
        #expect(first.duplicates.map(\.dropped) == ["crawl.warc.gz#\(offsets[4])"], "the earlier fetch of the same URL")
        #expect(first.duplicates.map(\.kept) == ["crawl.warc.gz#\(offsets[5])"])
        let inspector = SiteInspector(folder: site.output)
        let tanggul = inspector.htmlFiles.first { $0.contains("tanggul-darurat") }.map(inspector.text) ?? ""
        #expect(tanggul.contains("src=\"https://news.example.org/foto/3.jpg\""), "relative URLs resolve against the record's URL")
        #expect(tanggul.contains(">Jakarta Utara</a>"), "regions.by_source applies to the record's host")
        #expect(inspector.htmlFiles.contains { $0.contains("dapur-umum-dibuka-lagi") })

        // Unchanged (and no longer racy): nothing is opened.
        try site.age(warc)
        _ = try site.build()
        let unchanged = try site.build()
        #expect(unchanged.upToDate, "\(unchanged.summary)")

        // The crawler appends a record: only that record is extracted.
        let added = WARCWriter.gzip(WARCWriter.response(uri: "https://news.example.org/2026/10/posko.html", date: "2026-10-22T07:00:00Z",
                                                        body: Self.article("Posko Kesehatan Ditambah", day: 6)))
        let handle = try FileHandle(forWritingTo: warc)
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(added))
        try handle.close()
        try site.age(warc)
        let grown = try site.build()
        #expect(grown.sourcesProcessed == 1 && grown.published == 3, "\(grown.summary)")
        #expect(grown.sources.contains { $0.source == "crawl.warc.gz#\(offsets.last!)" && $0.status == "published" })

        // The archive removed: its articles go with it.
        try FileManager.default.removeItem(at: warc)
        let emptied = try site.build()
        #expect(emptied.published == 0)
        #expect(!SiteInspector(folder: site.output).htmlFiles.contains { $0.contains("tanggul-darurat") })
    }

    /// Beside an archive, a build of edits alone (a body, then a title) reports the sources and
    /// pages it read as a build of every phase does: the archive stands for its page records,
    /// counted from the stored fingerprints before the card path lets them go.
    @Test func buildsOfEditsAloneBesideAnArchiveCountItsRecords() throws {
        let site = try Site("archive-edits")
        defer { try? FileManager.default.removeItem(at: site.root) }
        let warc = site.content.appendingPathComponent("crawl.warc.gz")
        try Data(Self.records("news.example.org").map(WARCWriter.gzip).flatMap { $0 }).write(to: warc)
        let page = site.content.appendingPathComponent("banjir.html")
        let html = String(decoding: Self.article("Banjir Rob di Pesisir", day: 7), as: UTF8.self)
        try Data(html.utf8).write(to: page)
        try site.age(warc)
        try site.age(page)
        let first = try site.build()
        #expect(first.published == 3, "\(first.problems)")
        let counts = { (report: BuildReport) in [report.sourcesReused + report.sourcesProcessed, report.pagesRead] }
        let edits = [
            ("body", html.replacingOccurrences(of: "Banjir Rob di Pesisir.</p>", with: "Banjir Rob di Pesisir, air mulai surut.</p>"), "render"),
            ("title", html.replacingOccurrences(of: "Banjir Rob di Pesisir", with: "Banjir Rob Surut"), "plan"),
        ]
        for (name, text, phase) in edits {
            try Data(text.utf8).write(to: page)
            try site.age(page)
            let report = try site.build()
            #expect(report.phases.map(\.name).contains(phase) && !report.phases.map(\.name).contains("images"),
                    "\(name): \(report.phases.map(\.name))")
            #expect(counts(report) == counts(first) && report.sourcesProcessed == 1, "\(name): \(report.summary) against \(first.summary)")
        }
        let unchanged = try site.build()
        #expect(unchanged.upToDate && counts(unchanged) == counts(first), "\(unchanged.summary)")
    }

    @Test func aDamagedRecordIsReportedInEveryBuildWhileTheArchiveStaysAsItIs() throws {
        let site = try Site("archive-damaged")
        defer { try? FileManager.default.removeItem(at: site.root) }
        var truncated = WARCWriter.response(uri: "https://news.example.org/t.html", date: "2026-10-20T07:00:00Z", body: Self.article("Terpotong", day: 2))
        truncated.insert(contentsOf: Array("WARC-Truncated: length\r\n".utf8), at: Array("WARC/1.0\r\n".utf8).count)
        let good = WARCWriter.gzip(WARCWriter.response(uri: "https://news.example.org/ok.html", date: "2026-10-20T07:00:00Z", body: Self.article("Utuh", day: 2)))
        let warc = site.content.appendingPathComponent("cut.warc.gz")
        try Data(good + WARCWriter.gzip(truncated)).write(to: warc)
        try site.age(warc)
        for build in 1...3 {
            let report = try site.build()
            #expect(report.published == 1)
            let reasons = report.problems.map { "\($0.source ?? ""): \($0.reason)" }
            #expect(reasons == ["cut.warc.gz#\(good.count): the crawler truncated this record (WARC-Truncated: length) (https://news.example.org/t.html)"],
                    "build \(build): \(reasons)")
            if build == 3 { #expect(report.upToDate) }
        }
    }

    /// A zip made by ZIPFoundation, with entries named as given (a hostile name included).
    static func zip(_ entries: [(String, [UInt8])], to url: URL) throws {
        let archive = try Archive(url: url, accessMode: .create)
        for (path, bytes) in entries {
            let data = Data(bytes)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count)) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
    }

    @Test func aWACZIsReadAndAZipSlipEntryIsReportedWithoutWritingAnywhere() throws {
        let site = try Site("archive-wacz")
        defer { try? FileManager.default.removeItem(at: site.root) }
        let records = Self.records("news.example.org")
        let data = records[0] + records[1]
        let escape = WARCWriter.gzip(WARCWriter.response(uri: "https://news.example.org/lolos.html", date: "2026-10-20T07:00:00Z",
                                                         body: Self.article("Lolos Keluar", day: 7)))
        let wacz = site.content.appendingPathComponent("kabar.wacz")
        try Self.zip([
            ("datapackage.json", Array("{\"profile\": \"data-package\", \"wacz_version\": \"1.1.1\"}".utf8)),
            ("pages/pages.jsonl", Array("{\"format\": \"json-pages-1.0\"}\n{\"url\": \"https://news.example.org/2026/10/tanggul.html\"}\n".utf8)),
            ("archive/data.warc.gz", WARCWriter.gzip(data)),
            ("archive/../../../lolos.warc.gz", escape),
            ("/archive/absolute.warc.gz", escape),
        ], to: wacz)
        let before = try FileManager.default.contentsOfDirectory(atPath: site.root.path).sorted()
        let report = try site.build()
        #expect(report.published == 1, "\(report.problems)")
        // One gzip stream for both records: the page is named by its offset in the gunzipped stream.
        #expect(report.sources.contains { $0.source == "kabar.wacz#archive/data.warc.gz#\(records[0].count)" && $0.status == "published" },
                "\(report.sources.map(\.source))")
        let reasons = report.problems.map { "\($0.source ?? ""): \($0.reason)" }
        #expect(reasons.count == 2 && reasons.allSatisfy { $0.contains("unsafe path in the zip") }, "\(reasons)")
        // Nothing was unpacked beside the content, the output or above them.
        let after = try FileManager.default.contentsOfDirectory(atPath: site.root.path).sorted()
        #expect(Set(after).subtracting(before) == [".galley", "public"], "\(after)")
        #expect(!FileManager.default.fileExists(atPath: site.root.deletingLastPathComponent().appendingPathComponent("lolos.warc.gz").path))
        #expect(!SiteInspector(folder: site.output).htmlFiles.contains { $0.contains("lolos") })
    }

    @Test func aRevisitOfAnEarlierCrawlsRecordTakesItsPayloadFromThatArchive() throws {
        let site = try Site("archive-revisit")
        defer { try? FileManager.default.removeItem(at: site.root) }
        let url = "https://news.example.org/2026/10/tanggul.html"
        let monday = site.content.appendingPathComponent("crawl-senin.warc.gz")
        let tuesday = site.content.appendingPathComponent("crawl-selasa.warc.gz")
        try Data(WARCWriter.gzip(WARCWriter.response(uri: url, date: "2026-10-19T07:00:00Z", body: Self.article("Tanggul Darurat Jebol", day: 3),
                                                     digest: "sha1:TANGGUL"))).write(to: monday)
        // Tuesday's crawl deduplicated against Monday's (as `wget --warc-dedup` or Heritrix do).
        let revisit = WARCWriter.gzip(WARCWriter.revisit(uri: url, date: "2026-10-20T07:00:00Z", digest: "sha1:TANGGUL"))
        let lost = WARCWriter.gzip(WARCWriter.revisit(uri: "https://news.example.org/hilang.html", date: "2026-10-20T07:00:01Z", digest: "sha1:NOWHERE"))
        try Data(revisit + lost).write(to: tuesday)
        for file in [monday, tuesday] { try site.age(file) }

        let first = try site.build()
        #expect(first.published == 1)
        #expect(first.duplicates.map { "\($0.dropped) → \($0.kept)" } == ["crawl-senin.warc.gz#0 → crawl-selasa.warc.gz#0"],
                "Tuesday's revisit is the later fetch")
        #expect(first.problems.map { "\($0.source ?? ""): \($0.reason)" }
                == ["crawl-selasa.warc.gz#\(revisit.count): a revisit of a record found in no archive of the content folder (https://news.example.org/hilang.html)"])
        #expect(try site.build().upToDate)

        // Tuesday's file touched: it is read again, and its revisit keeps its row without looking in Monday's.
        try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(-1800)], ofItemAtPath: tuesday.path)
        let touched = try site.build()
        #expect(touched.archivesRead == 1 && touched.published == 1, "\(touched.summary)")
        #expect(touched.sources.first { $0.source == "crawl-selasa.warc.gz#0" }?.reused == true)
        #expect(touched.problems.count == 1)
    }

    @Test func recordSourcesNameTheirArchive() {
        #expect(ScrapeArchive.archivePath(ofRecord: "crawl.warc.gz#1234") == "crawl.warc.gz")
        #expect(ScrapeArchive.archivePath(ofRecord: "sub/crawl.warc#0") == "sub/crawl.warc")
        #expect(ScrapeArchive.archivePath(ofRecord: "kabar.wacz#archive/data.warc.gz#77") == "kabar.wacz")
        #expect(ScrapeArchive.archivePath(ofRecord: "x#1.warc.gz#123") == "x#1.warc.gz", "an archive whose own name has a #")
        #expect(ScrapeArchive.archivePath(ofRecord: "a#1.html") == nil)
        #expect(ScrapeArchive.archivePath(ofRecord: "page#12") == nil)
        #expect(ScrapeArchive.archivePath(ofRecord: "crawl.warc.gz") == nil)
        #expect(ScrapeArchive.archivePath(ofRecord: "kabar.wacz#archive/data.warc.gz") == nil, "a WACZ entry is not a record")
        #expect(ScrapeArchive.archivePath(ofRecord: "crawl.warc.gz#12a") == nil)
    }

    @Test func anArchiveWhoseNameHasAHashIsReusedWhenUnchanged() throws {
        let site = try Site("archive-hash-name")
        defer { try? FileManager.default.removeItem(at: site.root) }
        let warc = site.content.appendingPathComponent("crawl#2.warc.gz")
        try Data(Self.records("news.example.org").map(WARCWriter.gzip).flatMap { $0 }).write(to: warc)
        try site.age(warc)
        #expect(try site.build().published == 2)
        let again = try site.build()
        #expect(again.published == 2 && again.archivesRead == 0, "\(again.summary)")
        #expect(try site.build().upToDate)
    }

    @Test func aFileThatIsNotAZipIsReportedAndTheRestPublished() throws {
        let site = try Site("archive-bad-zip")
        defer { try? FileManager.default.removeItem(at: site.root) }
        try Data("not a zip at all".utf8).write(to: site.content.appendingPathComponent("rusak.wacz"))
        try Data(Self.article("Halaman Biasa", day: 8)).write(to: site.content.appendingPathComponent("biasa.html"))
        let report = try site.build()
        #expect(report.published == 1)
        #expect(report.problems.map { "\($0.source ?? ""): \($0.reason)" } == ["rusak.wacz: not a readable zip file (WACZ)"])
    }
}

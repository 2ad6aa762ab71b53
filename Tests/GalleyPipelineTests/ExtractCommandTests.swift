import Foundation
import Testing

/// `galley extract --format json`: one valid JSON object per line, whatever the page's text.
@Suite struct ExtractCommandTests {
    /// Quotes, backslashes and U+2028/U+2029 in the title and body come back exactly
    /// from the JSON line; the line terminators are written escaped, so a line is one line.
    @Test func awkwardTextSurvivesTheJSONLine() throws {
        try inFolder("extract-json") { folder in
            let title = #"Warga "Kali Bersih" di C:\Jakarta"#
            let sentence = "Relawan menulis \"tetap bersih\" di papan\tdan garis \\n miring\u{2028}baris baru\u{2029}paragraf baru selesai."
            let body = (0..<6).map { _ in "<p>\(sentence) Sungai di bantaran timur kota dibersihkan bersama warga setiap pekan.</p>" }.joined()
            let page = "<html lang=\"id\"><head><title>\(title)</title><meta property=\"article:published_time\" content=\"2026-09-21T09:00:00+07:00\">"
                + "</head><body><article><h1>\(title)</h1>\(body)</article></body></html>"
            let path = folder.appendingPathComponent("halaman.html")
            try Data(page.utf8).write(to: path)
            let config = folder.appendingPathComponent("galley.yml")
            try Data("base_url: https://news.example.org/\n".utf8).write(to: config)
            let (status, output, objects) = try Self.extract(["--config", config.path, path.path])
            #expect(status == 0)
            try #require(objects.count == 1)
            #expect(!output.unicodeScalars.contains("\u{2028}") && !output.unicodeScalars.contains("\u{2029}"))
            #expect(objects[0]["title"] as? String == title)
            // The tab is collapsed to a space, as a browser shows it; everything else is kept.
            let shown = sentence.replacingOccurrences(of: "\t", with: " ")
            #expect((objects[0]["text"] as? String)?.contains(shown) == true)
        }
    }

    /// A WARC on the command line: one line per web page in it, named `FILE#offset`, with its
    /// URL and fetch time from the record; a damaged record is a failed line naming its offset.
    @Test func aWARCGivesOneLinePerPageAndPerDamagedRecord() throws {
        try inFolder("extract-warc") { folder in
            let first = WARCWriter.gzip(WARCWriter.response(uri: "https://news.example.org/2026/10/03/tanggul", date: "2026-10-03T07:00:00Z",
                                                            body: WARCWriter.article("Tanggul Darurat Jebol di Pesisir Utara")))
            let cut = Array(WARCWriter.gzip(WARCWriter.response(uri: "https://news.example.org/b", date: "2026-10-03T07:00:00Z",
                                                                body: WARCWriter.article("B"))).dropLast(60))
            let warc = folder.appendingPathComponent("crawl.warc.gz")
            try Data(first + cut).write(to: warc)
            let config = folder.appendingPathComponent("galley.yml")
            try Data("base_url: https://news.example.org/\ntimezone: Asia/Jakarta\n".utf8).write(to: config)
            let (status, output, objects) = try Self.extract(["--config", config.path, warc.path])
            #expect(status == 1, "a damaged record is a failure")
            try #require(objects.count == 2, "\(output)")
            #expect(objects[0]["source"] as? String == warc.path + "#0")
            #expect(objects[0]["status"] as? String == "ok")
            #expect((objects[0]["published"] as? String)?.hasPrefix("2026-10-03T") == true, "the day from the record's URL")
            #expect(objects[0]["canonicalURL"] as? String == "https://news.example.org/2026/10/03/tanggul", "the URL from WARC-Target-URI")
            #expect(objects[1]["source"] as? String == warc.path + "#\(first.count)")
            #expect(objects[1]["status"] as? String == "failed")
            #expect((objects[1]["reason"] as? String)?.contains("cut short") == true, "\(objects[1])")
        }
    }

    /// A WACZ on the command line: its WARCs' pages, named `FILE#ENTRY#offset`.
    @Test func aWACZGivesTheLinesOfItsWARCs() throws {
        try inFolder("extract-wacz") { folder in
            let record = WARCWriter.gzip(WARCWriter.response(uri: "https://news.example.org/2026/10/03/tanggul", date: "2026-10-03T07:00:00Z",
                                                             body: WARCWriter.article("Tanggul Darurat Jebol di Pesisir Utara")))
            let wacz = folder.appendingPathComponent("kabar.wacz")
            try ArchiveBuildTests.zip([("archive/data.warc.gz", record), ("pages/pages.jsonl", Array("{}\n".utf8))], to: wacz)
            let (status, output, objects) = try Self.extract([wacz.path])
            #expect(status == 0, "\(output)")
            #expect(objects.map { $0["source"] as? String } == [wacz.path + "#archive/data.warc.gz#0"])
            #expect(objects.first?["status"] as? String == "ok")
        }
    }

    /// Runs `body` with a new empty folder, removed afterwards.
    func inFolder(_ label: String, _ body: (URL) throws -> Void) throws {
        let folder = RepositoryPaths.temporaryFolder(label)
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try body(folder)
    }

    /// `galley extract ARGUMENTS` (JSON lines): its exit status, output, and each line parsed.
    static func extract(_ arguments: [String]) throws -> (status: Int32, output: String, objects: [[String: Any]]) {
        let binary = try #require(BrokenInputTests.galleyBinary(), "the galley executable is built beside the tests")
        let (status, output) = try UndatedPageTests.run(binary, ["extract"] + arguments)
        let objects = try output.split(separator: "\n").map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], "\(line)")
        }
        return (status, output, objects)
    }
}

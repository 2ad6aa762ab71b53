import CGalleyZlib
import Foundation
import GalleyCore
@testable import GalleyPipeline
import GalleyTestSupport
import Testing

/// WARC files as tests make them: by hand (hostile ones), gzip member by member.
enum WARCWriter {
    /// One WARC record (WARC/1.0), its fields in order, `Content-Length` from the block unless given.
    static func record(_ fields: [(String, String)], block: [UInt8], contentLength: Int64? = nil) -> [UInt8] {
        var head = "WARC/1.0\r\n"
        for (name, value) in fields { head += "\(name): \(value)\r\n" }
        head += "Content-Length: \(contentLength ?? Int64(block.count))\r\n\r\n"
        return Array(head.utf8) + block + Array("\r\n\r\n".utf8)
    }

    static func response(uri: String, date: String, status: String = "200 OK", headers: [String] = ["Content-Type: text/html; charset=utf-8"],
                         body: [UInt8], digest: String? = nil, contentLength: Int64? = nil) -> [UInt8] {
        let http = Array(("HTTP/1.1 \(status)\r\n" + headers.map { $0 + "\r\n" }.joined() + "\r\n").utf8) + body
        var fields = [("WARC-Type", "response"), ("WARC-Target-URI", uri), ("WARC-Date", date), ("Content-Type", "application/http; msgtype=response")]
        if let digest { fields.append(("WARC-Payload-Digest", digest)) }
        return record(fields, block: http, contentLength: contentLength)
    }

    static func revisit(uri: String, date: String, digest: String) -> [UInt8] {
        record([("WARC-Type", "revisit"), ("WARC-Target-URI", uri), ("WARC-Date", date), ("WARC-Payload-Digest", digest),
                ("WARC-Profile", "http://netpreserve.org/warc/1.0/revisit/identical-payload-digest")],
               block: Array("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n".utf8))
    }

    /// `bytes` as one gzip member.
    static func gzip(_ bytes: [UInt8]) -> [UInt8] {
        var stream = z_stream()
        guard galley_deflate_init_gzip(&stream, 6) == Z_OK else { return [] }
        defer { deflateEnd(&stream) }
        var input = bytes
        var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, uLong(bytes.count))) + 64)
        let inputCount = input.count
        let outputCount = output.count
        input.withUnsafeMutableBufferPointer { inputBuffer in
            output.withUnsafeMutableBufferPointer { outputBuffer in
                stream.next_in = inputBuffer.baseAddress
                stream.avail_in = uInt(inputCount)
                stream.next_out = outputBuffer.baseAddress
                stream.avail_out = uInt(outputCount)
                _ = deflate(&stream, Z_FINISH)
            }
        }
        return Array(output.prefix(outputCount - Int(stream.avail_out)))
    }

    /// An article page big enough to be published.
    static func article(_ title: String) -> [UInt8] {
        let paragraph = "Petugas gabungan memompa air dari permukiman yang paling rendah sejak dini hari, sementara warga mengungsi ke balai desa dan dapur umum mulai dibuka untuk ratusan keluarga."
        return Array("<html lang=\"id\"><head><title>\(title)</title></head><body><article><h1>\(title)</h1><p>\(paragraph)</p><p>\(paragraph)</p><p>\(paragraph)</p></article></body></html>".utf8)
    }
}

@Suite struct WARCReaderTests {
    static func write(_ bytes: [UInt8], name: String) throws -> URL {
        let folder = RepositoryPaths.temporaryFolder("warc")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url
    }

    static func read(_ url: URL) -> WARCPages { ScrapeArchive.read(url, name: url.lastPathComponent) }

    static func text(_ page: SourcePage?) -> String { String(decoding: page?.bytes ?? [], as: UTF8.self) }

    @Test func responsesBecomePagesAndTheRestIsCountedOrSkipped() throws {
        let records = [
            WARCWriter.record([("WARC-Type", "warcinfo"), ("WARC-Date", "2026-10-03T07:00:00Z")], block: Array("software: test\r\n".utf8)),
            WARCWriter.response(uri: "https://news.example.org/a", date: "2026-10-03T07:00:01Z", body: WARCWriter.article("A")),
            WARCWriter.response(uri: "https://news.example.org/gone", date: "2026-10-03T07:00:02Z", status: "404 Not Found", body: []),
            WARCWriter.response(uri: "https://news.example.org/moved", date: "2026-10-03T07:00:02Z", status: "301 Moved", body: []),
            WARCWriter.response(uri: "https://news.example.org/style.css", date: "2026-10-03T07:00:03Z",
                                headers: ["Content-Type: text/css"], body: Array("p{}".utf8)),
            WARCWriter.response(uri: "javascript:alert(1)", date: "2026-10-03T07:00:04Z", body: WARCWriter.article("Evil")),
            WARCWriter.response(uri: "file:///etc/passwd", date: "2026-10-03T07:00:04Z", body: WARCWriter.article("Evil")),
        ]
        let gz = try Self.write(records.flatMap(WARCWriter.gzip), name: "mixed.warc.gz")
        let plain = try Self.write(records.flatMap { $0 }, name: "mixed.warc")
        defer { for url in [gz, plain] { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) } }
        for url in [gz, plain] {
            let archive = Self.read(url)
            #expect(archive.problems.isEmpty, "\(archive.problems)")
            #expect(archive.pages.map { $0.sidecar?.url } == ["https://news.example.org/a"], "\(url.lastPathComponent)")
            #expect(archive.pages.first?.sidecar?.fetchedAt == "2026-10-03T07:00:01Z")
            #expect(archive.pages.first?.sidecar?.headers?["content-type"] == "text/html; charset=utf-8")
            #expect(archive.skipped == ["4xx": 1, "3xx": 1, "not http(s)": 2])
        }
        // The source names the record by its gzip member's offset in the file.
        let offset = WARCWriter.gzip(records[0]).count
        #expect(Self.read(gz).pages.first?.path == "mixed.warc.gz#\(offset)")
        #expect(Self.read(plain).pages.first?.path == "mixed.warc#\(records[0].count)")
    }

    @Test func chunkedAndGzippedBodiesAreDecoded() throws {
        let html = WARCWriter.article("Chunked")
        let compressed = WARCWriter.gzip(html)
        var chunked: [UInt8] = []
        for start in stride(from: 0, to: compressed.count, by: 100) {
            let piece = compressed[start..<min(start + 100, compressed.count)]
            chunked += Array((String(piece.count, radix: 16) + ";ext=1\r\n").utf8) + piece + Array("\r\n".utf8)
        }
        chunked += Array("0\r\n\r\n".utf8)
        let record = WARCWriter.response(uri: "https://news.example.org/c", date: "2026-10-03T07:00:01Z",
                                         headers: ["Content-Type: text/html", "Transfer-Encoding: chunked", "Content-Encoding: gzip"], body: chunked)
        let url = try Self.write(WARCWriter.gzip(record), name: "chunked.warc.gz")
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
        #expect(Self.read(url).pages.first?.bytes == html)
    }

    @Test func theLatestFetchOfAURLWinsAndRevisitsTakeTheirOriginalsPayload() throws {
        let records = [
            WARCWriter.response(uri: "https://news.example.org/a", date: "2026-10-03T07:00:00Z", body: WARCWriter.article("Old"), digest: "sha1:OLD"),
            // 07:30 UTC, written at an offset: as text it sorts before the 07:00Z record after it.
            WARCWriter.response(uri: "https://news.example.org/a", date: "2026-10-04T06:30:00-01:00", body: WARCWriter.article("New"), digest: "sha1:NEW"),
            WARCWriter.response(uri: "https://news.example.org/a", date: "2026-10-04T07:00:00Z", body: WARCWriter.article("Mid"), digest: "sha1:MID"),
            WARCWriter.response(uri: "https://news.example.org/b", date: "2026-10-03T07:00:00Z", body: WARCWriter.article("B"), digest: "sha1:B"),
            WARCWriter.revisit(uri: "https://news.example.org/b", date: "2026-10-05T07:00:00Z", digest: "sha1:B"),
            // A revisit loop: a revisit of a digest only revisits carry.
            WARCWriter.revisit(uri: "https://news.example.org/loop", date: "2026-10-05T07:00:00Z", digest: "sha1:LOOP"),
            WARCWriter.revisit(uri: "https://news.example.org/loop2", date: "2026-10-05T07:00:01Z", digest: "sha1:LOOP"),
        ]
        let url = try Self.write(records.flatMap(WARCWriter.gzip), name: "twice.warc.gz")
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
        let archive = Self.read(url)
        let byURL = Dictionary(archive.pages.map { ($0.sidecar?.url ?? "", $0) }, uniquingKeysWith: { first, _ in first })
        #expect(byURL.count == 2)
        #expect(Self.text(byURL["https://news.example.org/a"]).contains("<h1>New</h1>"))
        #expect(byURL["https://news.example.org/b"]?.sidecar?.fetchedAt == "2026-10-05T07:00:00Z", "the revisit is the later fetch")
        #expect(Self.text(byURL["https://news.example.org/b"]).contains("<h1>B</h1>"))
        #expect(archive.replaced.count == 3, "\(archive.replaced)")
        #expect(archive.problems.count == 2 && archive.problems.allSatisfy { $0.reason.hasPrefix("a revisit of a record that is not in this file") })
    }

    @Test func damagedRecordsAreReportedAndTheOthersStillRead() throws {
        let good = { (name: String) in WARCWriter.gzip(WARCWriter.response(uri: "https://news.example.org/\(name)", date: "2026-10-03T07:00:00Z", body: WARCWriter.article(name))) }
        // A Content-Length of 10^15 in the middle; a gzip bomb as an HTTP body; a block beyond 64 MB.
        let huge = WARCWriter.gzip(WARCWriter.response(uri: "https://news.example.org/huge", date: "2026-10-03T07:00:00Z",
                                                       body: WARCWriter.article("Huge"), contentLength: 1_000_000_000_000_000))
        let bomb = WARCWriter.gzip(WARCWriter.response(uri: "https://news.example.org/bomb", date: "2026-10-03T07:00:00Z",
                                                       headers: ["Content-Type: text/html", "Content-Encoding: gzip"],
                                                       body: WARCWriter.gzip([UInt8](repeating: 0x20, count: 80 * 1024 * 1024))))
        let big = WARCWriter.gzip(WARCWriter.response(uri: "https://news.example.org/big", date: "2026-10-03T07:00:00Z",
                                                      body: [UInt8](repeating: 0x20, count: 70 * 1024 * 1024)))
        let first = good("first")
        // A large response that is not HTML (a video) is no page and no problem.
        let video = WARCWriter.gzip(WARCWriter.response(uri: "https://news.example.org/video.mp4", date: "2026-10-03T07:00:00Z",
                                                        headers: ["Content-Type: video/mp4"], body: [UInt8](repeating: 0, count: 70 * 1024 * 1024)))
        let file = first + huge + good("second") + bomb + good("third") + big + video + good("fourth")
        let cut = Array(good("fifth").dropLast(20))
        let url = try Self.write(file + cut, name: "damaged.warc.gz")
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
        let archive = Self.read(url)
        #expect(archive.pages.compactMap { $0.sidecar?.url?.split(separator: "/").last.map(String.init) } == ["first", "second", "third", "fourth"])
        let reasons = archive.problems.map { "\($0.source ?? ""): \($0.reason)" }
        #expect(archive.problems.count == 4, "\(reasons)")
        #expect(reasons.contains { $0.hasPrefix("damaged.warc.gz#\(first.count): the record's Content-Length (1000000000000000) runs past its gzip member") && $0.hasSuffix("(https://news.example.org/huge)") }, "\(reasons)")
        #expect(reasons.contains { $0.contains("decompresses to more than 64 MB") && $0.contains("/bomb") }, "\(reasons)")
        #expect(reasons.contains { $0.contains("larger than 64 MB") && $0.contains("/big") }, "\(reasons)")
        // The last member is cut: its record is reported at the member's offset, once.
        #expect(reasons.contains { $0.hasPrefix("damaged.warc.gz#\(file.count): the record is cut short") && $0.hasSuffix("/fifth)") }, "\(reasons)")
    }

    @Test func aTruncatedRecordOrAMemberCutAfterItsRecordIsReportedWithItsURL() throws {
        var truncated = WARCWriter.response(uri: "https://news.example.org/t", date: "2026-10-03T07:00:00Z", body: WARCWriter.article("T"))
        truncated.insert(contentsOf: Array("WARC-Truncated: length\r\n".utf8), at: Array("WARC/1.0\r\n".utf8).count)
        let whole = WARCWriter.gzip(WARCWriter.response(uri: "https://news.example.org/w", date: "2026-10-03T07:00:00Z", body: WARCWriter.article("W")))
        let url = try Self.write(WARCWriter.gzip(truncated) + whole.dropLast(4), name: "truncated.warc.gz")
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
        let archive = Self.read(url)
        let reasons = archive.problems.map { "\($0.source ?? ""): \($0.reason)" }
        #expect(reasons.first == "truncated.warc.gz#0: the crawler truncated this record (WARC-Truncated: length) (https://news.example.org/t)")
        #expect(reasons.last == "truncated.warc.gz#\(WARCWriter.gzip(truncated).count): the file ends inside a gzip member (cut short) (https://news.example.org/w)", "\(reasons)")
    }

    @Test func aPlainWARCCutShortIsReportedAfterItsGoodRecords() throws {
        let good = WARCWriter.response(uri: "https://news.example.org/ok", date: "2026-10-03T07:00:00Z", body: WARCWriter.article("Ok"))
        let past = WARCWriter.response(uri: "https://news.example.org/past", date: "2026-10-03T07:00:00Z", body: WARCWriter.article("Past"), contentLength: 900_000)
        let url = try Self.write(good + past, name: "cut.warc")
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
        let archive = Self.read(url)
        #expect(archive.pages.count == 1)
        #expect(archive.problems.map(\.reason) == ["the record is cut short: \(past.count - 400) of 900000 bytes (https://news.example.org/past)"]
                || archive.problems.count == 1 && archive.problems[0].reason.hasPrefix("the record is cut short"), "\(archive.problems)")
    }
}

/// The programs the real-WARC tests run.
enum ArchiveTools {
    static func onPath(_ name: String) -> URL? {
        (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
            .map { URL(fileURLWithPath: String($0)).appendingPathComponent(name) }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    static let present = ArchiveTools.onPath("wget") != nil && ArchiveTools.onPath("python3") != nil
}

/// WARC files written by real `wget --warc-file` from a local HTTP server, read by galley and
/// by warcio (PyPI), which must agree on every record.
@Suite(.enabled(if: ArchiveTools.present, "needs wget and python3 (scripts/install-test-tools.sh installs them)"))
struct RealWARCTests {

    /// Serves two example pages (and a link to a missing one) and lets wget
    /// crawl them into `folder/crawl.warc.gz`.
    static func crawl(into folder: URL) async throws -> URL {
        let site = folder.appendingPathComponent("site")
        try FileManager.default.createDirectory(at: site.appendingPathComponent("berita"), withIntermediateDirectories: true)
        for (name, example) in [("derbi.html", "inews/jatim-derbi-persebaya-arema.html"), ("chips.html", "og/techdesk-chipmakers-water.html")] {
            try FileManager.default.copyItem(at: RepositoryPaths.content.appendingPathComponent(example),
                                             to: site.appendingPathComponent("berita/" + name))
        }
        try #"<html><body><a href="berita/derbi.html">a</a> <a href="berita/chips.html">b</a> <a href="berita/missing.html">c</a></body></html>"#
            .write(to: site.appendingPathComponent("index.html"), atomically: true, encoding: .utf8)
        let server = Process()
        server.executableURL = ArchiveTools.onPath("python3")
        server.arguments = ["-u", "-m", "http.server", "0", "--bind", "127.0.0.1", "--directory", site.path]
        let output = Pipe()
        server.standardOutput = output
        server.standardError = FileHandle.nullDevice
        try server.run()
        // SIGKILL: the test process may block SIGTERM for its children, and a server left
        // running would outlive the tests.
        defer {
            kill(server.processIdentifier, SIGKILL)
            server.waitUntilExit()
        }
        // "Serving HTTP on 127.0.0.1 port 41234 (http://127.0.0.1:41234/) ..."
        let line = String(decoding: output.fileHandleForReading.availableData, as: UTF8.self)
        let port = try #require(line.split(separator: " ").firstIndex(of: "port").map { line.split(separator: " ")[$0 + 1] })
        let warc = folder.appendingPathComponent("crawl")
        let wget = try await ChildProcess.capture(try #require(ArchiveTools.onPath("wget")), [
            "-q", "--warc-file=\(warc.path)", "--no-warc-keep-log", "-r", "-l", "1", "-P", folder.appendingPathComponent("mirror").path,
            "http://127.0.0.1:\(port)/index.html",
        ])
        #expect(wget.status == 0 || wget.status == 8, "wget exited with \(wget.status): \(wget.stderr)") // 8: a 404 on the way
        return folder.appendingPathComponent("crawl.warc.gz")
    }

    @Test func galleyAndWarcioReadTheSameRecordsAndGalleyTheRightPages() async throws {
        let folder = RepositoryPaths.temporaryFolder("real-warc")
        defer { try? FileManager.default.removeItem(at: folder) }
        let warc = try await Self.crawl(into: folder)

        var ours: [String] = []
        let reader = try WARCReader(path: warc.path) { _, _ in false }
        while let next = reader.next() {
            let record = try next.get()
            ours.append([String(record.offset), record.type, record.targetURI ?? "-", record.date ?? "-", record.payloadDigest ?? "-"].joined(separator: " "))
        }
        let script = """
            import sys
            from warcio.archiveiterator import ArchiveIterator
            with open(sys.argv[1], 'rb') as stream:
                records = ArchiveIterator(stream)
                for record in records:
                    h = record.rec_headers
                    print(records.get_record_offset(), record.rec_type, h.get_header('WARC-Target-URI') or '-', h.get_header('WARC-Date') or '-',
                          h.get_header('WARC-Payload-Digest') or '-')
            """
        let warcio = try await ChildProcess.capture(try #require(ArchiveTools.onPath("python3")), ["-c", script, warc.path])
        try #require(!warcio.stderr.contains("No module named"), "warcio is not installed (scripts/install-test-tools.sh)")
        #expect(warcio.status == 0, "\(warcio.stderr)")
        #expect(ours == warcio.stdout.split(separator: "\n").map(String.init), "galley:\n\(ours.joined(separator: "\n"))\nwarcio:\n\(warcio.stdout)")
        #expect(ours.count >= 10)

        let archive = ScrapeArchive.read(warc, name: "crawl.warc.gz")
        #expect(archive.problems.isEmpty, "\(archive.problems)")
        let paths = archive.pages.compactMap { $0.sidecar?.url.flatMap(URL.init(string:))?.path }
        #expect(paths == ["/index.html", "/berita/derbi.html", "/berita/chips.html"], "\(paths)")
        #expect(archive.skipped == ["4xx": 2], "robots.txt and missing.html: \(archive.skipped)")
        let derbi = try #require(archive.pages.first { $0.path.hasSuffix("#\(ours.first { $0.contains("response") && $0.contains("derbi") }?.split(separator: " ").first ?? "")") })
        let original = try Data(contentsOf: RepositoryPaths.content.appendingPathComponent("inews/jatim-derbi-persebaya-arema.html"))
        #expect(derbi.bytes == [UInt8](original), "the payload is the served file, byte for byte")
        #expect(derbi.sidecar?.headers?["content-type"]?.hasPrefix("text/html") == true)
    }
}

import Foundation
import GalleyCore
import GalleyTestSupport
@testable import GalleyPipeline
import Testing

/// The build state keeps every field of a source record, and fingerprints see every byte (the
/// store itself: `BuildStateStoreTests`; every front-matter field: `ArticleSchemaTests`).
@Suite struct BuildManifestTests {
    static func fullDocument() throws -> ArticleDocument {
        let date = try #require(Timestamp.parseISO8601("2020-10-13T10:15:00+07:00"))
        let modified = try #require(Timestamp.parseISO8601("2020-10-14T08:00:30.5-03:30"))
        let matter = FrontMatter(title: "Judul \"kutip\"\n", date: date, dateSource: .file, modified: modified, author: "Penulis", editor: "Editor",
                                 tags: ["Banjir", "ÉÈ", ""], region: "Jawa Timur", summary: "Ringkas\t", image: "https://x.example/a.jpg",
                                 imageCaption: "Keterangan", section: "Nasional", sourceURL: "https://x.example/a", lang: "id",
                                 slug: "judul", draft: true)
        return ArticleDocument(source: "inews/a.html", frontMatter: matter, body: "Isi 🌧️.\n\n> kutipan\n")
    }

    @Test func theStateStoreRoundTripsEverySourceRecordField() throws {
        let folder = RepositoryPaths.temporaryFolder("manifest")
        defer { try? FileManager.default.removeItem(at: folder) }
        let state = BuildState(output: folder.appendingPathComponent("public"), cache: nil)
        #expect(state.database.path.hasSuffix("/.galley/public/state.sqlite"))
        let stamp = FileStamp(size: 3, modified: 42)
        var fetched = try Self.fullDocument()
        fetched.frontMatter.dateSource = .fetched
        let records: [String: SourceRecord] = [
            "a.html": .init(fingerprint: SourceFingerprint(file: stamp, sidecar: FileStamp(size: 9, modified: -1), hash: "ab"),
                            fetched: Date(timeIntervalSince1970: 1.25), document: try Self.fullDocument(), scraped: false, problem: nil),
            "b.html": .init(fingerprint: SourceFingerprint(file: stamp, sidecar: nil, hash: "cd", racy: true), fetched: Date(timeIntervalSince1970: 0),
                            document: try Self.fullDocument(), scraped: false, problem: .rejected(.extract, source: "b.html", reason: "not an article")),
            "c.html": .init(fingerprint: SourceFingerprint(file: stamp, sidecar: nil, hash: "ef"), fetched: Date(timeIntervalSince1970: 2),
                            document: fetched, scraped: false, problem: nil),
            "d.html": .init(fingerprint: SourceFingerprint(file: stamp, sidecar: nil, hash: "01"), fetched: Date(timeIntervalSince1970: 3),
                            document: nil, scraped: false, problem: GalleyError(.read, source: nil, reason: "gzip: truncated\n\t\"x\"")),
        ]
        try BuildStateStore(url: state.database).saveSources(records, changed: Set(records.keys), removed: [], extractionKey: "k1", jobs: 2)
        let store = try BuildStateStore(url: state.database)
        #expect(try store.sourceRecords(Array(records.keys) + ["missing.html"], extractionKey: "k1", jobs: 2) == records.asRead)
        #expect(store.bodies().bodies(of: Array(records.keys)) == records.compactMapValues(\.body))
        #expect(try store.sourceRecords(Array(records.keys), extractionKey: "k1", jobs: 2).mapValues { $0.head?.frontMatter.dateSource }
            == ["a.html": .file, "b.html": .file, "c.html": .fetched, "d.html": nil])
        #expect(try store.sourceFingerprints(extractionKey: "k1") == records.mapValues(\.fingerprint))
        #expect(try store.sourceFingerprints(extractionKey: "k2").isEmpty, "documents made under another extraction key are not offered")
    }

    @Test func fingerprintsSeeBytes() {
        #expect(SourceFingerprint.hash(Array("halo".utf8)) != SourceFingerprint.hash(Array("hal0".utf8)))
        #expect(SourceFingerprint.hash(Array("halo".utf8)) == SourceFingerprint.hash(Array("halo".utf8)))
        var split = StableHasher(), joined = StableHasher()
        split.combine("ab")
        split.combine("c")
        joined.combine("a")
        joined.combine("bc")
        #expect(split.hex != joined.hex)
    }

    /// The hash reads eight bytes at a time, and sees every byte of each: a change in the first
    /// word, the last word, or the bytes after the last whole word; trailing zero bytes (a
    /// shorter piece padded) hash differently. A file is read for hashing only while it keeps
    /// the stamp it was checked with.
    @Test func hashSeesEveryByteAndLength() throws {
        let bytes = (0..<37).map { UInt8($0 &* 7 &+ 3) }
        let base = SourceFingerprint.hash(bytes)
        for index in [0, 7, 8, 31, 32, 36] {
            var changed = bytes
            changed[index] ^= 0x01
            #expect(SourceFingerprint.hash(changed) != base, "byte \(index)")
        }
        // Words trade places between lanes, or between a block and the words after it.
        var swapped = bytes
        swapped.swapAt(0, 8)
        #expect(SourceFingerprint.hash(swapped) != base, "lanes 0 and 1")
        swapped = bytes
        swapped.swapAt(24, 32)
        #expect(SourceFingerprint.hash(swapped) != base, "lane 3 and the first word after the blocks")
        #expect(SourceFingerprint.hash([UInt8](repeating: 0, count: 32)) != SourceFingerprint.hash([UInt8](repeating: 0, count: 40)))
        #expect(SourceFingerprint.hash([5]) != SourceFingerprint.hash([5, 0, 0, 0, 0, 0, 0, 0]))
        #expect(SourceFingerprint.hash([UInt8]()) != SourceFingerprint.hash([0]))
        let folder = TemporaryFolder.make("hash")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.path + "/page.html"
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let stamp = try #require(FileStamp.of(path: path))
        let folderStamps = try #require(FolderStamps(folder: folder.path))
        #expect(folderStamps.bytes("page.html", ifStamped: stamp).map { SourceFingerprint.hash($0) } == base)
        #expect(folderStamps.bytes("page.html", ifStamped: FileStamp(size: stamp.size, modified: stamp.modified + 1)) == nil)
        #expect(folderStamps.bytes("page.html", ifStamped: FileStamp(size: stamp.size + 1, modified: stamp.modified)) == nil, "the file ends early")
        #expect(folderStamps.bytes("page.html", ifStamped: FileStamp(size: stamp.size - 1, modified: stamp.modified)) == nil, "the file is longer")
    }
}

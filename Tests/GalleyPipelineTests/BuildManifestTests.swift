import Foundation
import GalleyCore
@testable import GalleyPipeline
import Testing

/// The build state keeps every field of a source record; render keys and fingerprints see every
/// field and byte (the store itself: `BuildStateStoreTests`).
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
        // A new FrontMatter field must be added to ArticleDocumentCoding too.
        #expect(Mirror(reflecting: try Self.fullDocument().frontMatter).children.count == 16)
        #expect(Mirror(reflecting: try Self.fullDocument()).children.count == 3)
        let state = BuildState(output: folder.appendingPathComponent("public"), cache: nil)
        #expect(state.database.path.hasSuffix("/.galley/public/state.sqlite"))
        let stamp = FileStamp(size: 3, modified: 42)
        var fetched = try Self.fullDocument()
        fetched.frontMatter.dateSource = .fetched
        let records: [String: SourceRecord] = [
            "a.html": .init(fingerprint: SourceFingerprint(file: stamp, sidecar: FileStamp(size: 9, modified: -1), hash: "ab"),
                            fetched: Date(timeIntervalSince1970: 1.25), document: try Self.fullDocument(), problem: nil),
            "b.html": .init(fingerprint: SourceFingerprint(file: stamp, sidecar: nil, hash: "cd", racy: true), fetched: Date(timeIntervalSince1970: 0),
                            document: try Self.fullDocument(), problem: .rejected(.extract, source: "b.html", reason: "not an article")),
            "c.html": .init(fingerprint: SourceFingerprint(file: stamp, sidecar: nil, hash: "ef"), fetched: Date(timeIntervalSince1970: 2),
                            document: fetched, problem: nil),
            "d.html": .init(fingerprint: SourceFingerprint(file: stamp, sidecar: nil, hash: "01"), fetched: Date(timeIntervalSince1970: 3),
                            document: nil, problem: GalleyError(.read, source: nil, reason: "gzip: truncated\n\t\"x\"")),
        ]
        try BuildStateStore(url: state.database).saveSources(records, changed: Set(records.keys), removed: [], extractionKey: "k1", jobs: 2)
        let store = try BuildStateStore(url: state.database)
        #expect(try store.sourceRecords(Array(records.keys) + ["missing.html"], jobs: 2) == records)
        #expect(try store.sourceRecords(Array(records.keys), jobs: 2).mapValues { $0.document?.frontMatter.dateSource }
            == ["a.html": .file, "b.html": .file, "c.html": .fetched, "d.html": nil])
        #expect(try store.sourceFingerprints(extractionKey: "k1") == records.mapValues(\.fingerprint))
        #expect(try store.sourceFingerprints(extractionKey: "k2").isEmpty, "documents made under another extraction key are not offered")
    }

    /// Render keys see every field of a summary; a new field must be added to RenderKey.hash.
    @Test func summaryHashesSeeEveryField() throws {
        let date = try #require(Timestamp.parseISO8601("2020-10-13T10:15:00+07:00"))
        let base = ArticleSummary(slug: "s", title: "t", path: "p", published: date, modified: date, byline: "b", summary: "u",
                                  image: "i", imageCaption: "c", tags: [Term(name: "x")], region: Term(name: "r"), section: "e",
                                  language: "id", sourceURL: "https://x", source: "a.md")
        #expect(Mirror(reflecting: base).children.count == 16)
        let variants: [(inout ArticleSummary) -> Void] = [
            { $0.slug = "s2" }, { $0.title = "t2" }, { $0.path = "p2" }, { $0.source = "b.md" }, { $0.dateSource = .fetched }, { $0.dateSource = .file },
            { $0.published.utcOffsetSeconds = 0 }, { $0.modified = nil }, { $0.byline = nil }, { $0.summary = "" },
            { $0.image = "j" }, { $0.imageCaption = nil }, { $0.section = "f" }, { $0.language = "en" }, { $0.sourceURL = nil },
            { $0.tags = [] }, { $0.tags.append(Term(name: "y")) }, { $0.region = nil }, { $0.region = Term(name: "q") },
        ]
        var seen = Set([RenderKey.hash(base)])
        for change in variants {
            var changed = base
            change(&changed)
            #expect(seen.insert(RenderKey.hash(changed)).inserted)
        }
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
}

import Foundation
import GalleyCore
@testable import GalleyPipeline
import Testing

/// The two manifests of the build state round-trip, ignore damaged files, and keep every field.
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

    @Test func theSourceManifestRoundTripsEveryFieldAndRefusesDamage() throws {
        let folder = RepositoryPaths.temporaryFolder("manifest")
        defer { try? FileManager.default.removeItem(at: folder) }
        let state = BuildState(output: folder.appendingPathComponent("public"), cache: nil)
        #expect(state.sourceManifest.path.hasSuffix("/.galley/public/sources.bin"))
        var manifest = SourceManifest(extractionKey: "k1")
        let stamp = FileStamp(size: 3, modified: 42)
        manifest.sources["a.html"] = .init(fingerprint: SourceFingerprint(file: stamp, sidecar: FileStamp(size: 9, modified: -1), hash: "ab"),
                                           fetched: Date(timeIntervalSince1970: 1.25), document: try Self.fullDocument(), problem: nil)
        manifest.sources["b.html"] = .init(fingerprint: SourceFingerprint(file: stamp, sidecar: nil, hash: "cd"), fetched: Date(timeIntervalSince1970: 0),
                                           document: try Self.fullDocument(), problem: .rejected(.extract, source: "b.html", reason: "not an article"))
        var fetched = try Self.fullDocument()
        fetched.frontMatter.dateSource = .fetched
        manifest.sources["c.html"] = .init(fingerprint: SourceFingerprint(file: stamp, sidecar: nil, hash: "ef"), fetched: Date(timeIntervalSince1970: 2),
                                           document: fetched, problem: nil)
        try manifest.save(state.sourceManifest)
        #expect(SourceManifest.load(state.sourceManifest) == manifest)
        #expect(SourceManifest.load(state.sourceManifest)?.sources.mapValues { $0.document?.frontMatter.dateSource }
            == ["a.html": .file, "b.html": .file, "c.html": .fetched])
        let bytes = try Data(contentsOf: state.sourceManifest)
        for cut in [0, 10, bytes.count / 2, bytes.count - 1] {
            try bytes.prefix(cut).write(to: state.sourceManifest)
            #expect(SourceManifest.load(state.sourceManifest) == nil, "cut at \(cut)")
        }
    }

    @Test func theOutputManifestRoundTripsOddPathsAndProblems() throws {
        let folder = RepositoryPaths.temporaryFolder("outputs")
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("outputs.tsv")
        var manifest = OutputManifest()
        manifest.renderKey = "r%1\t"
        manifest.complete = true
        manifest.validUntil = Date(timeIntervalSince1970: 1_790_000_000.5)
        manifest.sources["a b/c%\t.md"] = SourceFingerprint(file: FileStamp(size: 1, modified: 2), sidecar: nil, hash: "ff")
        manifest.sources["x.html"] = SourceFingerprint(file: FileStamp(size: 1, modified: 2), sidecar: FileStamp(size: 3, modified: 4), hash: "ee")
        manifest.outputs["tags/é/index.html"] = .init(key: "k", stamp: FileStamp(size: 10, modified: 11))
        manifest.outputs["line\nbreak.html"] = .init(key: "", stamp: nil)
        manifest.counts = ["published": 3]
        manifest.problems = [.rejected(.extract, source: "q.html", reason: "not an article:\t\"x\"\n")]
        manifest.stale = ["q.html"]
        try manifest.save(url)
        #expect(OutputManifest.load(url) == manifest)
        try Data("something else\n".utf8).write(to: url)
        #expect(OutputManifest.load(url) == nil)
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

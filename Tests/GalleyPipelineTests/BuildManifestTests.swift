import Foundation
import GalleyCore
import GalleyPipeline
import Testing

@Suite struct BuildManifestTests {
    @Test func roundTripsAndIgnoresDamagedFiles() throws {
        let folder = RepositoryPaths.temporaryFolder("manifest")
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = BuildManifest.path(forOutput: folder.appendingPathComponent("public"))
        #expect(url.path.hasSuffix("/.galley/public.manifest.json"))
        var manifest = BuildManifest(inputsKey: "k1")
        let date = try #require(Timestamp.parseISO8601("2020-10-13T10:15:00+07:00"))
        manifest.sources["a.html"] = .init(fingerprint: SourceFingerprint(size: 3, modified: 42, hash: "ab"),
                                           document: ArticleDocument(source: "a.html", frontMatter: FrontMatter(title: "A", date: date, tags: ["x"]), body: "Isi.\n"),
                                           problem: nil)
        manifest.sources["b.html"] = .init(fingerprint: SourceFingerprint(size: 1, modified: 1, hash: "cd"), document: nil,
                                           problem: .rejected(.extract, source: "b.html", reason: "not an article"))
        manifest.outputs["index.html"] = "k1-123"
        try manifest.save(url)
        #expect(BuildManifest.load(url) == manifest)
        try "{not json".write(to: url, atomically: true, encoding: .utf8)
        #expect(BuildManifest.load(url) == nil)
    }

    @Test func fingerprintsSeeSizeTimeAndBytes() throws {
        let folder = RepositoryPaths.temporaryFolder("fingerprint")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("a.html")
        try "halo".write(to: file, atomically: true, encoding: .utf8)
        let first = try #require(SourceFingerprint.stat(file))
        #expect(first.size == 4)
        #expect(SourceFingerprint.hash(Array("halo".utf8)) != SourceFingerprint.hash(Array("hal0".utf8)))
        #expect(SourceFingerprint.hash(Array("halo".utf8)) == SourceFingerprint.hash(Array("halo".utf8)))
    }
}

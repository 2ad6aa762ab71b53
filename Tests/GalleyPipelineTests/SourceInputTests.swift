import Foundation
import GalleyCore
@testable import GalleyPipeline
import Testing

@Suite struct SourceInputTests {
    func gzip(_ text: String) throws -> [UInt8] {
        let folder = RepositoryPaths.temporaryFolder("gzip")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("x")
        try text.write(to: file, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/gzip")
        process.arguments = ["-9", "-n", file.path]
        try process.run()
        process.waitUntilExit()
        return [UInt8](try Data(contentsOf: folder.appendingPathComponent("x.gz")))
    }

    @Test func gzipRoundTripsAndTruncationIsAnError() throws {
        let text = String(repeating: "<p>Halo dunia</p>\n", count: 5000)
        let compressed = try gzip(text)
        #expect(try GzipDecoder.decompress(compressed, source: "a.html.gz") == Array(text.utf8))
        do throws(GalleyError) {
            _ = try GzipDecoder.decompress(Array(compressed.prefix(compressed.count / 2)), source: "a.html.gz")
            Issue.record("a truncated gzip was accepted")
        } catch {
            #expect(error.reason.contains("truncated"))
            #expect(error.source == "a.html.gz")
        }
        #expect(throws: GalleyError.self) { try GzipDecoder.decompress([1, 2, 3, 4, 5], source: "b.html.gz") }
    }

    /// A page that inflates past the limit (64 MB) is refused as a bomb, and one just under it
    /// grows the output buffer many times and comes back whole.
    @Test func gzipBombIsRefusedAndALargePageInflatesWhole() throws {
        let under = String(repeating: "a", count: GzipDecoder.maximumOutput - 10)
        #expect(try GzipDecoder.decompress(try gzip(under), source: "big.html.gz").count == under.utf8.count)
        let bomb = try gzip(String(repeating: "a", count: GzipDecoder.maximumOutput + 1))
        do throws(GalleyError) {
            _ = try GzipDecoder.decompress(bomb, source: "bomb.html.gz")
            Issue.record("a gzip bomb was accepted")
        } catch {
            #expect(error.reason.contains("decompresses to more than 64 MB"), "\(error.reason)")
            #expect(error.source == "bomb.html.gz")
        }
    }

    @Test func discoveryFindsPagesSidecarsAndMarkdownButNotLinksOrReadmes() throws {
        let folder = RepositoryPaths.temporaryFolder("discover")
        let outside = RepositoryPaths.temporaryFolder("outside")
        defer {
            try? FileManager.default.removeItem(at: folder)
            try? FileManager.default.removeItem(at: outside)
        }
        let manager = FileManager.default
        try manager.createDirectory(at: folder.appendingPathComponent("sub"), withIntermediateDirectories: true)
        for name in ["a.html", "sub/b.htm", "c.html.gz", "c.json", "d.md", "README.md", ".hidden.html", "notes.txt"] {
            try "x".write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        try "secret".write(to: outside.appendingPathComponent("secret.html"), atomically: true, encoding: .utf8)
        try manager.createSymbolicLink(at: folder.appendingPathComponent("link"), withDestinationURL: outside)
        try manager.createSymbolicLink(at: folder.appendingPathComponent("linked.html"), withDestinationURL: outside.appendingPathComponent("secret.html"))
        let files = try ContentDiscovery.discover(in: folder)
        #expect(files.map(\.path) == ["a.html", "c.html.gz", "d.md", "sub/b.htm"])
        #expect(files.first { $0.path == "c.html.gz" }?.sidecar?.lastPathComponent == "c.json")
        #expect(throws: GalleyError.self) { try ContentDiscovery.discover(in: folder.appendingPathComponent("missing")) }
    }

    @Test func sidecarHeadersGiveTheCharset() throws {
        let sidecar = try JSONDecoder().decode(SourceSidecar.self, from: Data(#"{"url":"https://x.org/a","fetched_at":"2020-10-13T10:00:00+07:00","headers":{"Content-Type":"text/html; charset=\"Windows-1252\""}}"#.utf8))
        #expect(sidecar.declaredCharset == "windows-1252")
        #expect(sidecar.fetchTimestamp?.rfc3339 == "2020-10-13T10:00:00+07:00")
    }
}

import Foundation
import GalleyCore
import GalleyPipeline
@testable import GalleyServe

/// A small site in a temporary folder (three Markdown articles, a config, the repository's
/// templates) served by a running `SiteServer` on a free port.
struct ServeFixture: Sendable {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let templates = repository.appendingPathComponent("templates").resolvingSymlinksInPath()

    static let config = """
        title: Serve Test
        description: A site for the preview server tests.
        base_url: https://serve.example.org/
        language: en
        timezone: UTC

        """

    /// The articles: file name → (title, date, tags, body).
    static let articles: [(file: String, title: String, date: String, tags: String, body: String)] = [
        ("flood.md", "Tidal Flood Reaches the Northern Coast", "2026-10-12T09:30:00+07:00", "[Banjir, Climate]",
         "Sea water flooded three coastal villages on Monday morning.\n\nResidents moved to higher ground."),
        ("rail.md", "Fast Train Adds Weekend Services", "2026-10-10T08:00:00+07:00", "[Transport]",
         "The operator added four weekend trips after occupancy rose."),
        ("harvest.md", "Chilli Farmers Plant Early After First Rain", "2026-09-15T07:30:00+07:00", "[Pertanian, Climate]",
         "Farmers in the highlands started planting two weeks early."),
    ]

    /// The page of the first article, as the default permalink places it.
    static let floodPage = "/2026/10/tidal-flood-reaches-the-northern-coast/"

    let folder: URL
    let server: SiteServer
    let port: Int
    private let running: Task<Void, any Error>

    var content: URL { folder.appendingPathComponent("content") }
    var output: URL { folder.appendingPathComponent("public") }
    var configFile: URL { folder.appendingPathComponent("galley.yml") }

    /// Writes the site, starts a server over it and waits until it listens.
    static func start(port: Int = 0) async throws -> ServeFixture {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("galley-serve-\(UUID().uuidString)")
        try makeSite(in: folder)
        return try await start(in: folder, port: port)
    }

    /// Starts a server over the site in `folder`.
    static func start(in folder: URL, port: Int) async throws -> ServeFixture {
        let build = BuildPipeline.Options(
            configFile: folder.appendingPathComponent("galley.yml"), configRequired: true,
            contentFolder: folder.appendingPathComponent("content"), outputFolder: folder.appendingPathComponent("public"),
            templatesFolder: templates, jobs: 1)
        let server = SiteServer(options: ServeOptions(build: build, host: "127.0.0.1", port: port)) { _ in }
        let (ports, announce) = AsyncStream.makeStream(of: Int.self)
        let running = Task {
            defer { announce.finish() }
            try await server.run { announce.yield($0) }
        }
        guard let port = await ports.first(where: { _ in true }) else {
            try await running.value
            throw RawHTTPClient.Failure(description: "the server stopped before it listened")
        }
        return ServeFixture(folder: folder, server: server, port: port, running: running)
    }

    static func makeSite(in folder: URL) throws {
        let content = folder.appendingPathComponent("content")
        try FileManager.default.createDirectory(at: content, withIntermediateDirectories: true)
        try config.write(to: folder.appendingPathComponent("galley.yml"), atomically: true, encoding: .utf8)
        for article in articles {
            try markdown(article).write(to: content.appendingPathComponent(article.file), atomically: true, encoding: .utf8)
        }
    }

    static func markdown(_ article: (file: String, title: String, date: String, tags: String, body: String), extra: String = "") -> String {
        """
        ---
        title: "\(article.title)"
        date: \(article.date)
        author: Test Desk
        tags: \(article.tags)
        region: Jakarta
        summary: "A test article."
        ---

        \(article.body)\(extra)

        """
    }

    /// GET (or another method) of a raw target.
    func get(_ target: String, method: String = "GET", headers: [String: String] = [:]) async throws -> RawHTTPClient.Reply {
        try await RawHTTPClient.send(port: port, method: method, target: target, headers: headers)
    }

    /// Stops the server, waits for `run` to return (and says how long that took), removes the site.
    @discardableResult
    func stop() async throws -> Duration {
        let started = ContinuousClock.now
        server.stop()
        try await running.value
        let took = ContinuousClock.now - started
        try? FileManager.default.removeItem(at: folder)
        return took
    }
}

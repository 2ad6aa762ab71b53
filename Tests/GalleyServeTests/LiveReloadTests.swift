import Foundation
import Testing
@testable import GalleyServe

/// Saving a file rebuilds the site and reloads open pages; a rebuild that fails keeps the last
/// good site served and reports its error.
@Suite(.serialized) struct LiveReloadTests {
    @Test func aSavedArticleIsServedAndReloadedWithinSeconds() async throws {
        let site = try await ServeFixture.start()
        let events = try EventStreamClient(port: site.port)
        defer { events.close() }
        #expect(await events.wait(for: "galley live reload") != nil, "no event stream")
        let before = try await site.get(ServeFixture.floodPage)
        #expect(before.status == 200 && !before.text.contains("Live edit"))

        var latencies: [Duration] = []
        for round in 1...3 {
            let mark = events.received.count
            let saved = ContinuousClock.now
            let edit = "\n\nLive edit number \(round)."
            try ServeFixture.markdown(ServeFixture.articles[0], extra: edit)
                .write(to: site.content.appendingPathComponent("flood.md"), atomically: true, encoding: .utf8)
            let reloaded = try #require(await events.wait(for: "event: reload", after: mark), "no reload event after save \(round)")
            latencies.append(reloaded - saved)
            let page = try await site.get(ServeFixture.floodPage)
            #expect(page.text.contains("Live edit number \(round)."), "round \(round): the page does not show the edit")
        }
        let shown = latencies.map { "\(Int(($0 / .milliseconds(1)).rounded())) ms" }.joined(separator: ", ")
        print("save → reload event at an SSE client: \(shown) (scan 250 ms, debounce 300 ms, build included)")
        for latency in latencies { #expect(latency < .seconds(10), "slower than a few seconds") }
        #expect(site.server.status.state == .ok && site.server.status.build == 4)
        try await site.stop()
    }

    @Test func newAndRemovedFilesRebuildToo() async throws {
        let site = try await ServeFixture.start()
        let events = try EventStreamClient(port: site.port)
        defer { events.close() }
        #expect(await events.wait(for: "galley live reload") != nil)
        let extra = (file: "port.md", title: "Harbour Reopens After Storm", date: "2026-10-11T10:00:00+07:00", tags: "[Transport]",
                     body: "The harbour reopened on Sunday.")
        var mark = events.received.count
        try ServeFixture.markdown(extra).write(to: site.content.appendingPathComponent(extra.file), atomically: true, encoding: .utf8)
        #expect(await events.wait(for: "event: reload", after: mark) != nil)
        #expect(try await site.get("/2026/10/harbour-reopens-after-storm/").status == 200)

        mark = events.received.count
        try FileManager.default.removeItem(at: site.content.appendingPathComponent(extra.file))
        #expect(await events.wait(for: "event: reload", after: mark) != nil)
        #expect(try await site.get("/2026/10/harbour-reopens-after-storm/").status == 404)
        try await site.stop()
    }

    @Test func aFailedRebuildKeepsTheLastGoodSiteAndReportsTheError() async throws {
        let site = try await ServeFixture.start()
        let events = try EventStreamClient(port: site.port)
        defer { events.close() }
        #expect(await events.wait(for: "galley live reload") != nil)
        let pageFile = site.output.appendingPathComponent(String(ServeFixture.floodPage.dropFirst()) + "index.html")
        let goodFile = try Data(contentsOf: pageFile)

        // A broken config: the permalink has no :slug (and markup in its value).
        var mark = events.received.count
        try (ServeFixture.config + "permalink: /:year/<b>broken</b>/\n").write(to: site.configFile, atomically: true, encoding: .utf8)
        #expect(await events.wait(for: "event: failed", after: mark) != nil, "no failed event")
        let status = try await site.get("/__galley/status")
        let failed = try JSONDecoder().decode(BuildStatus.self, from: Data(status.body))
        #expect(failed.state == .failed)
        #expect(failed.error?.contains("config") == true, "\(failed.error ?? "no error")")
        #expect(failed.error?.contains("galley.yml") == true)
        print("failed rebuild reported as: \(failed.error ?? "")")

        // The last good page is still served, now with the error box (escaped) before </body>.
        #expect(try Data(contentsOf: pageFile) == goodFile, "the failed build touched the output")
        let page = try await site.get(ServeFixture.floodPage)
        #expect(page.status == 200)
        #expect(page.body == LiveReloadScript.inject(into: Array(goodFile), status: failed))
        #expect(page.text.contains("id=\"\(LiveReloadScript.boxID)\""))
        #expect(!page.text.contains("<b>broken</b>"), "the error text reached the page as markup")

        // Fixing it reloads the pages (which then show no error).
        mark = events.received.count
        try ServeFixture.config.write(to: site.configFile, atomically: true, encoding: .utf8)
        #expect(await events.wait(for: "event: reload", after: mark) != nil, "no reload after the fix")
        let fixed = try JSONDecoder().decode(BuildStatus.self, from: Data(try await site.get("/__galley/status").body))
        #expect(fixed.state == .ok && fixed.error == nil)
        try await site.stop()
    }

    @Test func aBuildThatChangesNothingReloadsNothingAndABadPageFailsAlone() async throws {
        let site = try await ServeFixture.start()
        let events = try EventStreamClient(port: site.port)
        defer { events.close() }
        #expect(await events.wait(for: "galley live reload") != nil)
        let mark = events.received.count
        // A file the build ignores: a rebuild runs, writes nothing, and open pages stay as they are.
        try Data("ignored".utf8).write(to: site.content.appendingPathComponent("notes.txt"))
        #expect(await Self.waitForBuild(2, of: site))
        // A page with broken front matter fails alone; the rest of the site is still published.
        try "---\ntitle: [unclosed\n".write(to: site.content.appendingPathComponent("broken.md"), atomically: true, encoding: .utf8)
        #expect(await Self.waitForBuild(3, of: site))
        #expect(site.server.status.state == .ok)
        #expect(site.server.status.problems.contains { $0.contains("broken.md") }, "\(site.server.status.problems)")
        #expect(!events.received.dropFirst(mark).contains("event:"), "a build that changed nothing reloaded the pages")
        #expect(try await site.get(ServeFixture.floodPage).status == 200)
        try await site.stop()
    }

    private static func waitForBuild(_ number: Int, of site: ServeFixture) async -> Bool {
        let deadline = ContinuousClock.now + .seconds(20)
        while ContinuousClock.now < deadline {
            if site.server.status.build >= number { return true }
            try? await Task.sleep(for: .milliseconds(20))
        }
        return false
    }
}

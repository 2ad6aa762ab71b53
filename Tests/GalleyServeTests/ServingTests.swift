import Foundation
import GalleyCore
import Testing
@testable import GalleyServe

/// The preview server over HTTP: content types, folders, redirects, the 404 page, HEAD,
/// validators, the reload script (served, never written).
@Suite(.serialized) struct ServingTests {
    @Test func servesPagesAndAssetsWithTheirContentTypes() async throws {
        let site = try await ServeFixture.start()
        // Files the build did not write are served too (the build leaves them alone).
        let extras = ["logo.png", "photo.jpg", "photo.webp", "anim.gif", "favicon.ico", "font.woff", "font.woff2", "app.js",
                      "data.json", "icon.svg", "notes.txt", "feed.atom"]
        for name in extras { try Data("x".utf8).write(to: site.output.appendingPathComponent(name)) }

        let expected: [(String, String)] = [
            ("/", "text/html; charset=utf-8"), ("/index.html", "text/html; charset=utf-8"),
            (ServeFixture.floodPage, "text/html; charset=utf-8"), ("/static/galley.css", "text/css; charset=utf-8"),
            ("/feed.xml", "application/atom+xml; charset=utf-8"), ("/tags/climate/feed.xml", "application/atom+xml; charset=utf-8"),
            ("/sitemap.xml", "application/xml; charset=utf-8"), ("/robots.txt", "text/plain; charset=utf-8"),
            ("/logo.png", "image/png"), ("/photo.jpg", "image/jpeg"), ("/photo.webp", "image/webp"), ("/anim.gif", "image/gif"),
            ("/favicon.ico", "image/x-icon"), ("/font.woff", "font/woff"), ("/font.woff2", "font/woff2"),
            ("/app.js", "text/javascript; charset=utf-8"), ("/data.json", "application/json; charset=utf-8"),
            ("/icon.svg", "image/svg+xml"), ("/notes.txt", "text/plain; charset=utf-8"), ("/feed.atom", "application/atom+xml; charset=utf-8"),
            ("/__galley/live.js", "text/javascript; charset=utf-8"), ("/__galley/status", "application/json; charset=utf-8"),
        ]
        for (target, type) in expected {
            let reply = try await site.get(target)
            #expect(reply.status == 200, "\(target)")
            #expect(reply.headers["content-type"] == type, "\(target)")
            #expect(reply.headers["x-content-type-options"] == "nosniff" || target.hasPrefix("/__galley/"), "\(target)")
        }
        let home = try await site.get("/")
        #expect(home.text.contains("Tidal Flood Reaches the Northern Coast"))
        #expect(Int(home.headers["content-length"] ?? "") == home.body.count)
        try await site.stop()
    }

    @Test func reloadScriptIsInjectedIntoHTMLButNeverWrittenToDisk() async throws {
        let site = try await ServeFixture.start()
        let tag = LiveReloadScript.tag
        for target in ["/", ServeFixture.floodPage, "/tags/", "/does-not-exist"] {
            let reply = try await site.get(target)
            #expect(reply.text.contains(tag + "</body>"), "\(target) has no reload script before </body>")
            #expect(reply.text.components(separatedBy: tag).count == 2, "\(target): the script once")
        }
        for file in ["index.html", "404.html", String(ServeFixture.floodPage.dropFirst()) + "index.html"] {
            let disk = try String(contentsOf: site.output.appendingPathComponent(file), encoding: .utf8)
            #expect(!disk.contains("__galley"), "\(file) on disk carries the reload script")
        }
        let css = try await site.get("/static/galley.css")
        #expect(!css.text.contains("__galley"))
        let script = try await site.get(LiveReloadScript.path)
        #expect(script.text.contains("new EventSource('/__galley/events')"))
        #expect(script.text.contains("textContent"), "the error box shows text, never markup")
        try await site.stop()
    }

    @Test func missingPagesGetTheSite404PageWithStatus404() async throws {
        let site = try await ServeFixture.start()
        let sitePage = try String(contentsOf: site.output.appendingPathComponent("404.html"), encoding: .utf8)
        for target in ["/nothing-here", "/2026/01/missing/", "/tags/no-such-tag/", "/index.html/"] {
            let reply = try await site.get(target)
            #expect(reply.status == 404, "\(target)")
            #expect(reply.headers["content-type"] == "text/html; charset=utf-8")
            // The site's page, with `<base href="/">` so its relative links work at any depth.
            let served = LiveReloadScript.inject(into: OutputFileResponder.withRootBase(Array(sitePage.utf8))).string
            #expect(reply.text == served, "\(target) is not the site's 404 page")
            #expect(reply.text.contains("<base href=\"/\">"))
        }
        let head = try await site.get("/nothing-here", method: "HEAD")
        #expect(head.status == 404 && head.body.isEmpty)
        try await site.stop()
    }

    @Test func headAnswersLikeGetWithoutABody() async throws {
        let site = try await ServeFixture.start()
        for target in ["/", "/static/galley.css", "/feed.xml", "/tags"] {
            let get = try await site.get(target)
            let head = try await site.get(target, method: "HEAD")
            #expect(head.status == get.status, "\(target)")
            #expect(head.body.isEmpty, "\(target): HEAD has a body")
            #expect(head.headers["content-length"] == get.headers["content-length"], "\(target)")
            #expect(head.headers["content-type"] == get.headers["content-type"], "\(target)")
            #expect(head.headers["etag"] == get.headers["etag"], "\(target)")
        }
        let post = try await site.get("/", method: "POST")
        #expect(post.status == 405 && post.headers["allow"] == "GET, HEAD")
        try await site.stop()
    }

    @Test func validatorsAnswer304() async throws {
        let site = try await ServeFixture.start()
        for target in ["/", "/static/galley.css", ServeFixture.floodPage] {
            let first = try await site.get(target)
            let tag = try #require(first.headers["etag"], "\(target) has no ETag")
            let modified = try #require(first.headers["last-modified"], "\(target) has no Last-Modified")
            #expect(HTTPDate.parse(modified) != nil, "\(modified)")

            let byTag = try await site.get(target, headers: ["If-None-Match": tag])
            #expect(byTag.status == 304 && byTag.body.isEmpty, "\(target) If-None-Match")
            #expect(byTag.headers["etag"] == tag)
            let inList = try await site.get(target, headers: ["If-None-Match": "\"other\", W/\(tag)"])
            #expect(inList.status == 304, "\(target) weak tag in a list")
            let otherTag = try await site.get(target, headers: ["If-None-Match": "\"other\""])
            #expect(otherTag.status == 200 && otherTag.body == first.body, "\(target) other tag")

            let byDate = try await site.get(target, headers: ["If-Modified-Since": modified])
            #expect(byDate.status == 304 && byDate.body.isEmpty, "\(target) If-Modified-Since")
            let old = try await site.get(target, headers: ["If-Modified-Since": "Mon, 01 Jan 2001 00:00:00 GMT"])
            #expect(old.status == 200, "\(target) modified since 2001")
            // If-None-Match decides when both are sent.
            let both = try await site.get(target, headers: ["If-None-Match": "\"other\"", "If-Modified-Since": modified])
            #expect(both.status == 200, "\(target) If-None-Match wins")
        }
        try await site.stop()
    }

    @Test func foldersServeTheirIndexAndRedirectWithoutTheSlash() async throws {
        let site = try await ServeFixture.start()
        let folder = try await site.get("/tags/")
        let index = try await site.get("/tags/index.html")
        #expect(folder.status == 200 && folder.body == index.body)

        let cases = [("/tags", "/tags/"), ("/tags?page=2", "/tags/?page=2"), ("/2026/10/tidal-flood-reaches-the-northern-coast", ServeFixture.floodPage),
                     ("//tags", "/tags/"), ("/static", "/static/")]
        for (target, location) in cases {
            let reply = try await site.get(target)
            #expect(reply.status == 301, "\(target)")
            #expect(reply.headers["location"] == location, "\(target)")
        }
        // A folder without index.html is not listed.
        let bare = try await site.get("/static/")
        #expect(bare.status == 404)
        try await site.stop()
    }

    @Test func stopsPromptlyWithAnOpenEventStream() async throws {
        let site = try await ServeFixture.start()
        let events = try EventStreamClient(port: site.port)
        #expect(await events.wait(for: "galley live reload") != nil)
        let took = try await site.stop()
        print("server stopped in \(took) with an event stream open")
        #expect(took < .seconds(10))
        events.close()
        await #expect(throws: (any Error).self) { try await RawHTTPClient.send(port: site.port, target: "/") }
    }

    @Test func aTakenPortIsAnError() async throws {
        let site = try await ServeFixture.start()
        let other = FileManager.default.temporaryDirectory.appendingPathComponent("galley-serve-\(UUID().uuidString)")
        try ServeFixture.makeSite(in: other)
        defer { try? FileManager.default.removeItem(at: other) }
        await #expect(throws: GalleyError.self) { _ = try await ServeFixture.start(in: other, port: site.port) }
        try await site.stop()
    }
}

private extension Array where Element == UInt8 {
    var string: String { String(decoding: self, as: UTF8.self) }
}

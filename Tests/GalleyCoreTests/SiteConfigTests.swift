import GalleyCore
import Testing

@Suite struct SiteConfigTests {
    @Test func defaultsAreValid() throws {
        let config = try SiteConfig().validated(source: "galley.yml")
        #expect(config.baseURL.hasSuffix("/"))
    }

    @Test func badValuesNameTheKey() {
        var config = SiteConfig()
        config.baseURL = "news.example.org"
        #expect(throws: GalleyError.self) { try config.validated(source: "galley.yml") }
        config = SiteConfig()
        config.timezone = "Mars/Olympus"
        do {
            _ = try config.validated(source: "galley.yml")
            Issue.record("expected an error")
        } catch {
            #expect(error.description.contains("timezone"))
            #expect(error.stage == .config)
        }
        config = SiteConfig()
        config.permalink = "/:year/"
        #expect(throws: GalleyError.self) { try config.validated(source: "galley.yml") }
    }

    /// Issue 8: a permalink that would make an unsafe output path is a config error naming the
    /// key (exit 2, nothing written), not a build that stops at the write phase.
    @Test(arguments: [
        "/..\\..\\:slug/", "/:year\\:slug/", "\\\\server\\:slug", "/:slug\u{0}/", "/:slug\n/", "/news:x/:slug/", "/:foo/:slug/",
        "/a b/:slug/", "/%2e%2e/:slug/", "/berita?/:slug/", "/berit\u{E4}/:slug/", "C:/:slug/",
        "/../../:slug/", "/:section/../../../:slug/..", "/./:slug/", "/.hidden/:slug/", "/.:slug/", "/:slug./",
    ])
    func unsafePermalinksAreConfigErrors(permalink: String) {
        var config = SiteConfig()
        config.permalink = permalink
        do {
            _ = try config.validated(source: "galley.yml")
            Issue.record("\(permalink.debugDescription) was accepted")
        } catch {
            #expect(error.stage == .config)
            #expect(error.source == "galley.yml")
            #expect(error.reason.hasPrefix("permalink "), "\(error)")
        }
    }

    @Test(arguments: ["/:year/:month/:slug/", "/:region/:section/:slug/", "/:year/:slug/", "/:slug/", "/:slug", "/:slug.html",
                      "/berita/:year-:month-:day/:slug/", "/:region/:slug.html", "news/:slug/", "/:year//:slug/", "/a_b-c.d/:slug/"])
    func safePermalinksAreAccepted(permalink: String) throws {
        var config = SiteConfig()
        config.permalink = permalink
        #expect(try config.validated(source: "galley.yml").permalink == permalink)
    }

    @Test func parallelMapKeepsInputOrder() {
        let input = Array(0..<1000)
        #expect(parallelMap(input, jobs: 4) { $0 * 2 } == input.map { $0 * 2 })
        #expect(parallelMap([Int](), jobs: 4) { $0 }.isEmpty)
        // Results that hold references (written into the array by the workers) are each kept once.
        let texts = parallelMap(Array(0..<5_000), jobs: 2) { String(repeating: "x", count: $0 % 40) + "\($0)" }
        #expect(texts == (0..<5_000).map { String(repeating: "x", count: $0 % 40) + "\($0)" })
        #expect(parallelMap(["satu"], jobs: 2) { $0.uppercased() } == ["SATU"])
    }
}

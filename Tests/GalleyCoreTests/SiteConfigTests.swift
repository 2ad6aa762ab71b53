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

    @Test func parallelMapKeepsInputOrder() {
        let input = Array(0..<1000)
        #expect(parallelMap(input, jobs: 4) { $0 * 2 } == input.map { $0 * 2 })
        #expect(parallelMap([Int](), jobs: 4) { $0 }.isEmpty)
    }
}

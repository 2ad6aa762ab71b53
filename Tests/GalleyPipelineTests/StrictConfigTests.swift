import Foundation
import GalleyCore
@testable import GalleyPipeline
import Testing

/// `galley.yml` is read strictly: an unknown key is an error with the nearest known key
/// suggested, errors name the line, and `galley config` prints a configuration that reads back
/// the same.
@Suite struct StrictConfigTests {
    static func load(_ text: String) throws(GalleyError) -> SiteConfig {
        let folder = RepositoryPaths.temporaryFolder("strict-config")
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("galley.yml")
        try? text.write(to: url, atomically: true, encoding: .utf8)
        return try ConfigLoader.load(url, required: true)
    }

    /// The error for `text`: where (the line after the path) and why.
    static func failure(_ text: String) -> (line: String, reason: String)? {
        do throws(GalleyError) {
            _ = try load(text)
            return nil
        } catch {
            #expect(error.stage == .config)
            return (String((error.source ?? "").split(separator: ":").last ?? ""), error.reason)
        }
    }

    @Test func aMisspeltKeyIsAnErrorThatSuggestsTheKnownOne() throws {
        let misspelt = try #require(Self.failure("title: Kabar\nitems_per_pages: 5\n"))
        #expect(misspelt.line == "2")
        #expect(misspelt.reason == "unknown key `items_per_pages` (did you mean `items_per_page`?)")
        let nested = try #require(Self.failure("title: Kabar\nregions:\n  by_sorce:\n    jatim.example: Jawa Timur\n"))
        #expect(nested.line == "3" && nested.reason == "unknown key `by_sorce` under `regions` (did you mean `by_source`?)")
        #expect(Self.failure("Timezone: Asia/Jakarta\n")?.reason.contains("did you mean `timezone`?") == true)
        let far = try #require(Self.failure("colour_scheme: dark\n"))
        #expect(far.reason.hasPrefix("unknown key `colour_scheme` (known keys: title, description, language"), "\(far.reason)")
    }

    @Test func theUsersOwnNamesUnderTheRulesAreNotKeys() throws {
        let config = try Self.load("regions:\n  by_source:\n    jatim.example: Jawa Timur\n  aliases:\n    Sby: Surabaya\ntags:\n  aliases:\n    pemilu: Pemilu 2024\n")
        #expect(config.regions.bySource == ["jatim.example": "Jawa Timur"] && config.regions.aliases == ["Sby": "Surabaya"])
        #expect(config.tags.aliases == ["pemilu": "Pemilu 2024"])
    }

    @Test func aWrongTypeNamesTheKeyAndItsLine() throws {
        let wrong = try #require(Self.failure("title: Kabar\n\nitems_per_page: lima\n"))
        #expect(wrong.line == "3" && wrong.reason.hasPrefix("items_per_page: "), "\(wrong)")
        let nested = try #require(Self.failure("tags:\n  aliases: [a, b]\n"))
        #expect(nested.line == "2" && nested.reason.hasPrefix("tags.aliases: "), "\(nested)")
        #expect(Self.failure("- just\n- a list\n")?.reason == "the config must be a mapping of keys to values")
    }

    @Test func imagesRemoteIsKeepOrDrop() throws {
        #expect(try Self.load("title: Kabar\n").images.remote == .keep)
        #expect(try Self.load("images:\n  remote: Drop\n").images.remote == .drop)
        let bad = try #require(Self.failure("title: Kabar\nimages:\n  remote: hide\n"))
        #expect(bad.line == "3" && bad.reason.contains("must be keep or drop"), "\(bad)")
        let misspelt = try #require(Self.failure("images:\n  remot: drop\n"))
        #expect(misspelt.reason == "unknown key `remot` under `images` (did you mean `remote`?)", "\(misspelt)")
    }

    @Test func aBadValueNamesItsKeyAndLine() throws {
        let url = try #require(Self.failure("title: Kabar\nbase_url: ftp://kabar.example/\n"))
        #expect(url.line == "2" && url.reason.hasPrefix("base_url must be an absolute http(s) URL"), "\(url)")
        let zone = try #require(Self.failure("title: Kabar\n\n\ntimezone: Mars/Olympus\n"))
        #expect(zone.line == "4" && zone.reason.hasPrefix("timezone \"Mars/Olympus\""), "\(zone)")
        let count = try #require(Self.failure("items_per_page: 0\n"))
        #expect(count.line == "1" && count.reason == "items_per_page must be at least 1", "\(count)")
        let feed = try #require(Self.failure("title: Kabar\nfeed_content: excerpt\n"))
        #expect(feed.line == "2" && feed.reason.contains("must be summary or full, got \"excerpt\""), "\(feed)")
        let search = try #require(Self.failure("search: sometimes\n"))
        #expect(search.line == "1" && search.reason.hasPrefix("search: "), "\(search)")
        #expect(try Self.load("feed_content: Full\nsearch: true\n").feedContent == .full)
        let mirror = try #require(Self.failure("mirror_urls: yes\n"))
        #expect(mirror.line == "1" && mirror.reason.contains("must be auto or off"), "\(mirror)")
    }

    @Test func suggestionsAreSlipsNotGuesses() {
        #expect(ConfigKeyCheck.suggestion(for: "feeditems", among: SiteConfig.keys) == "feed_items")
        #expect(ConfigKeyCheck.suggestion(for: "BASE_URL", among: SiteConfig.keys) == "base_url")
        #expect(ConfigKeyCheck.suggestion(for: "tag", among: SiteConfig.keys) == "tags")
        #expect(ConfigKeyCheck.suggestion(for: "theme", among: SiteConfig.keys) == nil)
        #expect(ConfigKeyCheck.editDistance("kitten", "sitting") == 3 && ConfigKeyCheck.editDistance("", "ab") == 2)
    }

    @Test func theRepositorysConfigsHoldOnlyKnownKeys() throws {
        for path in ["galley.yml", "bench/galley-bench.yml"] {
            #expect(throws: Never.self, "\(path)") { try ConfigLoader.load(RepositoryPaths.root.appendingPathComponent(path), required: true) }
        }
    }

    @Test func theEffectiveConfigReadsBackTheSame() throws {
        #expect(try Self.load(ConfigWriter.yaml(SiteConfig())) == (try SiteConfig().validated(source: "default")))
        var config = SiteConfig()
        config.title = "yes"
        config.description = "Berita: #1 \"terkini\" — 北京\nbaris dua"
        config.baseURL = "https://kabar.example/berita/"
        config.language = "id"
        config.timezone = "Asia/Jakarta"
        config.permalink = "/:region/:year/:slug/"
        config.itemsPerPage = 7
        config.feedItems = 30
        config.canonical = .source
        config.undated = .reject
        config.feedContent = .full
        config.search = true
        config.mirrorURLs = .off
        config.regions = .init(bySource: ["jatim.example": "Jawa Timur", "example.com/jabar/": "10"], aliases: ["null": "~"])
        config.tags = .init(aliases: ["true": "Pemilu: 2024"])
        let text = ConfigWriter.yaml(config)
        #expect(try Self.load(text) == config, "\(text)")
        #expect(text.hasPrefix("title: \"yes\"\n"), "\(text)")
        for key in SiteConfig.keys { #expect(text.contains("\n\(key):") || text.hasPrefix("\(key):"), "\(key) is missing") }
    }
}

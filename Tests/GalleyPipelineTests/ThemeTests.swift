import Foundation
import GalleyCore
import GalleyRender
@testable import GalleyPipeline
import Testing

@Suite struct ThemeTests {
    @Test func defaultThemeHasIndonesianAndEnglishWordsForEveryKey() throws {
        let theme = try Theme.load(from: RepositoryPaths.templates)
        let english = try #require(theme.strings["en"])
        let indonesian = try #require(theme.strings["id"])
        #expect(Set(english.words.keys) == Set(indonesian.words.keys), "keys differ: \(Set(english.words.keys).symmetricDifference(indonesian.words.keys))")
        #expect(indonesian.months[9] == "Oktober" && indonesian.weekdays[2] == "Selasa")
        // Every {{strings.KEY}} the templates use exists.
        let used = theme.templates.values.flatMap { text in
            text.components(separatedBy: "{{strings.").dropFirst().map { String($0.prefix { $0 != "}" }) }
        }
        for key in Set(used) { #expect(english.words[key] != nil, "strings.\(key) is used but not in strings/en.yml") }
    }

    @Test func brokenStringsFileNamesItself() {
        #expect(throws: GalleyError.self) { try Theme.stringTable(Data("home: Home\nmonths: [a]\n".utf8), source: "strings/xx.yml") }
        #expect(throws: GalleyError.self) { try Theme.stringTable(Data("- a\n- b\n".utf8), source: "strings/xx.yml") }
    }
}

@Suite struct ThemeOverrideTests {
    @Test func aSiteFileReplacesTheThemesFileOfTheSameName() throws {
        let site = RepositoryPaths.temporaryFolder("overrides")
        defer { try? FileManager.default.removeItem(at: site) }
        try FileManager.default.createDirectory(at: site.appendingPathComponent("partials"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: site.appendingPathComponent("static"), withIntermediateDirectories: true)
        try "<footer>Milik situs</footer>".write(to: site.appendingPathComponent("partials/footer.mustache"), atomically: true, encoding: .utf8)
        try "body{}".write(to: site.appendingPathComponent("static/extra.css"), atomically: true, encoding: .utf8)
        let base = try Theme.load(from: RepositoryPaths.templates)
        let theme = try Theme.load(folder: RepositoryPaths.templates, overrides: site)
        #expect(theme.templates["partials/footer"] == "<footer>Milik situs</footer>")
        #expect(theme.templates["article"] == base.templates["article"])
        #expect(theme.assets.map(\.path).contains("static/extra.css"))
        #expect(theme.assets.map(\.path).contains("static/galley.css"))
        #expect(theme.strings["id"] == base.strings["id"])
    }
}

/// One template engine renders every theme: an override that uses what it does not do stops
/// the build with the override's file and line, instead of rendering the site another way.
@Suite struct UnsupportedThemeFeatureTests {
    @Test func anOverrideWithChangedDelimitersIsAnErrorNamingItsLine() throws {
        let site = RepositoryPaths.temporaryFolder("unsupported-theme")
        defer { try? FileManager.default.removeItem(at: site) }
        try FileManager.default.createDirectory(at: site.appendingPathComponent("partials"), withIntermediateDirectories: true)
        try "<footer>\n{{=<% %>=}}<% site.title %>\n</footer>".write(to: site.appendingPathComponent("partials/footer.mustache"),
                                                                   atomically: true, encoding: .utf8)
        let theme = try Theme.load(folder: RepositoryPaths.templates, overrides: site)
        do throws(GalleyError) {
            _ = try TemplatePageRenderer(config: SiteConfig(), templates: theme.templates, templateFolder: "templates", strings: theme.strings)
            Issue.record("the theme was accepted")
        } catch {
            #expect(error.stage == .render)
            #expect(error.source == "templates/partials/footer.mustache")
            #expect(error.reason.hasPrefix("line 2: changed delimiters"), "\(error.reason)")
        }
    }
}

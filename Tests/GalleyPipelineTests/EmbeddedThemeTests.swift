import Foundation
import GalleyCore
@testable import GalleyPipeline
import GalleyTestSupport
import GalleyTheme
import Testing

/// The default theme lives inside the binary, built from `templates/` (one source): the files
/// it carries are the folder's, a site without a theme folder gets the same site, a site's
/// folder is laid over it file by file, and `galley theme export` writes it back out.
@Suite struct EmbeddedThemeTests {
    @Test func theBinaryCarriesExactlyTheTemplatesFolder() throws {
        let onDisk = RepositoryPaths.files(in: RepositoryPaths.templates).filter { !$0.split(separator: "/").contains { $0.hasPrefix(".") } }
        #expect(EmbeddedTheme.files.map(\.path) == onDisk)
        for file in EmbeddedTheme.files {
            let bytes = try [UInt8](Data(contentsOf: RepositoryPaths.templates.appendingPathComponent(file.path)))
            #expect(file.bytes == bytes, "\(file.path) differs from templates/\(file.path): rebuild")
        }
    }

    @Test func theBuiltInThemeIsTheTemplatesFolder() throws {
        let builtIn = try Theme.load(folder: nil, overrides: nil)
        let folder = try Theme.load(from: RepositoryPaths.templates)
        #expect(builtIn.templates == folder.templates && builtIn.assets == folder.assets && builtIn.strings == folder.strings)
        #expect(builtIn.folder == EmbeddedTheme.folderName)
    }

    @Test func aSiteFolderIsLaidOverTheBuiltInTheme() throws {
        let site = RepositoryPaths.temporaryFolder("theme-layer")
        defer { try? FileManager.default.removeItem(at: site) }
        try FileManager.default.createDirectory(at: site.appendingPathComponent("static"), withIntermediateDirectories: true)
        try Data("{{#article}}<h1>{{title}}</h1>{{/article}}".utf8).write(to: site.appendingPathComponent("article.mustache"))
        try Data("body{}".utf8).write(to: site.appendingPathComponent("static/extra.css"))
        let theme = try Theme.load(folder: site, overrides: nil)
        let builtIn = try Theme.embedded()
        #expect(theme.templates["article"] == "{{#article}}<h1>{{title}}</h1>{{/article}}")
        #expect(theme.templates["layout"] == builtIn.templates["layout"], "files the site lacks stay the built-in theme's")
        #expect(Set(theme.assets.map(\.path)) == Set(builtIn.assets.map(\.path)).union(["static/extra.css"]))
    }

    @Test func aSiteWithoutAThemeFolderBuildsTheSameSite() throws {
        let withFolder = RepositoryPaths.temporaryFolder("theme-folder")
        let builtIn = RepositoryPaths.temporaryFolder("theme-builtin")
        defer {
            try? FileManager.default.removeItem(at: withFolder)
            try? FileManager.default.removeItem(at: builtIn)
        }
        for (output, templates) in [(withFolder, RepositoryPaths.templates as URL?), (builtIn, nil)] {
            let options = BuildPipeline.Options(configFile: RepositoryPaths.config, configRequired: true, contentFolder: RepositoryPaths.content,
                                                outputFolder: output, templatesFolder: templates, jobs: 2, now: WholeSiteTests.fixedClock)
            _ = try BuildPipeline(options: options).run()
        }
        let files = RepositoryPaths.files(in: withFolder)
        #expect(files.count > 50 && files == RepositoryPaths.files(in: builtIn))
        for file in files {
            #expect(try Data(contentsOf: withFolder.appendingPathComponent(file)) == Data(contentsOf: builtIn.appendingPathComponent(file)), "\(file)")
        }
    }

    @Test func themeExportWritesTheFolderBackAndNeverOverwrites() async throws {
        let binary = try #require(BrokenInputTests.galleyBinary(), "the galley executable is built beside the tests")
        let work = RepositoryPaths.temporaryFolder("theme-export")
        defer { try? FileManager.default.removeItem(at: work) }
        let target = work.appendingPathComponent("mytheme")
        #expect(try await ChildProcess.capture(binary, ["theme", "export", target.path]).status == 0)
        #expect(RepositoryPaths.files(in: target) == EmbeddedTheme.files.map(\.path))
        for file in EmbeddedTheme.files {
            #expect(try [UInt8](Data(contentsOf: target.appendingPathComponent(file.path))) == file.bytes)
        }
        #expect(try await ChildProcess.capture(binary, ["theme", "export", target.path]).status == 2, "a folder that is not empty is refused")

        // From a folder with nothing but content: no templates/, no --templates.
        let content = work.appendingPathComponent("content")
        try FileManager.default.createDirectory(at: content, withIntermediateDirectories: true)
        try Data("---\ntitle: Banjir Rob\ndate: 2026-10-12T09:30:00+07:00\n---\n\nAir laut merendam tiga desa.\n".utf8)
            .write(to: content.appendingPathComponent("banjir.md"))
        #expect(try await ChildProcess.capture(binary, ["build", "--quiet"], in: work).status == 0)
        #expect(FileManager.default.fileExists(atPath: work.appendingPathComponent("public/static/galley.css").path))
        let article = try #require(RepositoryPaths.files(in: work.appendingPathComponent("public")).first { $0.hasSuffix("banjir-rob/index.html") })

        // The exported theme, named templates/ and changed, is laid over the built-in one without --templates.
        try FileManager.default.moveItem(at: target, to: work.appendingPathComponent("templates"))
        let articleTemplate = work.appendingPathComponent("templates/article.mustache")
        let changed = try String(contentsOf: articleTemplate, encoding: .utf8)
            .replacingOccurrences(of: "<h1 class=\"article__title\">", with: "<h1 class=\"article__title\" data-site-theme>")
        try Data(changed.utf8).write(to: articleTemplate)
        #expect(try await ChildProcess.capture(binary, ["build", "--quiet"], in: work).status == 0)
        #expect(try String(contentsOf: work.appendingPathComponent("public/" + article), encoding: .utf8).contains("data-site-theme"))
    }
}

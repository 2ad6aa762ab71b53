import Foundation
import GalleyCore
@testable import GalleyPipeline
import GalleyTestSupport
import Testing

/// `galley init` starts a site a new user can build at once, from an empty folder and with no
/// file of this repository: a commented `galley.yml` with every key at its default, an example
/// article and scraped page, and a README. It never overwrites anything.
@Suite struct SiteScaffoldTests {
    @Test func everyConfigKeyIsWrittenWithItsDefaultAndWhatItDoes() throws {
        #expect(SiteScaffold.keyHelp.map(\.key).sorted() == SiteConfig.keys.sorted(), "a key without a help line, or a help line for no key")
        let text = try #require(SiteScaffold.files.first { $0.path == "galley.yml" }?.text)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        for key in SiteConfig.keys {
            let index = try #require(lines.firstIndex { $0.hasPrefix("\(key):") }, "\(key) is missing")
            #expect(index > 0 && lines[index - 1].hasPrefix("# "), "\(key) has no comment above it")
        }
        let folder = RepositoryPaths.temporaryFolder("scaffold-config")
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("galley.yml")
        try Data(text.utf8).write(to: url)
        #expect(try ConfigLoader.load(url, required: true) == (try SiteConfig().validated(source: "defaults")))
    }

    static func run(_ binary: URL, _ arguments: [String], in folder: URL) async throws -> (status: Int32, stderr: String) {
        let run = try await ChildProcess.capture(binary, arguments, in: folder)
        return (run.status, run.stderr)
    }

    @Test func initThenBuildFromAnEmptyFolderPublishesBothExamples() async throws {
        let binary = try #require(BrokenInputTests.galleyBinary(), "the galley executable is built beside the tests")
        let work = RepositoryPaths.temporaryFolder("scaffold-site")
        defer { try? FileManager.default.removeItem(at: work) }
        let site = work.appendingPathComponent("site")
        try FileManager.default.createDirectory(at: site, withIntermediateDirectories: true)

        #expect(try await Self.run(binary, ["init"], in: site).status == 0)
        #expect(RepositoryPaths.files(in: site) == SiteScaffold.files.map(\.path).sorted())
        let build = try await Self.run(binary, ["build", "--quiet", "--strict"], in: site)
        #expect(build.status == 0 && build.stderr.isEmpty, "\(build.stderr)")
        let pages = RepositoryPaths.files(in: site.appendingPathComponent("public"))
        let scraped = try #require(pages.first { $0.hasSuffix("harbour-reopens-after-storm-repairs/index.html") }, "\(pages)")
        #expect(pages.contains { $0.hasSuffix("welcome-to-your-galley-site/index.html") })
        let html = try String(contentsOf: site.appendingPathComponent("public/" + scraped), encoding: .utf8)
        #expect(html.contains("Engineers will keep checking") && html.contains("By Rina Sari"))
        #expect(!html.contains("Read also") && !html.contains("facebook.example"), "boilerplate reached the page")

        // A second init writes nothing and says what is there.
        let before = try Data(contentsOf: site.appendingPathComponent("galley.yml"))
        try Data("title: Mine\n".utf8).write(to: site.appendingPathComponent("galley.yml"))
        let again = try await Self.run(binary, ["init"], in: site)
        #expect(again.status == 2 && again.stderr.contains("galley.yml") && again.stderr.contains("nothing was written"), "\(again.stderr)")
        #expect(try String(contentsOf: site.appendingPathComponent("galley.yml"), encoding: .utf8) == "title: Mine\n")
        #expect(!before.isEmpty)

        // A new folder is created.
        #expect(try await Self.run(binary, ["init", "new/site"], in: work).status == 0)
        #expect(FileManager.default.fileExists(atPath: work.appendingPathComponent("new/site/content/welcome.md").path))
    }
}

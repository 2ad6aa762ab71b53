import Foundation
import GalleyCore
import GalleyNormalize
import GalleyPipeline
import GalleyRender
import Testing

/// The golden ladder: for each case folder, the source page (a file of the bundled example,
/// named in `source-path` relative to `content/`) → `extracted.json` → `article.md` →
/// `page.html`. Each rung is produced from the rung below it, so a diff points at one stage.
/// `RECORD_GOLDENS=1 swift test --filter GoldenLadder` rewrites them; review the diff like code.
@Suite struct GoldenLadderTests {
    static let record = ProcessInfo.processInfo.environment["RECORD_GOLDENS"] == "1"
    static let cases: [String] = (try? FileManager.default.contentsOfDirectory(atPath: RepositoryPaths.golden.path).sorted()) ?? []

    let config: SiteConfig
    let processor: PageProcessor
    let renderer: TemplatePageRenderer

    init() throws {
        config = try ConfigLoader.load(RepositoryPaths.config, required: true)
        processor = PageProcessor(config: config)
        let theme = try Theme.load(from: RepositoryPaths.templates)
        renderer = try TemplatePageRenderer(config: config, templates: theme.templates, templateFolder: theme.folder, strings: theme.strings)
    }

    @Test func thereAreAtLeastEightCases() {
        #expect(Self.cases.count >= 8)
    }

    @Test(arguments: cases)
    func extractRung(name: String) throws {
        let folder = RepositoryPaths.golden.appendingPathComponent(name)
        let source = try String(contentsOf: folder.appendingPathComponent("source-path"), encoding: .utf8)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let file = ContentDiscovery.file(at: RepositoryPaths.content.appendingPathComponent(source).path)
        var extracted = try #require(processor.process(file).extracted)
        extracted.source = name
        try compare(Self.json(extracted), folder.appendingPathComponent("extracted.json"))
    }

    @Test(arguments: cases)
    func normaliseRung(name: String) throws {
        let folder = RepositoryPaths.golden.appendingPathComponent(name)
        let data = try Data(contentsOf: folder.appendingPathComponent("extracted.json"))
        let extracted = try JSONDecoder().decode(ExtractedArticle.self, from: data)
        let document = try processor.normalizer.normalize(extracted)
        try compare(processor.normalizer.serialize(document), folder.appendingPathComponent("article.md"))
    }

    @Test(arguments: cases)
    func renderRung(name: String) throws {
        let folder = RepositoryPaths.golden.appendingPathComponent(name)
        let markdown = try String(contentsOf: folder.appendingPathComponent("article.md"), encoding: .utf8)
        let document = try processor.normalizer.parseDocument(markdown, source: name)
        // The build's own mapping from document to summary (URLs checked as the build checks them).
        let summary = ArticleSummary(document: document, slug: document.frontMatter.slug ?? name, paths: config.paths)
        let page = try renderer.renderArticle(document, summary: summary)
        try compare(String(decoding: page.bytes, as: UTF8.self), folder.appendingPathComponent("page.html"))
    }

    static func json(_ article: ExtractedArticle) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(article), as: UTF8.self) + "\n"
    }

    func compare(_ actual: String, _ golden: URL) throws {
        if Self.record {
            try actual.write(to: golden, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: golden, encoding: .utf8)
        if actual != expected {
            let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
            let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let line = zip(actualLines, expectedLines).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(actualLines.count, expectedLines.count)
            let got = line < actualLines.count ? String(actualLines[line]) : "<end>"
            let want = line < expectedLines.count ? String(expectedLines[line]) : "<end>"
            Issue.record("\(golden.lastPathComponent) differs at line \(line + 1):\n  got:  \(got)\n  want: \(want)\n(RECORD_GOLDENS=1 rewrites)")
        }
    }
}

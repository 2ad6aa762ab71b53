import Foundation
import GalleyCore
import GalleyNormalize
import GalleyPipeline
import Testing

/// Editors in the loop, as whole builds into temporary folders: `--keep-markdown` writes each
/// article's Markdown; a `.md` with the same slug in the content folder replaces the extraction
/// on the next build, so a corrected article stays corrected.
@Suite(.serialized) struct EditorLoopTests {
    static let repository = CorpusRoundTripTests.repository
    static let page = "inews/jatim-harga-cabai-surabaya.html"
    static let slug = "harga-cabai-rawit-di-pasar-surabaya-tembus-rp90-000-per-kilogram"
    static let articlePath = "2026/08/\(slug)/index.html"

    static func folder(_ label: String) -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("galley-\(label)-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// A content folder holding one bundled scraped page (and any extra files).
    static func content(with extra: [String: String] = [:]) throws -> URL {
        let content = folder("content")
        try FileManager.default.createDirectory(at: content.appendingPathComponent("inews"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: repository.appendingPathComponent("content/\(page)"), to: content.appendingPathComponent(page))
        for (path, text) in extra { try text.write(to: content.appendingPathComponent(path), atomically: true, encoding: .utf8) }
        return content
    }

    static func build(content: URL, output: URL, keep: URL? = nil, allowInContent: Bool = false) throws(GalleyError) -> BuildReport {
        let options = BuildPipeline.Options(
            configFile: repository.appendingPathComponent("galley.yml"), configRequired: true, contentFolder: content, outputFolder: output,
            templatesFolder: repository.appendingPathComponent("templates"), jobs: 2, now: Date(timeIntervalSince1970: 1_790_000_000),
            keepMarkdownFolder: keep, allowMarkdownInContent: allowInContent, reportsEverySource: false)
        return try BuildPipeline(options: options).run()
    }

    static func text(_ url: URL) -> String { (try? String(contentsOf: url, encoding: .utf8)) ?? "" }

    /// The article body of a built page (between the body wrapper's tags).
    static func body(_ html: String) -> String {
        guard let start = html.range(of: "<div class=\"article-body\">"), let end = html.range(of: "</div>", range: start.upperBound..<html.endIndex) else { return "" }
        return String(html[start.upperBound..<end.lowerBound])
    }

    @Test func markdownWithTheSameSlugOverridesTheExtraction() throws {
        let correction = """
        ---
        title: Harga Cabai Rawit di Pasar Surabaya Tembus Rp90.000 per Kilogram
        date: 2026-08-31T11:20:00+07:00
        author: Lukman Hakim
        ---

        Koreksi redaksi: harga cabai rawit merah Rp85.000 per kilogram, bukan Rp90.000.

        """
        let content = try Self.content(with: ["koreksi.md": correction])
        let output = Self.folder("out")
        defer { [content, output].forEach { try? FileManager.default.removeItem(at: $0) } }
        let report = try Self.build(content: content, output: output)
        #expect(report.overridden == [MarkdownOverride(slug: Self.slug, markdown: "koreksi.md", page: Self.page)])
        #expect(report.summary.contains("1 article overridden by Markdown: \(Self.page) by koreksi.md"), "\(report.summary)")
        #expect(report.published == 1)
        let html = Self.text(output.appendingPathComponent(Self.articlePath))
        #expect(html.contains("Koreksi redaksi: harga cabai rawit merah Rp85.000 per kilogram"))
        #expect(!html.contains("Pantauan iNews.id di Pasar Keputran"), "the extracted body is still there")
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("2026/08/\(Self.slug)-2/index.html").path))
    }

    @Test func keptMarkdownPutBackIntoContentRendersTheSameArticle() throws {
        let content = try Self.content()
        let first = Self.folder("first")
        let second = Self.folder("second")
        let kept = Self.folder("kept").appendingPathComponent("nested/markdown")
        defer { [content, first, second, kept.deletingLastPathComponent().deletingLastPathComponent()].forEach { try? FileManager.default.removeItem(at: $0) } }

        let report = try Self.build(content: content, output: first, keep: kept)
        #expect(report.markdownWritten == 1 && report.markdownUnchanged == 0)
        #expect(report.summary.contains("kept Markdown in \(kept.path): 1 written"))
        let keptFile = kept.appendingPathComponent("\(Self.slug).md")
        let markdown = Self.text(keptFile)
        let document = try MarkdownNormalizer().parseDocument(markdown, source: "kept.md")
        #expect(document.frontMatter.slug == Self.slug)
        #expect(markdown.contains("| Komoditas |") == false && markdown.contains("<table>"))

        // The editor puts the kept file back unchanged: the page comes out the same.
        try FileManager.default.copyItem(at: keptFile, to: content.appendingPathComponent("\(Self.slug).md"))
        let again = try Self.build(content: content, output: second, keep: kept)
        #expect(again.overridden.map(\.page) == [Self.page])
        #expect(again.markdownWritten == 0 && again.markdownUnchanged == 1, "the kept file changed on the second trip")
        let before = Self.body(Self.text(first.appendingPathComponent(Self.articlePath)))
        let after = Self.body(Self.text(second.appendingPathComponent(Self.articlePath)))
        #expect(!before.isEmpty && before == after)
    }

    @Test func aDraftOverrideKeepsTheArticleUnpublished() throws {
        let draft = "---\ntitle: x\nslug: \(Self.slug)\ndate: 2026-08-31T11:20:00+07:00\ndraft: true\n---\n\nDitarik.\n"
        let content = try Self.content(with: ["tarik.md": draft])
        let output = Self.folder("out")
        defer { [content, output].forEach { try? FileManager.default.removeItem(at: $0) } }
        let report = try Self.build(content: content, output: output)
        #expect(report.published == 0)
        #expect(report.drafts == ["tarik.md"])
        #expect(report.overridden.map(\.markdown) == ["tarik.md"])
    }

    @Test func keptMarkdownNeverLandsInTheContentFolderUnlessAllowed() throws {
        let content = try Self.content()
        let output = Self.folder("out")
        defer { [content, output].forEach { try? FileManager.default.removeItem(at: $0) } }
        let inside = content.appendingPathComponent("kept")
        do throws(GalleyError) {
            _ = try Self.build(content: content, output: output, keep: inside)
            Issue.record("wrote Markdown into the content folder")
        } catch {
            #expect(error.stage == .config)
        }
        #expect(!FileManager.default.fileExists(atPath: inside.path))
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("index.html").path), "the output was touched")
        let report = try Self.build(content: content, output: output, keep: inside, allowInContent: true)
        #expect(report.markdownWritten == 1)
    }
}

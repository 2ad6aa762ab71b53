import Foundation
import GalleyCore
@testable import GalleyExtract
import Testing

/// Issue 8: pages that made libxml2 cut the page silently or take quadratic time. Each must give
/// a correct extraction or a clear error, quickly.
@Suite struct HostilePageTests {
    let extractor = HTMLExtractor()
    static let title = "Jalan raya di Kota Lama rusak parah setelah banjir"

    /// An article page with `inside` between its paragraphs and a marker word in its last one.
    static func page(head: String = "", inside: String) -> String {
        let paragraphs = PageBuilder.paragraphs.map { "<p>\($0)</p>" }
        return """
        <!DOCTYPE html>
        <html lang="id"><head><meta charset="utf-8"><title>\(title)</title>
        <meta property="og:title" content="\(title)"><meta property="og:type" content="article">\(head)</head>
        <body><article><h1>\(title)</h1>\(paragraphs[0])\(paragraphs[1])\(inside)\(paragraphs[2])
        <p>\(PageBuilder.paragraphs[3]) Kode hpmark01z.</p></article></body></html>
        """
    }

    func extract(_ html: String) throws -> ExtractedArticle {
        try extract(Array(html.utf8))
    }

    func extract(_ bytes: [UInt8]) throws -> ExtractedArticle {
        try extractor.extract(SourcePage(path: "hostile.html", bytes: bytes, sidecar: nil))
    }

    func failure(_ html: String) -> GalleyError? {
        do {
            _ = try extract(html)
            return nil
        } catch let error as GalleyError {
            return error
        } catch {
            return GalleyError(.extract, source: nil, reason: "\(error)")
        }
    }

    static func seconds(_ work: () throws -> Void) rethrows -> Double {
        let start = ContinuousClock.now
        try work()
        let elapsed = ContinuousClock.now - start
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }

    // MARK: Text longer than libxml2 reads

    /// libxml2 (without XML_PARSE_HUGE) stops at a text node over 10,000,000 bytes and keeps the
    /// part before: the article was published cut after the long word. Now a clear error.
    @Test(arguments: ["a 10 MB word", "10 MB of words in one paragraph", "a hidden 10 MB text before the story's end"])
    func aTextRunOverLibxml2sLimitIsAClearError(name: String) throws {
        let inside = switch name {
        case "a 10 MB word": "<p>Kata " + String(repeating: "x", count: 10_000_000) + " selesai.</p>"
        case "10 MB of words in one paragraph": "<p>" + String(repeating: "kata ", count: 2_000_001) + "</p>"
        default: "<div hidden>" + String(repeating: "z", count: 10_000_001) + "</div>"
        }
        let bytes = Array(Self.page(inside: inside).utf8)
        do {
            let article = try extract(bytes)
            Issue.record("\(name): published (\(PlainText.of(article.content).count) characters) instead of an error")
        } catch let error as GalleyError {
            #expect(error.stage == .extract && error.kind == .failed, "\(error)")
            #expect(error.reason.contains("10,000,000-byte limit"), "\(name): \(error.reason)")
        }
    }

    /// Just under the limit, the whole page is read.
    @Test func aTextRunUnderTheLimitIsReadWhole() throws {
        let article = try extract(Self.page(inside: "<p>Kata " + String(repeating: "x", count: 2_000_000) + " selesai.</p>"))
        let text = PlainText.of(article.content)
        #expect(text.contains("hpmark01z") && text.contains(" selesai."))
    }

    /// Elements nested deeper than 256 levels made libxml2 stop too (silently, keeping the part
    /// before): a clear error; 200 levels are read whole.
    @Test func nestingOverLibxml2sLimitIsAClearError() throws {
        let deep = String(repeating: "<div>", count: 300) + "<p>Dalam.</p>" + String(repeating: "</div>", count: 300)
        let error = try #require(failure(Self.page(inside: deep)))
        #expect(error.reason.contains("nested deeper than libxml2's 256-level limit"), "\(error.reason)")
        let shallow = String(repeating: "<div>", count: 200) + "<p>Dalam.</p>" + String(repeating: "</div>", count: 200)
        #expect(PlainText.of(try extract(Self.page(inside: shallow)).content).contains("hpmark01z"))
    }

    // MARK: Attributes

    /// libxml2 2.9.14 compares each attribute with every earlier one of its tag: 80,000 took
    /// ~15 s (debug and release alike). The tag keeps its first `maximumAttributesPerTag`.
    @Test(arguments: ["UTF-8", "UTF-16LE"])
    func aTagWithEightyThousandAttributesIsQuick(encoding: String) throws {
        let attributes = (0..<80_000).map { "data-a\($0)=\"\($0)\"" }.joined(separator: " ")
        let html = Self.page(inside: "<p " + attributes + ">Paragraf dengan atribut sangat banyak.</p>")
        let utf16: [UInt8] = [0xFF, 0xFE] + html.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let bytes = encoding == "UTF-8" ? Array(html.utf8) : utf16
        var article: ExtractedArticle?
        let seconds = try Self.seconds { article = try extract(bytes) }
        #expect(seconds < 1, "\(encoding): \(String(format: "%.2f", seconds)) s")
        let text = PlainText.of(article?.content ?? [])
        #expect(article?.metadata.title == Self.title)
        #expect(text.contains("Paragraf dengan atribut sangat banyak.") && text.contains("hpmark01z"))
    }

    /// Many tags at the limit: the parse stays linear in the page.
    @Test func manyTagsAtTheLimitAreLinear() throws {
        let limit = ExtractionHeuristics.standard.maximumAttributesPerTag
        let tag = "<span " + (0..<limit).map { "a\($0)=\"1\"" }.joined(separator: " ") + ">kata</span> "
        let html = Self.page(inside: "<p>" + String(repeating: tag, count: 400) + "</p>")
        let seconds = try Self.seconds { _ = try extract(html) }
        #expect(seconds < 2, "\(String(format: "%.2f", seconds)) s for 400 tags of \(limit) attributes")
    }

    // MARK: Scripts

    /// A `<script>` start tag inside a comment or an attribute is not a script: the text up to
    /// a later `</script>` is the article's, whatever its length. (The old byte search emptied
    /// everything from a commented-out `<script>` to the next `</script>` over 1 MB.)
    @Test(arguments: ["<!-- <script src=\"old.js\"> -->", "<p title=\"<script>\">Judul kecil.</p>", "<?php echo '<script>'; ?>"])
    func scriptLookalikesAreNotEmptied(lookalike: String) throws {
        let long = (0..<6_000).map { "<p>Paragraf \($0): \(PageBuilder.paragraphs[$0 % 4])</p>" }.joined()
        let html = Self.page(inside: lookalike + long + "<script>var x = 1;</script>")
        #expect(html.utf8.count > ExtractionHeuristics.standard.maximumScriptLength)
        let text = PlainText.of(try extract(html).content)
        #expect(text.contains("Paragraf 0:") && text.contains("Paragraf 5999:") && text.contains("hpmark01z"))
    }

    /// A huge script is emptied before parsing, in UTF-16 pages too (now read as UTF-8).
    @Test func aHugeScriptIsEmptied() throws {
        let script = "<script>var data = \"" + String(repeating: "abcdefghij", count: 1_100_000) + "\";</script>"
        let html = Self.page(head: script, inside: "")
        let utf16: [UInt8] = [0xFE, 0xFF] + html.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        for bytes in [Array(html.utf8), utf16] {
            let article = try extract(bytes)
            #expect(article.metadata.title == Self.title)
            #expect(PlainText.of(article.content).contains("hpmark01z"))
        }
    }
}

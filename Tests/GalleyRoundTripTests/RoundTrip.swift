import Foundation
import GalleyCore
import GalleyExtract
import GalleyNormalize
import GalleyRender

/// One trip of content through the normaliser and the renderer and back: content tree →
/// Markdown (`MarkdownNormalizer`) → HTML (cmark, `MarkdownRenderer`) → content tree
/// (`HTMLExtractor.extractFragment`), both trees in `CanonicalTree` form.
struct RoundTrip {
    let original: [ContentNode]
    let markdown: String
    let html: String
    let returned: [ContentNode]

    var isExact: Bool { original == returned }

    static let normalizer = MarkdownNormalizer()
    static let renderer = MarkdownRenderer()
    static let extractor = HTMLExtractor()

    /// Sends `content` through the trip.
    init(_ content: [ContentNode], baseURL: String? = nil) throws {
        original = CanonicalTree.blocks(content)
        markdown = Self.normalizer.markdown(for: content, baseURL: baseURL)
        html = Self.rendered(markdown)
        returned = CanonicalTree.blocks(try Self.tree(fromHTML: html))
    }

    /// The HTML of `markdown` with its pictures inlined as `data:` URIs shown as they are. A
    /// build shows them from their copies in `media/` (the images phase) and never writes a
    /// `data:` URI; the trip checks the Markdown, so it stands each in for a URL while rendering.
    static func rendered(_ markdown: String) -> String {
        let inline = Array(Set(MarkdownRenderer.imageURLs(in: markdown).filter(URLPolicy.isDataURI))).sorted()
        guard !inline.isEmpty else { return renderer.html(from: markdown) }
        var standIn = markdown
        for (index, uri) in inline.enumerated() { standIn = standIn.replacingOccurrences(of: uri, with: "https://inline-image.invalid/\(index)") }
        var html = renderer.html(from: standIn)
        for (index, uri) in inline.enumerated().reversed() { html = html.replacingOccurrences(of: "https://inline-image.invalid/\(index)", with: uri) }
        return html
    }

    /// The trip of a generated tree: it is first written as plain HTML and read back by the
    /// extractor (T1), so that extraction's own choices (which elements it keeps, how it
    /// groups them) apply to both sides; then T1 makes the trip.
    init(generated content: [ContentNode]) throws {
        try self.init(try Self.tree(fromHTML: ContentHTML.html(of: content)))
    }

    /// The content tree extraction makes of an HTML fragment (no article detection).
    static func tree(fromHTML html: String, source: String = "fragment.html") throws -> [ContentNode] {
        let page = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body>\(html)</body></html>"
        return try extractor.extractFragment(SourcePage(path: source, bytes: Array(page.utf8))).content
    }

    /// The first place the two trees differ, for failure messages.
    var difference: String {
        TreeDifference.first(original, returned) ?? "none"
    }

    /// Everything needed to replay a failure.
    var report: String {
        "difference: \(difference)\n--- markdown ---\n\(markdown)--- html ---\n\(html)"
    }
}

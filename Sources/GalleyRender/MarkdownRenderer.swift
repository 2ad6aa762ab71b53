import CCmark
import GalleyCore

/// CommonMark → HTML with cmark in its safe mode: raw HTML is omitted and `javascript:` links
/// are blanked. The one exception is an HTML block that `HTMLBlockValidator` proves to be a
/// table of the shape the normaliser writes (allowlisted tags, attributes and URLs only); such
/// a block is passed through as a custom block. cmark pointers never leave this type.
struct MarkdownRenderer: Sendable {
    /// cmark options: safe (no `CMARK_OPT_UNSAFE`), smart punctuation off (the text is the source's).
    static let options = CMARK_OPT_DEFAULT | CMARK_OPT_VALIDATE_UTF8

    func html(from markdown: String) -> String {
        let length = markdown.utf8.count
        guard let document = markdown.withCString({ cmark_parse_document($0, length, Self.options) }) else { return "" }
        defer { cmark_node_free(document) }
        passValidatedHTMLBlocks(in: document)
        guard let rendered = cmark_render_html(document, Self.options) else { return "" }
        defer { free(rendered) }
        return String(cString: rendered)
    }

    /// Replaces every HTML block that passes the validator with a custom block holding the same
    /// HTML (cmark emits custom blocks verbatim even in safe mode); others stay and are omitted.
    private func passValidatedHTMLBlocks(in document: OpaquePointer) {
        var approved: [OpaquePointer] = []
        guard let iterator = cmark_iter_new(document) else { return }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator),
                  cmark_node_get_type(node) == CMARK_NODE_HTML_BLOCK else { continue }
            approved.append(node)
        }
        cmark_iter_free(iterator)
        for node in approved {
            guard let literal = cmark_node_get_literal(node) else { continue }
            let html = String(cString: literal)
            guard HTMLBlockValidator.isSafeTable(html), let custom = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK) else { continue }
            cmark_node_set_on_enter(custom, html)
            cmark_node_replace(node, custom)
            cmark_node_free(node)
        }
    }
}

import Foundation

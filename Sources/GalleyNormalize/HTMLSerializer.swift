import GalleyCore

/// Writes the parts of a content tree that CommonMark cannot express (tables) as HTML.
/// The tree is already allowlisted; every text and attribute is escaped here, and URLs pass
/// `URLPolicy`, so the output is safe by construction. The renderer checks it again.
struct HTMLSerializer {
    let baseURL: String?

    /// A table as one HTML block with no blank lines (so CommonMark keeps it whole).
    func table(_ node: ContentNode) -> String {
        var output = ""
        write(node, into: &output)
        return output
    }

    private func write(_ node: ContentNode, into output: inout String) {
        switch node {
        case .text(let text):
            // Line breaks become spaces (a blank line would end the HTML block).
            output += Self.escape(String(text.map { $0.isNewline ? " " : $0 }))
        case .element(let tag, let attributes, let children):
            let name = inlineName(tag)
            guard let name else {
                children.forEach { write($0, into: &output) }
                return
            }
            output += "<" + name
            for key in attributes.keys.sorted() where tag.allowedAttributes.contains(key) {
                guard var value = attributes[key] else { continue }
                if key == "href" || key == "src" {
                    guard let safe = URLPolicy.safeURL(value, base: baseURL) else { continue }
                    value = safe
                }
                output += " " + key + "=\"" + Self.escape(value) + "\""
            }
            output += ">"
            if tag == .img || tag == .br { return }
            children.forEach { write($0, into: &output) }
            output += "</" + name + ">"
            if [.tr, .thead, .tbody, .tfoot, .caption].contains(tag) { output += "\n" }
        }
    }

    /// Element names written as HTML inside a table; others are unwrapped to their content.
    private func inlineName(_ tag: ContentTag) -> String? {
        switch tag {
        case .table, .caption, .thead, .tbody, .tfoot, .tr, .th, .td, .a, .em, .strong, .code, .br, .img, .sub, .sup, .del:
            return tag.rawValue
        default:
            return nil
        }
    }

    /// Text or an attribute value as HTML: `ControlCharacters` dropped, then escaped by
    /// `MarkupEscaper.html`.
    private static func escape(_ text: String) -> String {
        MarkupEscaper.html(ControlCharacters.removed(from: text))
    }
}

import GalleyCore

/// Writes a content tree as plain HTML (every element as itself, `pre` with a
/// `language-` class), so generated trees can be read back through extraction's policy.
enum ContentHTML {
    static func html(of nodes: [ContentNode]) -> String {
        nodes.map(html(of:)).joined()
    }

    static func html(of node: ContentNode) -> String {
        switch node {
        case .text(let text):
            return escape(text)
        case .element(let tag, let attributes, let children):
            if tag == .pre {
                let language = attributes["language"].map { " class=\"language-\(escape($0))\"" } ?? ""
                return "<pre><code\(language)>\(escape(node.textContent))</code></pre>"
            }
            let attributeText = attributes.keys.sorted().map { " \($0)=\"\(escape(attributes[$0]!))\"" }.joined()
            if tag == .img || tag == .br || tag == .hr { return "<\(tag.rawValue)\(attributeText)>" }
            return "<\(tag.rawValue)\(attributeText)>\(html(of: children))</\(tag.rawValue)>"
        }
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}

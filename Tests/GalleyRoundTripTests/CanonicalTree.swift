import Foundation
import GalleyCore

/// The form two content trees are compared in. It removes only differences a reader of the
/// rendered page cannot see, or that CommonMark has no way to say; each rule is listed:
///
/// - control characters and byte order marks (invisible) are dropped;
/// - whitespace collapses as in a browser: runs of spaces, tabs and line breaks are one space;
///   blocks are trimmed (no-break spaces and line breaks at their edges included); spaces next
///   to a line break go; text inside `pre` is kept verbatim except one leading and one trailing
///   line break;
/// - adjacent text merges; adjacent `em`, `strong`, `code`, `del`, `sub`, `sup` merge; spaces at
///   the inside edges of `em`, `strong`, `a`, `del`, `sub`, `sup` move outside; such elements
///   with nothing visible in them (no text, no image) are just their spaces;
/// - `em` inside `em`, `strong` inside `strong` and links inside links are unwrapped (a browser
///   shows them the same); `code` holds plain text;
/// - empty paragraphs, headings, quotes and code blocks go;
/// - a list is loose (its items' text in paragraphs) when any item has a paragraph; otherwise
///   tight — CommonMark decides looseness per list, not per item, and a list of one item with
///   one paragraph cannot be loose; a tight item's text is not in paragraphs, so its text runs
///   (a lone image included) are one run; `start="1"` is the default;
/// - a figure with one image and no caption is that image in a paragraph (there is no Markdown
///   for the difference); a figure with no image is its caption as a paragraph;
/// - URLs are compared percent-decoded; `alt` and `title` with whitespace collapsed and trimmed.
enum CanonicalTree {
    /// The canonical form of block content.
    static func blocks(_ nodes: [ContentNode]) -> [ContentNode] {
        var result: [ContentNode] = []
        var run: [ContentNode] = []
        func flush() {
            let content = trimmed(inline(run, ancestors: []))
            if hasVisibleContent(content) { result.append(.node(.p, content)) }
            run.removeAll()
        }
        for node in nodes {
            if let tag = node.tag, tag.isBlock {
                flush()
                result += block(node)
            } else {
                run.append(node)
            }
        }
        flush()
        return result
    }

    // MARK: Blocks

    private static func block(_ node: ContentNode) -> [ContentNode] {
        guard case .element(let tag, let attributes, let children) = node else { return [] }
        switch tag {
        case .h1, .h2, .h3, .h4, .h5, .h6:
            let content = trimmed(inline(children, ancestors: []))
            return hasVisibleContent(content) ? [.node(tag, content)] : []
        case .ul, .ol:
            return list(tag, attributes: attributes, children: children)
        case .li:
            return list(.ul, attributes: [:], children: [node])
        case .blockquote:
            let content = blocks(children)
            return content.isEmpty ? [] : [.node(.blockquote, content)]
        case .pre:
            return codeBlock(withoutControls(node.textContent), language: attributes["language"])
        case .hr:
            return [.node(.hr)]
        case .figure:
            return figure(children)
        case .table:
            return [table(node)]
        default:
            return paragraphOf(children)
        }
    }

    private static func paragraphOf(_ children: [ContentNode]) -> [ContentNode] {
        if children.contains(where: { $0.tag?.isBlock == true }) { return blocks(children) }
        let content = trimmed(inline(children, ancestors: []))
        return hasVisibleContent(content) ? [.node(.p, content)] : []
    }

    private static func codeBlock(_ text: String, language: String?) -> [ContentNode] {
        var code = text
        if code.hasPrefix("\n") { code.removeFirst() }
        if code.hasSuffix("\n") { code.removeLast() }
        guard !code.allSatisfy(\.isWhitespace) else { return [] }
        var attributes: [String: String] = [:]
        if let language, !language.isEmpty { attributes["language"] = language }
        return [.element(.pre, attributes: attributes, children: [.text(code)])]
    }

    private static func list(_ tag: ContentTag, attributes: [String: String], children: [ContentNode]) -> [ContentNode] {
        let items = children.filter { $0.tag == .li }
        guard !items.isEmpty else { return [] }
        // CommonMark can only be loose with blank lines: between items, or between two blocks of one item.
        let loose = items.contains { item in item.children.contains { $0.tag == .p } }
            && (items.count > 1 || items.contains { blocks($0.children).count > 1 })
        let canonicalItems = items.map { item -> ContentNode in
            let content = loose ? blocks(item.children) : tightItem(item.children)
            return .node(.li, content)
        }
        var listAttributes: [String: String] = [:]
        if tag == .ol, let start = attributes["start"], start != "1" { listAttributes["start"] = start }
        return [.element(tag, attributes: listAttributes, children: canonicalItems)]
    }

    /// A tight item: its text is not in paragraphs, so inline runs (a lone paragraph's content,
    /// an image that was a paragraph) run together, separated by a space; blocks are canonical.
    private static func tightItem(_ nodes: [ContentNode]) -> [ContentNode] {
        var result: [ContentNode] = []
        var runs: [[ContentNode]] = []
        var run: [ContentNode] = []
        func endRun() {
            let content = trimmed(inline(run, ancestors: []))
            if hasVisibleContent(content) { runs.append(content) }
            run.removeAll()
        }
        func flush() {
            endRun()
            let joined = runs.enumerated().flatMap { index, content in (index == 0 ? [] : [ContentNode.text(" ")]) + content }
            result += inline(joined, ancestors: [])
            runs.removeAll()
        }
        for node in nodes {
            if node.tag == .p {
                endRun()
                run = node.children
                endRun()
            } else if node.tag?.isBlock == true {
                for converted in block(node) {
                    if converted.tag == .p {
                        endRun()
                        run = converted.children
                        endRun()
                    } else {
                        flush()
                        result.append(converted)
                    }
                }
            } else {
                run.append(node)
            }
        }
        flush()
        return result
    }

    private static func figure(_ children: [ContentNode]) -> [ContentNode] {
        let images = children.filter { $0.tag != .figcaption }.flatMap { inline([$0], ancestors: []) }
            .filter { $0.tag == .img || $0.tag == .a }
        let caption = children.first { $0.tag == .figcaption }.map { trimmed(inline($0.children, ancestors: [])) } ?? []
        let hasCaption = hasVisibleContent(caption)
        if images.isEmpty { return hasCaption ? [.node(.p, caption)] : [] }
        if !hasCaption, images.count == 1 { return [.node(.p, images)] }
        return [.node(.figure, images + (hasCaption ? [.node(.figcaption, caption)] : []))]
    }

    private static func table(_ node: ContentNode) -> ContentNode {
        guard case .element(let tag, let attributes, let children) = node else { return node }
        switch tag {
        case .td, .th, .caption:
            var kept: [String: String] = [:]
            for key in ["colspan", "rowspan"] { if let value = attributes[key] { kept[key] = value } }
            return .element(tag, attributes: kept, children: trimmed(inline(children, ancestors: [])))
        default:
            return .element(tag, attributes: [:], children: children.filter { $0.tag != nil }.map(table))
        }
    }

    // MARK: Inline

    static let formatting: Set<ContentTag> = [.em, .strong, .a, .del, .sub, .sup]
    static let mergeable: Set<ContentTag> = [.em, .strong, .code, .del, .sub, .sup]

    static func inline(_ nodes: [ContentNode], ancestors: Set<ContentTag>) -> [ContentNode] {
        var result: [ContentNode] = []
        for node in nodes { result += inlineNode(node, ancestors: ancestors) }
        return spacedAroundBreaks(merged(result))
    }

    private static func inlineNode(_ node: ContentNode, ancestors: Set<ContentTag>) -> [ContentNode] {
        switch node {
        case .text(let text):
            return text.isEmpty ? [] : [.text(collapsed(text))]
        case .element(let tag, let attributes, let children):
            switch tag {
            case .br: return [.node(.br)]
            case .img: return [image(attributes)]
            case .code:
                let text = collapsed(node.textContent)
                if text.allSatisfy({ $0 == " " }) { return text.isEmpty ? [] : [.text(" ")] }
                return [.node(.code, [.text(text)])]
            case .em, .strong, .a, .del, .sub, .sup:
                let inner = inline(children, ancestors: ancestors.union([tag]))
                let unwrap = (tag == .em || tag == .strong || tag == .a) && ancestors.contains(tag)
                if unwrap { return inner }
                var kept: [String: String] = [:]
                if tag == .a {
                    guard let href = attributes["href"] else { return inner }
                    kept["href"] = url(href)
                    if let title = attributes["title"].map(attributeText), !title.isEmpty { kept["title"] = title }
                }
                return hoistingEdges(tag, attributes: kept, children: inner)
            default:
                return inline(children, ancestors: ancestors)
            }
        }
    }

    private static func image(_ attributes: [String: String]) -> ContentNode {
        var kept = ["src": url(attributes["src"] ?? ""), "alt": attributeText(attributes["alt"] ?? "")]
        if let title = attributes["title"].map(attributeText), !title.isEmpty { kept["title"] = title }
        return .element(.img, attributes: kept, children: [])
    }

    /// Moves whitespace and line breaks at the inside edges of a formatting element outside it;
    /// an element with nothing visible left is only its spaces.
    private static func hoistingEdges(_ tag: ContentTag, attributes: [String: String], children: [ContentNode]) -> [ContentNode] {
        var inner = children
        var before: [ContentNode] = []
        var after: [ContentNode] = []
        while let first = inner.first {
            if first.tag == .br { before.append(first); inner.removeFirst(); continue }
            guard case .text(let text) = first else { break }
            let space = String(text.prefix(while: isSpace))
            if space.isEmpty { break }
            before.append(.text(space))
            let rest = String(text.dropFirst(space.count))
            if rest.isEmpty { inner.removeFirst() } else { inner[0] = .text(rest); break }
        }
        while let last = inner.last {
            if last.tag == .br { after.insert(last, at: 0); inner.removeLast(); continue }
            guard case .text(let text) = last else { break }
            let space = String(String(text.reversed()).prefix(while: isSpace).reversed())
            if space.isEmpty { break }
            after.insert(.text(space), at: 0)
            let rest = String(text.dropLast(space.count))
            if rest.isEmpty { inner.removeLast() } else { inner[inner.count - 1] = .text(rest); break }
        }
        guard hasVisibleContent(inner) else { return before + inner.filter { $0.tag == .br } + after }
        return before + [.element(tag, attributes: attributes, children: inner)] + after
    }

    /// Adjacent text joined (and re-collapsed), adjacent mergeable elements joined.
    private static func merged(_ nodes: [ContentNode]) -> [ContentNode] {
        var result: [ContentNode] = []
        for node in nodes {
            guard let last = result.last else { result.append(node); continue }
            if case .text(let a) = last, case .text(let b) = node {
                result[result.count - 1] = .text(collapsed(a + b))
            } else if case .element(let tagA, let attributesA, let childrenA) = last, case .element(let tagB, let attributesB, let childrenB) = node,
                      tagA == tagB, mergeable.contains(tagA), attributesA == attributesB {
                let children = tagA == .code ? [ContentNode.text(collapsed((childrenA + childrenB).map(\.textContent).joined()))] : merged(childrenA + childrenB)
                result[result.count - 1] = .element(tagA, attributes: attributesA, children: children)
            } else {
                result.append(node)
            }
        }
        return result.filter { if case .text(let text) = $0 { return !text.isEmpty } else { return true } }
    }

    /// Collapsible spaces next to a line break are not shown.
    private static func spacedAroundBreaks(_ nodes: [ContentNode]) -> [ContentNode] {
        var result = nodes
        for index in result.indices where result[index].tag == .br {
            if index > 0, case .text(let text) = result[index - 1] {
                result[index - 1] = .text(String(text.reversed().drop { $0 == " " }.reversed()))
            }
            if index + 1 < result.count, case .text(let text) = result[index + 1] {
                result[index + 1] = .text(String(text.drop { $0 == " " }))
            }
        }
        return result.filter { if case .text(let text) = $0 { return !text.isEmpty } else { return true } }
    }

    /// A block's inline content without whitespace or line breaks at its two ends.
    static func trimmed(_ nodes: [ContentNode]) -> [ContentNode] {
        var result = nodes
        while let first = result.first {
            if first.tag == .br { result.removeFirst(); continue }
            guard case .text(let text) = first else { break }
            let rest = String(text.drop(while: isEdgeSpace))
            if rest.isEmpty { result.removeFirst() } else { result[0] = .text(rest); break }
        }
        while let last = result.last {
            if last.tag == .br { result.removeLast(); continue }
            guard case .text(let text) = last else { break }
            let rest = String(String(text.reversed()).drop(while: isEdgeSpace).reversed())
            if rest.isEmpty { result.removeLast() } else { result[result.count - 1] = .text(rest); break }
        }
        return result
    }

    // MARK: Characters

    /// Spaces, tabs and line breaks (what a browser collapses), as one space.
    static func collapsed(_ text: String) -> String {
        var output = ""
        var lastWasSpace = false
        for character in withoutControls(text) {
            if character == " " || character == "\t" || character == "\n" || character == "\r" || character == "\u{0C}" || character == "\r\n" {
                if !lastWasSpace { output.append(" ") }
                lastWasSpace = true
            } else {
                output.append(character)
                lastWasSpace = false
            }
        }
        return output
    }

    /// Control characters (other than tab and line breaks) and byte order marks show nothing.
    static func withoutControls(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.filter { scalar in
            scalar != "\u{FEFF}" && (scalar.properties.generalCategory != .control || scalar == "\t" || scalar == "\n" || scalar == "\r")
        }))
    }

    /// Whitespace in CommonMark's sense (Unicode Zs, tab, line feed, form feed, carriage return).
    static func isSpace(_ character: Character) -> Bool {
        character.unicodeScalars.allSatisfy { $0.properties.generalCategory == .spaceSeparator || [9, 10, 12, 13].contains($0.value) }
    }

    static func isEdgeSpace(_ character: Character) -> Bool { isSpace(character) }

    static func attributeText(_ text: String) -> String {
        collapsed(text).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    static func url(_ text: String) -> String { text.removingPercentEncoding ?? text }

    static func hasVisibleContent(_ nodes: [ContentNode]) -> Bool {
        nodes.contains { node in
            switch node {
            case .text(let text): return !text.allSatisfy(isSpace)
            case .element(let tag, _, let children): return tag == .img || tag == .hr || hasVisibleContent(children)
            }
        }
    }
}

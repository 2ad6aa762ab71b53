import GalleyCore

/// Tidies inline content before it is written, so that what a browser shows the same way is
/// written one way and nothing is written that CommonMark would read differently:
///
/// - whitespace collapses as in a browser (no-break spaces stay); spaces next to a line break go;
/// - URLs pass `URLPolicy` (an unsafe link keeps its text, an unsafe image goes);
/// - `em` in `em`, `strong` in `strong` and links in links are unwrapped; `code` holds plain text;
/// - spaces and line breaks at the inside edges of `em`, `strong`, `a`, `del`, `sub`, `sup` move
///   outside (emphasis markers must touch text); such an element with nothing visible is just
///   its spaces;
/// - adjacent text merges, and so do adjacent `em`, `strong`, `code`, `del`, `sub`, `sup`
///   (`*a**b*` would not read back as two emphases).
struct InlineNormalizer {
    let baseURL: String?

    /// Inline content of one block, trimmed at both ends (spaces, no-break spaces, line breaks).
    func block(_ nodes: [ContentNode]) -> [ContentNode] {
        Self.trimmed(normalize(nodes, ancestors: []))
    }

    /// Elements that merge with an identical neighbour.
    static let mergeable: Set<ContentTag> = [.em, .strong, .code, .del, .sub, .sup]

    func normalize(_ nodes: [ContentNode], ancestors: Set<ContentTag>) -> [ContentNode] {
        var result: [ContentNode] = []
        for node in nodes { result += normalize(node, ancestors: ancestors) }
        return Self.withoutSpacesAroundBreaks(Self.merged(result))
    }

    private func normalize(_ node: ContentNode, ancestors: Set<ContentTag>) -> [ContentNode] {
        switch node {
        case .text(let text):
            return text.isEmpty ? [] : [.text(Self.collapsed(text))]
        case .element(let tag, let attributes, let children):
            switch tag {
            case .br: return [.node(.br)]
            case .img: return image(attributes)
            case .code:
                let code = Self.collapsed(node.textContent)
                guard !code.allSatisfy({ $0 == " " }) else { return code.isEmpty ? [] : [.text(" ")] }
                return [.node(.code, [.text(code)])]
            case .em, .strong, .a, .del, .sub, .sup:
                return formatted(tag, attributes: attributes, children: children, ancestors: ancestors)
            default:
                return normalize(children, ancestors: ancestors)
            }
        }
    }

    private func image(_ attributes: [String: String]) -> [ContentNode] {
        guard let source = attributes["src"].flatMap({ URLPolicy.safeImageSource($0, base: baseURL) }) else { return [] }
        var kept = ["src": source, "alt": Self.attributeText(attributes["alt"] ?? "")]
        if let title = attributes["title"].map(Self.attributeText), !title.isEmpty { kept["title"] = title }
        return [.element(.img, attributes: kept, children: [])]
    }

    private func formatted(_ tag: ContentTag, attributes: [String: String], children: [ContentNode],
                           ancestors: Set<ContentTag>) -> [ContentNode] {
        let inner = normalize(children, ancestors: ancestors.union([tag]))
        if (tag == .em || tag == .strong || tag == .a), ancestors.contains(tag) { return inner }
        var kept: [String: String] = [:]
        if tag == .a {
            guard let href = attributes["href"].flatMap({ URLPolicy.safeURL($0, base: baseURL) }) else { return inner }
            kept["href"] = href
            if let title = attributes["title"].map(Self.attributeText), !title.isEmpty { kept["title"] = title }
        }
        return Self.hoistingEdges(tag, attributes: kept, children: inner)
    }

    // MARK: Edges, merging, breaks

    /// Moves spaces and line breaks at the inside edges of an element outside it.
    static func hoistingEdges(_ tag: ContentTag, attributes: [String: String], children: [ContentNode]) -> [ContentNode] {
        var inner = children
        var before: [ContentNode] = []
        var after: [ContentNode] = []
        while let first = inner.first, let edge = leadingEdge(first) {
            before.append(edge.removed)
            if let rest = edge.rest { inner[0] = rest; break } else { inner.removeFirst() }
        }
        while let last = inner.last, let edge = trailingEdge(last) {
            after.insert(edge.removed, at: 0)
            if let rest = edge.rest { inner[inner.count - 1] = rest; break } else { inner.removeLast() }
        }
        guard hasVisibleContent(inner) else { return merged(before + inner + after) }
        return merged(before + [.element(tag, attributes: attributes, children: inner)] + after)
    }

    /// A leading line break or spaces of a node: what is removed, and what remains (nil: nothing).
    private static func leadingEdge(_ node: ContentNode) -> (removed: ContentNode, rest: ContentNode?)? {
        if node.tag == .br { return (node, nil) }
        guard case .text(let text) = node else { return nil }
        let space = text.prefix(while: MarkdownEscaper.isWhitespace)
        guard !space.isEmpty else { return nil }
        let rest = text.dropFirst(space.count)
        return (.text(String(space)), rest.isEmpty ? nil : .text(String(rest)))
    }

    private static func trailingEdge(_ node: ContentNode) -> (removed: ContentNode, rest: ContentNode?)? {
        if node.tag == .br { return (node, nil) }
        guard case .text(let text) = node else { return nil }
        let start = whitespaceSuffixStart(text)
        guard start < text.endIndex else { return nil }
        let rest = text[..<start]
        return (.text(String(text[start...])), rest.isEmpty ? nil : .text(String(rest)))
    }

    /// Where the run of Unicode whitespace that ends `text` starts (`endIndex` when none does),
    /// found from the end without walking the rest.
    static func whitespaceSuffixStart(_ text: String) -> String.Index {
        var start = text.endIndex
        while start > text.startIndex {
            let previous = text.index(before: start)
            guard MarkdownEscaper.isWhitespace(text[previous]) else { break }
            start = previous
        }
        return start
    }

    /// Adjacent text joined (spaces collapsed again), adjacent identical formatting joined.
    static func merged(_ nodes: [ContentNode]) -> [ContentNode] {
        var result: [ContentNode] = []
        for node in nodes {
            if case .text(let text) = node, text.isEmpty { continue }
            guard let last = result.last else { result.append(node); continue }
            switch (last, node) {
            case (.text(let left), .text(let right)):
                result[result.count - 1] = .text(collapsed(left + right))
            case (.element(let leftTag, let leftAttributes, let left), .element(let rightTag, let rightAttributes, let right))
                where leftTag == rightTag && mergeable.contains(leftTag) && leftAttributes == rightAttributes:
                let children = leftTag == .code ? [ContentNode.text(collapsed((left + right).map(\.textContent).joined()))] : merged(left + right)
                result[result.count - 1] = .element(leftTag, attributes: leftAttributes, children: children)
            default:
                result.append(node)
            }
        }
        return result
    }

    /// Collapsible spaces just before or after a line break are not shown; they go.
    static func withoutSpacesAroundBreaks(_ nodes: [ContentNode]) -> [ContentNode] {
        var result = nodes
        for index in result.indices where result[index].tag == .br {
            if index > 0, case .text(let text) = result[index - 1] { result[index - 1] = .text(text.trimmingTrailingSpaces) }
            if index + 1 < result.count, case .text(let text) = result[index + 1] {
                result[index + 1] = .text(String(text.drop { $0 == " " || $0 == "\t" }))
            }
        }
        return result.filter { if case .text(let text) = $0 { return !text.isEmpty } else { return true } }
    }

    /// Content without whitespace (no-break spaces included) or line breaks at its two ends.
    static func trimmed(_ nodes: [ContentNode]) -> [ContentNode] {
        var result = nodes
        while let first = result.first, let edge = leadingEdge(first) {
            if let rest = edge.rest { result[0] = rest; break } else { result.removeFirst() }
        }
        while let last = result.last, let edge = trailingEdge(last) {
            if let rest = edge.rest { result[result.count - 1] = rest; break } else { result.removeLast() }
        }
        return result
    }

    // MARK: Text

    /// Runs of spaces, tabs and line breaks become one space (as a browser shows them);
    /// `ControlCharacters` go. The result is the one a walk over `Character`s gives (a space
    /// that shares its character with a combining mark after it is not a space); the walk is
    /// made on bytes, as comparing every `Character` with the blanks was 2% of extraction.
    static func collapsed(_ text: String) -> String {
        if isCollapsed(text) { return text }
        var clean = ControlCharacters.removed(from: text)
        return clean.withUTF8(collapsedBytes) ?? collapsedByCharacter(clean)
    }

    /// `collapsed` on UTF-8 bytes; nil when a space may be part of a larger character, which
    /// only the walk over characters reads right.
    private static func collapsedBytes(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var lastWasSpace = false
        for index in bytes.indices {
            let byte = bytes[index]
            // Tab and line breaks are characters of their own (grapheme "Control"); "\r\n" is
            // one character and one blank either way.
            if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
                if byte == 0x20, GraphemeNeighbours.mayJoin(bytes, spaceAt: index) { return nil }
                if !lastWasSpace { output.append(0x20) }
                lastWasSpace = true
            } else {
                output.append(byte)
                lastWasSpace = false
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// `collapsed` walking `Character`s: the definition, and the way where bytes cannot tell.
    static func collapsedByCharacter(_ text: String) -> String {
        var output = ""
        output.reserveCapacity(text.utf8.count)
        var lastWasSpace = false
        for character in text {
            if character == " " || character == "\t" || character == "\n" || character == "\r" || character == "\r\n" {
                if !lastWasSpace { output.append(" ") }
                lastWasSpace = true
            } else {
                output.append(character)
                lastWasSpace = false
            }
        }
        return output
    }

    /// Whether `collapsed` would return `text` unchanged: no tab, line break or form feed, no
    /// two spaces in a row, no byte that may start a control character (most text).
    private static func isCollapsed(_ text: String) -> Bool {
        var previousWasSpace = false
        for byte in text.utf8 {
            switch byte {
            case 0x20:
                if previousWasSpace { return false }
                previousWasSpace = true
                continue
            case 0x00..<0x20, 0x7F, 0xC2, 0xEF: return false
            default: previousWasSpace = false
            }
        }
        return true
    }

    /// An attribute value (alt, title) with whitespace collapsed and trimmed.
    static func attributeText(_ text: String) -> String {
        let collapsed = collapsed(text)
        return String(collapsed.drop(while: MarkdownEscaper.isWhitespace)).trimmingTrailingWhitespace
    }

    /// Whether content shows anything: text that is not whitespace, or an image.
    static func hasVisibleContent(_ nodes: [ContentNode]) -> Bool {
        nodes.contains { node in
            switch node {
            case .text(let text): return !text.allSatisfy(MarkdownEscaper.isWhitespace)
            case .element(let tag, _, let children): return tag == .img || hasVisibleContent(children)
            }
        }
    }
}

extension String {
    /// The text without Unicode whitespace at its end.
    var trimmingTrailingWhitespace: String {
        String(self[..<InlineNormalizer.whitespaceSuffixStart(self)])
    }
}

import GalleyCore

/// Writes inline content (already tidied by `InlineNormalizer`) as CommonMark.
///
/// Emphasis is `*…*` and `**…**` wherever CommonMark reads those markers back as emphasis; where
/// it would not (`a<em>(b)</em>c`, or right after another emphasis closed), the element is
/// written as its HTML tag, which the renderer accepts for this short list of bare tags. `del`,
/// `sub` and `sup` have no Markdown and are always written as tags. Hard breaks are `\` at the
/// end of a line (in headings, which are one line, `<br>`).
struct InlineWriter {
    /// How a line break is written.
    enum BreakStyle {
        case backslash, tag
    }

    /// What was written last: it decides whether a delimiter run would merge with the next.
    private enum LastWrite {
        case other, opener, closer
    }

    let breakStyle: BreakStyle
    private(set) var output = ""
    private var lastWrite = LastWrite.other

    init(breakStyle: BreakStyle = .backslash) {
        self.breakStyle = breakStyle
    }

    /// The Markdown of `nodes`.
    static func markdown(_ nodes: [ContentNode], breakStyle: BreakStyle = .backslash) -> String {
        var writer = InlineWriter(breakStyle: breakStyle)
        writer.write(nodes, after: nil, inLinkText: false)
        return writer.output
    }

    /// The character before the write position (`nil` at the start of a line).
    private var before: Character? {
        output.last == "\n" ? nil : output.last
    }

    mutating func write(_ nodes: [ContentNode], after: Character?, inLinkText: Bool, underscoreOnlyChild: Bool = false) {
        for (index, node) in nodes.enumerated() {
            let next = index + 1 < nodes.count ? Self.leadingCharacter(nodes[index + 1]) : after
            write(node, after: next, inLinkText: inLinkText, underscore: underscoreOnlyChild && nodes.count == 1)
        }
    }

    private mutating func write(_ node: ContentNode, after: Character?, inLinkText: Bool, underscore: Bool) {
        switch node {
        case .text(let text):
            append(MarkdownEscaper.escapeText(text, before: before, after: after, inLinkText: inLinkText))
        case .element(let tag, let attributes, let children):
            switch tag {
            case .br: append(breakStyle == .tag ? "<br>" : "\\\n")
            case .code: append(MarkdownEscaper.codeSpan(children.map(\.textContent).joined()))
            case .img: image(attributes)
            case .a: link(attributes, children: children)
            case .em, .strong: emphasis(tag, children: children, after: after, inLinkText: inLinkText, underscore: underscore && tag == .em)
            default: tagged(tag, children: children, inLinkText: inLinkText)
            }
        }
    }

    private mutating func append(_ text: String, as write: LastWrite = .other) {
        output += text
        lastWrite = write
    }

    // MARK: Elements

    private mutating func emphasis(_ tag: ContentTag, children: [ContentNode], after: Character?, inLinkText: Bool, underscore: Bool) {
        guard let firstChild = children.first, let lastChild = children.last,
              let first = Self.leadingCharacter(firstChild), let last = Self.trailingCharacter(lastChild) else { return }
        let marker = tag == .strong ? "**" : (underscore ? "_" : "*")
        let fits = MarkdownEscaper.emphasisFits(marker.first!, before: before, first: first, last: last, after: after)
        guard fits, lastWrite != .closer else {
            tagged(tag, children: children, inLinkText: inLinkText)
            return
        }
        append(marker, as: .opener)
        write(children, after: marker.first, inLinkText: inLinkText, underscoreOnlyChild: tag == .strong)
        append(marker, as: .closer)
    }

    /// An element written as its bare HTML tags (`<sub>2</sub>`), with Markdown inside.
    private mutating func tagged(_ tag: ContentTag, children: [ContentNode], inLinkText: Bool) {
        append("<" + tag.rawValue + ">")
        write(children, after: "<", inLinkText: inLinkText)
        append("</" + tag.rawValue + ">")
    }

    private mutating func link(_ attributes: [String: String], children: [ContentNode]) {
        guard let href = attributes["href"] else { return write(children, after: nil, inLinkText: false) }
        append("[")
        write(children, after: "]", inLinkText: true)
        append("](" + MarkdownEscaper.destination(href) + Self.titlePart(attributes) + ")")
    }

    private mutating func image(_ attributes: [String: String]) {
        guard let source = attributes["src"] else { return }
        let alt = MarkdownEscaper.escapeText(attributes["alt"] ?? "", before: "[", after: "]", inLinkText: true)
        append("![" + alt + "](" + MarkdownEscaper.destination(source) + Self.titlePart(attributes) + ")")
    }

    private static func titlePart(_ attributes: [String: String]) -> String {
        attributes["title"].map { " " + MarkdownEscaper.title($0) } ?? ""
    }

    // MARK: Neighbours

    /// The first character a node is written with (its class decides flanking; text that
    /// starts with `[` or `` ` `` starts with the escaping backslash).
    static func leadingCharacter(_ node: ContentNode) -> Character? {
        switch node {
        case .text(let text):
            guard let first = text.first else { return nil }
            return first == "[" || first == "`" ? "\\" : first
        case .element(let tag, _, _):
            switch tag {
            case .em, .strong: return "*"
            case .code: return "`"
            case .a: return "["
            case .img: return "!"
            case .br: return "\\"
            default: return "<"
            }
        }
    }

    /// The last character a node is written with.
    static func trailingCharacter(_ node: ContentNode) -> Character? {
        switch node {
        case .text(let text): return text.last
        case .element(let tag, _, _):
            switch tag {
            case .em, .strong: return "*"
            case .code: return "`"
            case .a, .img: return ")"
            case .br: return nil
            default: return ">"
            }
        }
    }
}

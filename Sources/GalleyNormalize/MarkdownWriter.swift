import GalleyCore

/// Writes a content tree as CommonMark an editor can read: one paragraph per line, ATX
/// headings, `-` bullets and `1.` numbers (indented to their content), fenced code with its
/// language, `>` quotes, `***` rules, images with their caption on the line below, and tables as
/// sanitised HTML blocks (CommonMark has no tables). Blocks are separated by one blank line;
/// tight list items by none. URLs pass `URLPolicy` again here; escaping is `MarkdownEscaper`'s.
struct MarkdownWriter {
    let baseURL: String?

    /// The Markdown of `nodes`, ending in one newline (empty for no content).
    func write(_ nodes: [ContentNode]) -> String {
        let text = blocks(nodes).map(\.text).joined(separator: "\n\n")
        return text.isEmpty ? "" : text + "\n"
    }

    /// One written block and what CommonMark needs to know about its neighbours.
    struct Block {
        enum Kind: Equatable {
            case paragraph, heading, code, rule, quote, figure, table
            /// `interrupts`: the list may follow a paragraph line directly (a bullet, or `1.`,
            /// with a non-empty first item).
            case list(ordered: Bool, alternate: Bool, interrupts: Bool)
        }

        var kind: Kind
        var text: String
    }

    // MARK: Blocks

    /// The blocks of `nodes`: runs of inline nodes become paragraphs.
    func blocks(_ nodes: [ContentNode]) -> [Block] {
        var result: [Block] = []
        var run: [ContentNode] = []
        func flush() {
            if let paragraph = paragraph(run) { result.append(paragraph) }
            run.removeAll()
        }
        for node in nodes {
            guard let tag = node.tag, tag.isBlock else {
                run.append(node)
                continue
            }
            flush()
            if let block = block(node, after: result.last) { result.append(block) }
        }
        flush()
        return result
    }

    private func block(_ node: ContentNode, after previous: Block?) -> Block? {
        guard case .element(let tag, let attributes, let children) = node else { return nil }
        switch tag {
        case .p, .figcaption, .caption, .td, .th, .tr, .thead, .tbody, .tfoot:
            return children.contains { $0.tag?.isBlock == true } ? merged(blocks(children)) : paragraph(children)
        case .h1, .h2, .h3, .h4, .h5, .h6:
            return heading(level: tag.headingLevel ?? 2, children)
        case .ul, .ol, .li:
            let items = tag == .li ? [node] : children
            return list(ordered: tag == .ol, start: attributes["start"], items: items, alternate: Self.continuesList(previous, ordered: tag == .ol))
        case .blockquote:
            return quote(children)
        case .pre:
            return codeBlock(ControlCharacters.removed(from: node.textContent), language: attributes["language"])
        case .hr:
            return Block(kind: .rule, text: "***")
        case .figure:
            return figure(children)
        case .table:
            return Block(kind: .table, text: HTMLSerializer(baseURL: baseURL).table(node))
        default:
            return paragraph(children)
        }
    }

    /// Several blocks where one was expected (a paragraph element holding blocks).
    private func merged(_ blocks: [Block]) -> Block? {
        guard let first = blocks.first else { return nil }
        return Block(kind: first.kind, text: blocks.map(\.text).joined(separator: "\n\n"))
    }

    private func paragraph(_ nodes: [ContentNode]) -> Block? {
        let content = InlineNormalizer(baseURL: baseURL).block(nodes)
        guard InlineNormalizer.hasVisibleContent(content) else { return nil }
        return Block(kind: .paragraph, text: Self.escapingLineStarts(InlineWriter.markdown(content)))
    }

    private func heading(level: Int, _ nodes: [ContentNode]) -> Block? {
        let content = InlineNormalizer(baseURL: baseURL).block(nodes)
        guard InlineNormalizer.hasVisibleContent(content) else { return nil }
        let text = MarkdownEscaper.escapeHeadingEnd(InlineWriter.markdown(content, breakStyle: .tag))
        return Block(kind: .heading, text: String(repeating: "#", count: level) + " " + text)
    }

    private func quote(_ children: [ContentNode]) -> Block? {
        let inner = blocks(children).map(\.text).joined(separator: "\n\n")
        guard !inner.isEmpty else { return nil }
        let lines = inner.split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? ">" : "> " + $0 }
        return Block(kind: .quote, text: lines.joined(separator: "\n"))
    }

    private func codeBlock(_ code: String, language: String?) -> Block? {
        guard !code.isEmpty else { return nil }
        let fence = MarkdownEscaper.codeFence(for: code)
        let body = code.hasSuffix("\n") ? String(code.dropLast()) : code
        return Block(kind: .code, text: fence + MarkdownEscaper.infoString(language) + "\n" + body + "\n" + fence)
    }

    /// Each image on its own line, then the caption on the line below (the renderer makes a
    /// `<figure>` of that shape again).
    private func figure(_ children: [ContentNode]) -> Block? {
        let normalizer = InlineNormalizer(baseURL: baseURL)
        let images = children.filter { $0.tag != .figcaption }.map { normalizer.block([$0]) }.filter(InlineNormalizer.hasVisibleContent)
        let caption = children.first { $0.tag == .figcaption }.map { normalizer.block($0.children) } ?? []
        let hasCaption = InlineNormalizer.hasVisibleContent(caption)
        guard !images.isEmpty else { return hasCaption ? paragraph(caption) : nil }
        var lines = images.map { InlineWriter.markdown($0) }
        if hasCaption { lines.append(Self.escapingLineStarts(InlineWriter.markdown(caption))) }
        return Block(kind: lines.count > 1 ? .figure : .paragraph, text: lines.joined(separator: "\n"))
    }

    /// Every line of inline Markdown with its block markers escaped.
    static func escapingLineStarts(_ text: String) -> String {
        guard text.utf8.contains(0x0A) else { return MarkdownEscaper.escapeLineStart(text) }
        return text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { MarkdownEscaper.escapeLineStart(String($0)) }.joined(separator: "\n")
    }

    /// Whether a new list directly after `previous` would be read as its continuation (then
    /// the other marker is used: `*` for `-`, `)` for `.`).
    static func continuesList(_ previous: Block?, ordered: Bool) -> Bool {
        guard case .list(let previousOrdered, let alternate, _) = previous?.kind, previousOrdered == ordered else { return false }
        return !alternate
    }
}

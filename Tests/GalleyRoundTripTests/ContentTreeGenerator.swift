import GalleyCore
import GalleyTestSupport

/// Random article content trees of the kind extraction produces: paragraphs with emphasis,
/// code, links and images, headings, tight and loose lists (nested, ordered with start
/// numbers), nested quotes, fenced code with languages, rules, figures with captions and hard
/// breaks — filled with text that looks like Markdown, HTML or entities.
struct ContentTreeGenerator {
    var random: SeededRandom
    private var imageCount = 0

    init(seed: UInt64) { random = SeededRandom(seed: seed) }

    /// Words and fragments text is made of. Markdown and HTML lookalikes are the point.
    static let words = [
        "banjir", "harga", "pasar", "Surabaya", "naïve", "café", "北京", "東京", "مرحبا", "שלום", "😀", "🌊🏠", "x", "42",
        "1.5", "2024.", "snake_case", "foo_bar_baz", "a*b", "2*3*4", "C++", "C#", "#hashtag", "wow!", "(kurung)", "\"kutip\"",
        "'tunggal'", "a|b", "~tilde~", "50%", "$5", "e-mail", "—", "«guillemets»", "…", "¿qué?", "«", "»", "S&P", "AT&T",
    ]
    static let marks = [
        "*", "**", "***", "_", "__", "#", "##", "1.", "2)", "+", "-", "--", "---", "[", "]", "[1]", "[x](y)", "![a](b)",
        "<", ">", "<b>", "</i>", "<!--", "<?", "<http://example.org>", "&", "&amp;", "&#106;", "&#x6A;", "&copy;", "&copy",
        "`", "``", "```", "~~~", "|", "\\", "\\*", "\\\\", "===", "! [", "*a*", "_b_", "**c**", "](", ")", ":", "\u{00A0}",
        "\u{7F}", "\u{1B}[31m", "\u{FEFF}",
    ]

    /// A document of one to eight blocks.
    mutating func document() -> [ContentNode] {
        (0..<Int.random(in: 1...8, using: &random)).map { _ in block(depth: 0) }
    }

    // MARK: Blocks

    mutating func block(depth: Int) -> ContentNode {
        let nested = depth < 3
        switch random.weighted([40, 8, nested ? 8 : 0, nested ? 8 : 0, nested ? 6 : 0, 6, 3, 5, 2]) {
        case 0: return .node(.p, inline(depth: 0))
        case 1: return .node(random.uniformPick([.h1, .h2, .h3, .h4, .h5, .h6]), inline(depth: 1))
        case 2: return list(ordered: false, depth: depth)
        case 3: return list(ordered: true, depth: depth)
        case 4: return .node(.blockquote, (0..<Int.random(in: 1...3, using: &random)).map { _ in block(depth: depth + 1) })
        case 5: return codeBlock()
        case 6: return .node(.hr)
        case 7: return figure()
        default: return table()
        }
    }

    mutating func list(ordered: Bool, depth: Int) -> ContentNode {
        let loose = random.chance(0.3)
        let items = (0..<Int.random(in: 1...4, using: &random)).map { _ in listItem(loose: loose, depth: depth) }
        var attributes: [String: String] = [:]
        if ordered, random.chance(0.4) { attributes["start"] = String(random.uniformPick([0, 2, 3, 7, 9, 10, 99, 123])) }
        return Self.withoutLinksIfDense(.element(ordered ? .ol : .ul, attributes: attributes, children: items))
    }

    /// Extraction drops lists and tables that are mostly links (related-article lists); a
    /// generated one with that much link text keeps the text and loses the links.
    static func withoutLinksIfDense(_ list: ContentNode) -> ContentNode {
        let total = list.textContent.count
        let linked = linkTextLength(list)
        guard total > 0, Double(linked) / Double(total) > 0.3 else { return list }
        return unlinked(list)
    }

    private static func linkTextLength(_ node: ContentNode) -> Int {
        node.tag == .a ? node.textContent.count : node.children.map(linkTextLength).reduce(0, +)
    }

    private static func unlinked(_ node: ContentNode) -> ContentNode {
        guard case .element(let tag, let attributes, let children) = node else { return node }
        let kept = children.flatMap { child -> [ContentNode] in
            child.tag == .a ? child.children.map(unlinked) : [unlinked(child)]
        }
        return .element(tag, attributes: attributes, children: kept)
    }

    mutating func listItem(loose: Bool, depth: Int) -> ContentNode {
        if loose {
            var blocks: [ContentNode] = [.node(.p, inline(depth: 0))]
            for _ in 0..<Int.random(in: 0...2, using: &random) {
                blocks.append(random.chance(0.5) || depth >= 2 ? .node(.p, inline(depth: 0)) : block(depth: depth + 1))
            }
            return .node(.li, blocks)
        }
        var content = random.chance(0.05) ? [] : inline(depth: 0)
        if depth < 2, random.chance(0.25) { content.append(list(ordered: random.chance(0.3), depth: depth + 1)) }
        switch random.weighted([80, 5, 5, 5, 5]) {
        case 1: content.append(codeBlock())
        case 2: content.append(.node(.blockquote, [.node(.p, inline(depth: 1))]))
        case 3: content.append(figure())
        case 4: content += inline(depth: 1)
        default: break
        }
        return .node(.li, content)
    }

    mutating func codeBlock() -> ContentNode {
        let lines = (0..<Int.random(in: 1...5, using: &random)).map { _ in codeLine() }
        var attributes: [String: String] = [:]
        if let language = random.uniformPick(["swift", "js", "c++", "objective-c", nil]) { attributes["language"] = language }
        let lead = random.chance(0.1) ? "\n" : ""
        let tail = random.uniformPick(["\n", "\n", "\n", "", "\n\n"])
        return .element(.pre, attributes: attributes, children: [.text(lead + lines.joined(separator: "\n") + tail)])
    }

    mutating func codeLine() -> String {
        let pieces = ["let a = 1", "    indented", "\tTab", "```", "````", "~~~", "<script>", "&amp;", "*x*", "# not", "", "  ", "- item", "\\"]
        return (0..<Int.random(in: 1...3, using: &random)).map { _ in random.uniformPick(pieces) }.joined(separator: random.uniformPick(["", " "]))
    }

    mutating func figure() -> ContentNode {
        var children: [ContentNode] = (0..<Int.random(in: 1...2, using: &random)).map { _ in
            random.chance(0.2) ? link([image()]) : image()
        }
        // A caption that is one image alone on its line would read as one more image.
        if random.chance(0.75) { children.append(.node(.figcaption, [text()] + inline(depth: 1))) }
        return .node(.figure, children)
    }

    mutating func table() -> ContentNode {
        let columns = Int.random(in: 1...3, using: &random)
        let head = ContentNode.node(.thead, [.node(.tr, (0..<columns).map { _ in .node(.th, [text()]) })])
        let rows = (0..<Int.random(in: 1...3, using: &random)).map { _ in
            ContentNode.node(.tr, (0..<columns).map { _ in .node(.td, inline(depth: 2)) })
        }
        return Self.withoutLinksIfDense(.node(.table, [head, .node(.tbody, rows)]))
    }

    // MARK: Inline

    mutating func inline(depth: Int, allowBreaks: Bool = true) -> [ContentNode] {
        var nodes: [ContentNode] = []
        for _ in 0..<Int.random(in: 1...6, using: &random) {
            let deeper = depth < 3
            switch random.weighted([50, deeper ? 8 : 0, deeper ? 8 : 0, 6, deeper ? 8 : 0, 4, allowBreaks ? 4 : 0, deeper ? 3 : 0]) {
            case 0: nodes.append(text())
            case 1: nodes.append(.node(.em, inline(depth: depth + 1, allowBreaks: allowBreaks)))
            case 2: nodes.append(.node(.strong, inline(depth: depth + 1, allowBreaks: allowBreaks)))
            case 3: nodes.append(.node(.code, [.text(codeText())]))
            case 4: nodes.append(link(inline(depth: depth + 1, allowBreaks: allowBreaks).filter { $0.tag != .a }))
            case 5: nodes.append(image())
            case 6: nodes.append(.node(.br))
            default: nodes.append(.node(random.uniformPick([.del, .sub, .sup]), inline(depth: depth + 1, allowBreaks: false)))
            }
        }
        return nodes
    }

    /// Text of words and Markdown lookalikes, with odd spacing now and then.
    mutating func text() -> ContentNode {
        var pieces: [String] = []
        for _ in 0..<Int.random(in: 1...6, using: &random) {
            pieces.append(random.chance(0.35) ? random.uniformPick(Self.marks) : random.uniformPick(Self.words))
        }
        let separators = [" ", " ", " ", " ", "", "  ", "\n", "\t", "\u{00A0}"]
        var text = ""
        for (index, piece) in pieces.enumerated() {
            text += (index == 0 ? "" : random.uniformPick(separators)) + piece
        }
        if random.chance(0.15) { text = random.uniformPick([" ", "   ", "\n"]) + text }
        if random.chance(0.15) { text += random.uniformPick([" ", "\\", " \\", "\n"]) }
        return .text(text)
    }

    mutating func codeText() -> String {
        random.uniformPick(["x", "a`b", "``", "` a", "*not em*", "<b>", "&amp;", " padded ", "a  b", "\\", "[x](y)", "`", "a\\`b"])
    }

    mutating func link(_ children: [ContentNode]) -> ContentNode {
        var attributes = ["href": random.uniformPick([
            "https://example.org/berita/\(imageCount)", "https://example.org/a_b*c?d=1&e=2", "https://example.org/(kurung)",
            "https://example.org/paren(x", "mailto:redaksi@example.org", "https://example.org/caf%C3%A9", "http://example.org/#bagian",
            "https://example.org/q?x=&amp;y", "https://example.org/a%20b",
        ])]
        if random.chance(0.3) { attributes["title"] = random.uniformPick(["Judul", "Kutip \"dalam\"", "a\\b", "&amp; co", "*x*"]) }
        return .element(.a, attributes: attributes, children: children)
    }

    mutating func image() -> ContentNode {
        imageCount += 1
        let source = random.uniformPick([
            "https://img.example.org/\(imageCount).jpg", "https://img.example.org/foto%20\(imageCount).jpg",
            "https://img.example.org/(\(imageCount)).png", "https://img.example.org/\(imageCount)_a*b.jpg",
        ])
        var attributes = ["src": source, "alt": random.chance(0.2) ? "" : random.uniformPick(Self.words + Self.marks + ["Foto *banjir*", "a [b] c"])]
        if random.chance(0.3) { attributes["title"] = random.uniformPick(["Foto", "\"q\"", "a & b"]) }
        return .element(.img, attributes: attributes, children: [])
    }
}

import Foundation
import GalleyCore

/// Writes a content tree as CommonMark: one paragraph per line, ATX headings, `-` bullets,
/// fenced code, `>` quotes, images with their caption on the line below, and tables as
/// sanitised HTML blocks (CommonMark has no tables). URLs pass `URLPolicy` again here.
struct MarkdownWriter {
    let baseURL: String?

    /// The Markdown of `nodes`, ending in one newline (empty for no content).
    func write(_ nodes: [ContentNode]) -> String {
        let blocks = blockStrings(nodes)
        return blocks.isEmpty ? "" : blocks.joined(separator: "\n\n") + "\n"
    }

    // MARK: Blocks

    private func blockStrings(_ nodes: [ContentNode]) -> [String] {
        var blocks: [String] = []
        var inlineRun: [ContentNode] = []
        func flush() {
            let text = paragraph(inlineRun)
            if !text.isEmpty { blocks.append(text) }
            inlineRun.removeAll()
        }
        for node in nodes {
            if let tag = node.tag, tag.isBlock {
                flush()
                if let block = block(node), !block.isEmpty { blocks.append(block) }
            } else {
                inlineRun.append(node)
            }
        }
        flush()
        return blocks
    }

    private func block(_ node: ContentNode) -> String? {
        guard case .element(let tag, let attributes, let children) = node else { return nil }
        switch tag {
        case .p, .figcaption, .caption, .td, .th, .tr, .thead, .tbody, .tfoot:
            return paragraph(children)
        case .h1, .h2, .h3, .h4, .h5, .h6:
            let text = inline(children).trimmingCharacters(in: .whitespaces)
            guard !text.isEmpty else { return nil }
            return String(repeating: "#", count: tag.headingLevel ?? 2) + " " + text.replacingOccurrences(of: "\\\n", with: " ")
        case .ul, .ol:
            return list(tag, attributes: attributes, items: children)
        case .li:
            return list(.ul, attributes: [:], items: [node])
        case .blockquote:
            let inner = blockStrings(children).joined(separator: "\n\n")
            guard !inner.isEmpty else { return nil }
            return inner.split(separator: "\n", omittingEmptySubsequences: false)
                .map { $0.isEmpty ? ">" : "> " + $0 }.joined(separator: "\n")
        case .pre:
            return codeBlock(node.textContent, language: attributes["language"])
        case .hr:
            return "***"
        case .figure:
            return figure(children)
        case .table:
            return HTMLSerializer(baseURL: baseURL).table(node)
        default:
            return paragraph(children)
        }
    }

    private func paragraph(_ nodes: [ContentNode]) -> String {
        let text = inline(nodes)
        let trimmed = trimParagraph(text)
        guard !trimmed.isEmpty else { return "" }
        return trimmed.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map { index, line in
            index == 0 ? MarkdownEscaper.escapeLineStart(String(line)) : MarkdownEscaper.escapeLineStart(String(line))
        }.joined(separator: "\n")
    }

    /// Removes spaces at the ends and a dangling hard break.
    private func trimParagraph(_ text: String) -> String {
        var result = text.trimmingCharacters(in: CharacterSet(charactersIn: " \u{00A0}\t\n"))
        while result.hasSuffix("\\") { result = String(result.dropLast()).trimmingCharacters(in: .whitespaces) }
        return result.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: CharacterSet(charactersIn: " \t")) }.joined(separator: "\n")
    }

    private func list(_ tag: ContentTag, attributes: [String: String], items: [ContentNode]) -> String? {
        let listItems = items.filter { $0.tag == .li }
        guard !listItems.isEmpty else { return nil }
        let loose = listItems.contains { item in
            item.children.contains { $0.tag == .p } && blockStrings(item.children).count > 1
        }
        var number = Int(attributes["start"] ?? "") ?? 1
        var lines: [String] = []
        for item in listItems {
            let marker = tag == .ol ? "\(number)." : "-"
            number += 1
            let content = blockStrings(item.children).joined(separator: loose ? "\n\n" : "\n")
            let indent = String(repeating: " ", count: marker.count + 1)
            let body = content.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map { index, line in
                index == 0 ? marker + (line.isEmpty ? "" : " " + line) : (line.isEmpty ? "" : indent + line)
            }.joined(separator: "\n")
            lines.append(body)
        }
        return lines.joined(separator: loose ? "\n\n" : "\n")
    }

    private func codeBlock(_ code: String, language: String?) -> String {
        var longest = 0
        var run = 0
        for character in code {
            run = character == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        let fence = String(repeating: "`", count: max(3, longest + 1))
        let body = code.hasSuffix("\n") ? String(code.dropLast()) : code
        let info = language?.filter { !$0.isWhitespace && $0 != "`" } ?? ""
        return fence + info + "\n" + body + "\n" + fence
    }

    private func figure(_ children: [ContentNode]) -> String? {
        let images = children.filter { $0.tag != .figcaption }
        let caption = children.first { $0.tag == .figcaption }.map { inline($0.children).trimmingCharacters(in: .whitespaces) } ?? ""
        var lines = images.map { inline([$0]) }.filter { !$0.isEmpty }
        guard !lines.isEmpty else { return caption.isEmpty ? nil : MarkdownEscaper.escapeLineStart(caption) }
        if !caption.isEmpty { lines.append("*" + caption.replacingOccurrences(of: "\\\n", with: " ") + "*") }
        return lines.joined(separator: "\n")
    }

    // MARK: Inline

    func inline(_ nodes: [ContentNode]) -> String {
        var output = ""
        for node in nodes {
            let atLineStart = output.isEmpty || output.hasSuffix("\n")
            switch node {
            case .text(let text):
                var collapsed = collapseWhitespace(text)
                if atLineStart || output.hasSuffix(" ") { collapsed = String(collapsed.drop { $0 == " " }) }
                output += MarkdownEscaper.escape(collapsed, atLineStart: false)
            case .element(let tag, let attributes, let children):
                output += inlineElement(tag, attributes: attributes, children: children)
            }
        }
        return output
    }

    private func inlineElement(_ tag: ContentTag, attributes: [String: String], children: [ContentNode]) -> String {
        switch tag {
        case .em: return delimited(inline(children), by: "*")
        case .strong: return delimited(inline(children), by: "**")
        case .code: return codeSpan(children.map(\.textContent).joined())
        case .br: return "\\\n"
        case .a:
            let text = inline(children)
            guard let href = attributes["href"].flatMap({ URLPolicy.safeURL($0, base: baseURL) }) else { return text }
            guard !text.trimmingCharacters(in: .whitespaces).isEmpty else { return "" }
            let title = attributes["title"].map { " " + MarkdownEscaper.title($0) } ?? ""
            return "[" + text.trimmingCharacters(in: .whitespaces) + "](" + MarkdownEscaper.destination(href) + title + ")"
        case .img:
            guard let src = attributes["src"].flatMap({ URLPolicy.safeURL($0, base: baseURL) }) else { return "" }
            let alt = MarkdownEscaper.escape(collapseWhitespace(attributes["alt"] ?? ""), atLineStart: false)
            let title = attributes["title"].map { " " + MarkdownEscaper.title($0) } ?? ""
            return "![" + alt + "](" + MarkdownEscaper.destination(src) + title + ")"
        default:
            // del, sub, sup and stray blocks: CommonMark has no syntax; keep the text.
            return inline(children)
        }
    }

    /// Emphasis markers hug the text: spaces move outside, empty emphasis disappears.
    private func delimited(_ text: String, by marker: String) -> String {
        let leading = text.prefix { $0 == " " }
        let trailing = String(text.reversed().prefix { $0 == " " })
        let core = text.trimmingCharacters(in: .whitespaces)
        guard !core.isEmpty else { return text.isEmpty ? "" : " " }
        if core.hasSuffix("\\\n") || core.hasPrefix("\\\n") { return text }
        return leading + marker + core + marker + trailing
    }

    private func codeSpan(_ code: String) -> String {
        let text = collapseWhitespace(code)
        guard !text.isEmpty else { return "" }
        var longest = 0
        var run = 0
        for character in text {
            run = character == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        let fence = String(repeating: "`", count: longest + 1)
        let pad = text.hasPrefix("`") || text.hasSuffix("`") || (text.hasPrefix(" ") && text.hasSuffix(" ")) ? " " : ""
        return fence + pad + text + pad + fence
    }

    private func collapseWhitespace(_ text: String) -> String {
        var output = ""
        var lastWasSpace = false
        for character in text {
            if character == " " || character == "\t" || character == "\n" || character == "\r" {
                if !lastWasSpace { output.append(" ") }
                lastWasSpace = true
            } else {
                output.append(character)
                lastWasSpace = false
            }
        }
        return output
    }
}

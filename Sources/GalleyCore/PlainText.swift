/// The running text of a content tree: paragraphs and other blocks separated by blank lines,
/// whitespace collapsed (the form `galley extract` prints and the scorers read). Figures and
/// their captions are not running text and are left out (the Markdown keeps them).
public enum PlainText {
    public static func of(_ nodes: [ContentNode]) -> String {
        var blocks: [String] = []
        collect(nodes, into: &blocks)
        return blocks.joined(separator: "\n\n")
    }

    private static func collect(_ nodes: [ContentNode], into blocks: inout [String]) {
        var inline = ""
        func flush() {
            let text = collapsed(inline)
            if !text.isEmpty { blocks.append(text) }
            inline = ""
        }
        for node in nodes {
            guard let tag = node.tag else {
                inline += text(of: node)
                continue
            }
            switch tag {
            case .figure, .figcaption, .img:
                continue
            case .pre:
                flush()
                blocks.append(text(of: node))
            case .ul, .ol, .blockquote, .table, .thead, .tbody, .tfoot, .tr, .li, .td, .th:
                flush()
                if node.children.contains(where: { $0.tag?.isBlock == true }) {
                    collect(node.children, into: &blocks)
                } else {
                    inline = text(of: node)
                    flush()
                }
            case .br:
                inline += "\n"
            case _ where tag.isBlock:
                flush()
                inline = text(of: node)
                flush()
            default:
                inline += text(of: node)
            }
        }
        flush()
    }

    /// Runs of spaces, tabs and line breaks as one space, none at the ends. Text with nothing to
    /// collapse (most of it) is returned as it is, without walking its characters.
    private static func collapsed(_ text: String) -> String {
        var previousWasSpace = true
        var clean = true
        for byte in text.utf8 {
            if byte == 0x09 || byte == 0x0A || byte == 0x0D || (byte == 0x20 && previousWasSpace) {
                clean = false
                break
            }
            previousWasSpace = byte == 0x20
        }
        if clean, !previousWasSpace { return text }
        var text = text
        return text.withUTF8(collapsedBytes) ?? text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }).joined(separator: " ")
    }

    /// `collapsed` on UTF-8 bytes (splitting by `Character` was 1.4% of extraction); nil where
    /// only characters read it right: a `\r\n` (one character, not a blank of the list) or a
    /// space that may share its character with a neighbour (`GraphemeNeighbours`).
    private static func collapsedBytes(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var pendingSpace = false
        for index in bytes.indices {
            let byte = bytes[index]
            guard byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D else {
                if pendingSpace, !output.isEmpty { output.append(0x20) }
                pendingSpace = false
                output.append(byte)
                continue
            }
            if byte == 0x0D, index + 1 < bytes.count, bytes[index + 1] == 0x0A { return nil }
            if byte == 0x20, GraphemeNeighbours.mayJoin(bytes, spaceAt: index) { return nil }
            pendingSpace = true
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// The node's text with each line break (`<br>`) as a newline, so that the words on either
    /// side of it stay apart ("…, FL<br>June 10" is not "FLJune 10").
    private static func text(of node: ContentNode) -> String {
        switch node {
        case .text(let text): return text
        case .element(let tag, _, let children): return tag == .br ? "\n" : children.map(text(of:)).joined()
        }
    }
}

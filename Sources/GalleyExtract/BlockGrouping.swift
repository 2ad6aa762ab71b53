import GalleyCore

/// Puts converted nodes into the shape CommonMark needs: runs of inline content become
/// paragraphs between blocks, `<br><br>` splits paragraphs, blank runs vanish.
enum BlockGrouping {
    /// Block-level content: inline runs wrapped in `p`.
    static func blocks(from nodes: [ContentNode]) -> [ContentNode] {
        group(nodes) { run in
            splitOnDoubleBreaks(run).filter(hasContent).map { .element(.p, attributes: [:], children: trimBreaks($0)) }
        }
    }

    /// Content of a list item. Inline runs stay unwrapped (a tight item, possibly followed by a
    /// nested list); only paragraphs the page itself wrote make an item loose.
    static func itemContent(_ nodes: [ContentNode]) -> [ContentNode] {
        guard nodes.contains(where: { $0.tag?.isBlock == true }) else { return trimBreaks(nodes) }
        return group(nodes) { run in hasContent(run) ? trimBreaks(run) : [] }
    }

    /// Blocks kept as they are; each run of inline nodes between them replaced by `wrapRun(run)`.
    private static func group(_ nodes: [ContentNode], wrapRun: ([ContentNode]) -> [ContentNode]) -> [ContentNode] {
        var result: [ContentNode] = []
        var run: [ContentNode] = []
        for node in nodes {
            if node.tag?.isBlock == true {
                if !run.isEmpty { result += wrapRun(run) }
                run.removeAll()
                result.append(node)
            } else {
                run.append(node)
            }
        }
        if !run.isEmpty { result += wrapRun(run) }
        return result
    }

    /// Flattens blocks into inline content (a block inside a heading or a link).
    static func inlineOnly(_ nodes: [ContentNode]) -> [ContentNode] {
        var result: [ContentNode] = []
        for node in nodes {
            if let tag = node.tag, tag.isBlock, tag != .figcaption {
                if !result.isEmpty { result.append(.text(" ")) }
                result += inlineOnly(node.children)
            } else {
                result.append(node)
            }
        }
        return result
    }

    private static func splitOnDoubleBreaks(_ nodes: [ContentNode]) -> [[ContentNode]] {
        var paragraphs: [[ContentNode]] = [[]]
        var pendingBreak = false
        for node in nodes {
            if node.tag == .br {
                if pendingBreak {
                    paragraphs.append([])
                    pendingBreak = false
                } else {
                    pendingBreak = true
                }
                continue
            }
            if case .text(let text) = node, text.allSatisfy(\.isWhitespace) {
                paragraphs[paragraphs.count - 1].append(node)
                continue
            }
            if pendingBreak { paragraphs[paragraphs.count - 1].append(.node(.br)) }
            pendingBreak = false
            paragraphs[paragraphs.count - 1].append(node)
        }
        return paragraphs
    }

    private static func trimBreaks(_ nodes: [ContentNode]) -> [ContentNode] {
        var nodes = nodes
        while let first = nodes.first, first.tag == .br || isBlank(first) { nodes.removeFirst() }
        while let last = nodes.last, last.tag == .br || isBlank(last) { nodes.removeLast() }
        return nodes
    }

    private static func isBlank(_ node: ContentNode) -> Bool {
        if case .text(let text) = node { return text.allSatisfy(\.isWhitespace) }
        return false
    }

    static func hasContent(_ nodes: [ContentNode]) -> Bool {
        nodes.contains { node in
            if node.tag == .img { return true }
            if node.tag == .br { return false }
            return !node.textContent.allSatisfy(\.isWhitespace) || hasContent(node.children)
        }
    }
}

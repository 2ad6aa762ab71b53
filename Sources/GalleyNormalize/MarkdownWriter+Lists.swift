import GalleyCore

/// Lists: `-` bullets or `1.` numbers from the list's start, content indented to the width of
/// the marker. A list is tight (no blank lines) unless an item holds a paragraph (or a table
/// followed by more); CommonMark decides looseness per list, so the whole list follows.
extension MarkdownWriter {
    /// Largest start number CommonMark accepts (nine digits).
    static let largestListNumber = 999_999_999

    func list(ordered: Bool, start: String?, items: [ContentNode], alternate: Bool) -> Block? {
        let listItems = items.compactMap { item -> ContentNode? in
            if item.tag == .li { return item }
            return InlineNormalizer.hasVisibleContent([item]) ? .node(.li, [item]) : nil
        }
        guard !listItems.isEmpty else { return nil }
        let contents = listItems.map { blocks($0.children) }
        let loose = listItems.contains { item in item.children.contains { $0.tag == .p } }
            || contents.contains { !Self.fitsTight($0) }
        var number = min(max(Int(start?.trimmingCharacters(in: .whitespaces) ?? "") ?? 1, 0), Self.largestListNumber)
        let firstNumber = number
        var written: [String] = []
        for content in contents {
            let marker = ordered ? "\(number)" + (alternate ? ")" : ".") : (alternate ? "*" : "-")
            number = min(number + 1, Self.largestListNumber)
            written.append(Self.item(marker: marker, content: loose ? content.map(\.text).joined(separator: "\n\n") : Self.tightContent(content)))
        }
        let interrupts = !(contents.first?.isEmpty ?? true) && (!ordered || firstNumber == 1)
        return Block(kind: .list(ordered: ordered, alternate: alternate, interrupts: interrupts),
                     text: written.joined(separator: loose ? "\n\n" : "\n"))
    }

    /// One item: the marker, then the content with every further line indented to it.
    private static func item(marker: String, content: String) -> String {
        let indent = String(repeating: " ", count: marker.count + 1)
        return content.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map { index, line in
            if index == 0 { return line.isEmpty ? marker : marker + " " + line }
            return line.isEmpty ? "" : indent + line
        }.joined(separator: "\n")
    }

    /// The separator CommonMark reads as "a new block starts here" without a blank line (a blank
    /// line would make the list loose): a line break when the next block can interrupt the one
    /// before; otherwise an empty HTML comment line, which ends the block before and renders as
    /// nothing (CommonMark's own advice). After a table nothing works but a blank line (nil).
    static let tightBreak = "\n<!-- -->\n"

    static func tightSeparator(_ previous: Block.Kind, _ next: Block.Kind) -> String? {
        if previous == .table { return nil }
        return canFollowDirectly(previous, next) ? "\n" : tightBreak
    }

    /// Whether an item's blocks can be written without blank lines (so the list can be tight).
    static func fitsTight(_ blocks: [Block]) -> Bool {
        zip(blocks, blocks.dropFirst()).allSatisfy { tightSeparator($0.kind, $1.kind) != nil }
    }

    private static func tightContent(_ blocks: [Block]) -> String {
        var text = blocks.first?.text ?? ""
        for (previous, next) in zip(blocks, blocks.dropFirst()) {
            text += (tightSeparator(previous.kind, next.kind) ?? "\n\n") + next.text
        }
        return text
    }

    /// Whether `next` starts a new block when written on the line after `previous`, rather than
    /// continuing it (a lazy paragraph line, an HTML block running on, a quote going on).
    static func canFollowDirectly(_ previous: Block.Kind, _ next: Block.Kind) -> Bool {
        if previous == .table { return false }
        switch next {
        case .code, .heading, .rule, .table:
            return true
        case .paragraph, .figure:
            return previous == .code || previous == .heading || previous == .rule
        case .quote:
            return previous != .quote
        case .list(_, _, let interrupts):
            return previous == .code || previous == .heading || previous == .rule || interrupts
        }
    }
}

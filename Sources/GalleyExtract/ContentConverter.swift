import Foundation
import GalleyCore

/// Turns the chosen part of the DOM into the sanitised `ContentNode` tree: allowlisted elements
/// only, URLs checked and made absolute, boilerplate inserts dropped, editor lines collected.
struct ContentConverter {
    let analysis: PageAnalysis
    let baseURL: String?
    var heuristics: ExtractionHeuristics { analysis.heuristics }

    /// What the conversion found besides content.
    struct Findings {
        var editor: String?
        var byline: String?
        /// Characters of link text kept as plain text because the link's URL was dropped
        /// (unsafe, or relative without a base): still links for the readerable check.
        var unlinkedLinkText = 0
    }

    private(set) var findings = Findings()
    private var lastImageSource: String?
    /// The heuristics' lists, ready to ask.
    private var lists: HeuristicLists { analysis.lists }

    init(analysis: PageAnalysis, baseURL: String?) {
        self.analysis = analysis
        self.baseURL = baseURL
    }

    /// Converts article members: the container's children when it is the only member,
    /// otherwise each member as a block.
    mutating func convert(container: HTMLNode, members: [HTMLNode]) -> [ContentNode] {
        var nodes: [ContentNode] = []
        if members == [container] {
            nodes = convertChildren(of: container)
        } else {
            for member in members { nodes += convertNode(member) }
        }
        return BlockGrouping.blocks(from: nodes)
    }

    /// Converts one element as a block (a lead `<figure>` stays a figure).
    mutating func convertElement(_ node: HTMLNode) -> [ContentNode] {
        BlockGrouping.blocks(from: convertNode(node))
    }

    /// Converts every child of a node (a fragment's `<body>`).
    mutating func convertChildren(of node: HTMLNode) -> [ContentNode] {
        var result: [ContentNode] = []
        for child in node.children { result += convertNode(child) }
        return result
    }

    // MARK: Nodes

    private mutating func convertNode(_ node: HTMLNode) -> [ContentNode] {
        if node.isText {
            let text = node.textValue
            return text.isEmpty ? [] : [.text(text)]
        }
        guard node.isElement else { return [] }
        let name = node.name
        if name == "iframe" || name == "embed" || name == "object" || name == "video" { return embedLink(node) }
        if name == "noscript" { return noscriptContent(node) }
        guard !analysis.isExcluded(node), !isConditionallyRemoved(node) else { return [] }
        if Self.blockNames.contains(name), isInsertOrCreditLine(node) { return [] }
        if name != "figure", name != "figcaption", ClassWords(node).matchesAny(lists.captionWords) || isCreditLine(node) {
            let caption = BlockGrouping.inlineOnly(convertChildren(of: node))
            return BlockGrouping.hasContent(caption) ? [.element(.figcaption, attributes: [:], children: caption)] : []
        }
        switch name {
        case "p": return block(.p, node)
        case "h1", "h2", "h3", "h4", "h5", "h6": return heading(node)
        case "ul", "ol": return list(node)
        case "li": return [.element(.li, attributes: [:], children: BlockGrouping.itemContent(convertChildren(of: node)))]
        case "blockquote": return [.element(.blockquote, attributes: [:], children: BlockGrouping.blocks(from: convertChildren(of: node)))]
        case "pre": return preformatted(node)
        case "code", "kbd", "samp", "tt": return inline(.code, node)
        case "em", "i", "cite", "dfn", "var": return inline(.em, node)
        case "strong", "b": return inline(.strong, node)
        case "del", "s", "strike": return inline(.del, node)
        case "sub": return inline(.sub, node)
        case "sup": return inline(.sup, node)
        case "a": return link(node)
        case "img": return image(node)
        case "br": return [.node(.br)]
        case "hr": return [.node(.hr)]
        case "figure": return figure(node)
        case "figcaption": return block(.figcaption, node)
        case "table": return table(node)
        case "dt": return [.element(.p, attributes: [:], children: [.node(.strong, convertChildren(of: node))])]
        case "dd": return block(.p, node)
        default:
            let children = convertChildren(of: node)
            return Self.blockNames.contains(name) ? BlockGrouping.blocks(from: children) : children
        }
    }

    /// Elements that separate blocks (transparent ones included).
    static let blockNames: Set<String> = [
        "p", "div", "section", "article", "main", "header", "center", "details", "summary", "dl", "dt", "dd",
        "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "li", "address", "hgroup", "body", "figure",
        "table", "tbody", "thead", "tfoot", "tr", "td", "th", "form",
    ]

    private mutating func block(_ tag: ContentTag, _ node: HTMLNode) -> [ContentNode] {
        let children = convertChildren(of: node)
        if children.contains(where: { $0.tag?.isBlock == true }) { return BlockGrouping.blocks(from: children) }
        return [.element(tag, attributes: [:], children: children)]
    }

    private mutating func inline(_ tag: ContentTag, _ node: HTMLNode) -> [ContentNode] {
        let children = BlockGrouping.inlineOnly(convertChildren(of: node))
        return children.isEmpty ? [] : [.element(tag, attributes: [:], children: children)]
    }

    private mutating func heading(_ node: HTMLNode) -> [ContentNode] {
        // The page's own <h1> is the headline; one inside the body is a section heading.
        let tag = node.name == "h1" ? .h2 : ContentTag(rawValue: node.name) ?? .h2
        let children = BlockGrouping.inlineOnly(convertChildren(of: node))
        return [.element(tag, attributes: [:], children: children)]
    }

    private mutating func list(_ node: HTMLNode) -> [ContentNode] {
        var items: [ContentNode] = []
        for child in node.children {
            for converted in convertNode(child) {
                if converted.tag == .li {
                    items.append(converted)
                } else if !converted.textContent.trimmingWhitespace.isEmpty || converted.tag == .img {
                    items.append(.element(.li, attributes: [:], children: [converted]))
                }
            }
        }
        guard !items.isEmpty else { return [] }
        var attributes: [String: String] = [:]
        if node.name == "ol", let start = node.attribute("start").flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) }), start != 1 {
            attributes["start"] = String(start)
        }
        return [.element(node.name == "ol" ? .ol : .ul, attributes: attributes, children: items)]
    }

    private func preformatted(_ node: HTMLNode) -> [ContentNode] {
        let text = analysis.isExcluded(node) ? "" : visibleText(node)
        guard !text.trimmingWhitespace.isEmpty else { return [] }
        var attributes: [String: String] = [:]
        let classes = (node.attribute("class") ?? "") + " " + (node.first(["code"])?.attribute("class") ?? "")
        for token in classes.split(separator: " ") {
            for prefix in ["language-", "lang-"] where token.hasPrefix(prefix) {
                let language = token.dropFirst(prefix.count).filter { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "+" }
                if !language.isEmpty { attributes["language"] = String(language) }
            }
        }
        return [.element(.pre, attributes: attributes, children: [.text(text)])]
    }

    private mutating func link(_ node: HTMLNode) -> [ContentNode] {
        let children = BlockGrouping.inlineOnly(convertChildren(of: node))
        guard !children.isEmpty else { return [] }
        guard let href = node.attribute("href").flatMap({ URLPolicy.safeURL($0, base: baseURL) }) else {
            findings.unlinkedLinkText += children.reduce(0) { $0 + PageAnalysis.visibleLength($1.textContent) }
            return children
        }
        var attributes = ["href": href]
        if let title = node.attribute("title")?.trimmingWhitespace, !title.isEmpty {
            attributes["title"] = title
        }
        return [.element(.a, attributes: attributes, children: children)]
    }

    /// An image: its real URL (`LazyImage`), else a picture inlined as a `data:` URI (a page
    /// saved as one file), which the images phase copies into the site.
    private mutating func image(_ node: HTMLNode) -> [ContentNode] {
        let inline = { node.attribute("src").flatMap { URLPolicy.safeImageSource($0, base: nil) } }
        guard let source = LazyImage.source(of: node).flatMap({ URLPolicy.safeURL($0, base: baseURL) }) ?? inline(),
              !LazyImage.isTrackingPixel(node) else { return [] }
        if source == lastImageSource { return [] }
        lastImageSource = source
        var attributes = ["src": source, "alt": (node.attribute("alt") ?? "").trimmingWhitespace]
        if let title = node.attribute("title")?.trimmingWhitespace, !title.isEmpty {
            attributes["title"] = title
        }
        return [.element(.img, attributes: attributes, children: [])]
    }

    private mutating func figure(_ node: HTMLNode) -> [ContentNode] {
        var images: [ContentNode] = []
        var caption: [ContentNode] = []
        var other: [ContentNode] = []
        for child in node.children {
            if child.isElement, child.name == "figcaption" {
                caption = BlockGrouping.inlineOnly(convertChildren(of: child))
            } else {
                for converted in convertNode(child) {
                    if converted.tag == .img || (converted.tag == .a && converted.children.contains { $0.tag == .img }) {
                        images.append(converted)
                    } else if converted.tag == .table || converted.tag == .blockquote || converted.tag == .pre {
                        other.append(converted)
                    } else {
                        let nested = Self.images(in: converted)
                        images += nested
                    }
                }
            }
        }
        if images.isEmpty {
            // A figure of text (a quote, a table) keeps its caption as a line, and so does a
            // long one (a gallery's text); a picture that could not be read (script-loaded)
            // leaves a caption, not running text.
            guard caption.isEmpty || !other.isEmpty
                    || FastText.collapsedLength(caption.map(\.textContent).joined()) > heuristics.maximumUnreadPictureCaptionLength else {
                return [.element(.figcaption, attributes: [:], children: caption)]
            }
            return other + (caption.isEmpty ? [] : [.element(.p, attributes: [:], children: caption)])
        }
        var children = images
        if !caption.isEmpty { children.append(.element(.figcaption, attributes: [:], children: caption)) }
        return [.element(.figure, attributes: [:], children: children)] + other
    }

    private static func images(in node: ContentNode) -> [ContentNode] {
        if node.tag == .img { return [node] }
        return node.children.flatMap(images(in:))
    }

    private mutating func table(_ node: HTMLNode) -> [ContentNode] {
        let rows = node.descendants { $0.name == "tr" }
        let isData = node.first(["th", "thead"]) != nil
            || (rows.count >= 2 && rows.allSatisfy { $0.elementChildren.filter { ["td", "th"].contains($0.name) }.count >= 2 })
        guard isData else { return BlockGrouping.blocks(from: convertChildren(of: node)) } // a layout table
        var children: [ContentNode] = []
        if let caption = node.first(["caption"]) {
            children.append(.element(.caption, attributes: [:], children: BlockGrouping.inlineOnly(convertChildren(of: caption))))
        }
        var headRows: [ContentNode] = []
        var bodyRows: [ContentNode] = []
        for row in rows {
            let inHead = row.parent?.name == "thead"
            var cells: [ContentNode] = []
            for cell in row.elementChildren where cell.name == "td" || cell.name == "th" {
                var attributes: [String: String] = [:]
                for key in ["colspan", "rowspan"] {
                    if let value = cell.attribute(key).flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) }), value > 1, value < 1000 {
                        attributes[key] = String(value)
                    }
                }
                let content = BlockGrouping.inlineOnly(convertChildren(of: cell))
                cells.append(.element(cell.name == "th" ? .th : .td, attributes: attributes, children: content))
            }
            guard !cells.isEmpty else { continue }
            let converted = ContentNode.element(.tr, attributes: [:], children: cells)
            if inHead { headRows.append(converted) } else { bodyRows.append(converted) }
        }
        if !headRows.isEmpty { children.append(.node(.thead, headRows)) }
        if !bodyRows.isEmpty { children.append(.node(.tbody, bodyRows)) }
        return [.element(.table, attributes: [:], children: children)]
    }

    /// Known video and social embeds become a plain link; anything else embedded is dropped.
    private func embedLink(_ node: HTMLNode) -> [ContentNode] {
        let raw = node.attribute("src") ?? node.attribute("data-src") ?? node.attribute("data") ?? ""
        guard let url = URLPolicy.safeURL(raw, base: baseURL), let host = URL(string: url)?.host?.lowercased(),
              let label = EmbedHosts.label(forHost: host) else { return [] }
        let link = ContentNode.element(.a, attributes: ["href": url], children: [.text(label)])
        return [.element(.p, attributes: [:], children: [link])]
    }

    /// A `<noscript>` holding text in elements is the page as readers without scripts get it
    /// (the article of a page that renders it with a script): converted like a `<div>`, without
    /// the markup-as-text right inside it. Otherwise only its images count.
    private mutating func noscriptContent(_ node: HTMLNode) -> [ContentNode] {
        guard !analysis.isExcluded(node), analysis.stat(node).textLength >= heuristics.minimumScoredTextLength else {
            return noscriptImages(node)
        }
        var children: [ContentNode] = []
        for child in node.children where child.isElement { children += convertNode(child) }
        return BlockGrouping.blocks(from: children)
    }

    /// Images inside `<noscript>` are the real ones behind a lazy-loading placeholder.
    private mutating func noscriptImages(_ node: HTMLNode) -> [ContentNode] {
        var images: [ContentNode] = []
        for img in node.descendants(where: { $0.name == "img" }) { images += image(img) }
        if images.isEmpty {
            // libxml2 may keep noscript content as text: parse it as a fragment.
            let markup = node.textContent
            if markup.contains("<img"), let source = LazyImage.firstImageSource(inMarkup: markup),
               let url = URLPolicy.safeURL(source, base: baseURL), url != lastImageSource {
                lastImageSource = url
                images.append(.element(.img, attributes: ["src": url, "alt": ""], children: []))
            }
        }
        return images
    }

    // MARK: Cleaning

    /// Containers that are mostly links (lists of related stories, tag clouds) are dropped.
    private func isConditionallyRemoved(_ node: HTMLNode) -> Bool {
        let name = node.name
        let stats = analysis.stat(node)
        if name == "form" {
            return Double(stats.textLength) < Double(analysis.pageTextLength) * heuristics.maximumWidgetFormShare
        }
        guard heuristics.conditionallyCleanedElements.contains(name) else { return false }
        let density = analysis.linkDensity(node)
        if name == "header" { return stats.textLength < heuristics.maximumDroppedHeaderLength }
        if density > heuristics.linkBlockDensity && stats.textLength < heuristics.maximumLinkBlockLength {
            return !holdsDataTable(node, of: stats.textLength)
        }
        if (name == "ul" || name == "ol"), density > heuristics.linkListDensity, stats.textLength < heuristics.maximumLinkListLength {
            let items = node.elementChildren.filter { $0.name == "li" }
            return !items.isEmpty && items.allSatisfy { analysis.linkDensity($0) > heuristics.linkListItemDensity }
        }
        return false
    }

    /// A table with header cells (a comparison or results table whose rows link to the items
    /// they rate) is data, not a block of links, however many of its cells are links; so is a
    /// container holding at least `minimumDataTableShare` of its text in such tables.
    private func holdsDataTable(_ node: HTMLNode, of textLength: Int) -> Bool {
        let tables = node.name == "table" ? [node] : analysis.includedDescendants(of: node) { $0.name == "table" }
        let tableText = tables.filter { $0.first(["th", "thead"]) != nil }.reduce(0) { $0 + analysis.stat($1).textLength }
        return tableText > 0 && Double(tableText) >= Double(textLength) * heuristics.minimumDataTableShare
    }

    /// "Baca Juga: …", "Read also …", ad labels and editor/byline lines are not body text.
    /// Editor and byline lines are remembered as metadata.
    private mutating func isInsertOrCreditLine(_ node: HTMLNode) -> Bool {
        let stats = analysis.stat(node)
        guard stats.textLength > 0, stats.textLength <= heuristics.maximumInsertLength else {
            return stats.textLength == 0 && node.first(["img", "iframe", "noscript", "picture", "table", "hr", "br"]) == nil
                && node.name != "li" && node.name != "body"
        }
        let text = visibleText(node).trimmingWhitespace
        // Only the start can match a prefix: lower-casing the whole text costs more.
        let lower = FastText.lowercased(text.prefix(lists.longestInsertPrefix + 1))
        if lists.insertPrefixes.startsAny(lower) { return true }
        guard text.count <= heuristics.maximumCreditLineLength else { return false }
        if let editor = CreditLine.value(of: text, labels: heuristics.editorLabels) {
            if findings.editor == nil { findings.editor = editor }
            return true
        }
        if let byline = CreditLine.value(of: text, labels: heuristics.creditLineBylineLabels) {
            if findings.byline == nil { findings.byline = byline }
            return true
        }
        return false
    }

    /// A short block that opens with a credit or source label ("Foto: …", "© …", "Quelle: …").
    private func isCreditLine(_ node: HTMLNode) -> Bool {
        guard Self.blockNames.contains(node.name) || node.name == "span" || node.name == "em" else { return false }
        let length = analysis.stat(node).textLength
        guard length > 0, length <= heuristics.maximumCreditLineLength else { return false }
        var text = FastText.lowercased(Whitespace.collapsed(visibleText(node)))
        // "(Credit: …)", "[Foto: …]": the bracket does not hide the label.
        if let first = text.first, first == "(" || first == "[" { text.removeFirst() }
        if lists.creditPrefixes.startsAny(text) { return true }
        return endsWithCredit(text)
    }

    /// A caption that ends with its picture's credit ("Elder spoke to Woods before the final
    /// round. | © Augusta National/Getty Images"): after the last credit label, at most
    /// `maximumTrailingCreditWords` words.
    private func endsWithCredit(_ text: String) -> Bool {
        guard lists.creditLabelNeedles.contains(where: { FastText.contains(text, $0) }) else { return false }
        let words = text.split(separator: " ")
        guard words.count >= 2 else { return false }
        // The last credit label, among the last words.
        for start in (max(1, words.count - heuristics.maximumTrailingCreditWords - 1)..<words.count).reversed() {
            let tail = words[start...].joined(separator: " ")
            guard lists.creditPrefixes.startsAny(tail) else { continue }
            // The label follows the caption's end or a separator, not a word in mid-sentence.
            guard let mark = words[start - 1].last else { continue }
            return ".|/–—-)".contains(mark)
        }
        return false
    }

    private func visibleText(_ node: HTMLNode) -> String {
        var text = ""
        func walk(_ current: HTMLNode) {
            for child in current.children {
                if child.isText {
                    text += child.textValue
                } else if child.isElement, !analysis.isExcluded(child) {
                    if child.name == "br" { text += "\n" }
                    walk(child)
                }
            }
        }
        walk(node)
        return text
    }
}

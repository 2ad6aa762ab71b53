import CLibXML2
import Foundation
import GalleyCore

/// One pass over the DOM that measures what the scorer and the cleaner need: visible text
/// length, text inside links and commas per element, and which elements are excluded
/// (dropped tags, hidden elements, boilerplate by class or id).
final class PageAnalysis {
    struct Stats {
        var textLength = 0
        var linkTextLength = 0
        var commas = 0
    }

    let heuristics: ExtractionHeuristics
    private(set) var stats: [HTMLNode: Stats] = [:]
    private(set) var excluded: Set<HTMLNode> = []

    /// Inline elements: their text belongs to the paragraph around them.
    static let inlineElements: Set<String> = [
        "a", "abbr", "b", "bdi", "bdo", "big", "cite", "code", "data", "del", "dfn", "em", "font", "i",
        "ins", "kbd", "mark", "q", "s", "samp", "small", "span", "strike", "strong", "sub", "sup",
        "time", "tt", "u", "var", "wbr", "br", "img", "label",
    ]

    /// Visible text of the whole page, in characters.
    private(set) var pageTextLength = 0

    /// `heuristics`' lists, ready to ask (`HeuristicLists`).
    let lists: HeuristicLists

    /// Elements the page marks as its article body (`itemprop="articleBody"`, see
    /// `isMarkedArticleBody`), and every element that holds one.
    private(set) var markedBodies: [HTMLNode] = []
    private var holdsMarkedBody: Set<HTMLNode> = []

    /// Landmarks dropped with their content unless they hold the marked article body: then the
    /// page uses one as the article's wrapper (an `<aside>` around the story).
    static let wrapperLandmarks: Set<String> = ["aside", "nav", "footer", "menu"]

    /// - Parameter markedBodies: the page's `itemprop="articleBody"` elements (from `ElementIndex`).
    init(root: HTMLNode, heuristics: ExtractionHeuristics, lists: HeuristicLists, markedBodies: [HTMLNode] = []) {
        self.heuristics = heuristics
        self.lists = lists
        self.markedBodies = markedBodies
        for marked in markedBodies {
            var current: HTMLNode? = marked
            while let node = current, holdsMarkedBody.insert(node).inserted { current = node.parent }
        }
        pageTextLength = measure(root, insideLink: false).textLength
        classify(root)
    }

    func stat(_ node: HTMLNode) -> Stats { stats[node] ?? Stats() }

    /// Share of an element's visible text that sits inside links (0…1).
    func linkDensity(_ node: HTMLNode) -> Double {
        let stats = stat(node)
        return stats.textLength == 0 ? 0 : Double(stats.linkTextLength) / Double(stats.textLength)
    }

    func isExcluded(_ node: HTMLNode) -> Bool { excluded.contains(node) }

    /// Descendants matching `predicate`, in document order, never entering excluded subtrees.
    func includedDescendants(of root: HTMLNode, where predicate: (HTMLNode) -> Bool) -> [HTMLNode] {
        var result: [HTMLNode] = []
        var stack: [HTMLNode] = root.elementChildren.reversed()
        while let node = stack.popLast() {
            guard !excluded.contains(node) else { continue }
            if predicate(node) { result.append(node) }
            stack.append(contentsOf: node.elementChildren.reversed())
        }
        return result
    }

    // MARK: Measuring

    private func measure(_ node: HTMLNode, insideLink: Bool) -> Stats {
        var total = Stats()
        let name = node.name
        let isDropped = heuristics.droppedElements.contains(name)
            && !(Self.wrapperLandmarks.contains(name) && holdsMarkedBody.contains(node))
        if isDropped || Self.isHidden(node) {
            excluded.insert(node)
            stats[node] = total
            return total
        }
        let isLink = insideLink || name == "a"
        // Text right inside `<noscript>` is markup a script-less browser would show as
        // characters (ad and pixel fallbacks); its elements are a real fallback page.
        let countsText = name != "noscript"
        for child in node.children {
            if child.isText {
                guard countsText else { continue }
                let (length, commas) = Self.measureText(child)
                total.textLength += length
                if isLink { total.linkTextLength += length }
                total.commas += commas
            } else if child.isElement {
                let childStats = measure(child, insideLink: isLink)
                total.textLength += childStats.textLength
                total.linkTextLength += childStats.linkTextLength
                total.commas += childStats.commas
            }
        }
        stats[node] = total
        return total
    }

    /// Marks boilerplate containers (class/id words) top-down; a protected content container
    /// with plenty of text is kept.
    private func classify(_ node: HTMLNode) {
        for child in node.elementChildren where !excluded.contains(child) {
            if isBoilerplate(child) {
                excluded.insert(child)
            } else {
                classify(child)
            }
        }
    }

    func isBoilerplate(_ node: HTMLNode) -> Bool {
        let name = node.name
        if name == "body" || name == "html" || name == "main" || holdsMarkedBody.contains(node) { return false }
        let role = node.attribute("role")?.lowercased()
        if let role, ["navigation", "banner", "contentinfo", "complementary", "search", "dialog", "alert"].contains(role) {
            return true
        }
        let words = ClassWords(node)
        guard !words.isEmpty else { return false }
        if words.hasWholeName(in: lists.invisibleClassNames) { return !isProtectedWrapper(node) }
        if isPrintOnly(words) { return true }
        if name == "a", Self.isInSentence(node) { return false }
        // A teaser that links to another story is a card; one without links is the lead.
        if words.matchesAny(lists.teaserWords), linkDensity(node) >= heuristics.minimumTeaserLinkDensity {
            return !isProtectedWrapper(node)
        }
        if words.containsAny(lists.authorBoxFragments) { return !isProtectedWrapper(node) }
        guard words.matchesAny(lists.boilerplateWords) || words.containsAny(lists.boilerplateFragments) else { return false }
        if words.matchesAny(lists.embeddedPostWords) { return false }
        // A class that also names content ("box article modal-enabled", "entry-content
        // read-more") is left to the scorer and the conditional cleaning.
        if words.matchesAny(lists.contentWords) { return false }
        // A block named only for its ads that holds paragraphs of prose is content with ad
        // slots in it ("TestReport__Section--Ads"): an ad slot holds a picture and a label.
        if !words.matchesAny(lists.nonAdBoilerplateWords), !words.containsAny(lists.nonAdBoilerplateFragments),
           stat(node).textLength - stat(node).linkTextLength >= heuristics.adSlotMaximumProse {
            return false
        }
        // A wrapper holding much of the page's prose is not boilerplate, whatever its class
        // says ("Page-ad-margins").
        return !isProtectedWrapper(node)
    }

    /// Whether the element holds much of the page's prose (`boilerplateProtectedShare`, few links).
    private func isProtectedWrapper(_ node: HTMLNode) -> Bool {
        let share = Double(stat(node).textLength) / Double(max(1, pageTextLength))
        return share >= heuristics.boilerplateProtectedShare && linkDensity(node) < 0.5
    }

    // MARK: Helpers

    /// Whether the page marks the element as the article's body (`itemprop="articleBody"`).
    static func isMarkedArticleBody(_ node: HTMLNode) -> Bool {
        node.attribute("itemprop")?.lowercased().split(separator: " ").contains("articlebody") == true
    }

    /// Whether the element or one of its ancestors is excluded.
    func isInsideExcluded(_ node: HTMLNode) -> Bool {
        var current: HTMLNode? = node
        while let step = current {
            if excluded.contains(step) { return true }
            current = step.parent
        }
        return false
    }

    /// Whether the nearest non-blank text beside the element, before or after it, holds a letter
    /// or digit: the element is inside a sentence ("<a>Twitter</a> erupted Monday"), not one of
    /// a row of links ("<a>CSP</a> / <a>Solar</a>").
    static func isInSentence(_ node: HTMLNode) -> Bool {
        func wordBeside(_ start: xmlNodePtr?, forward: Bool) -> Bool {
            var sibling = start
            while let current = sibling {
                guard current.pointee.type == XML_TEXT_NODE else { return false }
                let text = HTMLNode(current).textValue
                if text.unicodeScalars.contains(where: { $0.properties.isAlphabetic || $0.properties.numericType != nil }) { return true }
                guard text.allSatisfy(\.isWhitespace) else { return false }
                sibling = forward ? current.pointee.next : current.pointee.prev
            }
            return false
        }
        return wordBeside(node.pointer.pointee.prev, forward: false) || wordBeside(node.pointer.pointee.next, forward: true)
    }

    /// Shown only on the printed page (`printOnlyClassNames`, or Bootstrap's `d-none` undone by
    /// a `d-print-…` class and by no screen breakpoint's `d-md-…`): a citation or URL line for
    /// the paper copy, never on screen.
    func isPrintOnly(_ words: ClassWords) -> Bool {
        if words.hasWholeName(in: lists.printOnlyClassNames) { return true }
        guard FastText.contains(words.text, "d-none"), words.names.contains("d-none"), words.names.contains(where: { $0.hasPrefix("d-print-") && $0 != "d-print-none" }) else {
            return false
        }
        return !words.names.contains { name in heuristics.screenBreakpointDisplayPrefixes.contains { name.hasPrefix($0) } }
    }

    static func isHidden(_ node: HTMLNode) -> Bool {
        node.attribute("aria-hidden")?.lowercased() == "true" || isHiddenFromEveryone(node)
    }

    /// Hidden from every reader, not only from screen readers: the `hidden` attribute, or an
    /// inline `display:none` / `visibility:hidden`.
    static func isHiddenFromEveryone(_ node: HTMLNode) -> Bool {
        if node.attribute("hidden") != nil { return true }
        if let style = node.attribute("style") {
            let compact = String(decoding: FastText.asciiLowercased(style).utf8.filter { !Whitespace.isBlank($0) }, as: UTF8.self)
            if FastText.contains(compact, "display:none") || FastText.contains(compact, "visibility:hidden") { return true }
        }
        return false
    }

    static func visibleLength(_ text: String) -> Int { FastText.collapsedLength(text) }

    /// A text node's `visibleLength` and `commaCount`, read in place: making a String of every
    /// text node of the page cost more than measuring it.
    static func measureText(_ node: HTMLNode) -> (length: Int, commas: Int) {
        node.withTextBytes { (FastText.collapsedLength(utf8: $0), commaCount(utf8: $0)) }
    }

    /// Commas in UTF-8 bytes: ASCII, full-width and ideographic (，、: EF BC 8C, E3 80 81) and
    /// Arabic (،: D8 8C). In UTF-8 those byte runs are those characters and nothing else.
    static func commaCount(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var count = 0
        var index = 0
        while index < bytes.count {
            switch bytes[index] {
            case 0x2C: count += 1
            case 0xD8 where index + 1 < bytes.count && bytes[index + 1] == 0x8C: count += 1
            case 0xE3 where index + 2 < bytes.count && bytes[index + 1] == 0x80 && bytes[index + 2] == 0x81: count += 1
            case 0xEF where index + 2 < bytes.count && bytes[index + 1] == 0xBC && bytes[index + 2] == 0x8C: count += 1
            default: break
            }
            index += 1
        }
        return count
    }
}

/// The words of an element's class and id: each whole token (`read-more`) and each part of it
/// split on `-` and `_` (`read`, `more`), lower-cased.
///
/// Only the text is kept; the words are split from it when asked. Most questions are asked
/// through a `WordSet`, whose one pass over the text rules most elements out without splitting
/// anything (splitting every element's class into Strings was 2.3% of extraction).
struct ClassWords {
    /// Class and id as one lower-cased string (names separated by blanks).
    let text: String

    init(_ node: HTMLNode) {
        text = node.classAndID
    }

    /// The words of a class text already lower-cased.
    init(text: String) {
        self.text = text
    }

    /// The whole class names and id, before splitting.
    var names: [String] {
        text.utf8.split(whereSeparator: Whitespace.isBlank).map { String(decoding: $0, as: UTF8.self) }
    }

    /// The names and their parts, in order (a part may repeat). An array, not a set: each is
    /// asked a few membership questions, and building a set (hashing every word, growing the
    /// table) cost more than the questions.
    var tokens: [String] {
        var tokens: [String] = []
        for token in text.utf8.split(whereSeparator: Whitespace.isBlank) {
            tokens.append(String(decoding: token, as: UTF8.self))
            // A token without `-` or `_` is its own only part.
            guard token.contains(where: { $0 == 0x2D || $0 == 0x5F }) else { continue }
            for part in token.split(whereSeparator: { $0 == 0x2D || $0 == 0x5F }) where part.count > 1 {
                tokens.append(String(decoding: part, as: UTF8.self))
            }
        }
        return tokens
    }

    /// The tokens as a set (for unions and set algebra).
    var tokenSet: Set<String> { Set(tokens) }

    var isEmpty: Bool { !text.utf8.contains { !Whitespace.isBlank($0) } }

    func hasWholeName(in set: Set<String>) -> Bool { names.contains { set.contains($0) } }

    /// Whether a whole name is one of `set`'s words.
    func hasWholeName(in set: WordSet) -> Bool { set.isWholeName(in: text) }

    func matchesAny(_ words: Set<String>) -> Bool { tokens.contains { words.contains($0) } }

    /// Whether a token is one of `set`'s words.
    func matchesAny(_ set: WordSet) -> Bool { set.isToken(in: text) }

    /// Whether any token contains one of the fragments of `search`.
    func containsAny(_ search: FragmentSearch) -> Bool { search.occurs(in: text) }
}

/// The stack of open elements as libxml2 2.9.14's HTML parser keeps it while it reads a page
/// (`htmlParseStartTag`, `htmlParseEndTag`, `htmlAutoClose`, `htmlAutoCloseOnClose`,
/// `htmlCheckImplied`), fed by `MarkupScanner` with every start and end tag it reads.
///
/// It exists for one difference between libxml2 and browsers. An end tag in libxml2 can only
/// close elements of lower or equal "end priority" (`div` 150, table parts 160–190, `head` and
/// `body` 200, `html` 220, everything else 100), so `</aside>` with a `<div>` left open inside
/// the aside is ignored, and the rest of the page — often the article — lands inside the aside,
/// `nav` or `header` and is dropped with it. A browser closes the open `div`s and the aside
/// (HTML's "end tag whose tag name is one of address, article, aside, …": pop up to the
/// element). `repairs(atEndTag:)` says how many `</div>` to put before such an end tag so
/// that libxml2 builds what the browser shows.
///
/// Names are `ElementName`s (`ElementNameInterner` gives them), and libxml2's tables are sets
/// and arrays indexed by their ids.
struct ElementStack {
    /// Open elements, outermost first.
    private(set) var names: [ElementName] = []
    /// libxml2's `ctxt->html`: 3 once a `head` was pushed, 10 once a `body` was.
    private var htmlState = 0
    /// When `records`: every element libxml2 creates (implied ones included), with its depth
    /// (`html` is 1), in document order.
    private(set) var created: [(name: ElementName, depth: Int)] = []
    var records = false
    /// libxml2's `ctxt->depth`: misplaced `html`, `head` and `body` start tags not yet matched
    /// by an end tag (those end tags are then ignored).
    private var misplaced = 0

    /// Past this many open elements libxml2 stops reading (`xmlParserMaxDepth`; the page is
    /// refused, `ParserHalt`), and no repair is worth making.
    static let maximumDepth = ExtractionHeuristics.libxml2DepthLimit

    /// End tags a browser honours by closing whatever is open inside the element, `div`s
    /// included ("pop elements until an element with the same tag name has been popped"). Not
    /// `form` (a browser removes the form but leaves its open children open) nor `p`.
    static let browserClosedEndTags = ElementNameSet([
        "address", "article", "aside", "blockquote", "center", "details", "dialog", "dir", "dl", "dd", "dt",
        "fieldset", "figcaption", "figure", "footer", "header", "hgroup", "li", "main", "menu", "nav", "ol",
        "pre", "section", "summary", "ul",
    ])

    /// The tables below, held by each stack so that reading them needs no check that they are built.
    private let tables = Tables()

    // MARK: Start tags

    /// A start tag: the elements it closes, the elements it implies, then itself (closed at once
    /// when it is empty or written `<x/>`). libxml2 drops a misplaced `html`, `head` or `body`.
    mutating func start(_ name: ElementName, selfClosing: Bool) {
        closeAutomatically(before: name)
        addImplied(before: name)
        let discarded = (!names.isEmpty && name == .html) || (names.count != 1 && name == .head)
            || (name == .body && names.contains(.body))
        if discarded {
            misplaced += name == .body ? names.lazy.filter { $0 == .body }.count : 1
            // libxml2 then treats `/>` as closing the element on top (`htmlParseElementInternal`).
            if selfClosing, !names.isEmpty { names.removeLast() }
            return
        }
        push(name)
        if selfClosing || tables.emptyElements.contains(name) { names.removeLast() }
    }

    private mutating func push(_ name: ElementName) {
        if name == .head { htmlState = max(htmlState, 3) }
        if name == .body { htmlState = max(htmlState, 10) }
        names.append(name)
        if records { created.append((name, names.count)) }
    }

    /// `htmlAutoClose`: while the start tag closes the element on top, pop it.
    private mutating func closeAutomatically(before name: ElementName) {
        guard Int(name.id) < tables.startClose.count else { return }
        let closed = tables.startClose[Int(name.id)]
        while let top = names.last, closed.contains(top) { names.removeLast() }
    }

    /// `htmlCheckImplied`: an `html` for anything, then a `head` for head elements at the top
    /// level or a `body` for the rest, once.
    private mutating func addImplied(before name: ElementName) {
        guard name != .html else { return }
        if names.isEmpty { push(.html) }
        guard name != .body, name != .head else { return }
        if names.count <= 1, tables.headElements.contains(name) {
            if htmlState < 3 { push(.head) }
        } else if !tables.framesetElements.contains(name), htmlState < 10,
                  !names.contains(where: { $0 == .body || $0 == .head }) {
            push(.body)
        }
    }

    /// Whether text now would open an implied `p` (`htmlCheckParagraph`): right inside `html`
    /// or `head`, or with nothing open.
    var textImpliesParagraph: Bool { names.last.map { $0 == .html || $0 == .head } ?? true }

    /// Text that is not blank: the implied `p` where `textImpliesParagraph`.
    mutating func text() {
        guard textImpliesParagraph else { return }
        closeAutomatically(before: .p)
        addImplied(before: .p)
        push(.p)
    }

    // MARK: End tags

    /// How many `</div>` must come before the end tag `</name>` for libxml2 to close the element
    /// as a browser does: the `div`s open inside it, when nothing of a higher priority (a table
    /// part, `body`) stands between; 0 when libxml2 closes it anyway or a browser would not.
    func repairs(atEndTag name: ElementName) -> Int {
        guard tables.browserClosedEndTags.contains(name), names.count < Self.maximumDepth,
              let index = names.lastIndex(of: name) else { return 0 }
        let divPriority = endPriority(.div)
        var divs = 0
        for open in names[(index + 1)...] {
            let priority = endPriority(open)
            if priority > divPriority { return 0 }
            if priority == divPriority { divs += 1 }
        }
        return divs
    }

    /// An end tag (`htmlParseEndTag`): ignored when its element is not open or an element of a
    /// higher priority is open inside it; otherwise it closes everything up to its element.
    mutating func end(_ name: ElementName) {
        if misplaced > 0, name == .html || name == .body || name == .head {
            misplaced -= 1
            return
        }
        guard let index = names.lastIndex(of: name) else { return }
        let priority = endPriority(name)
        guard !names[(index + 1)...].contains(where: { endPriority($0) > priority }) else { return }
        names.removeSubrange(index...)
    }

    // MARK: libxml2's tables

    /// `htmlEndPriority`: 100 for a name not in `endPriorities`.
    private func endPriority(_ name: ElementName) -> Int {
        Int(name.id) < tables.endPriorities.count ? tables.endPriorities[Int(name.id)] : 100
    }

    /// `htmlEndPriority`'s table, by fixed id (`ElementName.known`).
    static let endPriorities: [Int] = {
        let table = ["div": 150, "td": 160, "th": 160, "tr": 170, "thead": 180, "tbody": 180, "tfoot": 180, "table": 190,
                     "head": 200, "body": 200, "html": 220]
        return ElementName.known.map { table[$0] ?? 100 }
    }()

    /// Elements with no content in libxml2's HTML 4 table (`empty`): closed as soon as opened.
    static let emptyElements = ElementNameSet([
        "area", "base", "basefont", "br", "col", "frame", "hr", "img", "input", "isindex", "link", "meta", "param",
    ])

    /// Elements `htmlCheckImplied` opens an implied `head` for, at the top level.
    static let headElements = ElementNameSet(["script", "style", "meta", "link", "title", "base"])

    /// Elements for which `htmlCheckImplied` opens no implied `body`.
    static let framesetElements = ElementNameSet(["noframes", "frame", "frameset"])

    /// `htmlStartClose` (libxml2 2.9.14): a start tag → the elements it closes when they are on
    /// top of the stack, by the start tag's fixed id (`ElementName.known`).
    static let startClose: [ElementNameSet] = {
        let headings = ["h1", "h2", "h3", "h4", "h5", "h6"]
        let fontStyles = ["tt", "i", "b", "u", "s", "strike", "big", "small"]
        var table: [String: Set<String>] = [
            "form": Set(["form", "p", "hr", "dl", "ul", "ol", "menu", "dir", "address", "pre", "listing", "xmp", "head"] + headings),
            "head": ["p"], "title": ["p"],
            "body": ["head", "style", "link", "title", "p"], "frameset": ["head", "style", "link", "title", "p"],
            "li": Set(["p", "dl", "address", "pre", "listing", "xmp", "head", "li"] + headings),
            "hr": ["p", "head"], "dir": ["p", "head"], "listing": ["p", "head"], "xmp": ["p", "head"], "blockquote": ["p", "head"],
            "address": ["p", "head", "ul"], "pre": ["p", "head", "ul"],
            "dl": ["p", "dt", "menu", "dir", "address", "pre", "listing", "xmp", "head"],
            "dt": ["p", "menu", "dir", "address", "pre", "listing", "xmp", "head", "dd"],
            "dd": ["p", "menu", "dir", "address", "pre", "listing", "xmp", "head", "dt"],
            "ul": ["p", "head", "ol", "menu", "dir", "address", "pre", "listing", "xmp"],
            "ol": ["p", "head", "ul"], "menu": ["p", "head", "ul"],
            "p": Set(["p", "head"] + headings + fontStyles),
            "div": ["p", "head"], "noscript": ["script"], "center": ["font", "b", "i", "p", "head"], "a": ["a"],
            "caption": ["p"], "colgroup": ["caption", "colgroup", "col", "p"], "col": ["caption", "col", "p"],
            "table": Set(["p", "head", "pre", "listing", "xmp", "a"] + headings),
            "th": ["th", "td", "p", "span", "font", "a", "b", "i", "u"], "td": ["th", "td", "p", "span", "font", "a", "b", "i", "u"],
            "tr": ["th", "td", "tr", "caption", "col", "colgroup", "p"], "thead": ["caption", "col", "colgroup"],
            "tfoot": ["th", "td", "tr", "caption", "col", "colgroup", "thead", "tbody", "p"],
            "tbody": ["th", "td", "tr", "caption", "col", "colgroup", "thead", "tfoot", "tbody", "p"],
            "optgroup": ["option"], "option": ["option"],
            "fieldset": Set(["legend", "p", "head", "pre", "listing", "xmp", "a"] + headings),
        ]
        for heading in headings { table[heading] = ["p", "head"] }
        // Body elements also close a `head` left open.
        for name in ["a", "abbr", "acronym", "b", "bdo", "big", "br", "cite", "code", "dfn", "em", "font", "i", "iframe", "img",
                     "kbd", "map", "q", "s", "samp", "small", "span", "strike", "strong", "sub", "sup", "tt", "u", "var"] {
            table[name, default: []].insert("head")
        }
        var sets = Array(repeating: ElementNameSet(), count: ElementName.known.count)
        for (name, closed) in table {
            for element in closed { sets[Int(ElementName(known: name).id)].insert(ElementName(known: element)) }
        }
        return sets
    }()
}

extension ElementStack {
    /// libxml2's tables (`ElementStack`'s statics), copied.
    struct Tables {
        let browserClosedEndTags = ElementStack.browserClosedEndTags
        let endPriorities = ElementStack.endPriorities
        let emptyElements = ElementStack.emptyElements
        let headElements = ElementStack.headElements
        let framesetElements = ElementStack.framesetElements
        let startClose = ElementStack.startClose
    }
}

/// A lower-case element name as a small number, so that `ElementStack` compares names and looks
/// them up in libxml2's tables without making, hashing or comparing strings. The names those
/// tables mention have fixed ids (their place in `known`); `ElementNameInterner` gives every
/// other name read on a page an id of its own.
struct ElementName: Hashable, Sendable {
    let id: UInt32

    static let html = ElementName(id: 0)
    static let head = ElementName(id: 1)
    static let body = ElementName(id: 2)
    static let p = ElementName(id: 3)
    static let div = ElementName(id: 4)
    static let script = ElementName(id: 5)
    static let style = ElementName(id: 6)

    /// The names with fixed ids, in id order: the ones named above, then every other name of
    /// libxml2's tables kept by `ElementStack`. At most `ElementNameSet.capacity`.
    static let known: [String] = [
        "html", "head", "body", "p", "div", "script", "style",
        "a", "abbr", "acronym", "address", "area", "article", "aside", "b", "base", "basefont", "bdo", "big",
        "blockquote", "br", "caption", "center", "cite", "code", "col", "colgroup", "dd", "details", "dfn",
        "dialog", "dir", "dl", "dt", "em", "fieldset", "figcaption", "figure", "font", "footer", "form", "frame",
        "frameset", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "i", "iframe", "img", "input",
        "isindex", "kbd", "legend", "li", "link", "listing", "main", "map", "menu", "meta", "nav", "noframes",
        "noscript", "ol", "optgroup", "option", "param", "pre", "q", "s", "samp", "section", "small", "span",
        "strike", "strong", "sub", "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "title",
        "tr", "tt", "u", "ul", "var", "xmp",
    ]

    init(id: UInt32) {
        self.id = id
    }

    /// The fixed id of `spelling`, which must be one of `known` (for building tables).
    init(known spelling: String) {
        guard let index = Self.known.firstIndex(of: spelling) else { preconditionFailure("\(spelling) has no fixed id") }
        self.init(id: UInt32(index))
    }
}

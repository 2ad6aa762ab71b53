import CLibXML2

/// One walk over a page that files away the elements metadata reading needs, so each field
/// does not walk the whole DOM again.
struct ElementIndex {
    /// Tag names kept by name.
    static let indexedNames: Set<String> = ["script", "meta", "link", "title", "base", "h1", "h2", "time", "figure", "a",
                                            "i", "em", "b", "strong", "font", "span", "small", "p", "div"]

    private(set) var byName: [String: [HTMLNode]] = [:]
    /// Every indexed element with its name, in page order.
    private(set) var named: [(name: String, node: HTMLNode)] = []
    /// Elements with an `itemprop`, a `rel`, or a `class`/`id`, in page order.
    private(set) var withItemprop: [HTMLNode] = []
    private(set) var withRel: [HTMLNode] = []
    private(set) var withClassOrID: [HTMLNode] = []

    init(root: HTMLNode) {
        var stack: [HTMLNode] = [root]
        while let node = stack.popLast() {
            let name = node.name
            if Self.indexedNames.contains(name) {
                byName[name, default: []].append(node)
                named.append((name, node))
            }
            if node.hasAttribute("itemprop") { withItemprop.append(node) }
            if node.hasAttribute("rel") { withRel.append(node) }
            if node.hasAttribute("class") || node.hasAttribute("id") { withClassOrID.append(node) }
            stack.append(contentsOf: node.elementChildren.reversed())
        }
    }

    /// Elements with any of `names`, in page order.
    func elements(in names: Set<String>) -> [HTMLNode] { named.filter { names.contains($0.name) }.map(\.node) }

    /// Elements named `name`, in page order.
    func elements(_ name: String) -> [HTMLNode] { byName[name] ?? [] }
}

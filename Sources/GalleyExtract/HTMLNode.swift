import CLibXML2

/// A borrowed view of one libxml2 node. Valid only while its `HTMLDocument` lives.
struct HTMLNode: Hashable {
    let pointer: xmlNodePtr

    init(_ pointer: xmlNodePtr) { self.pointer = pointer }

    var isElement: Bool { pointer.pointee.type == XML_ELEMENT_NODE }
    var isText: Bool { pointer.pointee.type == XML_TEXT_NODE || pointer.pointee.type == XML_CDATA_SECTION_NODE }

    /// Lower-case element name ("" for non-elements).
    var name: String {
        guard isElement, let name = pointer.pointee.name else { return "" }
        return Self.asciiLowercased(name)
    }

    /// A libxml2 name lower-cased; the HTML parser writes names of `A-Za-z0-9:_.-` already in
    /// lower case, so the copy is usually all there is to it (`String.lowercased()` walked
    /// Unicode tables for every element of every pass).
    static func asciiLowercased(_ name: UnsafePointer<xmlChar>) -> String {
        var length = 0
        var hasUpper = false, hasWide = false
        while name[length] != 0 {
            let byte = name[length]
            if byte >= 0x41 && byte <= 0x5A { hasUpper = true } else if byte >= 0x80 { hasWide = true }
            length += 1
        }
        let text = String(decoding: UnsafeBufferPointer(start: name, count: length), as: UTF8.self)
        if hasWide { return text.lowercased() }
        return hasUpper ? FastText.asciiLowercased(text) : text
    }

    var parent: HTMLNode? {
        guard let parent = pointer.pointee.parent, parent.pointee.type == XML_ELEMENT_NODE else { return nil }
        return HTMLNode(parent)
    }

    /// All child nodes (elements, text, comments…).
    var children: HTMLChildren { HTMLChildren(first: pointer.pointee.children) }

    /// Child elements only.
    var elementChildren: [HTMLNode] { children.filter(\.isElement) }

    /// The UTF-8 bytes of a text node's character data, read in place (no String is made).
    func withTextBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        guard let content = pointer.pointee.content else { return body(UnsafeBufferPointer(start: nil, count: 0)) }
        return body(UnsafeBufferPointer(start: content, count: Int(xmlStrlen(content))))
    }

    /// The character data of a text node.
    var textValue: String {
        guard let content = pointer.pointee.content else { return "" }
        return String(cString: content)
    }

    /// An attribute value, or nil when absent. Names are matched case-insensitively by libxml2's
    /// HTML parser, which lower-cases them.
    func attribute(_ name: String) -> String? {
        let property = name.withCString { xmlHasProp(pointer, UnsafeRawPointer($0).assumingMemoryBound(to: xmlChar.self)) }
        guard let property else { return nil }
        // A value that is one text node (as the HTML parser makes them) is read in place;
        // `xmlGetProp` would copy it into a buffer to free again.
        if let text = property.pointee.children, text.pointee.next == nil, text.pointee.type == XML_TEXT_NODE {
            guard let content = text.pointee.content else { return "" }
            return String(cString: content)
        }
        let value = name.withCString { xmlGetProp(pointer, UnsafeRawPointer($0).assumingMemoryBound(to: xmlChar.self)) }
        guard let value else { return nil }
        defer { galley_xml_free(value) }
        return String(cString: value)
    }

    /// Whether the element has the attribute (no value is copied).
    func hasAttribute(_ name: String) -> Bool {
        name.withCString { xmlHasProp(pointer, UnsafeRawPointer($0).assumingMemoryBound(to: xmlChar.self)) } != nil
    }

    /// Every attribute as (lower-case name, value) pairs, in document order.
    var attributes: [(name: String, value: String)] {
        var result: [(String, String)] = []
        var attribute = pointer.pointee.properties
        while let current = attribute {
            if let namePointer = current.pointee.name {
                let name = String(cString: namePointer).lowercased()
                result.append((name, self.attribute(name) ?? ""))
            }
            attribute = current.pointee.next
        }
        return result
    }

    /// The concatenated text of this node and its descendants (scripts and styles included;
    /// use `ContentMeasure` for visible text).
    var textContent: String {
        guard let content = xmlNodeGetContent(pointer) else { return "" }
        defer { galley_xml_free(content) }
        return String(cString: content)
    }

    /// Whether `textContent` would be at most `limit` bytes, counted without copying the text;
    /// the walk stops as soon as the count passes the limit (a page-wide container costs little).
    func textFits(within limit: Int) -> Bool {
        var total = 0
        var stack: [xmlNodePtr] = []
        var next = pointer.pointee.children
        while true {
            guard let node = next else {
                guard let resume = stack.popLast() else { return true }
                next = resume.pointee.next
                continue
            }
            let type = node.pointee.type
            if type == XML_TEXT_NODE || type == XML_CDATA_SECTION_NODE, let content = node.pointee.content {
                total += Int(xmlStrlen(content))
                if total > limit { return false }
            }
            if type == XML_ELEMENT_NODE, let child = node.pointee.children {
                stack.append(node)
                next = child
            } else {
                next = node.pointee.next
            }
        }
    }

    /// The nearest element before this one among its siblings.
    var previousElementSibling: HTMLNode? {
        var sibling = pointer.pointee.prev
        while let current = sibling {
            if current.pointee.type == XML_ELEMENT_NODE { return HTMLNode(current) }
            sibling = current.pointee.prev
        }
        return nil
    }

    /// The elements before this one, nearest first: its preceding siblings, then those of its
    /// parent, and so on for `levels` levels, never past `<body>` or `<html>` (what sits before
    /// an article's container in its head: standfirst, lead picture).
    func elementsBefore(levels: Int) -> some Sequence<HTMLNode> {
        var current = self
        var sibling = previousElementSibling
        var level = 1
        return AnyIterator<HTMLNode> {
            while true {
                if let found = sibling {
                    sibling = found.previousElementSibling
                    return found
                }
                guard level < levels, let parent = current.parent, parent.name != "body", parent.name != "html" else { return nil }
                level += 1
                current = parent
                sibling = parent.previousElementSibling
            }
        }
    }

    /// `class` and `id` joined, lower-cased, for pattern matching.
    var classAndID: String {
        let classes = attribute("class") ?? ""
        let id = attribute("id") ?? ""
        if classes.isEmpty, id.isEmpty { return "" }
        return FastText.asciiLowercased(classes + " " + id)
    }

    /// Every descendant element in document order (depth-first, pre-order).
    func descendants(where predicate: (HTMLNode) -> Bool = { _ in true }) -> [HTMLNode] {
        var result: [HTMLNode] = []
        var stack: [HTMLNode] = elementChildren.reversed()
        while let node = stack.popLast() {
            if predicate(node) { result.append(node) }
            stack.append(contentsOf: node.elementChildren.reversed())
        }
        return result
    }

    /// The first descendant element with one of `names`.
    func first(_ names: Set<String>) -> HTMLNode? {
        var stack: [HTMLNode] = elementChildren.reversed()
        while let node = stack.popLast() {
            if names.contains(node.name) { return node }
            stack.append(contentsOf: node.elementChildren.reversed())
        }
        return nil
    }
}

/// A sequence over a node's children that walks libxml2's sibling links.
struct HTMLChildren: Sequence {
    let first: xmlNodePtr?

    func makeIterator() -> AnyIterator<HTMLNode> {
        var current = first
        return AnyIterator {
            guard let node = current else { return nil }
            current = node.pointee.next
            return HTMLNode(node)
        }
    }
}

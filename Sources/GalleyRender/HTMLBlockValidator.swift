import Foundation
import GalleyCore

/// Proves that a raw HTML block is a table in the exact, safe shape the normaliser writes:
/// only allowlisted tags with allowlisted attributes, URLs that pass `URLPolicy` unchanged,
/// no comments, no processing instructions, every tag closed in order. Anything else fails,
/// and the renderer then omits the block (cmark's safe mode).
enum HTMLBlockValidator {
    static let allowedTags: [String: Set<String>] = [
        "table": [], "caption": [], "thead": [], "tbody": [], "tfoot": [], "tr": [],
        "th": ["colspan", "rowspan"], "td": ["colspan", "rowspan"], "a": ["href", "title"], "em": [], "strong": [],
        "code": [], "br": [], "img": ["src", "alt", "title"], "sub": [], "sup": [], "del": [],
    ]
    static let voidTags: Set<String> = ["br", "img"]
    static let urlAttributes: Set<String> = ["href", "src"]

    /// Bare inline tags the normaliser writes where Markdown has no syntax (`del`, `sub`, `sup`,
    /// `<br>` in headings) or where emphasis markers would not be read back (`<em>`, `<strong>`).
    /// No attributes, exact spelling; the renderer pairs them and drops any it cannot pair.
    static let inlineTags: Set<String> = ["em", "strong", "del", "sub", "sup"]

    /// The tag of a raw inline HTML literal when it is one of `inlineTags` (opening or closing)
    /// or a line break (`<br>`, `<br/>`, `<br />`); nil for anything else.
    static func inlineTag(_ literal: String) -> (name: String, closing: Bool)? {
        if literal == "<br>" || literal == "<br/>" || literal == "<br />" { return ("br", false) }
        guard literal.hasPrefix("<"), literal.hasSuffix(">") else { return nil }
        var name = literal.dropFirst().dropLast()
        let closing = name.hasPrefix("/")
        if closing { name = name.dropFirst() }
        guard inlineTags.contains(String(name)) else { return nil }
        return (String(name), closing)
    }

    static func isSafeTable(_ html: String) -> Bool {
        var scanner = Scanner(Array(html.trimmingWhitespace.unicodeScalars))
        var open: [String] = []
        var sawTable = false
        while !scanner.atEnd {
            if scanner.peek == "<" {
                guard let tag = scanner.tag() else { return false }
                if tag.closing {
                    guard open.last == tag.name else { return false }
                    open.removeLast()
                    if open.isEmpty, !scanner.restIsWhitespace { return false }
                } else {
                    guard let allowed = allowedTags[tag.name] else { return false }
                    if open.isEmpty {
                        guard tag.name == "table", !sawTable else { return false }
                        sawTable = true
                    }
                    for (name, value) in tag.attributes {
                        guard allowed.contains(name) else { return false }
                        if urlAttributes.contains(name), URLPolicy.safeURL(value, base: nil) != value { return false }
                    }
                    if !voidTags.contains(tag.name) { open.append(tag.name) }
                }
            } else {
                guard open.count > 0, scanner.text() else { return false }
            }
        }
        return sawTable && open.isEmpty
    }

    /// The plain text of a validated table's `<caption>` (tags dropped, entities decoded,
    /// whitespace collapsed), or nil when it has none or it is blank.
    static func captionText(_ html: String) -> String? {
        guard let start = html.range(of: "<caption>"), let end = html.range(of: "</caption>", range: start.upperBound..<html.endIndex)
        else { return nil }
        var scanner = Scanner(Array(html[start.upperBound..<end.lowerBound].unicodeScalars))
        var text = ""
        while let scalar = scanner.peek {
            if scalar == "<" {
                while let inside = scanner.peek, inside != ">" { scanner.index += 1 }
                scanner.index += 1
                text += " "
            } else if scalar == "&", let decoded = scanner.entity() {
                text.unicodeScalars.append(decoded)
            } else {
                text.unicodeScalars.append(scalar)
                scanner.index += 1
            }
        }
        let collapsed = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        return collapsed.isEmpty ? nil : collapsed
    }

    /// A minimal, strict scanner: attribute values must be double-quoted, entities limited.
    private struct Scanner {
        let scalars: [Unicode.Scalar]
        var index = 0

        init(_ scalars: [Unicode.Scalar]) { self.scalars = scalars }

        var atEnd: Bool { index >= scalars.count }
        var peek: Unicode.Scalar? { atEnd ? nil : scalars[index] }
        var restIsWhitespace: Bool { scalars[index...].allSatisfy { $0.properties.isWhitespace } }

        /// Text up to the next `<`; `&` must start one of the entities the serializer writes.
        mutating func text() -> Bool {
            while let scalar = peek, scalar != "<" {
                if scalar == ">" || scalar == "\"" || scalar == "'" { return false }
                if scalar == "&" {
                    guard entity() != nil else { return false }
                    continue
                }
                index += 1
            }
            return true
        }

        mutating func entity() -> Unicode.Scalar? {
            let entities: [String: Unicode.Scalar] = ["&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": "\"", "&#39;": "'"]
            for (name, value) in entities {
                let candidate = Array(name.unicodeScalars)
                if index + candidate.count <= scalars.count, Array(scalars[index..<(index + candidate.count)]) == candidate {
                    index += candidate.count
                    return value
                }
            }
            return nil
        }

        mutating func tag() -> (name: String, closing: Bool, attributes: [(String, String)])? {
            index += 1 // <
            var closing = false
            if peek == "/" {
                closing = true
                index += 1
            }
            let name = word()
            guard !name.isEmpty else { return nil }
            var attributes: [(String, String)] = []
            while true {
                skipSpaces()
                guard let scalar = peek else { return nil }
                if scalar == ">" {
                    index += 1
                    return (name, closing, attributes)
                }
                guard !closing else { return nil }
                let attribute = word()
                guard !attribute.isEmpty, peek == "=" else { return nil }
                index += 1
                guard peek == "\"" else { return nil }
                index += 1
                var value = ""
                while let current = peek, current != "\"" {
                    if current == "<" || current == ">" { return nil }
                    if current == "&" {
                        guard let decoded = entity() else { return nil }
                        value.unicodeScalars.append(decoded)
                        continue
                    }
                    value.unicodeScalars.append(current)
                    index += 1
                }
                guard peek == "\"" else { return nil }
                index += 1
                attributes.append((attribute, value))
            }
        }

        mutating func word() -> String {
            var word = ""
            while let scalar = peek, ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "-" {
                word.unicodeScalars.append(scalar)
                index += 1
            }
            return word
        }

        mutating func skipSpaces() {
            while let scalar = peek, scalar == " " || scalar == "\n" || scalar == "\t" { index += 1 }
        }
    }
}

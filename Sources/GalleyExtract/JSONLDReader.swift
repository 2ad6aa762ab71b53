import Foundation

/// Reads `<script type="application/ld+json">` blocks: arrays, `@graph`, several objects per
/// page, nested `author`/`publisher` objects. Invalid JSON is skipped, never fatal.
struct JSONLDReader {
    /// Every object found, flattened (top-level arrays and `@graph` members).
    private(set) var objects: [[String: Any]] = []

    init(scripts: [String]) {
        for script in scripts {
            guard let data = Self.cleaned(script).data(using: .utf8),
                  let value = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) else { continue }
            collect(value)
        }
    }

    private mutating func collect(_ value: Any) {
        if let array = value as? [Any] {
            array.forEach { collect($0) }
        } else if let object = value as? [String: Any] {
            objects.append(object)
            if let graph = object["@graph"] { collect(graph) }
        }
    }

    /// The first object whose `@type` is one of `types`.
    func first(ofTypes types: Set<String>) -> [String: Any]? {
        objects.first { !Self.types(of: $0).isDisjoint(with: types) }
    }

    /// Whether any object has one of `types`.
    func contains(types: Set<String>) -> Bool { first(ofTypes: types) != nil }

    static func types(of object: [String: Any]) -> Set<String> {
        if let type = object["@type"] as? String { return [type] }
        if let types = object["@type"] as? [String] { return Set(types) }
        return []
    }

    /// Text of a value that may be a string, a number, an object with `name`/`@value`/`url`, or an array of those.
    static func strings(_ value: Any?, key: String = "name") -> [String] {
        switch value {
        case let string as String: return [string]
        case let number as NSNumber: return [number.stringValue]
        case let array as [Any]: return array.flatMap { strings($0, key: key) }
        case let object as [String: Any]:
            if let named = object[key] { return strings(named, key: key) }
            if let plain = object["@value"] { return strings(plain, key: key) }
            return []
        default: return []
        }
    }

    static func string(_ value: Any?, key: String = "name") -> String? {
        strings(value, key: key).lazy.map { $0.trimmingWhitespace }.first { !$0.isEmpty }
    }

    /// Sites wrap JSON-LD in comments or CDATA, or leave control characters in strings.
    static func cleaned(_ script: String) -> String {
        var text = script.trimmingWhitespace
        for (prefix, suffix) in [("<!--", "-->"), ("//<![CDATA[", "//]]>"), ("<![CDATA[", "]]>")] {
            if text.hasPrefix(prefix), text.hasSuffix(suffix) {
                text = String(text.dropFirst(prefix.count).dropLast(suffix.count))
            }
        }
        if text.hasSuffix(";") { text.removeLast() }
        return String(String.UnicodeScalarView(text.unicodeScalars.map { $0.value < 0x20 ? " " : $0 }))
    }
}

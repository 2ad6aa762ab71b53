import Foundation
import GalleyCore

/// The page's `<meta>` values by lower-cased `property`, `name` or `itemprop`, in page order,
/// plus the `<link rel>` targets.
struct MetaTags {
    private(set) var values: [String: [String]] = [:]
    /// Values from `property` attributes, which win over `name` ones for the same key.
    private(set) var propertyValues: [String: [String]] = [:]
    private(set) var links: [String: [String]] = [:]

    init(metaNodes: [HTMLNode], linkNodes: [HTMLNode]) {
        for node in metaNodes {
            guard let content = node.attribute("content")?.trimmingWhitespace, !content.isEmpty
            else { continue }
            for key in ["property", "name", "itemprop", "http-equiv"] {
                guard let names = node.attribute(key) else { continue }
                // Some sites write several properties in one attribute ("og:title twitter:title").
                for name in Self.words(names) {
                    if key == "property" { propertyValues[name, default: []].append(content) }
                    values[name, default: []].append(content)
                    // `dc.title`, `DC.creator`: the same keys as `dc:title`.
                    if name.utf8.contains(0x2E), !name.utf8.contains(0x3A) {
                        values[name.replacingOccurrences(of: ".", with: ":"), default: []].append(content)
                    }
                }
            }
        }
        for node in linkNodes {
            guard let href = node.attribute("href")?.trimmingWhitespace, !href.isEmpty,
                  let rel = node.attribute("rel") else { continue }
            for name in Self.words(rel) {
                links[name, default: []].append(href)
            }
        }
    }

    /// The lower-cased words of an attribute value (`property="og:title twitter:title"`), split
    /// on bytes: splitting by `Character` was most of reading a page's meta tags.
    private static func words(_ value: String) -> [String] {
        Whitespace.collapsed(FastText.lowercased(value)).utf8.split(separator: 0x20).map { String(decoding: $0, as: UTF8.self) }
    }

    /// The first value among `keys`, in order of the keys.
    func first(_ keys: String...) -> String? { first(keys) }

    func first(_ keys: [String]) -> String? {
        for key in keys {
            if let value = propertyValues[key]?.first(where: { !$0.isEmpty }) ?? values[key]?.first(where: { !$0.isEmpty }) {
                return value
            }
        }
        return nil
    }

    func all(_ key: String) -> [String] { values[key] ?? [] }
}

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
                for name in names.lowercased().split(whereSeparator: \.isWhitespace) {
                    if key == "property" { propertyValues[String(name), default: []].append(content) }
                    values[String(name), default: []].append(content)
                    // `dc.title`, `DC.creator`: the same keys as `dc:title`.
                    if name.contains("."), !name.contains(":") {
                        values[name.replacingOccurrences(of: ".", with: ":"), default: []].append(content)
                    }
                }
            }
        }
        for node in linkNodes {
            guard let href = node.attribute("href")?.trimmingWhitespace, !href.isEmpty,
                  let rel = node.attribute("rel") else { continue }
            for name in rel.lowercased().split(whereSeparator: \.isWhitespace) {
                links[String(name), default: []].append(href)
            }
        }
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

import Foundation

import Foundation
import GalleyCore

/// The schema.org `NewsArticle` JSON-LD of an article page: headline, image, dates with their
/// offsets, author, publisher, `mainEntityOfPage`. Written so it can sit inside a `<script>`
/// element: strings are escaped by `MarkupEscaper.jsonStringInScript` (`<`, `>` and `&` as
/// `\u003c`, `\u003e`, `\u0026`).
///
/// Written directly, keys in sorted order, as `JSONSerialization` writes them (`.sortedKeys`,
/// `.withoutEscapingSlashes`) and then script-escaped; `StructuredDataReferenceTests` compares
/// the two.
enum StructuredData {
    static func newsArticle(_ summary: ArticleSummary, config: SiteConfig, canonicalURL: String) -> String {
        var json = JSONText()
        json.open("{")
        json.member("@context", string: "https://schema.org")
        json.member("@type", string: "NewsArticle")
        if let section = summary.section { json.member("articleSection", string: section) }
        json.key("author")
        json.open("[")
        if let byline = summary.byline {
            for name in byline.components(separatedBy: ", ") { json.typedObject("Person", name: name) }
        } else {
            json.typedObject("Organization", name: config.title)
        }
        json.close("]")
        if let region = summary.region { json.key("contentLocation"); json.typedObject("Place", name: region.name) }
        json.member("dateModified", string: (summary.modified ?? summary.published).rfc3339)
        json.member("datePublished", string: summary.published.rfc3339)
        if let description = summary.summary { json.member("description", string: description) }
        json.member("headline", string: summary.title)
        if let image = summary.image { json.member("image", strings: [image]) }
        json.member("inLanguage", string: summary.language ?? config.language)
        if !summary.tags.isEmpty { json.member("keywords", strings: summary.tags.map(\.name)) }
        json.key("mainEntityOfPage")
        json.open("{")
        json.member("@id", string: canonicalURL)
        json.member("@type", string: "WebPage")
        json.close("}")
        json.key("publisher")
        json.open("{")
        json.member("@type", string: "Organization")
        json.member("name", string: config.title)
        json.member("url", string: config.baseURL)
        json.close("}")
        json.member("url", string: config.paths.absoluteURL(summary.path))
        json.close("}")
        return json.text
    }

    /// Compact JSON written member by member, commas placed as it goes.
    private struct JSONText {
        var text = ""
        private var needsComma = false

        mutating func open(_ bracket: String) {
            separate()
            text += bracket
            needsComma = false
        }

        mutating func close(_ bracket: String) {
            text += bracket
            needsComma = true
        }

        mutating func key(_ name: String) {
            separate()
            append(string: name)
            text += ":"
            needsComma = false
        }

        mutating func member(_ name: String, string value: String) {
            key(name)
            append(string: value)
            needsComma = true
        }

        mutating func member(_ name: String, strings values: [String]) {
            key(name)
            open("[")
            for value in values {
                separate()
                append(string: value)
                needsComma = true
            }
            close("]")
        }

        /// `{"@type":"Person","name":"…"}`.
        mutating func typedObject(_ type: String, name: String) {
            open("{")
            member("@type", string: type)
            member("name", string: name)
            close("}")
        }

        private mutating func separate() {
            if needsComma { text += "," }
        }

        /// A string as `JSONSerialization` writes it, made safe for a `<script>` element.
        private mutating func append(string value: String) {
            text += MarkupEscaper.jsonStringInScript(value)
        }
    }
}

import Foundation
import GalleyCore

/// The schema.org `NewsArticle` JSON-LD of an article page: headline, image, dates with their
/// offsets, author, publisher, `mainEntityOfPage`. Written so it can sit inside a `<script>`
/// element: `<`, `>` and `&` are escaped as `\u003c`, `\u003e`, `\u0026`.
enum StructuredData {
    static func newsArticle(_ summary: ArticleSummary, config: SiteConfig, canonicalURL: String) -> String {
        var object: [String: Any] = [
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": summary.title,
            "datePublished": summary.published.rfc3339,
            "dateModified": (summary.modified ?? summary.published).rfc3339,
            "mainEntityOfPage": ["@type": "WebPage", "@id": canonicalURL],
            "url": config.paths.absoluteURL(summary.path),
            "publisher": ["@type": "Organization", "name": config.title, "url": config.baseURL],
            "inLanguage": summary.language ?? config.language,
        ]
        if let byline = summary.byline {
            object["author"] = byline.components(separatedBy: ", ").map { ["@type": "Person", "name": $0] }
        } else {
            object["author"] = [["@type": "Organization", "name": config.title]]
        }
        if let image = summary.image { object["image"] = [image] }
        if let description = summary.summary { object["description"] = description }
        if let section = summary.section { object["articleSection"] = section }
        if !summary.tags.isEmpty { object["keywords"] = summary.tags.map(\.name) }
        if let region = summary.region { object["contentLocation"] = ["@type": "Place", "name": region.name] }
        return scriptSafe(object)
    }

    /// JSON with sorted keys (deterministic output) that cannot close its `<script>`.
    static func scriptSafe(_ object: [String: Any]) -> String {
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]) else {
            return "{}"
        }
        var json = ""
        for scalar in String(decoding: data, as: UTF8.self).unicodeScalars {
            switch scalar {
            case "<": json += "\\u003c"
            case ">": json += "\\u003e"
            case "&": json += "\\u0026"
            case "\u{2028}": json += "\\u2028"
            case "\u{2029}": json += "\\u2029"
            default: json.unicodeScalars.append(scalar)
            }
        }
        return json
    }
}

import Foundation
import GalleyCore
@testable import GalleyRender
import GalleyTestSupport
import Testing

/// The JSON-LD `StructuredData` writes by hand is byte for byte what `JSONSerialization`
/// (sorted keys, slashes unescaped) and the `<script>` escapes give, for values made of the
/// characters JSON and HTML treat specially.
@Suite struct StructuredDataReferenceTests {
    static let pieces = [
        "Banjir", " ", "\"", "\\", "/", "</script>", "<", ">", "&", "'", "\u{0}", "\u{1}", "\u{8}", "\u{9}", "\n", "\r", "\u{B}", "\u{C}",
        "\u{1F}", "\u{7F}", "\u{85}", "\u{2028}", "\u{2029}", "é", "e\u{301}", "\"\u{301}", "<\u{338}", "&\u{20DD}", "\\\u{301}", "北京", "🌊", "\u{FEFF}", "\u{200B}", ", ", "https://x.org/a?b=1&c=2",
    ]

    static func value(_ random: inout TemplateRandom) -> String {
        (0..<(1 + random.below(5))).map { _ in random.pick(pieces) }.joined()
    }

    /// The object the earlier `[String: Any]` implementation built.
    static func reference(_ summary: ArticleSummary, config: SiteConfig, canonicalURL: String) -> String {
        var object: [String: Any] = [
            "@context": "https://schema.org", "@type": "NewsArticle", "headline": summary.title,
            "datePublished": summary.published.rfc3339, "dateModified": (summary.modified ?? summary.published).rfc3339,
            "mainEntityOfPage": ["@type": "WebPage", "@id": canonicalURL], "url": config.paths.absoluteURL(summary.path),
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
        let data = try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
        return ScalarEscaping.replacing(String(decoding: data, as: UTF8.self)) { scalar in
            switch scalar {
            case "<", ">", "&", "\u{2028}", "\u{2029}": ScalarEscaping.jsonUnicodeEscape(scalar)
            default: nil
            }
        }
    }

    @Test func handWrittenJSONEqualsJSONSerialization() throws {
        var random = TemplateRandom(seed: 7)
        let published = try #require(Timestamp.parseISO8601("2020-10-13T10:15:00+07:00"))
        for index in 0..<2_000 {
            var config = SiteConfig()
            config.title = Self.value(&random)
            config.language = random.pick(["id", "en-GB", "a\"b"])
            func optional() -> String? { random.below(3) == 0 ? nil : Self.value(&random) }
            let summary = ArticleSummary(
                slug: "a", title: Self.value(&random), path: "2020/10/a/index.html", published: published,
                modified: random.below(2) == 0 ? nil : published.converted(toOffsetSeconds: 0), byline: optional(), summary: optional(),
                image: optional(), tags: (0..<random.below(3)).map { _ in Term(name: Self.value(&random)) },
                region: random.below(2) == 0 ? nil : Term(name: Self.value(&random)), section: optional(), language: optional(), source: "a.md")
            let canonical = "https://example.org/" + Self.value(&random)
            let written = StructuredData.newsArticle(summary, config: config, canonicalURL: canonical)
            #expect(written == Self.reference(summary, config: config, canonicalURL: canonical), "case \(index)")
        }
    }
}

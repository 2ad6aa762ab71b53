import Foundation
import GalleyCore

/// The dates a page's markup states for its publication and its last change, in order of
/// trust: JSON-LD (`datePublished`, `dateModified`, `dateCreated` at any depth: `@graph`,
/// nested arrays, `mainEntity`; article types first, then page types), `<meta>` keys
/// (`ExtractionHeuristics.publishedMetaKeys`, `modifiedMetaKeys`) and `itemprop` elements.
/// Values that are not plausible dates (`PublicationDateFinder.Window`) are left out.
struct StatedDates {
    /// A date the markup states.
    struct Value {
        var timestamp: Timestamp
        /// The value gave its zone (`…+02:00`, `Z`); else it was read at the default offset.
        var zoned: Bool
        /// Where it came from: a `<meta>` key, `jsonld`, `jsonld-page`, `itemprop`, `datecreated`.
        var source: String
        /// Written with `Z` or `+00:00`: the page's own day may differ.
        var writtenInUTC: Bool { zoned && timestamp.utcOffsetSeconds == 0 }
    }

    let index: ElementIndex
    let meta: MetaTags
    let jsonLD: JSONLDReader
    let parser: DateTextParser
    let window: PublicationDateFinder.Window
    let heuristics: ExtractionHeuristics

    /// Dates given for the publication, in order of trust.
    func published() -> [Value] {
        let objects = jsonLDObjects()
        let articles = objects.filter { !$0.types.isDisjoint(with: heuristics.articleTypes) }
        let pages = objects.filter { !$0.types.isDisjoint(with: heuristics.pageTypes) }
        var values: [(String, String)] = []
        values += articles.compactMap { JSONLDReader.string($0.fields["datePublished"]).map { ($0, "jsonld") } }
        values += heuristics.publishedMetaKeys.flatMap { key in (meta.values[key] ?? []).map { ($0, key) } }
        values += pages.compactMap { JSONLDReader.string($0.fields["datePublished"]).map { ($0, "jsonld-page") } }
        values += itempropValues("datepublished").map { ($0, "itemprop") }
        values += articles.compactMap { JSONLDReader.string($0.fields["dateCreated"]).map { ($0, "datecreated") } }
        return values.compactMap { value($0.0, source: $0.1) }
    }

    /// Dates given for the last change, in order of trust.
    func modified() -> [Value] {
        let articles = jsonLDObjects().filter { !$0.types.isDisjoint(with: heuristics.articleTypes) }
        var values: [(String, String)] = []
        values += articles.compactMap { JSONLDReader.string($0.fields["dateModified"]).map { ($0, "jsonld") } }
        values += heuristics.modifiedMetaKeys.flatMap { key in (meta.values[key] ?? []).map { ($0, key) } }
        values += itempropValues("datemodified").map { ($0, "itemprop") }
        return values.compactMap { value($0.0, source: $0.1) }
    }

    /// Every JSON-LD object at any depth, in page order.
    func jsonLDObjects() -> [(types: Set<String>, fields: [String: Any])] {
        var result: [(Set<String>, [String: Any])] = []
        func walk(_ value: Any, depth: Int) {
            guard depth < 8 else { return }
            if let array = value as? [Any] {
                array.forEach { walk($0, depth: depth + 1) }
            } else if let object = value as? [String: Any] {
                result.append((JSONLDReader.types(of: object), object))
                // `@graph` members are already among `jsonLD.objects`.
                for (key, nested) in object where key != "@graph" && (nested is [Any] || nested is [String: Any]) {
                    walk(nested, depth: depth + 1)
                }
            }
        }
        jsonLD.objects.forEach { walk($0, depth: 0) }
        return result
    }

    /// Values of elements other than `<meta>` with `property` among their itemprops: `content`,
    /// `datetime`, else their text.
    private func itempropValues(_ property: String) -> [String] {
        index.withItemprop.compactMap { node in
            guard node.name != "meta", let itemprop = node.attribute("itemprop")?.lowercased(),
                  itemprop.split(separator: " ").contains(Substring(property)) else { return nil }
            return node.attribute("content") ?? node.attribute("datetime") ?? String(Whitespace.collapsed(node.textContent).prefix(100))
        }
    }

    /// A stated value (an epoch time, or a date the parser reads), when it is plausible.
    private func value(_ raw: String, source: String) -> Value? {
        let text = raw.trimmingWhitespace
        if let epoch = DateMarkup.epoch(text, placedBy: parser.zoneless) {
            return window.allows(epoch) ? Value(timestamp: epoch, zoned: true, source: source) : nil
        }
        guard let (timestamp, zoned) = parser.parseNotingZone(text), window.allows(timestamp) else { return nil }
        return Value(timestamp: timestamp, zoned: zoned, source: source)
    }
}

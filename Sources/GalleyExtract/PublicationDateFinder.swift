import Foundation
import GalleyCore

/// Finds when an article was published, and when it was last changed, from everything the page
/// says: the date in its URL, structured data (JSON-LD `datePublished` in any shape, `<meta>` keys
/// of OpenGraph, Dublin Core, Parse.ly, Sailthru …, `itemprop`), and the dates it shows
/// (`VisibleDates`), preferring the one beside the headline to those of teasers and comments.
///
/// Rules, in order:
/// 1. Dates before `earliestPublicationYear`, or after the fetch time (with
///    `futureDateSlackSeconds` of slack), are never taken. Without a fetch time there is no
///    future check: extraction depends only on the page and its sidecar, never on the clock.
/// 2. The page's own offset: a date written in UTC is shown at the offset the page states
///    elsewhere (another date with an offset, or a visible time of the same instant), so the
///    day is the page's day.
/// 3. A full date in the URL is the day; a stated or visible date on that day gives the time.
/// 4. Else the stated publication date; else the best visible date that is not marked as a
///    change. A month in the URL rules out dates of other months.
struct PublicationDateFinder {
    let root: HTMLNode
    let index: ElementIndex
    let meta: MetaTags
    let jsonLD: JSONLDReader
    let pageURL: String?
    let parser: DateTextParser
    let fetched: Timestamp?
    let heuristics: ExtractionHeuristics

    init(root: HTMLNode, index: ElementIndex, meta: MetaTags, jsonLD: JSONLDReader, page: SourcePage, parser: DateTextParser,
         heuristics: ExtractionHeuristics) {
        self.root = root
        self.index = index
        self.meta = meta
        self.jsonLD = jsonLD
        let canonical = meta.links["canonical"]?.first ?? meta.first("og:url")
        pageURL = page.sidecar?.url ?? canonical
        fetched = page.sidecar?.fetchTimestamp
        var parser = parser
        let language = (root.attribute("lang") ?? meta.first("content-language", "og:locale") ?? "").lowercased()
        parser.monthFirst = language == "en-us" || language == "en_us"
        self.parser = parser
        self.heuristics = heuristics
    }

    /// A date the markup states, with whether it was written with a zone.
    struct Stated {
        var timestamp: Timestamp
        var zoned: Bool
        var source: String
        /// Written with `Z` or `+00:00`: the page's own day may differ.
        var writtenInUTC: Bool { zoned && timestamp.utcOffsetSeconds == 0 }
    }

    // MARK: Published

    /// The publication date.
    func published() -> Timestamp? {
        decide(stated: statedPublished(), visible: visibleDates(), url: urlDate())
    }

    func decide(stated: [Stated], visible: [VisibleDates.Candidate], url: URLDate?) -> Timestamp? {
        let changes = statedModified()
        let offset = pageOffset(stated: stated + changes, visible: visible)
        let stated = stated.map { localized($0, offset: offset) }
        let shown = ranked(visible.filter { !$0.isModified })
        let strong = shown.first { $0.score >= heuristics.strongVisibleDateScore }
        if let url, let day = url.day {
            // A local time the page states and shows beside the headline outweighs the URL.
            if let top = stated.first, !top.writtenInUTC, let strong, Self.sameDay(top.timestamp, strong.timestamp) { return top.timestamp }
            if let match = stated.first(where: { url.matches($0.timestamp, day: day) }) { return match.timestamp }
            if let match = shown.first(where: { url.matches($0.timestamp, day: day) }) { return match.timestamp }
            return Timestamp.fromComponents(year: url.year, month: url.month, day: day, utcOffsetSeconds: offset ?? parser.defaultOffsetSeconds)
        }
        let inMonth: (Timestamp) -> Bool = { timestamp in url.map { $0.matches(timestamp, day: nil) } ?? true }
        if let top = stated.first(where: { inMonth($0.timestamp) }) {
            guard let strong, inMonth(strong.timestamp), !Self.sameDay(strong.timestamp, top.timestamp) else { return top.timestamp }
            // A generic key ("date", "dc.date", a creation date) weighs less than a date shown beside the headline.
            if heuristics.weakPublishedKeys.contains(top.source), (strong.headlineDistance ?? .max) <= heuristics.headlineDateReach {
                return strong.timestamp
            }
            // The page shows its last change as its date, beside the headline.
            if changes.contains(where: { Self.sameDay($0.timestamp, strong.timestamp) }) { return strong.timestamp }
            // A UTC time that falls on the day shown at some offset: shown at that offset.
            if top.writtenInUTC, offset == nil, let shifted = Self.shifted(top.timestamp, toDayOf: strong.timestamp) { return shifted }
            return top.timestamp
        }
        if let best = shown.first(where: { inMonth($0.timestamp) && $0.score > 0 }) { return best.timestamp }
        // Only changes are shown (the best of them), or only dates in unlikely places (the best of all).
        let shownChanges = ranked(visible.filter(\.isModified))
        return (shownChanges.first { inMonth($0.timestamp) && $0.score > 0 } ?? shown.first { inMonth($0.timestamp) })?.timestamp
            ?? summaryDate()
    }

    /// A date the page's title or description names ("(Notizia del 14 Gennaio 2020)"): the last resort.
    func summaryDate() -> Timestamp? {
        let texts = [index.elements("title").first?.textContent, meta.first("og:title"), meta.first("description", "og:description")]
        return texts.lazy.compactMap { $0 }.compactMap { text in
            self.parser.dates(in: String(text.prefix(600))).first { self.isPlausible($0.timestamp) }?.timestamp
        }.first
    }

    /// Best score first; among equals, the nearest to the headline, then the first on the page.
    private func ranked(_ candidates: [VisibleDates.Candidate]) -> [VisibleDates.Candidate] {
        candidates.sorted { a, b in
            if a.score != b.score { return a.score > b.score }
            let (distanceA, distanceB) = (a.headlineDistance ?? .max, b.headlineDistance ?? .max)
            return distanceA != distanceB ? distanceA < distanceB : a.position < b.position
        }
    }

    static func sameDay(_ first: Timestamp, _ second: Timestamp) -> Bool {
        let a = first.wallClock, b = second.wallClock
        return a.year == b.year && a.month == b.month && a.day == b.day
    }

    /// The instant shown at the smallest whole-hour offset (−12 to +14 hours) that puts it on `day`'s day.
    static func shifted(_ instant: Timestamp, toDayOf day: Timestamp) -> Timestamp? {
        let hours = (-12...14).sorted { abs($0) < abs($1) }
        return hours.lazy.map { instant.converted(toOffsetSeconds: $0 * 3600) }.first { sameDay($0, day) }
    }

    /// The page's date in its URL, if any.
    func urlDate() -> URLDate? {
        pageURL.flatMap { URLDate.find(in: $0, earliestYear: heuristics.earliestPublicationYear) }
    }

    /// Dates the markup gives for the publication, in order of trust.
    func statedPublished() -> [Stated] {
        var values: [(String, String)] = []
        let objects = jsonLDObjects()
        let articles = objects.filter { !$0.types.isDisjoint(with: heuristics.articleTypes) }
        let pages = objects.filter { !$0.types.isDisjoint(with: heuristics.pageTypes) }
        values += articles.compactMap { object in JSONLDReader.string(object.fields["datePublished"]).map { ($0, "jsonld") } }
        values += heuristics.publishedMetaKeys.flatMap { key in (meta.values[key] ?? []).map { ($0, key) } }
        values += pages.compactMap { object in JSONLDReader.string(object.fields["datePublished"]).map { ($0, "jsonld-page") } }
        values += itempropValues(["datepublished"]).map { ($0, "itemprop") }
        values += articles.compactMap { object in JSONLDReader.string(object.fields["dateCreated"]).map { ($0, "datecreated") } }
        return values.compactMap { stated($0.0, source: $0.1) }
    }

    // MARK: Modified

    /// The last change, when it is after the publication.
    func modified(after published: Timestamp?) -> Timestamp? {
        guard let date = statedModified().first?.timestamp else { return nil }
        if let published, date.date <= published.date { return nil }
        return date
    }

    func statedModified() -> [Stated] {
        var values: [(String, String)] = []
        let articles = jsonLDObjects().filter { !$0.types.isDisjoint(with: heuristics.articleTypes) }
        values += articles.compactMap { object in JSONLDReader.string(object.fields["dateModified"]).map { ($0, "jsonld") } }
        values += heuristics.modifiedMetaKeys.flatMap { key in (meta.values[key] ?? []).map { ($0, "meta:" + key) } }
        values += itempropValues(["datemodified"]).map { ($0, "itemprop") }
        return values.compactMap { stated($0.0, source: $0.1) }
    }

    // MARK: Sources

    /// Every JSON-LD object at any depth (inside `@graph`, arrays, `mainEntity` …), in order.
    func jsonLDObjects() -> [(types: Set<String>, fields: [String: Any])] {
        var result: [(Set<String>, [String: Any])] = []
        func walk(_ value: Any, depth: Int) {
            guard depth < 8 else { return }
            if let array = value as? [Any] {
                array.forEach { walk($0, depth: depth + 1) }
            } else if let object = value as? [String: Any] {
                result.append((JSONLDReader.types(of: object), object))
                for (key, nested) in object where key != "@graph" && (nested is [Any] || nested is [String: Any]) {
                    walk(nested, depth: depth + 1)
                }
            }
        }
        jsonLD.objects.forEach { walk($0, depth: 0) }
        return result
    }

    /// Values of elements (not `<meta>`) with one of `props` as itemprop: `content`, `datetime`, else text.
    private func itempropValues(_ props: Set<String>) -> [String] {
        index.withItemprop.compactMap { node in
            guard node.name != "meta", let itemprop = node.attribute("itemprop")?.lowercased(),
                  !props.isDisjoint(with: itemprop.split(separator: " ").map(String.init)) else { return nil }
            return node.attribute("content") ?? node.attribute("datetime") ?? String(FastText.collapsed(node.textContent).prefix(100))
        }
    }

    /// The visible dates of the page's body, scored.
    func visibleDates() -> [VisibleDates.Candidate] {
        guard let body = root.first(["body"]) else { return [] }
        let finder = VisibleDates(heuristics: heuristics, parser: parser)
        return finder.candidates(in: body, headline: headline()).filter { isPlausible($0.timestamp) }
    }

    /// The article's main heading: the first heading (`h1`, `h2`, a titled `h3`/`h4`) whose text
    /// is in the page's title or holds it; else the first `<h1>` of some length, else the first.
    private func headline() -> HTMLNode? {
        let firstLevel = index.elements("h1")
        let title = FastText.collapsed(meta.first("og:title", "twitter:title") ?? index.elements("title").first?.textContent ?? "").lowercased()
        if title.count >= 10 {
            let inTitle = { (heading: HTMLNode) -> Bool in
                let text = FastText.collapsed(heading.textContent).lowercased()
                return text.count >= 10 && (title.contains(text) || text.contains(title))
            }
            if let heading = (firstLevel + index.elements("h2")).first(where: inTitle)
                ?? index.withClassOrID.lazy.filter({ ["h3", "h4"].contains($0.name) }).first(where: inTitle) {
                return heading
            }
        }
        return firstLevel.first { FastText.collapsedLength($0.textContent) >= 10 } ?? firstLevel.first
    }

    // MARK: Values

    /// A stated value, when it is a plausible date.
    private func stated(_ raw: String, source: String) -> Stated? {
        let value = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        if let epoch = VisibleDates.epoch(value, offset: parser.defaultOffsetSeconds), isPlausible(epoch) {
            return Stated(timestamp: epoch, zoned: true, source: source)
        }
        guard let (timestamp, zoned) = parser.parseNotingZone(value), isPlausible(timestamp) else { return nil }
        return Stated(timestamp: timestamp, zoned: zoned, source: source)
    }

    /// Not before the web of news, not after the fetch (rule 1).
    func isPlausible(_ timestamp: Timestamp) -> Bool {
        guard timestamp.wallClock.year >= heuristics.earliestPublicationYear else { return false }
        if let fetched, timestamp.date.timeIntervalSince(fetched.date) > Double(heuristics.futureDateSlackSeconds) { return false }
        return true
    }

    /// The offset the page states (rule 2): the first stated date written with a zone other than
    /// UTC; else the offset that turns a stated UTC time into a time of day shown on the page.
    func pageOffset(stated: [Stated], visible: [VisibleDates.Candidate]) -> Int? {
        if let zoned = stated.first(where: { $0.zoned && $0.timestamp.utcOffsetSeconds != 0 }) { return zoned.timestamp.utcOffsetSeconds }
        if let zoned = visible.first(where: { $0.isZoned && $0.timestamp.utcOffsetSeconds != 0 }) { return zoned.timestamp.utcOffsetSeconds }
        for value in stated where value.writtenInUTC {
            for shown in ranked(visible) where shown.hasTime && !shown.isZoned && !shown.isForeign {
                let wallClock = shown.timestamp.date.timeIntervalSince1970 + Double(shown.timestamp.utcOffsetSeconds)
                let offset = Int(wallClock - value.timestamp.date.timeIntervalSince1970)
                if offset != 0, abs(offset) <= 14 * 3600, offset % 900 == 0 { return offset }
            }
        }
        return nil
    }

    /// A UTC value shown at the page's offset.
    private func localized(_ value: Stated, offset: Int?) -> Stated {
        guard let offset, value.writtenInUTC else { return value }
        return Stated(timestamp: value.timestamp.converted(toOffsetSeconds: offset), zoned: true, source: value.source)
    }
}

extension URLDate {
    /// Whether a timestamp falls in this URL's month (and on `day`, when given), at its own offset.
    func matches(_ timestamp: Timestamp, day: Int?) -> Bool {
        let clock = timestamp.wallClock
        return clock.year == year && clock.month == month && (day == nil || clock.day == day)
    }
}

import Foundation
import GalleyCore

/// Finds when an article was published, and when it was last changed, from everything the page
/// says: the date in its URL (`URLDate`), the dates its markup states (`StatedDates`) and the
/// dates it shows (`VisibleDates`), preferring the one beside the headline to those of teasers
/// and comments.
///
/// The rules, in order:
/// 1. A date before `earliestPublicationYear`, or more than `futureDateSlackSeconds` after the
///    fetch time, is never taken. Without a fetch time there is no future check: extraction is
///    a function of the page and its sidecar, never of the clock.
/// 2. The page's own offset: a stated date written in UTC is shown at the offset the page
///    gives elsewhere (another date with its offset, or a shown time of the same instant), so
///    that the day is the page's day. A date without a zone takes the default offset.
/// 3. A full date in the URL is the day (a stated or shown date on that day gives the time),
///    unless the first stated date is a local time and the page shows the same day beside
///    the headline.
/// 4. Else the first stated date, unless the page shows another day strongly
///    (`strongVisibleDateScore`): beside the headline when the stated key is a generic one
///    (`weakPublishedKeys`); the day of the stated last change (the page shows that as its
///    date); the day a UTC time falls on at some offset.
/// 5. Else the best shown date not marked as a change; else the best change shown; else any
///    date shown; else a date in the title or description. A month in the URL rules out dates
///    of other months in 4 and 5.
struct PublicationDateFinder {
    /// The dates that can be a publication date (rule 1).
    struct Window {
        var earliestYear: Int
        /// The fetch time plus slack; nil without a fetch time.
        var latest: Date?

        func allows(_ timestamp: Timestamp) -> Bool {
            timestamp.wallClock.year >= earliestYear && latest.map { timestamp.date <= $0 } ?? true
        }
    }

    let root: HTMLNode
    let index: ElementIndex
    let meta: MetaTags
    let pageURL: String?
    let parser: DateTextParser
    let window: Window
    let heuristics: ExtractionHeuristics
    let stated: StatedDates

    init(root: HTMLNode, index: ElementIndex, meta: MetaTags, jsonLD: JSONLDReader, page: SourcePage, parser: DateTextParser,
         heuristics: ExtractionHeuristics) {
        self.root = root
        self.index = index
        self.meta = meta
        pageURL = page.sidecar?.url ?? meta.links["canonical"]?.first ?? meta.first("og:url")
        var parser = parser
        let language = (root.attribute("lang") ?? meta.first("content-language", "og:locale") ?? "").lowercased()
        parser.monthFirst = ["en", "en-us", "en_us"].contains(language)
        self.parser = parser
        window = Window(earliestYear: heuristics.earliestPublicationYear,
                        latest: page.sidecar?.fetchTimestamp.map { $0.date.addingTimeInterval(Double(heuristics.futureDateSlackSeconds)) })
        self.heuristics = heuristics
        stated = StatedDates(index: index, meta: meta, jsonLD: jsonLD, parser: parser, window: window, heuristics: heuristics)
    }

    /// The publication date.
    func published() -> Timestamp? {
        let (stated, changes, url) = (self.stated.published(), self.stated.modified(), urlDate())
        if let settled = settled(stated: stated, changes: changes, url: url) { return settled }
        return decide(stated: stated, changes: changes, visible: visibleDates(), url: url)
    }

    /// The first stated date when no shown date could change it, so that the body need not be
    /// walked: a local time (not UTC) from a specific key, every stated change on its day, and
    /// on the URL's day when the URL has one (rules 3 and 4 then always keep it).
    func settled(stated: [StatedDates.Value], changes: [StatedDates.Value], url: URLDate?) -> Timestamp? {
        let top = url?.day != nil ? stated.first : stated.first { url?.matches($0.timestamp, day: nil) ?? true }
        guard let top, !top.writtenInUTC, !heuristics.weakPublishedKeys.contains(top.source),
              changes.allSatisfy({ Self.sameDay($0.timestamp, top.timestamp) }) else { return nil }
        if let url, let day = url.day, !url.matches(top.timestamp, day: day) { return nil }
        return top.timestamp
    }

    /// The last change, when the page states one after the publication.
    func modified(after published: Timestamp?) -> Timestamp? {
        guard let date = stated.modified().first?.timestamp else { return nil }
        if let published, date.date <= published.date { return nil }
        return date
    }

    // MARK: Deciding

    func decide(stated: [StatedDates.Value], changes: [StatedDates.Value], visible: [VisibleDates.Candidate], url: URLDate?) -> Timestamp? {
        let offset = pageOffset(stated: stated + changes, visible: visible)
        let stated = stated.map { localized($0, offset: offset) }
        let shown = ranked(visible.filter { !$0.isModified })
        let strong = shown.first { $0.score >= heuristics.strongVisibleDateScore }
        if let url, let day = url.day {
            return dayOfURL(url, day: day, stated: stated, shown: shown, strong: strong, offset: offset)
        }
        let inMonth: (Timestamp) -> Bool = { timestamp in url?.matches(timestamp, day: nil) ?? true }
        if let top = stated.first(where: { inMonth($0.timestamp) }) {
            // The stated day shown strongly anywhere needs no correction.
            let confirmed = shown.contains { $0.score >= heuristics.strongVisibleDateScore && Self.sameDay($0.timestamp, top.timestamp) }
            return confirmed ? top.timestamp : checked(top, against: strong.flatMap { inMonth($0.timestamp) ? $0 : nil }, changes: changes, offset: offset)
        }
        return (shown.first { inMonth($0.timestamp) && $0.score > 0 }
            ?? ranked(visible.filter(\.isModified)).first { inMonth($0.timestamp) && $0.score > 0 }
            ?? shown.first { inMonth($0.timestamp) })?.timestamp
            ?? summaryDate()
    }

    /// Rule 3: the URL's day, with the time of a stated or shown date on that day.
    private func dayOfURL(_ url: URLDate, day: Int, stated: [StatedDates.Value], shown: [VisibleDates.Candidate],
                          strong: VisibleDates.Candidate?, offset: Int?) -> Timestamp? {
        if let top = stated.first, !top.writtenInUTC, let strong, Self.sameDay(top.timestamp, strong.timestamp) { return top.timestamp }
        if let match = stated.first(where: { url.matches($0.timestamp, day: day) }) { return match.timestamp }
        if let match = shown.first(where: { url.matches($0.timestamp, day: day) }) { return match.timestamp }
        if let offset { return Timestamp.fromComponents(year: url.year, month: url.month, day: day, utcOffsetSeconds: offset) }
        return Timestamp.fromComponents(year: url.year, month: url.month, day: day, utcOffsetSeconds: 0).map { parser.zoneless.placing($0, readAt: 0) }
    }

    /// Rule 4: the first stated date, or the day the page shows strongly instead.
    private func checked(_ top: StatedDates.Value, against strong: VisibleDates.Candidate?, changes: [StatedDates.Value],
                         offset: Int?) -> Timestamp {
        guard let strong, !Self.sameDay(strong.timestamp, top.timestamp) else { return top.timestamp }
        if heuristics.weakPublishedKeys.contains(top.source), (strong.headlineDistance ?? .max) <= heuristics.headlineDateReach {
            return strong.timestamp
        }
        if changes.contains(where: { Self.sameDay($0.timestamp, strong.timestamp) }) { return strong.timestamp }
        if top.writtenInUTC, offset == nil, let shifted = Self.shifted(top.timestamp, toDayOf: strong.timestamp) { return shifted }
        return top.timestamp
    }

    /// Best score first; among equals, the nearest to the headline, then the first on the page.
    private func ranked(_ candidates: [VisibleDates.Candidate]) -> [VisibleDates.Candidate] {
        candidates.sorted { a, b in
            if a.score != b.score { return a.score > b.score }
            let (distanceA, distanceB) = (a.headlineDistance ?? .max, b.headlineDistance ?? .max)
            return distanceA != distanceB ? distanceA < distanceB : a.position < b.position
        }
    }

    // MARK: Offsets (rule 2)

    /// The offset the page gives: the first stated or machine-readable shown date written with
    /// an offset other than UTC's; else the offset that turns a stated UTC time into a time of
    /// day shown on the page.
    func pageOffset(stated: [StatedDates.Value], visible: [VisibleDates.Candidate]) -> Int? {
        if let zoned = stated.first(where: { $0.zoned && $0.timestamp.utcOffsetSeconds != 0 }) { return zoned.timestamp.utcOffsetSeconds }
        if let zoned = visible.first(where: { $0.isZoned && $0.timestamp.utcOffsetSeconds != 0 }) { return zoned.timestamp.utcOffsetSeconds }
        for value in stated where value.writtenInUTC {
            for shown in ranked(visible) where shown.hasTime && !shown.isZoned && !shown.isForeign {
                // Shown times have no seconds: the offset is a whole quarter hour within a minute.
                let wallClock = shown.timestamp.date.timeIntervalSince1970 + Double(shown.timestamp.utcOffsetSeconds)
                let difference = wallClock - value.timestamp.date.timeIntervalSince1970
                let offset = Int((difference / 900).rounded()) * 900
                if offset != 0, abs(offset) <= 14 * 3600, abs(difference - Double(offset)) < 60 { return offset }
            }
        }
        return nil
    }

    /// A UTC value shown at the page's offset.
    private func localized(_ value: StatedDates.Value, offset: Int?) -> StatedDates.Value {
        guard let offset, value.writtenInUTC else { return value }
        return StatedDates.Value(timestamp: value.timestamp.converted(toOffsetSeconds: offset), zoned: true, source: value.source)
    }

    static func sameDay(_ first: Timestamp, _ second: Timestamp) -> Bool {
        let a = first.wallClock, b = second.wallClock
        return a.year == b.year && a.month == b.month && a.day == b.day
    }

    /// The instant at the smallest whole-hour offset (−12 to +14 hours) that puts it on `day`'s day.
    static func shifted(_ instant: Timestamp, toDayOf day: Timestamp) -> Timestamp? {
        (-12...14).sorted { abs($0) < abs($1) }.lazy.map { instant.converted(toOffsetSeconds: $0 * 3600) }.first { sameDay($0, day) }
    }

    // MARK: Sources

    /// The page's date in its URL (the sidecar's, else the canonical one).
    func urlDate() -> URLDate? {
        pageURL.flatMap { URLDate.find(in: $0, earliestYear: heuristics.earliestPublicationYear) }
    }

    /// The dates the page's body shows, scored.
    func visibleDates() -> [VisibleDates.Candidate] {
        guard let body = root.first(["body"]) else { return [] }
        return VisibleDates(heuristics: heuristics, parser: parser).candidates(in: body, headline: headline()).filter { window.allows($0.timestamp) }
    }

    /// A date the page's title or description names ("(Notizia del 14 Gennaio 2020)"): the last resort.
    func summaryDate() -> Timestamp? {
        let texts = [index.elements("title").first?.textContent, meta.first("og:title"), meta.first("description", "og:description")]
        for text in texts.compactMap({ $0 }) {
            if let date = parser.dates(in: String(text.prefix(600))).first(where: { window.allows($0.timestamp) }) { return date.timestamp }
        }
        return nil
    }

    /// The article's main heading: the first heading (`h1`, `h2`, a titled `h3`/`h4`) whose text
    /// is in the page's title or holds it; else the first `<h1>` of some length, else the first.
    func headline() -> HTMLNode? {
        let firstLevel = index.elements("h1")
        let title = Whitespace.collapsed(meta.first("og:title", "twitter:title") ?? index.elements("title").first?.textContent ?? "").lowercased()
        if title.count >= 10 {
            let inTitle = { (heading: HTMLNode) -> Bool in
                let text = Whitespace.collapsed(heading.textContent).lowercased()
                return text.count >= 10 && (title.contains(text) || text.contains(title))
            }
            if let heading = (firstLevel + index.elements("h2")).first(where: inTitle)
                ?? index.withClassOrID.lazy.filter({ ["h3", "h4"].contains($0.name) }).first(where: inTitle) {
                return heading
            }
        }
        return firstLevel.first { FastText.collapsedLength($0.textContent) >= 10 } ?? firstLevel.first
    }
}

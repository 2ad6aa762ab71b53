import Foundation
@testable import GalleyCore
@testable import GalleySite
import GalleyTestSupport
import Testing

/// The arithmetic and byte-level fast paths give what the Foundation-based code they replaced
/// gives: calendar fields and RFC 3339 text, relative links, permalinks, XML escaping.
@Suite struct FastPathTests {
    @Test func wallClockAndRFC3339MatchCalendar() {
        var random = SeededRandom(seed: 1)
        let offsets = [0, 3600, 7 * 3600, -5 * 3600, 5 * 3600 + 1800, -(3 * 3600 + 1800), 14 * 3600, -12 * 3600, 45 * 60]
        var instants: [Double] = [0, -1, -0.5, 0.999, 86_399.5, -86_400, 951_782_400, 4_107_542_400, -12_000_000_000, 253_000_000_000, -12_500_000_000, 260_000_000_000]
        for _ in 0..<20_000 {
            let seconds = Double(Int64(random.next() % 600_000_000_000) - 300_000_000_000)
            instants.append(random.below(4) == 0 ? seconds + Double(random.below(1000)) / 1000 : seconds)
        }
        for interval in instants {
            let timestamp = Timestamp(date: Date(timeIntervalSince1970: interval), utcOffsetSeconds: random.pick(offsets))
            let c = timestamp.components
            let expected = Timestamp.WallClock(year: c.year!, month: c.month!, day: c.day!, hour: c.hour!, minute: c.minute!, second: c.second!, weekday: c.weekday!)
            #expect(timestamp.wallClock == expected, "\(interval) at \(timestamp.utcOffsetSeconds)")
            #expect(timestamp.rfc3339 == Self.referenceRFC3339(timestamp), "\(interval) at \(timestamp.utcOffsetSeconds)")
        }
    }

    @Test func timestampsFromFieldsMatchCalendar() {
        var random = SeededRandom(seed: 6)
        for _ in 0..<30_000 {
            let year = random.pick([1, 1582, 1599, 1600, 1970, 2000, 2024, 2026, 9900, 9999, 1600 + random.below(8400)])
            let (month, day) = (random.below(14), random.below(33))
            let (hour, minute, second) = (random.below(25), random.below(61), random.below(62))
            let offset = random.pick([0, 3600, 7 * 3600, -5 * 3600, 14 * 3600, -14 * 3600, 14 * 3600 + 60, 18 * 3600, -19 * 3600, 1800])
            var expected: Timestamp?
            if (1...12).contains(month), (1...31).contains(day), (0...23).contains(hour), (0...59).contains(minute), (0...60).contains(second),
               year > 0, let zone = TimeZone(secondsFromGMT: offset) {
                var calendar = Calendar(identifier: .gregorian)
                calendar.timeZone = zone
                if let date = calendar.date(from: DateComponents(year: year, month: month, day: day, hour: hour, minute: minute, second: second)),
                   calendar.component(.day, from: date) == day {
                    expected = Timestamp(date: date, utcOffsetSeconds: offset)
                }
            }
            let made = Timestamp.fromComponents(year: year, month: month, day: day, hour: hour, minute: minute, second: second, utcOffsetSeconds: offset)
            #expect(made == expected && made?.date.timeIntervalSince1970 == expected?.date.timeIntervalSince1970,
                    "\(year)-\(month)-\(day) \(hour):\(minute):\(second) \(offset)")
        }
        for text in [" 2026-10-12T09:30:00+07:00", "2026-10-12T09:30:00+07:00\n", "\u{A0}2026-10-12", "2026-10-12T09:30:00Z", "2026-02-30"] {
            let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
            #expect(Timestamp.parseISO8601(text) == Timestamp.parseISO8601(trimmed), "\(text.debugDescription)")
        }
    }

    /// RFC 3339 as it was written from `Calendar` components.
    static func referenceRFC3339(_ timestamp: Timestamp) -> String {
        let c = timestamp.components
        let offset = timestamp.utcOffsetSeconds
        let minutes = abs(offset) / 60
        let zone = offset == 0 ? "Z" : (offset < 0 ? "-" : "+") + Timestamp.pad(minutes / 60) + ":" + Timestamp.pad(minutes % 60)
        return "\(Timestamp.pad(c.year ?? 0, width: 4))-\(Timestamp.pad(c.month ?? 0))-\(Timestamp.pad(c.day ?? 0))"
            + "T\(Timestamp.pad(c.hour ?? 0)):\(Timestamp.pad(c.minute ?? 0)):\(Timestamp.pad(c.second ?? 0))" + zone
    }

    /// The relative link as it was computed on split segments.
    static func referenceLink(from: String, to: String) -> String {
        let fromFolders = from.split(separator: "/", omittingEmptySubsequences: false).dropLast()
        let toParts = to.split(separator: "/", omittingEmptySubsequences: false)
        var common = 0
        while common < fromFolders.count, common < toParts.count - 1, fromFolders[fromFolders.startIndex + common] == toParts[common] {
            common += 1
        }
        let link = (Array(repeating: "..", count: fromFolders.count - common) + toParts[common...].map { String($0) }).joined(separator: "/")
        return link.isEmpty ? "./" : link
    }

    @Test func relativeLinksMatchTheSegmentwiseReference() {
        var random = SeededRandom(seed: 2)
        let segments = ["", "a", "b", "ab", "tags", "page", "2", "index.html", "feed.xml", "2026", "10", "é", "e\u{301}", "北京", ".", ".."]
        func path() -> String { (0..<(1 + random.below(5))).map { _ in random.pick(segments) }.joined(separator: "/") }
        for _ in 0..<20_000 {
            let from = path()
            let to = path()
            #expect(SitePaths.relativeLink(from: from, to: to) == Self.referenceLink(from: from, to: to), "\(from) → \(to)")
        }
    }

    @Test func permalinksMatchReplacingOccurrences() throws {
        var random = SeededRandom(seed: 3)
        let pieces = [":year", ":month", ":day", ":slug", ":section", ":region", "/", "/", "-", ":", ":s", "lug", "x", ":yearx", "é", "::"]
        let published = try #require(Timestamp.parseISO8601("2026-10-12T09:30:00+07:00"))
        for _ in 0..<5_000 {
            let permalink = (0..<(1 + random.below(8))).map { _ in random.pick(pieces) }.joined()
            let paths = SitePaths(baseURL: "https://x.org/", permalink: permalink, timeZone: TimeZone(identifier: "Asia/Jakarta")!)
            let section = random.pick([nil, "Metro", "lug", "Ékonomi"])
            let region = random.pick([nil, "Jawa Timur", "北京"])
            let date = paths.calendarDay(of: published)
            var expected = permalink
            for (token, value) in [(":year", Timestamp.pad(date.year, width: 4)), (":month", Timestamp.pad(date.month)), (":day", Timestamp.pad(date.day)),
                                   (":section", section.map(Slug.make) ?? "news"), (":region", region.map(Slug.make) ?? "all"), (":slug", "banjir")] {
                expected = expected.replacingOccurrences(of: token, with: value)
            }
            let parts = expected.split(separator: "/").map(String.init).filter { !$0.isEmpty && $0 != "." && $0 != ".." }
            let joined = parts.joined(separator: "/")
            let reference = expected.hasSuffix("/") || parts.isEmpty ? (joined.isEmpty ? "" : joined + "/") + "index.html" : joined
            #expect(paths.articlePath(slug: "banjir", published: published, section: section, region: region) == reference, "\(permalink)")
        }
    }

    /// Relations as they were planned with dictionaries and a full sort.
    static func referenceRelations(for articles: [ArticleSummary], window: Int, relatedCount: Int) -> [String: ArticleRelations] {
        let chronological = articles.sorted { ArticleSummary.newestFirst($1, $0) }
        var byTag: [String: [Int]] = [:]
        for (index, article) in chronological.enumerated() {
            for tag in article.tags { byTag[tag.slug, default: []].append(index) }
        }
        var result: [String: ArticleRelations] = [:]
        for (index, article) in chronological.enumerated() {
            var shared: [Int: Int] = [:]
            for tag in article.tags {
                guard let timeline = byTag[tag.slug], let at = RelationPlanner.index(of: index, in: timeline) else { continue }
                for candidate in timeline[max(0, at - window)..<min(timeline.count, at + window + 1)] where candidate != index {
                    shared[candidate, default: 0] += 1
                }
            }
            let related = shared.sorted { lhs, rhs in lhs.value != rhs.value ? lhs.value > rhs.value : lhs.key > rhs.key }
                .prefix(relatedCount).map { chronological[$0.key] }
            result[article.slug] = ArticleRelations(related: Array(related), previous: index > 0 ? chronological[index - 1] : nil,
                                                    next: index + 1 < chronological.count ? chronological[index + 1] : nil)
        }
        return result
    }

    @Test func relationsMatchTheDictionaryReference() {
        var random = SeededRandom(seed: 5)
        let tags = (0..<30).map { Term(name: "tag \($0)") }
        for round in 0..<20 {
            let articles = (0..<(50 + random.below(400))).map { index in
                ArticleSummary(slug: "a\(random.below(round == 0 ? 1_000 : 40))", title: "A", path: "a/\(index)/index.html",
                               published: Timestamp(date: Date(timeIntervalSince1970: Double(random.below(5_000)) * 3600), utcOffsetSeconds: 0),
                               tags: (0..<random.below(5)).map { _ in random.pick(tags) }, source: "\(index).md")
            }
            var planner = RelationPlanner()
            planner.window = random.pick([1, 3, 40])
            planner.relatedCount = random.pick([0, 1, 4, 10])
            let planned = planner.relations(for: articles)
            let reference = Self.referenceRelations(for: articles, window: planner.window, relatedCount: planner.relatedCount)
            #expect(planned == reference, "round \(round)")
            // The table a build keeps gives each article (by position) what the map gives its slug.
            let table = planner.table(for: articles)
            let slugCounts = Dictionary(articles.map { ($0.slug, 1) }, uniquingKeysWith: +)
            #expect(table.count == articles.count)
            for (index, article) in articles.enumerated() where slugCounts[article.slug] == 1 {
                #expect(table.relations(of: index) == planned[article.slug], "round \(round), article \(index)")
            }
        }
    }
}

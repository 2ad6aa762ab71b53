import Foundation
import GalleyCore

/// The date a page's address carries in its path: `/2019/10/16/`, `/20191016/`,
/// `/2019-10-16-slug`, `/16-10-2019-slug`, or only a month, `/2019/10/`.
///
/// Only the path is read (never the host or the query). A web archive address
/// (`/web/20110106023242/http://…`) is read for the archived page's path, not the capture time.
struct URLDate: Equatable {
    var year: Int
    var month: Int
    /// Nil when the path names only a year and a month.
    var day: Int?

    /// The date in `url`'s path, a full day before a month alone.
    static func find(in url: String, earliestYear: Int) -> URLDate? {
        var path = Substring(url)
        if let scheme = path.range(of: "://") { path = path[scheme.upperBound...] }
        // An archived address inside the path: read the archived page's path.
        if let inner = path.range(of: "http://", options: .backwards) ?? path.range(of: "https://", options: .backwards) {
            path = path[inner.upperBound...]
        }
        guard let slash = path.firstIndex(of: "/") else { return nil }
        path = path[slash...]
        if let end = path.firstIndex(where: { $0 == "?" || $0 == "#" }) { path = path[..<end] }
        let segments = path.split(separator: "/")
        let found = segmentDay(segments) ?? inlineDay(segments) ?? segmentMonth(segments)
        guard let found, found.year >= earliestYear else { return nil }
        return found
    }

    /// `/2019/10/16/` or `/2019/10/16` at the end (the day segment may go on with a slug: `/16-title`).
    private static func segmentDay(_ segments: [Substring]) -> URLDate? {
        guard segments.count >= 3 else { return nil }
        for index in 0..<(segments.count - 2) {
            guard let year = number(segments[index], digits: 4...4), let month = number(segments[index + 1], digits: 1...2) else { continue }
            let daySegment = segments[index + 2]
            let digits = daySegment.prefix { $0.isASCII && $0.isNumber }
            guard (1...2).contains(digits.count), digits.count == daySegment.count || !(daySegment.dropFirst(digits.count).first?.isNumber ?? false),
                  let day = Int(digits), let date = valid(year, month, day) else { continue }
            return date
        }
        return nil
    }

    /// `2019-10-16`, `2019_10_16`, `20191016` or `16-10-2019` inside one segment, between non-digits.
    private static func inlineDay(_ segments: [Substring]) -> URLDate? {
        for segment in segments.reversed() {
            let characters = Array(segment.utf8)
            var start = 0
            while start < characters.count {
                guard isDigit(characters[start]), start == 0 || !isDigit(characters[start - 1]) else {
                    start += 1
                    continue
                }
                if let date = dayAt(characters, start) { return date }
                start += 1
            }
        }
        return nil
    }

    /// A date starting at a run of digits: `yyyy-mm-dd` (or `_`, `.`), `yyyymmdd`, `dd-mm-yyyy`.
    private static func dayAt(_ bytes: [UInt8], _ start: Int) -> URLDate? {
        var run = start
        while run < bytes.count, isDigit(bytes[run]) { run += 1 }
        let length = run - start
        func value(_ from: Int, _ count: Int) -> Int {
            bytes[from..<(from + count)].reduce(0) { $0 * 10 + Int($1 - 48) }
        }
        if length == 8 {
            return valid(value(start, 4), value(start + 4, 2), value(start + 6, 2))
        }
        let separators: Set<UInt8> = [UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: ".")]
        // Three runs of digits joined by one separator each.
        guard run + 1 < bytes.count, separators.contains(bytes[run]) else { return nil }
        let separator = bytes[run]
        var secondEnd = run + 1
        while secondEnd < bytes.count, isDigit(bytes[secondEnd]) { secondEnd += 1 }
        guard secondEnd - run - 1 == 2, secondEnd + 1 < bytes.count, bytes[secondEnd] == separator else { return nil }
        var thirdEnd = secondEnd + 1
        while thirdEnd < bytes.count, isDigit(bytes[thirdEnd]) { thirdEnd += 1 }
        let thirdLength = thirdEnd - secondEnd - 1
        if length == 4, thirdLength == 2 {
            return valid(value(start, 4), value(run + 1, 2), value(secondEnd + 1, 2))
        }
        if length == 2, thirdLength == 4 {
            return valid(value(secondEnd + 1, 4), value(run + 1, 2), value(start, 2))
        }
        return nil
    }

    /// `/2019/10/` with no day after it.
    private static func segmentMonth(_ segments: [Substring]) -> URLDate? {
        guard segments.count >= 2 else { return nil }
        for index in 0..<(segments.count - 1) {
            guard let year = number(segments[index], digits: 4...4), let month = number(segments[index + 1], digits: 2...2),
                  (1995...2099).contains(year), (1...12).contains(month) else { continue }
            return URLDate(year: year, month: month, day: nil)
        }
        return nil
    }

    private static func number(_ segment: Substring, digits: ClosedRange<Int>) -> Int? {
        guard digits.contains(segment.count), segment.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int(segment)
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 48 && byte <= 57 }

    private static func valid(_ year: Int, _ month: Int, _ day: Int) -> URLDate? {
        guard (1990...2099).contains(year), (1...12).contains(month), (1...31).contains(day) else { return nil }
        return URLDate(year: year, month: month, day: day)
    }
}

extension URLDate {
    /// Whether a timestamp falls in this URL's month (and on `day`, when given), at its own offset.
    func matches(_ timestamp: Timestamp, day: Int?) -> Bool {
        let clock = timestamp.wallClock
        return clock.year == year && clock.month == month && (day == nil || clock.day == day)
    }
}

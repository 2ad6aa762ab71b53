import Foundation
import GalleyCore

/// Where a date a page prints without a zone ("13 Oktober 2020 10:15", `2020-10-13`) is placed.
///
/// In the site's time zone (`timezone` in `galley.yml`) at that date, so a summer date read in
/// winter is not an hour off. A page with a fetch time whose offset the zone did not have at that
/// moment was fetched somewhere else: its dates take the fetch's fixed offset, as a zone-less
/// date on the page most likely shares the clock the page was saved by.
struct ZonelessTime: Sendable {
    /// The site's time zone.
    var zone: TimeZone
    /// The fetch's offset, when the zone does not explain it.
    var fixedOffset: Int?

    /// The rule for a page fetched at `fetched` (nil: no fetch time) on a site in `zone`.
    init(zone: TimeZone, fetched: Timestamp?) {
        self.zone = zone
        if let fetched, zone.secondsFromGMT(for: fetched.date) != fetched.utcOffsetSeconds {
            fixedOffset = fetched.utcOffsetSeconds
        }
    }

    /// A fixed offset, whatever the date (tests, and the parser's marker for "no zone given").
    init(fixedOffset: Int) {
        zone = TimeZone(secondsFromGMT: fixedOffset) ?? .gmt
        self.fixedOffset = fixedOffset
    }

    /// The offset at an instant (an epoch timestamp).
    func offset(at instant: Date) -> Int {
        fixedOffset ?? zone.secondsFromGMT(for: instant)
    }

    /// The offset of a wall-clock time, given as the instant it would be in UTC. An hour the
    /// clocks skip is read at the offset before the change; an hour they repeat, at the offset
    /// after it.
    func offset(ofWallClock wall: Date) -> Int {
        if let fixedOffset { return fixedOffset }
        let guess = zone.secondsFromGMT(for: wall)
        return zone.secondsFromGMT(for: wall.addingTimeInterval(-Double(guess)))
    }

    /// `timestamp` placed in this rule when it was read without a zone: its wall-clock time
    /// is kept and its offset chosen here. `readAt` is the offset it was read at.
    func placing(_ timestamp: Timestamp, readAt readOffset: Int) -> Timestamp {
        let wall = timestamp.date.addingTimeInterval(Double(readOffset))
        let placed = offset(ofWallClock: wall)
        return Timestamp(date: wall.addingTimeInterval(-Double(placed)), utcOffsetSeconds: placed)
    }
}

import Foundation
import GalleyCore

/// Shows a timestamp in the site's language and time zone: "Selasa, 13 Oktober 2020 10:15 WIB",
/// "Tuesday, 13 October 2020 10:15 GMT".
struct DateDisplay: Sendable {
    let strings: UIStrings
    let timeZone: TimeZone
    /// The zone's Indonesian name, when it has one.
    private let zoneName: String?
    /// The zone's offset and abbreviation for every date from 1970 on, when it has not changed
    /// since (Indonesia's zones, UTC): asked of ICU once instead of twice per date shown.
    private let since1970: (offset: Int, abbreviation: String?)?

    /// Indonesian zones are written the Indonesian way; others by their abbreviation.
    static let zoneNames: [String: String] = ["Asia/Jakarta": "WIB", "Asia/Pontianak": "WIB", "Asia/Makassar": "WITA", "Asia/Jayapura": "WIT"]

    init(strings: UIStrings, timeZone: TimeZone) {
        self.strings = strings
        self.timeZone = timeZone
        zoneName = Self.zoneNames[timeZone.identifier]
        let epoch = Date(timeIntervalSince1970: 0)
        since1970 = timeZone.nextDaylightSavingTimeTransition(after: epoch) == nil
            ? (timeZone.secondsFromGMT(for: epoch), timeZone.abbreviation(for: epoch)) : nil
    }

    func format(_ timestamp: Timestamp) -> String {
        let parts = local(timestamp).wallClock
        let zone = zoneName ?? fixed(at: timestamp)?.abbreviation ?? timeZone.abbreviation(for: timestamp.date) ?? timeZone.identifier
        return "\(strings.weekday(parts.weekday)), \(parts.day) \(strings.month(parts.month)) \(parts.year) \(Timestamp.pad(parts.hour)):\(Timestamp.pad(parts.minute)) \(zone)"
    }

    /// The timestamp in the site's zone, RFC 3339 (for `<time datetime>`).
    func iso(_ timestamp: Timestamp) -> String {
        local(timestamp).rfc3339
    }

    private func local(_ timestamp: Timestamp) -> Timestamp {
        timestamp.converted(toOffsetSeconds: fixed(at: timestamp)?.offset ?? timeZone.secondsFromGMT(for: timestamp.date))
    }

    private func fixed(at timestamp: Timestamp) -> (offset: Int, abbreviation: String?)? {
        timestamp.date.timeIntervalSince1970 >= 0 ? since1970 : nil
    }
}

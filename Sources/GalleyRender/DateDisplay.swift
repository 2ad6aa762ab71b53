import Foundation
import GalleyCore

/// Shows a timestamp in the site's language and time zone: "Selasa, 13 Oktober 2020 10:15 WIB",
/// "Tuesday, 13 October 2020 10:15 GMT".
struct DateDisplay: Sendable {
    let strings: UIStrings
    let timeZone: TimeZone
    /// The zone's Indonesian name, when it has one.
    private let zoneName: String?

    /// Indonesian zones are written the Indonesian way; others by their abbreviation.
    static let zoneNames: [String: String] = ["Asia/Jakarta": "WIB", "Asia/Pontianak": "WIB", "Asia/Makassar": "WITA", "Asia/Jayapura": "WIT"]

    init(strings: UIStrings, timeZone: TimeZone) {
        self.strings = strings
        self.timeZone = timeZone
        zoneName = Self.zoneNames[timeZone.identifier]
    }

    func format(_ timestamp: Timestamp) -> String {
        let parts = local(timestamp).wallClock
        let zone = zoneName ?? timeZone.abbreviation(for: timestamp.date) ?? timeZone.identifier
        return "\(strings.weekday(parts.weekday)), \(parts.day) \(strings.month(parts.month)) \(parts.year) \(Timestamp.pad(parts.hour)):\(Timestamp.pad(parts.minute)) \(zone)"
    }

    /// The timestamp in the site's zone, RFC 3339 (for `<time datetime>`).
    func iso(_ timestamp: Timestamp) -> String {
        local(timestamp).rfc3339
    }

    private func local(_ timestamp: Timestamp) -> Timestamp {
        timestamp.converted(toOffsetSeconds: timeZone.secondsFromGMT(for: timestamp.date))
    }
}

import Foundation
import GalleyCore

/// Shows a timestamp in the site's language and time zone: "Selasa, 13 Oktober 2020 10:15 WIB",
/// "Tuesday, 13 October 2020 10:15 GMT".
struct DateDisplay: Sendable {
    let strings: UIStrings
    let timeZone: TimeZone

    /// Indonesian zones are written the Indonesian way; others by their abbreviation.
    static let zoneNames: [String: String] = ["Asia/Jakarta": "WIB", "Asia/Pontianak": "WIB", "Asia/Makassar": "WITA", "Asia/Jayapura": "WIT"]

    func format(_ timestamp: Timestamp) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .weekday], from: timestamp.date)
        let weekday = strings.weekday(parts.weekday ?? 1)
        let month = strings.month(parts.month ?? 1)
        let zone = Self.zoneNames[timeZone.identifier] ?? timeZone.abbreviation(for: timestamp.date) ?? timeZone.identifier
        return "\(weekday), \(parts.day ?? 1) \(month) \(parts.year ?? 0) \(Timestamp.pad(parts.hour ?? 0)):\(Timestamp.pad(parts.minute ?? 0)) \(zone)"
    }

    /// The timestamp in the site's zone, RFC 3339 (for `<time datetime>`).
    func iso(_ timestamp: Timestamp) -> String {
        timestamp.converted(toOffsetSeconds: timeZone.secondsFromGMT(for: timestamp.date)).rfc3339
    }
}

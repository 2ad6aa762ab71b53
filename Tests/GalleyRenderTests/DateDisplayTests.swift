import Foundation
import GalleyCore
@testable import GalleyRender
import Testing

/// `DateDisplay`: a zone whose offset has not changed since 1970 is asked of ICU once; every
/// date then shows as the zone's rules say, as one that changes (summer time) does.
@Suite struct DateDisplayTests {
    static let table = StringTable(words: [:], months: (1...12).map { "M\($0)" }, weekdays: (1...7).map { "D\($0)" })

    @Test(arguments: ["Asia/Jakarta", "Asia/Makassar", "Europe/London", "America/Sao_Paulo", "UTC"])
    func datesShowInTheZonesOwnOffset(zone: String) throws {
        let timeZone = try #require(TimeZone(identifier: zone))
        let display = DateDisplay(strings: UIStrings(language: "en", tables: ["en": Self.table]), timeZone: timeZone)
        // From 1950 (before the fixed stretch of some zones) to 2030, every 13 days and 7 hours.
        for seconds in stride(from: -631_152_000.0, to: 1_893_456_000, by: 1_148_400) {
            let timestamp = Timestamp(date: Date(timeIntervalSince1970: seconds), utcOffsetSeconds: 0)
            let local = timestamp.converted(toOffsetSeconds: timeZone.secondsFromGMT(for: timestamp.date))
            #expect(display.iso(timestamp) == local.rfc3339, "\(zone) \(seconds)")
            let abbreviation = DateDisplay.zoneNames[zone] ?? timeZone.abbreviation(for: timestamp.date) ?? zone
            #expect(display.format(timestamp).hasSuffix(" " + abbreviation), "\(zone) \(seconds)")
        }
    }
}

import Foundation
import GalleyCore
@testable import GalleyExtract
import Testing

/// A date printed without a zone is read in the site's time zone with the offset the zone has
/// at that date, not the offset it has today: summer and winter dates of a Berlin site, read on
/// any day of the year, keep their own offsets.
@Suite struct ZonelessTimeTests {
    static let berlin = TimeZone(identifier: "Europe/Berlin")!
    static let months = ExtractionHeuristics.standard.monthNames

    func parser(fetched: String? = nil) -> DateTextParser {
        let fetch = fetched.flatMap { Timestamp.parseISO8601($0) }
        return DateTextParser(zoneless: ZonelessTime(zone: Self.berlin, fetched: fetch), now: fetch, monthNames: Self.months)
    }

    @Test func eachDateTakesTheOffsetOfItsOwnSeason() {
        let dates = parser()
        #expect(dates.parse("12.07.2019 14:05")?.rfc3339 == "2019-07-12T14:05:00+02:00")
        #expect(dates.parse("12.01.2019 14:05")?.rfc3339 == "2019-01-12T14:05:00+01:00")
        #expect(dates.parse("2019-07-12T14:05:00")?.rfc3339 == "2019-07-12T14:05:00+02:00")
        #expect(dates.parse("2019-07-12")?.rfc3339 == "2019-07-12T00:00:00+02:00")
        #expect(dates.dates(in: "Stand: 12. Juli 2019, 14:05 Uhr").first?.timestamp.rfc3339 == "2019-07-12T14:05:00+02:00")
        // A zone the value gives is kept.
        #expect(dates.parse("2019-07-12T14:05:00+05:30")?.rfc3339 == "2019-07-12T14:05:00+05:30")
        #expect(dates.parseNotingZone("2019-07-12T14:05:00")?.1 == false)
    }

    @Test func aWinterFetchDoesNotMoveASummerDate() {
        // Fetched in January at +01:00, which Berlin had then: the zone explains the fetch.
        let dates = parser(fetched: "2020-01-20T08:00:00+01:00")
        #expect(dates.parse("12.07.2019 14:05")?.rfc3339 == "2019-07-12T14:05:00+02:00")
    }

    @Test func aFetchFromElsewhereKeepsItsOwnOffset() {
        // Fetched at +07:00, an offset Berlin never has: the page's clock was the fetcher's.
        let dates = parser(fetched: "2020-01-20T08:00:00+07:00")
        #expect(dates.parse("12.07.2019 14:05")?.rfc3339 == "2019-07-12T14:05:00+07:00")
    }

    @Test func epochTimesShowTheOffsetOfTheirMoment() {
        let zoneless = ZonelessTime(zone: Self.berlin, fetched: nil)
        #expect(DateMarkup.epoch("1562933100", placedBy: zoneless)?.rfc3339 == "2019-07-12T14:05:00+02:00")
        #expect(DateMarkup.epoch("1547298300000", placedBy: zoneless)?.rfc3339 == "2019-01-12T14:05:00+01:00")
    }

    @Test func hoursAroundTheChangesAreRead() {
        let dates = parser()
        // 02:30 on 31 March 2019 never happened in Berlin: read at the offset before the change.
        #expect(dates.parse("31.03.2019 02:30")?.rfc3339 == "2019-03-31T02:30:00+01:00")
        // 02:30 on 27 October 2019 happened twice: read at the offset after the change.
        #expect(dates.parse("27.10.2019 02:30")?.rfc3339 == "2019-10-27T02:30:00+01:00")
        #expect(dates.parse("27.10.2019 03:30")?.rfc3339 == "2019-10-27T03:30:00+01:00")
        #expect(dates.parse("27.10.2019 01:30")?.rfc3339 == "2019-10-27T01:30:00+02:00")
    }

    @Test func theSiteZoneReachesTheExtractor() throws {
        let extractor = HTMLExtractor(settings: .init(timeZone: Self.berlin))
        for (stated, expected) in [("2019-07-12 14:05:00", "2019-07-12T14:05:00+02:00"), ("2019-01-12 14:05:00", "2019-01-12T14:05:00+01:00")] {
            let html = "<html><head><title>Brücke</title><meta name=\"sailthru.date\" content=\"\(stated)\"></head><body><p>Text.</p></body></html>"
            let metadata = try extractor.metadata(of: SourcePage(path: "t.html", bytes: Array(html.utf8)))
            #expect(metadata.published?.rfc3339 == expected)
        }
    }
}

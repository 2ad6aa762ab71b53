import Foundation
import GalleyCore
import Testing

@Suite struct TimestampTests {
    @Test(arguments: [
        ("2020-10-13T10:15:00+07:00", "2020-10-13T10:15:00+07:00"),
        ("2020-10-13T03:15:00Z", "2020-10-13T03:15:00Z"),
        ("2020-10-13 10:15:00+0700", "2020-10-13T10:15:00+07:00"),
        ("2020-10-13T10:15+07:00", "2020-10-13T10:15:00+07:00"),
        ("2020-10-13T10:15:00.123-05:00", "2020-10-13T10:15:00-05:00"),
    ])
    func parsesAndKeepsTheOffset(input: String, expected: String) throws {
        let timestamp = try #require(Timestamp.parseISO8601(input))
        #expect(timestamp.rfc3339 == expected)
    }

    @Test func dateOnlyTakesTheDefaultOffset() throws {
        let timestamp = try #require(Timestamp.parseISO8601("2020-10-13", defaultOffsetSeconds: 7 * 3600))
        #expect(timestamp.rfc3339 == "2020-10-13T00:00:00+07:00")
    }

    @Test(arguments: ["", "yesterday", "2020-13-01", "2020-02-30T10:00:00Z", "2020-10-13T25:00:00Z", "2020-10-13T10:00:00+07:00 extra"])
    func rejectsWhatIsNotADate(input: String) {
        #expect(Timestamp.parseISO8601(input) == nil)
    }

    @Test func comparesByInstantNotByOffset() throws {
        let jakarta = try #require(Timestamp.parseISO8601("2020-10-13T10:00:00+07:00"))
        let london = try #require(Timestamp.parseISO8601("2020-10-13T03:30:00Z"))
        #expect(jakarta < london)
    }
}

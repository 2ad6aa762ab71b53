import Foundation
import GalleyCore
import Testing

/// HTTP dates (a sidecar's `last-modified` header): the three forms RFC 9110 makes recipients
/// accept, at UTC; anything else is no date.
@Suite struct HTTPDateTests {
    @Test(arguments: [
        ("Wed, 21 Oct 2015 07:28:00 GMT", "2015-10-21T07:28:00Z"),
        ("Sun, 06 Nov 1994 08:49:37 GMT", "1994-11-06T08:49:37Z"),
        ("sun, 06 nov 1994 08:49:37 gmt", "1994-11-06T08:49:37Z"),
        ("  Wed, 21 Oct 2015 07:28:00 UTC ", "2015-10-21T07:28:00Z"),
        ("Sunday, 06-Nov-94 08:49:37 GMT", "1994-11-06T08:49:37Z"),
        ("Friday, 13-Mar-20 23:59:59 GMT", "2020-03-13T23:59:59Z"),
        ("Sun Nov  6 08:49:37 1994", "1994-11-06T08:49:37Z"),
        ("Thu Feb 29 00:00:00 2024", "2024-02-29T00:00:00Z"),
    ])
    func parsesEveryFormAtUTC(input: String, expected: String) throws {
        let timestamp = try #require(Timestamp.parseHTTPDate(input))
        #expect(timestamp.rfc3339 == expected)
        #expect(timestamp.utcOffsetSeconds == 0)
    }

    @Test(arguments: [
        "", "yesterday", "2015-10-21T07:28:00Z", "Wed, 21 Oct 2015 07:28:00", "Wed, 21 Oct 2015 07:28:00 +0700",
        "Wed, 32 Oct 2015 07:28:00 GMT", "Wed, 21 Okt 2015 07:28:00 GMT", "Wed, 21 Oct 15 07:28:00 GMT", "Wed, 21 Oct 2015 7:28:00 GMT",
        "Wed, 21 Oct 2015 07:28 GMT", "Wed, 21 Oct 2015 25:28:00 GMT", "Wed 21 Oct 2015 07:28:00 GMT", "Thu Feb 30 00:00:00 2023",
        "Sunday, 06-Nov-1994 08:49:37 GMT",
    ])
    func refusesWhatIsNotAnHTTPDate(input: String) {
        #expect(Timestamp.parseHTTPDate(input) == nil, "\(input.debugDescription)")
    }

    @Test func theSidecarReadsItsLastModifiedHeaderWhateverTheCaseOfItsName() throws {
        let json = #"{"headers": {"Last-MODIFIED": "Wed, 21 Oct 2015 07:28:00 GMT"}}"#
        let sidecar = try JSONDecoder().decode(SourceSidecar.self, from: Data(json.utf8))
        #expect(sidecar.lastModified?.rfc3339 == "2015-10-21T07:28:00Z")
        #expect(sidecar.fetchTimestamp == nil)
        #expect(SourceSidecar(headers: ["last-modified": "gestern"]).lastModified == nil)
        #expect(SourceSidecar().lastModified == nil)
    }
}

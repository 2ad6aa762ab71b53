import Foundation
import GalleyCore
@testable import GalleyExtract
import Testing

@Suite struct DateParsingTests {
    let now = Timestamp.parseISO8601("2020-10-15T08:00:00+07:00")!
    var parser: DateTextParser { DateTextParser(zoneless: ZonelessTime(fixedOffset: 7 * 3600), now: now, monthNames: ExtractionHeuristics.standard.monthNames) }

    @Test(arguments: [
        ("Selasa, 13 Oktober 2020 - 10:15 WIB", "2020-10-13T10:15:00+07:00"),
        ("Selasa, 13 Oktober 2020 10:15 WITA", "2020-10-13T10:15:00+08:00"),
        ("13 Okt 2020 10:15 WIT", "2020-10-13T10:15:00+09:00"),
        ("13/10/2020", "2020-10-13T00:00:00+07:00"),
        ("13/10/2020 10:15", "2020-10-13T10:15:00+07:00"),
        ("October 13, 2020 10:15 PM GMT", "2020-10-13T22:15:00Z"),
        ("13 October 2020", "2020-10-13T00:00:00+07:00"),
        ("2 hari lalu", "2020-10-13T08:00:00+07:00"),
        ("3 jam yang lalu", "2020-10-15T05:00:00+07:00"),
        ("2 days ago", "2020-10-13T08:00:00+07:00"),
        ("2020-10-13T10:15:00+07:00", "2020-10-13T10:15:00+07:00"),
    ])
    func readsNewsDates(text: String, expected: String) throws {
        #expect(try #require(parser.parse(text)).rfc3339 == expected)
    }

    @Test(arguments: ["", "Senin", "nomor 13 dari 20", "31/02/2020"])
    func ignoresWhatIsNotADate(text: String) {
        #expect(parser.parse(text) == nil)
    }

    @Test(arguments: [
        ("16.10.2019", "2019-10-16T00:00:00+07:00"),
        ("16. 10. 2019", "2019-10-16T00:00:00+07:00"),
        ("16. Oktober 2019, 14:05 Uhr", "2019-10-16T14:05:00+07:00"),
        ("Mittwoch, 16. Okt. 2019", "2019-10-16T00:00:00+07:00"),
        ("06. Mär. 2023", "2023-03-06T00:00:00+07:00"),
        ("19 juillet 2014 à 10:15", "2014-07-19T10:15:00+07:00"),
        ("1er mars 2020", "2020-03-01T00:00:00+07:00"),
        ("Oct 16th, 2019", "2019-10-16T00:00:00+07:00"),
        ("October 16, 2019 at 2:30 pm EDT", "2019-10-16T14:30:00-04:00"),
        ("16 Okt 2019", "2019-10-16T00:00:00+07:00"),
        ("16 de octubre de 2019", "2019-10-16T00:00:00+07:00"),
        ("16 ottobre 2019", "2019-10-16T00:00:00+07:00"),
        ("16 de outubro de 2019", "2019-10-16T00:00:00+07:00"),
        ("16 oktober 2019", "2019-10-16T00:00:00+07:00"),
        ("16 października 2019 r.", "2019-10-16T00:00:00+07:00"),
        ("16 октября 2019 г.", "2019-10-16T00:00:00+07:00"),
        ("2019年10月16日", "2019-10-16T00:00:00+07:00"),
        ("2019년 10월 16일", "2019-10-16T00:00:00+07:00"),
        ("2023.11.02. 오후 3:52", "2023-11-02T15:52:00+07:00"),
        ("Rabu, 16 Oktober 2019 14:05 WIB", "2019-10-16T14:05:00+07:00"),
        ("2019/10/16 14:05", "2019-10-16T14:05:00+07:00"),
        ("Sat, 19 Oct 2019 00:04:00 +0200", "2019-10-19T00:04:00+02:00"),
        ("Mon Jan 20 09:49:32 UTC 2020", "2020-01-20T09:49:32Z"),
        ("2019-10-16 14:05:00-05:00", "2019-10-16T14:05:00-05:00"),
    ])
    func readsDatesInManyLanguagesAndForms(text: String, expected: String) throws {
        #expect(try #require(parser.parse(text)).rfc3339 == expected)
    }

    @Test func findsEveryDateInRunningText() {
        let text = "Veröffentlicht am 16.10.2019 um 14:05 Uhr, aktualisiert am 17. Oktober 2019. Mehr ab dem 3. November."
        let found = parser.dates(in: text).map { $0.timestamp.rfc3339 }
        #expect(found == ["2019-10-16T14:05:00+07:00", "2019-10-17T00:00:00+07:00"])
        #expect(parser.dates(in: text).first?.hasTime == true)
    }

    @Test(arguments: ["Version 1.2.3", "ISBN 978-3-16-148410-0", "10/2019", "2019-2020", "Tel. 0211-12-1234", "3.10.19 im Text", "seit 1.500 Jahren"])
    func runningTextWithoutADate(text: String) {
        #expect(parser.dates(in: text).isEmpty)
    }

    @Test func twoDigitYearsOnlyWhenAllowed() {
        #expect(parser.dates(in: "16.10.19").isEmpty)
        #expect(parser.dates(in: "16.10.19", allowsTwoDigitYears: true).first?.timestamp.rfc3339 == "2019-10-16T00:00:00+07:00")
    }

    @Test func slashedDatesFollowTheirPage() {
        var american = parser
        american.monthFirst = true
        #expect(parser.parse("03/04/2020")?.rfc3339 == "2020-04-03T00:00:00+07:00")
        #expect(american.parse("03/04/2020")?.rfc3339 == "2020-03-04T00:00:00+07:00")
        #expect(parser.parse("10/16/2019")?.rfc3339 == "2019-10-16T00:00:00+07:00", "a month over 12 decides")
        #expect(american.parse("03.04.2020")?.rfc3339 == "2020-04-03T00:00:00+07:00", "dotted dates are day first everywhere")
        #expect(american.dates(in: "11/02/17", allowsTwoDigitYears: true).first?.timestamp.rfc3339 == "2017-11-02T00:00:00+07:00")
    }

    @Test func notesWhetherAValueGaveItsZone() throws {
        let zoned = try #require(parser.parseNotingZone("2019-10-16T14:05:00Z"))
        #expect(zoned.1 && zoned.0.rfc3339 == "2019-10-16T14:05:00Z")
        let local = try #require(parser.parseNotingZone("2019-10-16 14:05:00"))
        #expect(!local.1 && local.0.rfc3339 == "2019-10-16T14:05:00+07:00")
    }

    @Test func datelines() {
        #expect(Dateline.place(in: "JAKARTA, iNews.id - Hujan") == "Jakarta")
        #expect(Dateline.place(in: "JAKARTA - Hujan") == "Jakarta")
        #expect(Dateline.place(in: "LONDON (Reuters) - Prices") == "London")
        #expect(Dateline.place(in: "Washington, DC — The") == "Washington")
        #expect(Dateline.place(in: "SURABAYA, KOMPAS.com - Warga") == "Surabaya")
        #expect(Dateline.place(in: "Harga naik - kata pejabat") == nil)
        #expect(Dateline.place(in: "The minister said - again - that") == nil)
    }

    @Test func encodingDecisions() {
        func decide(_ bytes: [UInt8], _ declared: String? = nil) -> EncodingSniffer.Decision {
            EncodingSniffer.decide(for: bytes, declaredCharset: declared)
        }
        #expect(decide(Array("<p>caf\u{E9}</p>".utf8)).encoding == "UTF-8")
        // windows-1252 is transcoded here: curly quotes and undefined bytes survive.
        let cp1252 = decide([0x3C, 0x70, 0x3E, 0x93, 0x94, 0x9D])
        #expect(cp1252.encoding == "UTF-8")
        #expect(String(decoding: cp1252.bytes, as: UTF8.self) == "<p>\u{201C}\u{201D}\u{9D}")
        #expect(decide([0xEF, 0xBB, 0xBF, 0x3C]).bytes == [0x3C])
        // UTF-16 (by its byte order mark, or by the zero bytes beside markup) is transcoded here.
        #expect(decide([0xFF, 0xFE, 0x3C, 0x00, 0x2C, 0x4E]).bytes == Array("<丬".utf8))
        #expect(decide([0xFE, 0xFF, 0x00, 0x3C, 0x4E, 0x2C]).bytes == Array("<丬".utf8))
        let unmarked = decide(Array("<html><body>\u{E9}".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }))
        #expect(unmarked.encoding == "UTF-8" && unmarked.bytes == Array("<html><body>\u{E9}".utf8))
        #expect(decide([0xFF, 0xFE, 0x3C, 0x00, 0x00, 0xD8, 0x00, 0x00]).bytes == Array("<\u{FFFD} ".utf8), "lone surrogate, NUL")
        #expect(decide([0x3C, 0x93, 0x70, 0x3E], "utf-8").encoding == "UTF-8", "mislabelled UTF-8 is read as windows-1252")
        #expect(String(decoding: decide([0x3C, 0x93, 0x70, 0x3E], "utf-8").bytes, as: UTF8.self) == "<\u{201C}p>")
        #expect(decide(Array("caf\u{E9}".utf8), "iso-8859-1").bytes == Array("caf\u{E9}".utf8), "valid UTF-8 wins over a latin-1 label")
        #expect(decide([0x82, 0xA0], "shift_jis").encoding == "shift_jis")
        #expect(decide([0x3C, 0x00, 0x70]).bytes == [0x3C, 0x20, 0x70], "NUL bytes become spaces")
    }
}

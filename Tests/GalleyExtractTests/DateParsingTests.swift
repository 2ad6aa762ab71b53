import Foundation
import GalleyCore
@testable import GalleyExtract
import Testing

@Suite struct DateParsingTests {
    let now = Timestamp.parseISO8601("2020-10-15T08:00:00+07:00")!
    var parser: DateTextParser { DateTextParser(defaultOffsetSeconds: 7 * 3600, now: now) }

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

    @Test func datelines() {
        #expect(Dateline.place(in: "JAKARTA, iNews.id - Hujan") == "Jakarta")
        #expect(Dateline.place(in: "JAKARTA - Hujan") == "Jakarta")
        #expect(Dateline.place(in: "LONDON (Reuters) - Prices") == "London")
        #expect(Dateline.place(in: "Washington, DC — The") == "Washington")
        #expect(Dateline.place(in: "SURABAYA, KOMPAS.com - Warga") == "Surabaya")
        #expect(Dateline.place(in: "Harga naik - kata pejabat") == nil)
        #expect(Dateline.place(in: "The minister said - again - that") == nil)
    }

    @Test func encodingSniffing() {
        #expect(EncodingSniffer.encoding(for: Array("<p>caf\u{E9}</p>".utf8), declaredCharset: nil) == "UTF-8")
        #expect(EncodingSniffer.encoding(for: [0x3C, 0x70, 0x3E, 0x93, 0x94], declaredCharset: nil) == "windows-1252")
        #expect(EncodingSniffer.encoding(for: [0xEF, 0xBB, 0xBF, 0x3C], declaredCharset: nil) == "UTF-8")
        #expect(EncodingSniffer.encoding(for: [0xFF, 0xFE, 0x3C, 0x00], declaredCharset: nil) == "UTF-16LE")
        #expect(EncodingSniffer.encoding(for: Array("<meta charset=\"shift_jis\">".utf8), declaredCharset: nil) == nil)
        #expect(EncodingSniffer.encoding(for: [0x3C, 0x93], declaredCharset: "utf-8") == "windows-1252")
        #expect(EncodingSniffer.encoding(for: Array("abc".utf8), declaredCharset: "iso-8859-1") == "windows-1252")
    }
}

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

@testable import GalleyExtract
import GalleyTestSupport
import Testing

/// `EncodingSniffer`'s byte checks against the reference they stand in for.
@Suite struct EncodingSnifferTests {
    /// The decoder's verdict: the reference `isValidUTF8` must agree with.
    private static func decodes(_ bytes: [UInt8]) -> Bool {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue: continue
            case .emptyInput: return true
            case .error: return false
            }
        }
    }

    @Test func utf8ValidationAgreesWithSwiftsDecoder() {
        var random = SeededRandom(seed: 8)
        // Boundary bytes of every lead and continuation range, and ASCII runs to cross the 8-byte path.
        let interesting: [UInt8] = [0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xE1,
                                    0xEC, 0xED, 0xEE, 0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xFF]
        var valid = 0
        for _ in 0..<50_000 {
            var bytes: [UInt8] = []
            for _ in 0..<random.below(24) {
                if random.below(4) == 0 { bytes += Array("abcdefghij".utf8.prefix(random.below(10))) }
                bytes.append(random.pick(interesting))
            }
            let expected = Self.decodes(bytes)
            if expected { valid += 1 }
            #expect(EncodingSniffer.isValidUTF8(bytes) == expected, "\(bytes)")
        }
        #expect(valid > 1000, "the generator must also make valid text")
        #expect(EncodingSniffer.isValidUTF8(Array("Rabu, 16 Oktober 2019 — 北京 🇮🇩".utf8)))
    }

    @Test func nulBytesBecomeSpaces() {
        #expect(EncodingSniffer.withoutNUL([0x61, 0x00, 0x62]) == [0x61, 0x20, 0x62])
        #expect(EncodingSniffer.withoutNUL([0x61, 0x62]) == [0x61, 0x62])
        #expect(EncodingSniffer.withoutNUL([]) == [])
    }
}

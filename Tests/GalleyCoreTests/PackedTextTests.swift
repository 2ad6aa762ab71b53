@testable import GalleyCore
import Testing

/// `PackedText` keeps front matter's text fields in one buffer: each slot must read back what
/// was set, whatever was set before or after it, and the buffer must carry no growth slack
/// (every article of a build keeps one).
@Suite struct PackedTextTests {
    @Test func everySlotReadsBackWhatWasSetInAnyOrder() {
        var text = PackedText()
        let values = (0..<PackedText.slots).map { "nilai \($0) – " + String(repeating: "é", count: $0 * 3) }
        for slot in stride(from: PackedText.slots - 1, through: 0, by: -2) { text[slot] = values[slot] }
        for slot in stride(from: 0, to: PackedText.slots, by: 2) { text[slot] = values[slot] }
        #expect((0..<PackedText.slots).map { text[$0] } == values)
        #expect(text.textByteCount == values.reduce(0) { $0 + $1.utf8.count })
    }

    /// Made at once from a list, it holds what setting each slot in turn holds, and no slack.
    @Test func madeFromAListItEqualsOneSetSlotBySlot() {
        let values: [String?] = ["Judul", nil, "", "Jakarta", nil, "Ringkasan panjang tentang banjir di Jakarta Utara"]
        var set = PackedText()
        for (slot, value) in values.enumerated() where value != nil { set[slot] = value }
        let made = PackedText(values)
        #expect(made == set && made.hashValue == set.hashValue)
        #expect((0..<PackedText.slots).map { made[$0] } == values + Array(repeating: nil, count: PackedText.slots - values.count))
        #expect(made.bytes.capacity - made.bytes.count < 32)
    }

    @Test func replacingOrRemovingASlotMovesOnlyTheOnesAfterIt() {
        var text = PackedText()
        text[0] = "Banjir di Jakarta"
        text[4] = "Ringkasan yang panjang tentang banjir"
        text[11] = "banjir-di-jakarta"
        text[4] = "Pendek"
        #expect(text[0] == "Banjir di Jakarta" && text[4] == "Pendek" && text[11] == "banjir-di-jakarta")
        text[0] = nil
        #expect(text[0] == nil && text[4] == "Pendek" && text[11] == "banjir-di-jakarta")
        #expect(text.textByteCount == "Pendek".utf8.count + "banjir-di-jakarta".utf8.count)
    }

    /// Lengths past one byte's 127 (and two bytes' 16,383) read back, beside short strings
    /// before and after them, whichever slot changes.
    @Test(arguments: [127, 128, 16_383, 16_384, 300_000])
    func longStringsReadBackBesideShortOnes(length: Int) {
        let long = String(repeating: "a", count: length - 2) + "é"
        var text = PackedText(["Judul", long, nil, "ringkas"])
        #expect(text[0] == "Judul" && text[1] == long && text[2] == nil && text[3] == "ringkas")
        text[0] = "Judul yang lebih panjang"
        text[2] = ""
        #expect(text[0] == "Judul yang lebih panjang" && text[1] == long && text[2] == "" && text[3] == "ringkas")
        text[1] = "pendek"
        #expect(text[1] == "pendek" && text[3] == "ringkas" && text.textByteCount == "Judul yang lebih panjang".utf8.count + 6 + 7)
        text[1] = long
        #expect(text == PackedText(["Judul yang lebih panjang", long, "", "ringkas"]))
    }

    @Test func anEmptyStringIsNotAMissingOne() {
        var text = PackedText()
        text[3] = ""
        #expect(text[3] == "" && text[2] == nil && text[4] == nil)
        var other = PackedText()
        #expect(text != other)
        other[3] = ""
        #expect(text == other && text.hashValue == other.hashValue)
    }

    /// The same bytes split differently are different strings.
    @Test func equalityComparesWhereEachStringEnds() {
        var one = PackedText(), other = PackedText()
        one[0] = "ab"
        one[1] = ""
        other[0] = "a"
        other[1] = "b"
        #expect(one.textByteCount == other.textByteCount && one.present == other.present)
        #expect(one != other)
        other[0] = "ab"
        other[1] = ""
        #expect(one == other && one.hashValue == other.hashValue)
    }

    /// Each set makes a buffer of just the bytes held: appending in place would grow it by half
    /// again (26 MB of slack at 50,000 articles).
    @Test func theBufferHoldsNoGrowthSlack() {
        var text = PackedText()
        for slot in 0..<PackedText.slots { text[slot] = String(repeating: "kata ", count: 10 + slot) }
        #expect(text.bytes.capacity - text.bytes.count < 32)
        text[5] = nil
        #expect(text.bytes.capacity - text.bytes.count < 32)
    }

    /// Front matter reads and sets its text fields through the slots, one per field.
    @Test func frontMatterTextFieldsDoNotShareSlots() {
        var matter = FrontMatter(title: "Judul", date: Timestamp(date: .init(timeIntervalSince1970: 0), utcOffsetSeconds: 0))
        matter.author = "Rina"
        matter.editor = "Dewi"
        matter.region = "Jakarta"
        matter.summary = "Ringkasan"
        matter.image = "https://img.example/a.jpg"
        matter.imageCaption = "Keterangan"
        matter.imageAlt = "Alt"
        matter.section = "Metro"
        matter.sourceURL = "https://news.example/a"
        matter.lang = "id"
        matter.slug = "judul"
        let read = [matter.title, matter.author, matter.editor, matter.region, matter.summary, matter.image, matter.imageCaption,
                    matter.imageAlt, matter.section, matter.sourceURL, matter.lang, matter.slug]
        #expect(read == ["Judul", "Rina", "Dewi", "Jakarta", "Ringkasan", "https://img.example/a.jpg", "Keterangan", "Alt", "Metro",
                         "https://news.example/a", "id", "judul"])
    }
}

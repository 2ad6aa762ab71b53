import GalleyCore
import Testing

@Suite struct SlugTests {
    @Test(arguments: [
        ("Banjir Jakarta: Ribuan Warga Mengungsi", "banjir-jakarta-ribuan-warga-mengungsi"),
        ("Café déjà vu", "cafe-deja-vu"),
        ("北京 新闻", "bei-jing-xin-wen"),
        ("Привет мир", "privet-mir"),
        ("  --Hello,   World!!--  ", "hello-world"),
        ("Jokowi's Visit", "jokowis-visit"),
        ("", "untitled"),
        ("!!!", "untitled"),
    ])
    func makesReadableASCII(title: String, expected: String) {
        #expect(Slug.make(title) == expected)
    }

    @Test(arguments: ["../../etc/passwd", "/absolute/path", "a\\b", ".", "..", "con", "NUL", "x\0y", "tags", "page", "COM9", "lpt7", "2026", "10"])
    func neverLeavesItsFolderOrUsesReservedNames(input: String) {
        let slug = Slug.make(input)
        #expect(!slug.contains("/") && !slug.contains(".") && !slug.contains("\\") && !slug.contains("\0"))
        #expect(!Slug.reserved.contains(slug))
        #expect(slug.contains { !$0.isNumber }, "a number could be a date archive")
        #expect(!slug.isEmpty)
    }

    @Test func longTitlesAreCutAtAWordBoundary() {
        let slug = Slug.make(String(repeating: "kata panjang ", count: 40))
        #expect(slug.count <= Slug.maximumLength)
        #expect(!slug.hasSuffix("-"))
    }

    @Test func repeatsGetNumberedInOrder() {
        #expect(Slug.uniqued(["a", "b", "a", "a", "a-2"]) == ["a", "b", "a-2", "a-3", "a-2-2"])
    }
}

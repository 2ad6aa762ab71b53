import Foundation
import GalleyCore
import GalleyTestSupport
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

    /// The slug ICU's transliteration of the whole text gives: what `Slug.make` gave before
    /// typographic punctuation skipped ICU (a permalink must not move).
    static func icuSlug(_ text: String) -> String {
        Slug.make(text.applyingTransform(StringTransform("Any-Latin; Latin-ASCII; Lower"), reverse: false) ?? text)
    }

    @Test(arguments: [
        "The law that’s helping fuel Delhi’s deadly air", "‘The Medium is the Message’: the 7th", "Die Patientenakte (ePA) – ein Überblick",
        "Browns’ defensive snap counts", "The Future of Banking Is … You're Broke", "«Le Monde» et l’État", "商品の改造が商標法違反に！？",
        "Самые популярные — блоги", "Tom\u{00A0}Cruise\u{2009}returns", "„Anführung“ und ‚halbe‘", "Rock ’n’ Roll", "x′y″z", "北京「b」", "a「b」·c†d",
    ])
    func typographicPunctuationGivesTheSlugICUGives(title: String) {
        #expect(Slug.make(title) == Self.icuSlug(title))
    }

    @Test func randomTitlesWithPunctuationGiveTheSlugICUGives() {
        var random = SeededRandom(seed: 2026_12_05)
        let pieces = ["news", "Jakarta", "2026", "Café", "déjà", "Überblick", "naïve", "Москва", "北京", "東京", "서울", "Αθήνα", "it", "s",
                      "’", "‘", "“", "”", "–", "—", "…", "«", "»", "‹", "›", "„", "‚", "·", "•", "†", "¡", "¿", "§", "¶", "′", "″",
                      "‐", "‑", "‒", "―", "⁄", "、", "。", "「", "」", "！", "？", "（", "）", "\u{00A0}", "\u{2009}", "\u{3000}", "'", "-", " ", ":", "!"]
        for _ in 0..<2_000 {
            let title = (0..<random.below(9) + 1).map { _ in random.pick(pieces) }.joined(separator: random.chance(0.5) ? " " : "")
            #expect(Slug.make(title) == Self.icuSlug(title), "\(title)")
        }
    }

    /// The transliterator `Slug` keeps open gives what Foundation's one-per-call transform
    /// gives, in every script the corpora have and a few more, short and long (a long Han text
    /// grows past the first buffer), from two threads at once; text with characters beyond the
    /// Basic Multilingual Plane (emoji) is left to Foundation, whose output differs around them.
    @Test func theKeptTransliteratorMatchesFoundation() {
        var random = SeededRandom(seed: 2026_12_06)
        let pieces = ["北京", "半导体", "台风", "春节", "東京", "商品の改造", "서울", "الزكاة", "غزة", "رمضان", "Москва", "Αθήνα", "กรุงเทพ",
                      "नई दिल्ली", "ירושלים", "Gêjog Lêsung", "Åland", "Müller", "Fiancé", "2026", "news", "「", "」", "·", "—", "…", " ", "🙂", "𠀀"]
        var texts = (0..<600).map { _ in (0..<random.below(6) + 1).map { _ in random.pick(pieces) }.joined(separator: random.chance(0.5) ? " " : "") }
        texts.append(String(repeating: "装饰庄严", count: 60))
        texts.append("")
        let pairs = parallelMap(texts, jobs: 2) { text in (Slug.foundationTransliteration(of: text), Slug.keptTransliteration(of: text)) }
        for (text, pair) in zip(texts, pairs) {
            if text.unicodeScalars.contains(where: { $0.value > 0xFFFF }) {
                #expect(pair.1 == nil, "\(text)")
            } else {
                #expect(pair.1 == pair.0, "\(text)")
            }
        }
        #expect(texts.contains { $0.contains("🙂") } && texts.contains { !$0.unicodeScalars.contains(where: { $0.value > 0xFFFF }) })
    }

    @Test func repeatsGetNumberedInOrder() {
        #expect(Slug.uniqued(["a", "b", "a", "a", "a-2"]) == ["a", "b", "a-2", "a-3", "a-2-2"])
    }
}

import Foundation
import Synchronization

/// URL- and file-safe names for articles and terms.
///
/// Any script is transliterated to ASCII ("北京" → "bei-jing", "Café" → "cafe"), lower-cased,
/// and everything but `a-z 0-9` becomes a single `-`. The result never contains `/`, `.` or
/// `\`, so it can never climb out of the output folder; names that are special on some file
/// systems (`con`, `nul`, …) or that our own layout uses at the top level get a suffix.
public enum Slug {
    /// Longest slug, in characters; longer ones are cut at a `-`.
    public static let maximumLength = 80

    /// Names a slug may not be, because the site layout or a file system claims them.
    public static let reserved: Set<String> = [
        "page", "tags", "regions", "static", "index", "feed", "sitemap", "404", "search", "pagefind",
        "con", "prn", "aux", "nul", "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8", "com9",
        "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9",
    ]

    /// The slug of a title or term name; never empty (`untitled` when nothing survives).
    public static func make(_ text: String) -> String {
        let latin = asciiForm(of: text)
        let slug = truncate(fullSlug(of: latin))
        if slug.isEmpty { return "untitled" }
        // All digits would look like a date archive (`2026/`, `10/`) under a `/:slug/` permalink.
        if reserved.contains(slug) || slug.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) { return slug + "-1" }
        return slug
    }

    /// The text in lower-case ASCII. ICU transliteration is slow, so ASCII text skips it and
    /// Latin text with accents only has its accents folded; other scripts are transliterated.
    static func asciiForm(of text: String) -> String {
        // Only the start can reach the slug; ICU's time grows faster than linearly with length.
        let text = text.count > maximumLength * 4 ? String(text.prefix(maximumLength * 4)) : text
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text.lowercased() }
        let plain = withASCIIPunctuation(text)
        if plain.utf8.allSatisfy({ $0 < 0x80 }) { return plain.lowercased() }
        let key = ExactText(text: text)
        if let known = transliterated.withLock({ $0[key] }) { return known }
        let folded = plain.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
        let latin = folded.utf8.allSatisfy({ $0 < 0x80 }) ? folded.lowercased() : transliterate(text)
        transliterated.withLock { cache in
            if cache.count >= cacheLimit { cache.removeAll() }
            cache[key] = latin
        }
        return latin
    }

    /// ICU's `Any-Latin; Latin-ASCII; Lower`. One call at a time: the first call for a script
    /// compiles its rules (Han-Latin: about 100 ms), and ICU caches them only once built, so
    /// two threads meeting their first Chinese tag together each compiled them (measured: CPU
    /// time doubled). Later calls take about 0.1 ms.
    private static func transliterate(_ text: String) -> String {
        if let latin = SlugTransliterator.shared.transliterate(text) { return latin }
        return foundationTransliteration(of: text)
    }

    /// The kept transliterator's result alone (nil where ICU is not at hand), for `SlugTests`.
    package static func keptTransliteration(of text: String) -> String? {
        SlugTransliterator.shared.transliterate(text)
    }

    /// The same through Foundation (a transliterator opened per call): where ICU is not at hand,
    /// and for `SlugTests` to compare with.
    package static func foundationTransliteration(of text: String) -> String {
        transliteration.withLock { _ in
            text.applyingTransform(StringTransform(SlugTransliterator.transformID), reverse: false) ?? text.lowercased()
        }
    }

    private static let transliteration = Mutex<Void>(())

    /// Typographic punctuation (curly quotes, dashes, ellipses, guillemets, bullets, CJK
    /// punctuation, non-breaking and other spaces) as it ends up in a slug: `’ ‘ ′` become `'`
    /// (dropped inside a word, as `Latin-ASCII` writes them), the others a space (a word
    /// break). Most titles are ASCII but for such marks; with them replaced, Latin text skips
    /// ICU. Text in other scripts still goes to ICU whole, whose output for these marks depends
    /// on the script around them (`北京「b` → `bei jing'b`). `SlugTests` checks that the slugs are
    /// the ones ICU gives.
    static func withASCIIPunctuation(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if apostrophes.contains(scalar.value) {
                scalars.append("'")
            } else if wordBreaks.contains(scalar.value) {
                scalars.append(" ")
            } else {
                scalars.append(scalar)
            }
        }
        return String(scalars)
    }

    /// Marks that `Latin-ASCII` writes as `'`.
    private static let apostrophes: Set<UInt32> = [0x2018, 0x2019, 0x2032]
    /// Marks that `Latin-ASCII` writes as ASCII punctuation or leaves as they are (both break
    /// words in a slug).
    private static let wordBreaks: Set<UInt32> = [
        0x00A0, 0x00A1, 0x00A7, 0x00AB, 0x00B6, 0x00B7, 0x00BB, 0x00BF, 0x2009, 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015,
        0x201A, 0x201C, 0x201D, 0x201E, 0x2020, 0x2022, 0x2026, 0x2033, 0x2039, 0x203A, 0x2044, 0x3000, 0x3001, 0x3002,
        0x300C, 0x300D, 0xFF01, 0xFF08, 0xFF09, 0xFF1F,
    ]

    /// ASCII forms of non-ASCII text already made (folding and ICU transliteration are slow; ICU
    /// builds a transliterator on every call): tag and region names repeat across thousands of
    /// articles.
    private static let transliterated = Mutex<[ExactText: String]>([:])

    /// The ASCII forms made (or remembered) so far in this process, as (text, form) pairs: a
    /// build keeps them in its state so that the next build meeting the same tags and regions
    /// does not load ICU's transliteration rules again (about 0.1 s for Chinese).
    package static func asciiForms() -> [(text: String, form: String)] {
        transliterated.withLock { cache in cache.map { ($0.key.text, $0.value) } }
    }

    /// Takes forms an earlier run of this same galley made (`asciiForms()`) as made.
    package static func remember(asciiForms forms: [(text: String, form: String)]) {
        transliterated.withLock { cache in
            for (text, form) in forms where cache.count < cacheLimit { cache[ExactText(text: text)] = form }
        }
    }

    /// Forms kept at most; past it the cache starts again.
    private static let cacheLimit = 50_000


    /// Whether the slug of `text` was cut to `maximumLength` (two long titles can share it).
    public static func isShortened(_ text: String) -> Bool {
        fullSlug(of: asciiForm(of: text)).count > maximumLength
    }

    /// The slug before it is cut to length.
    private static func fullSlug(of latin: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(latin.utf8.count)
        var pendingDash = false
        // `asciiForm` leaves only ASCII: letters and digits stay, an apostrophe vanishes
        // ("Jokowi's" → "jokowis"), anything else separates words.
        for byte in latin.utf8 {
            if (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) {
                if pendingDash, !bytes.isEmpty { bytes.append(0x2D) }
                pendingDash = false
                bytes.append(byte)
            } else if byte != 0x27 {
                pendingDash = true
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Gives each slug in `slugs` a unique form by appending `-2`, `-3`, … to repeats, in order.
    public static func uniqued(_ slugs: [String]) -> [String] {
        var taken = Set<String>(minimumCapacity: slugs.count)
        var result: [String] = []
        result.reserveCapacity(slugs.count)
        for slug in slugs {
            var candidate = slug
            var number = 2
            // One hash of each candidate (a look-up, then an insertion, hashed it twice).
            while !taken.insert(candidate).inserted {
                candidate = "\(slug)-\(number)"
                number += 1
            }
            result.append(candidate)
        }
        return result
    }

    private static func truncate(_ slug: String) -> String {
        guard slug.count > maximumLength else { return slug }
        let cut = slug.prefix(maximumLength)
        if let dash = cut.lastIndex(of: "-"), cut.distance(from: cut.startIndex, to: dash) > maximumLength / 2 {
            return String(cut[..<dash])
        }
        return String(cut)
    }
}

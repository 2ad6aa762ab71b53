public import Foundation

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
        "page", "tags", "regions", "static", "index", "feed", "sitemap", "404",
        "con", "prn", "aux", "nul", "com1", "com2", "com3", "lpt1", "lpt2", "lpt3",
    ]

    /// The slug of a title or term name; never empty (`untitled` when nothing survives).
    public static func make(_ text: String) -> String {
        let latin = text.applyingTransform(StringTransform("Any-Latin; Latin-ASCII; Lower"), reverse: false)
            ?? text.lowercased()
        var slug = ""
        var pendingDash = false
        for scalar in latin.unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                if pendingDash, !slug.isEmpty { slug.append("-") }
                pendingDash = false
                slug.unicodeScalars.append(scalar)
            } else if scalar != "'" && scalar != "\u{2019}" {
                pendingDash = true
            }
        }
        slug = truncate(slug)
        if slug.isEmpty { return "untitled" }
        return reserved.contains(slug) ? slug + "-1" : slug
    }

    /// Gives each slug in `slugs` a unique form by appending `-2`, `-3`, … to repeats, in order.
    public static func uniqued(_ slugs: [String]) -> [String] {
        var taken = Set<String>()
        var result: [String] = []
        result.reserveCapacity(slugs.count)
        for slug in slugs {
            var candidate = slug
            var number = 2
            while taken.contains(candidate) {
                candidate = "\(slug)-\(number)"
                number += 1
            }
            taken.insert(candidate)
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

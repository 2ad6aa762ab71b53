import GalleyCore

/// Tags and regions through the `galley.yml` aliases (case-insensitive); regions written in
/// capitals by a dateline ("JAKARTA") are title-cased; duplicates by slug are dropped.
struct TermNormalizer: Sendable {
    let tagAliases: [String: String]
    let regionAliases: [String: String]

    init(tagAliases: [String: String], regionAliases: [String: String]) {
        self.tagAliases = Dictionary(tagAliases.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { first, _ in first })
        self.regionAliases = Dictionary(regionAliases.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { first, _ in first })
    }

    /// The tags cleaned (whitespace), aliased and without repeats (by slug). Each name is the
    /// interned term's (`Term(name:)`), so the articles that carry a tag share its string and
    /// its slug is made once; the list is sized to what it holds (every article keeps one).
    func tags(_ raw: [String]) -> [String] {
        var seen = Set<String>()
        var result: [String] = []
        result.reserveCapacity(raw.count)
        for tag in raw {
            let cleaned = tag.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            guard !cleaned.isEmpty else { continue }
            let term = Term(name: tagAliases[cleaned.lowercased()] ?? cleaned)
            if seen.insert(term.slug).inserted { result.append(term.name) }
        }
        return result
    }

    func region(_ raw: String) -> String? {
        let cleaned = raw.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        guard !cleaned.isEmpty else { return nil }
        if let alias = regionAliases[cleaned.lowercased()] { return alias }
        let letters = cleaned.filter(\.isLetter)
        if !letters.isEmpty, letters == letters.uppercased(), letters.count > 3 {
            return cleaned.lowercased().split(separator: " ").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: " ")
        }
        return cleaned
    }
}

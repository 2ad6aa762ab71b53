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

    func tags(_ raw: [String]) -> [String] {
        var seen = Set<String>()
        var result: [String] = []
        for tag in raw {
            let cleaned = tag.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            guard !cleaned.isEmpty else { continue }
            let canonical = tagAliases[cleaned.lowercased()] ?? cleaned
            if seen.insert(Slug.make(canonical)).inserted { result.append(canonical) }
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

/// The article-extraction-benchmark's body metric: tokens are `\w+` runs (Python's Unicode
/// word characters: letters, numbers and `_`), a text is the multiset of its 4-token shingles,
/// and each page's true/false positives and negatives are shared shingle counts.
public struct WordShingles: Sendable {
    /// Shingle → count.
    public let counts: [[Substring]: Int]
    /// The tokens, in order.
    public let tokens: [Substring]

    /// Shingles of `text`.
    public init(_ text: String, size: Int = 4) {
        var tokens: [Substring] = []
        var start: String.Index?
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if Self.isWordCharacter(character) {
                if start == nil { start = index }
            } else if let begin = start {
                tokens.append(text[begin..<index])
                start = nil
            }
            index = text.index(after: index)
        }
        if let begin = start { tokens.append(text[begin...]) }
        self.tokens = tokens
        var counts: [[Substring]: Int] = [:]
        if tokens.count >= size {
            for offset in 0...(tokens.count - size) { counts[Array(tokens[offset..<(offset + size)]), default: 0] += 1 }
        }
        self.counts = counts
    }

    /// Python's `str.isalnum() or "_"`, per Unicode scalar (a character counts when all its
    /// scalars do, so a combining mark splits words as it does in Python).
    static func isWordCharacter(_ character: Character) -> Bool {
        character.unicodeScalars.allSatisfy { scalar in
            if scalar == "_" { return true }
            switch scalar.properties.generalCategory {
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
                 .decimalNumber, .letterNumber, .otherNumber:
                return true
            default:
                return false
            }
        }
    }

    /// True positives, false positives and false negatives of `predicted` against `expected`.
    public static func compare(predicted: WordShingles, expected: WordShingles) -> (tp: Int, fp: Int, fn: Int) {
        var shared = 0
        for (shingle, count) in predicted.counts { shared += min(count, expected.counts[shingle] ?? 0) }
        let predictedTotal = predicted.counts.values.reduce(0, +)
        let expectedTotal = expected.counts.values.reduce(0, +)
        return (shared, predictedTotal - shared, expectedTotal - shared)
    }
}

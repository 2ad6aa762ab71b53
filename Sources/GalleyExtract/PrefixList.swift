/// A list of lower-case phrases, asked whether a text starts with one of them, with the answer
/// `String.hasPrefix` gives (canonical equivalence included) but without asking every phrase.
///
/// Phrases are grouped by their first byte. A phrase whose first character is a lone ASCII
/// scalar can only start a text whose first byte is that scalar (an ASCII scalar is its own
/// canonical decomposition, and a text starting with another byte starts with another
/// character); phrases opening with anything else ("©", "à lire aussi", "źródło:") are asked
/// for every text. Checking each short block of a page against ~100 phrases was 1.5% of
/// extraction.
struct PrefixList: Sendable {
    /// Phrases by first byte, for first bytes below 0x80.
    private var byASCIIStart: [[String]] = Array(repeating: [], count: 128)
    /// Phrases that do not open with a lone ASCII scalar, asked every time.
    private var others: [String] = []

    init(_ phrases: [String]) {
        for phrase in phrases {
            if let first = phrase.utf8.first, first < 0x80, phrase.unicodeScalars.dropFirst().first.map(Self.isPlainStart) ?? true {
                byASCIIStart[Int(first)].append(phrase)
            } else {
                others.append(phrase)
            }
        }
    }

    /// Whether `text` starts with one of the phrases (`String.hasPrefix`).
    func startsAny(_ text: some StringProtocol) -> Bool {
        guard let first = text.utf8.first else { return others.contains("") }
        if first < 0x80, byASCIIStart[Int(first)].contains(where: { text.hasPrefix($0) }) { return true }
        return others.contains { text.hasPrefix($0) }
    }

    /// Whether a scalar after an ASCII one leaves that ASCII scalar a character of its own
    /// (not a combining mark, joiner or other extender); conservative: any non-ASCII scalar
    /// counts as an extender.
    private static func isPlainStart(_ next: Unicode.Scalar) -> Bool { next.isASCII }
}

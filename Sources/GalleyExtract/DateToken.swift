/// One piece of a text read for dates: a run of digits, a run of letters (lower case) or one
/// mark (`.`, `/`, `-`, `:`, `+`, `,` …). Whitespace is not a token; `spaced` says a token
/// followed whitespace.
struct DateToken {
    enum Kind { case number, word, mark }

    var kind: Kind
    /// The token's text, lower case.
    var text: String
    /// The number's value (0 for words and marks).
    var value: Int
    /// How many digits a number has.
    var digits: Int
    /// Offset of the token's first character in the scanned text (in Unicode scalars).
    var start: Int
    /// Whitespace came before this token.
    var spaced: Bool

    func isMark(_ mark: String) -> Bool { kind == .mark && text == mark }

    /// The tokens of `text`. A digit run ends where letters start ("16th" is `16`, `th`); more
    /// than `limit` tokens are not read.
    static func tokens(_ text: String, limit: Int = 400) -> [DateToken] {
        var tokens: [DateToken] = []
        var current = String.UnicodeScalarView()
        var currentKind: Kind?
        var currentStart = 0
        var spaced = false
        var position = 0
        func flush() {
            guard let kind = currentKind else { return }
            let string = String(current)
            let isNumber = kind == .number
            // Longer digit runs are not parts of a date (ids, phone numbers); kept as words.
            let value = isNumber && current.count <= 9 ? Int(string) ?? 0 : 0
            tokens.append(DateToken(kind: kind, text: isNumber ? string : string.lowercased(), value: value,
                                    digits: isNumber ? current.count : 0, start: currentStart, spaced: spaced))
            current = String.UnicodeScalarView()
            currentKind = nil
            spaced = false
        }
        for scalar in text.unicodeScalars {
            defer { position += 1 }
            let kind: Kind?
            if scalar.value >= 48, scalar.value <= 57 {
                kind = .number
            } else if scalar.value < 128 ? (scalar.value | 0x20 >= 97 && scalar.value | 0x20 <= 122) : scalar.properties.isAlphabetic {
                kind = .word
            } else if scalar.value == 32 || scalar.value == 9 || scalar.value == 10 || scalar.value == 13 || scalar.value == 0xA0
                        || (scalar.value > 127 && scalar.properties.isWhitespace) {
                flush()
                spaced = true
                continue
            } else {
                kind = .mark
            }
            if kind != currentKind || kind == .mark { flush() }
            if currentKind == nil {
                currentKind = kind
                currentStart = position
            }
            current.append(scalar)
            if kind == .mark { flush() }
            if tokens.count >= limit { break }
        }
        flush()
        return tokens
    }
}

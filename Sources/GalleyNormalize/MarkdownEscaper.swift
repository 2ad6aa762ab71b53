import GalleyCore

/// Every escaping rule of the Markdown writer, in one place: text comes back from CommonMark
/// (cmark 0.30) as the same text, with a backslash only where a character could start markup
/// where it stands.
///
/// Inline text (`escapeText`), given the characters written just before and after it (`nil` is
/// the start or end of a line):
/// - `` ` `` and `[` always; `]` inside link text and image descriptions;
/// - `*` and `_` runs only when CommonMark's flanking rules let them open or close emphasis
///   (so `a * b` and `snake_case` keep theirs bare; `2*3` does not: it could be emphasis), or
///   when they touch a delimiter;
/// - `\` before ASCII punctuation; `&` that starts an entity (`&amp;`, `&#106;`);
/// - `<` before a letter, `/`, `!` or `?` (an HTML tag or autolink); `!` before a link's `[`.
///
/// Line starts (`escapeLineStart`): `>`, ATX `#`s, bullets (`-`, `+`, `*` and a space),
/// ordered markers (`1.`, `1)` and a space), thematic breaks, setext underlines, `~~~` fences.
/// Heading ends (`escapeHeadingEnd`): a closing `#` sequence. Link destinations and titles,
/// code spans and fences have their own functions below.
enum MarkdownEscaper {
    // MARK: Character classes (as cmark 0.30 sees them)

    /// Unicode whitespace in CommonMark's sense; `nil` (a line boundary) counts as whitespace.
    static func isWhitespace(_ character: Character?) -> Bool {
        guard let character else { return true }
        return character.unicodeScalars.allSatisfy { scalar in
            [9, 10, 12, 13].contains(scalar.value) || scalar.properties.generalCategory == .spaceSeparator
        }
    }

    /// ASCII punctuation, or a character in a Unicode punctuation category (P*).
    static func isPunctuation(_ character: Character?) -> Bool {
        guard let character else { return false }
        if character.isASCII { return asciiPunctuation.contains(character) }
        return character.unicodeScalars.first.map { scalar in
            switch scalar.properties.generalCategory {
            case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
                 .finalPunctuation, .otherPunctuation: true
            default: false
            }
        } ?? false
    }

    static let asciiPunctuation = Set("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")

    /// A delimiter run between `before` and `after` is left-flanking (it may open emphasis).
    static func isLeftFlanking(before: Character?, after: Character?) -> Bool {
        !isWhitespace(after) && (!isPunctuation(after) || isWhitespace(before) || isPunctuation(before))
    }

    /// A delimiter run between `before` and `after` is right-flanking (it may close emphasis).
    static func isRightFlanking(before: Character?, after: Character?) -> Bool {
        !isWhitespace(before) && (!isPunctuation(before) || isWhitespace(after) || isPunctuation(after))
    }

    /// Whether a run of `marker` (`*` or `_`) between `before` and `after` can open emphasis.
    static func canOpen(_ marker: Character, before: Character?, after: Character?) -> Bool {
        let left = isLeftFlanking(before: before, after: after)
        guard marker == "_" else { return left }
        return left && (!isRightFlanking(before: before, after: after) || isPunctuation(before))
    }

    /// Whether a run of `marker` (`*` or `_`) between `before` and `after` can close emphasis.
    static func canClose(_ marker: Character, before: Character?, after: Character?) -> Bool {
        let right = isRightFlanking(before: before, after: after)
        guard marker == "_" else { return right }
        return right && (!isLeftFlanking(before: before, after: after) || isPunctuation(after))
    }

    /// Whether emphasis delimited by `marker` around content from `first` to `last`, written
    /// between `before` and `after`, is read back as exactly that emphasis: the opening run can
    /// only open and the closing run can only close. (A run that can do both, as in `a**b`,
    /// pairs by CommonMark's "rule of 3" and may pair with the wrong partner.) When it does
    /// not fit (`a<em>(b)</em>c`), the writer uses the HTML tag instead.
    static func emphasisFits(_ marker: Character, before: Character?, first: Character, last: Character, after: Character?) -> Bool {
        canOpen(marker, before: before, after: first) && !canClose(marker, before: before, after: first)
            && canClose(marker, before: last, after: after) && !canOpen(marker, before: last, after: after)
    }

    // MARK: Inline text

    /// Escapes inline text written between the characters `before` and `after`.
    static func escapeText(_ text: String, before: Character?, after: Character?, inLinkText: Bool) -> String {
        if needsNoEscape(text, after: after) { return text }
        let characters = Array(text)
        var output = ""
        output.reserveCapacity(characters.count + 8)
        var index = 0
        while index < characters.count {
            let character = characters[index]
            let previous = index > 0 ? characters[index - 1] : before
            // A special followed by a combining mark is one Character to Swift but the special
            // to cmark: always escaped (a backslash before ASCII punctuation is a literal).
            if isSpecialWithMarks(character) {
                output.append("\\")
                output.append(character)
                index += 1
                continue
            }
            if character == "*" || character == "_" {
                let end = characters[index...].firstIndex { $0 != character } ?? characters.count
                output += delimiterRun(of: character, count: end - index, before: previous, after: end < characters.count ? characters[end] : after)
                index = end
                continue
            }
            if needsBackslash(characters, at: index, after: after, inLinkText: inLinkText) { output.append("\\") }
            output.append(character)
            index += 1
        }
        return output
    }

    /// Whether `text` holds none of the characters `escapeText` may escape, so it stays as it is
    /// (most prose): no `` ` `` `[` `]` `\` `&` `<` `*` `_`, and no `!` at its end before a `[`.
    private static func needsNoEscape(_ text: String, after: Character?) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            for byte in bytes {
                switch byte {
                case 0x60, 0x5B, 0x5D, 0x5C, 0x26, 0x3C, 0x2A, 0x5F: return false
                default: continue
                }
            }
            return !(bytes.last == 0x21 && after == "[")
        }
    }

    /// Characters `escapeText` may escape, when one of them starts a Character that also holds
    /// combining marks.
    private static let inlineSpecials: Set<Unicode.Scalar> = ["`", "[", "]", "\\", "&", "<", "*", "_", "!"]

    private static func isSpecialWithMarks(_ character: Character) -> Bool {
        let scalars = character.unicodeScalars
        guard scalars.count > 1, let first = scalars.first else { return false }
        return inlineSpecials.contains(first)
    }

    /// A run of `*` or `_` in text: escaped (every one of them) when it could open or close
    /// emphasis, or when it touches a delimiter the writer put next to it.
    private static func delimiterRun(of marker: Character, count: Int, before: Character?, after: Character?) -> String {
        let active = canOpen(marker, before: before, after: after) || canClose(marker, before: before, after: after)
        let touchesDelimiter = before == marker || after == marker
        return String(repeating: (active || touchesDelimiter ? "\\" : "") + String(marker), count: count)
    }

    private static func needsBackslash(_ characters: [Character], at index: Int, after: Character?, inLinkText: Bool) -> Bool {
        let isLast = index + 1 == characters.count
        let next = isLast ? after : characters[index + 1]
        switch characters[index] {
        case "`", "[": return true
        case "]": return inLinkText
        case "\\": return next.map { $0.isASCII && asciiPunctuation.contains($0) } ?? false
        case "&": return looksLikeEntity(characters, from: index)
        case "<": return next.map { ($0.isASCII && $0.isLetter) || $0 == "/" || $0 == "!" || $0 == "?" } ?? false
        // Only before a link's `[`: a `[` inside the text is escaped anyway.
        case "!": return isLast && after == "["
        default: return false
        }
    }

    /// `&amp;`, `&#123;`, `&#x1F;` would be decoded by CommonMark; their `&` is escaped.
    static func looksLikeEntity(_ characters: [Character], from index: Int) -> Bool {
        var position = index + 1
        var length = 0
        if position < characters.count, characters[position] == "#" { position += 1 }
        while position < characters.count, characters[position].isASCII,
              characters[position].isLetter || characters[position].isNumber, length < 32 {
            position += 1
            length += 1
        }
        return length > 0 && position < characters.count && characters[position] == ";"
    }

    // MARK: Line starts

    /// Escapes block markers at the start of a line of inline Markdown (the line has no
    /// leading spaces; the writer drops them).
    static func escapeLineStart(_ line: String) -> String {
        guard let first = line.first else { return line }
        let second = line.dropFirst().first
        // `>` opens a block quote even with a combining mark on it (one Character to Swift).
        if line.unicodeScalars.first == ">" { return "\\" + line }
        if isBreakOrUnderline(line) { return "\\" + line }
        switch first {
        case "#":
            let hashes = line.prefix { $0 == "#" }
            let after = line.dropFirst(hashes.count).first
            if hashes.count <= 6, after == nil || after == " " || after == "\t" { return "\\" + line }
        case "-", "+", "*":
            if second == nil || second == " " || second == "\t" { return "\\" + line }
        case "~":
            if line.hasPrefix("~~~") { return "\\" + line }
        default:
            break
        }
        let digits = line.prefix { $0.isASCII && $0.isNumber }
        if !digits.isEmpty, digits.count <= 9 {
            let afterDigits = line.dropFirst(digits.count)
            let space = afterDigits.dropFirst().first
            if let marker = afterDigits.first, marker == "." || marker == ")", space == nil || space == " " || space == "\t" {
                return String(digits) + "\\" + String(afterDigits)
            }
        }
        return line
    }

    /// A thematic break (`***`, `- - -`, `___`) or a setext underline (`===`, `--`).
    private static func isBreakOrUnderline(_ line: String) -> Bool {
        // The first character is the mark, or a blank before it.
        guard let first = line.utf8.first, [0x2A, 0x5F, 0x2D, 0x3D, 0x20, 0x09].contains(first) else { return false }
        let marks = line.filter { $0 != " " && $0 != "\t" }
        guard let mark = marks.first, marks.allSatisfy({ $0 == mark }) else { return false }
        switch mark {
        case "*", "_": return marks.count >= 3
        case "-": return true
        case "=": return !line.trimmingTrailingSpaces.contains(" ") && !line.contains("\t")
        default: return false
        }
    }

    /// Escapes a trailing `#` sequence of ATX heading content (CommonMark would drop it).
    static func escapeHeadingEnd(_ content: String) -> String {
        let hashes = content.reversed().prefix { $0 == "#" }.count
        guard hashes > 0 else { return content }
        let head = content.dropLast(hashes)
        guard head.isEmpty || head.last == " " || head.last == "\t" else { return content }
        return head + "\\" + String(repeating: "#", count: hashes)
    }

    // MARK: Links, code

    /// A link destination: bare when it can be, `<…>` when it has spaces or unbalanced
    /// parentheses. Backslashes are percent-encoded; `&` that starts an entity is written
    /// `&amp;` (cmark decodes entities in destinations and titles before backslash escapes, so
    /// `\&` would not protect it).
    static func destination(_ url: String) -> String {
        // Most URLs hold nothing to escape: one pass over the bytes instead of the characters
        // (besides the blanks and controls, `\ < > & ( )` may change or decide the angle brackets;
        // compared, not looked up in a set: a 540 KB `data:` URI is one of these URLs).
        if URLPolicy.allBytes(of: url[...], satisfy: isPlainDestinationByte) { return url }
        let characters = Array(url)
        var text = ""
        for (index, character) in characters.enumerated() {
            switch character {
            case "\\": text += "%5C"
            case "<": text += "%3C"
            case ">": text += "%3E"
            case "\n": text += "%0A"
            case "\r": text += "%0D"
            case "&" where looksLikeEntity(characters, from: index): text += "&amp;"
            default: text.append(character)
            }
        }
        let needsAngle = text.contains { $0 == " " || ($0.isASCII && $0.asciiValue! < 0x20) } || !parenthesesBalanced(text)
        return needsAngle ? "<" + text + ">" : text
    }

    private static func isPlainDestinationByte(_ byte: UInt8) -> Bool {
        switch byte {
        case 0...0x20, 0x5C, 0x3C, 0x3E, 0x26, 0x28, 0x29: false
        default: true
        }
    }

    /// A link or image title in double quotes (line breaks become spaces; `&` that starts an
    /// entity is written `&amp;`, as in destinations).
    static func title(_ title: String) -> String {
        let characters = Array(title)
        var output = "\""
        for (index, character) in characters.enumerated() {
            if character == "&", looksLikeEntity(characters, from: index) {
                output += "&amp;"
                continue
            }
            if let scalar = character.unicodeScalars.first, scalar == "\"" || scalar == "\\" { output.append("\\") }
            output.append(character.isNewline ? " " : character)
        }
        return output + "\""
    }

    /// A code span: a backtick fence longer than any backtick run inside, padded with a space
    /// when the code starts or ends with a backtick or with spaces at both ends.
    static func codeSpan(_ code: String) -> String {
        let fence = String(repeating: "`", count: longestRun(of: "`", in: code) + 1)
        let padded = code.hasPrefix("`") || code.hasSuffix("`") || (code.hasPrefix(" ") && code.hasSuffix(" "))
        let pad = padded ? " " : ""
        return fence + pad + code + pad + fence
    }

    /// The fence of a code block: at least three backticks, more than any run in the code.
    static func codeFence(for code: String) -> String {
        String(repeating: "`", count: max(3, longestRun(of: "`", in: code) + 1))
    }

    /// A code block's info string: the language, without spaces or backticks.
    static func infoString(_ language: String?) -> String {
        (language ?? "").filter { !$0.isWhitespace && $0 != "`" && $0 != "\\" && $0 != "&" }
    }

    private static func longestRun(of mark: Character, in text: String) -> Int {
        var longest = 0
        var run = 0
        for character in text {
            run = character == mark ? run + 1 : 0
            longest = max(longest, run)
        }
        return longest
    }

    private static func parenthesesBalanced(_ url: String) -> Bool {
        var depth = 0
        var escaped = false
        for character in url {
            defer { escaped = character == "\\" && !escaped }
            if escaped { continue }
            if character == "(" { depth += 1 }
            if character == ")" { depth -= 1; if depth < 0 { return false } }
        }
        return depth == 0
    }
}

extension StringProtocol {
    /// The text without spaces and tabs at its end.
    var trimmingTrailingSpaces: String {
        String(String(reversed()).drop { $0 == " " || $0 == "\t" }.reversed())
    }
}

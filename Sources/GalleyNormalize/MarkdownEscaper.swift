/// Escapes text so CommonMark reads it back as the same text, with as few backslashes as can
/// be: only characters that could start markup where they stand are escaped.
enum MarkdownEscaper {
    /// Escapes inline text. `atLineStart` says the text begins a line (block markers matter there).
    static func escape(_ text: String, atLineStart: Bool) -> String {
        var output = ""
        output.reserveCapacity(text.count + 8)
        let characters = Array(text)
        for (index, character) in characters.enumerated() {
            let previous = index > 0 ? characters[index - 1] : nil
            let next = index + 1 < characters.count ? characters[index + 1] : nil
            switch character {
            case "\\", "`", "*", "[", "]":
                output.append("\\")
            case "_":
                // Intraword underscores never open or close emphasis.
                if !(previous?.isLetterOrDigit == true && next?.isLetterOrDigit == true) { output.append("\\") }
            case "<":
                if let next, next.isLetter || next == "/" || next == "!" || next == "?" { output.append("\\") }
            case "&":
                if looksLikeEntity(characters, from: index) { output.append("\\") }
            case "!":
                break
            default:
                break
            }
            output.append(character)
        }
        return atLineStart ? escapeLineStart(output) : output
    }

    /// Block markers at the start of a line: `#`, `>`, `-`, `+`, `=`, `~`, `1.`, `1)`.
    static func escapeLineStart(_ line: String) -> String {
        guard let first = line.first else { return line }
        let second = line.dropFirst().first
        switch first {
        case ">":
            return "\\" + line
        case "#":
            let hashes = line.prefix { $0 == "#" }
            let after = line.dropFirst(hashes.count).first
            if hashes.count <= 6, after == nil || after == " " || after == "\t" { return "\\" + line }
        case "-", "+":
            if second == nil || second == " " || second == "\t" || line.allSatisfy({ $0 == first || $0 == " " }) {
                return "\\" + line
            }
        case "=":
            if line.allSatisfy({ $0 == "=" || $0 == " " }) { return "\\" + line }
        case "~":
            if line.hasPrefix("~~~") { return "\\" + line }
        default:
            break
        }
        let digits = line.prefix { $0.isASCII && $0.isNumber }
        if !digits.isEmpty, digits.count <= 9 {
            let afterDigits = line.dropFirst(digits.count)
            if let marker = afterDigits.first, marker == "." || marker == ")" {
                return String(digits) + "\\" + String(afterDigits)
            }
        }
        return line
    }

    /// `&amp;`, `&#123;`, `&#x1F;` would be decoded by CommonMark; their `&` is escaped.
    static func looksLikeEntity(_ characters: [Character], from index: Int) -> Bool {
        var position = index + 1
        var length = 0
        if position < characters.count, characters[position] == "#" { position += 1 }
        while position < characters.count, characters[position].isASCII, characters[position].isLetter || characters[position].isNumber, length < 32 {
            position += 1
            length += 1
        }
        return length > 0 && position < characters.count && characters[position] == ";"
    }

    /// A link destination: plain when it can be, `<…>` when it has spaces or unbalanced parentheses.
    static func destination(_ url: String) -> String {
        let needsAngle = url.contains(where: { $0 == " " || $0 == "<" || $0 == ">" || $0.isNewline }) || !parenthesesBalanced(url)
        if !needsAngle { return url.replacingOccurrences(of: "\\", with: "%5C") }
        let escaped = url.replacingOccurrences(of: "<", with: "%3C").replacingOccurrences(of: ">", with: "%3E")
            .replacingOccurrences(of: "\n", with: "%0A")
        return "<" + escaped + ">"
    }

    /// A link title in double quotes.
    static func title(_ title: String) -> String {
        var output = "\""
        for character in title {
            if character == "\"" || character == "\\" { output.append("\\") }
            output.append(character.isNewline ? " " : character)
        }
        return output + "\""
    }

    private static func parenthesesBalanced(_ url: String) -> Bool {
        var depth = 0
        for character in url {
            if character == "(" { depth += 1 }
            if character == ")" { depth -= 1; if depth < 0 { return false } }
        }
        return depth == 0
    }
}

extension Character {
    var isLetterOrDigit: Bool { isLetter || isNumber }
}

import Foundation

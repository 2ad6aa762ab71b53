/// Text for XML output: escaped, and without the characters XML 1.0 forbids.
enum XMLText {
    static func escape(_ text: String) -> String {
        if isPlain(text) { return text }
        var output = ""
        output.reserveCapacity(text.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"": output += "&quot;"
            case "'": output += "&apos;"
            default:
                let value = scalar.value
                let allowed = value == 0x9 || value == 0xA || value == 0xD || (0x20...0xD7FF).contains(value)
                    || (0xE000...0xFFFD).contains(value) || (0x10000...0x10FFFF).contains(value)
                if allowed { output.unicodeScalars.append(scalar) }
            }
        }
        return output
    }

    /// Whether `text` needs no change: no markup characters, no control characters but tab
    /// and line breaks, and no `EF` byte (which leads U+FFFE and U+FFFF, the only non-ASCII
    /// characters of valid UTF-8 that XML forbids).
    private static func isPlain(_ text: String) -> Bool {
        !text.utf8.contains { byte in
            switch byte {
            case 0x26, 0x3C, 0x3E, 0x22, 0x27, 0xEF: true
            case 0x09, 0x0A, 0x0D: false
            default: byte < 0x20
            }
        }
    }
}

/// Metadata some pages encode twice: `content="Privacy &amp;amp; Technology"` reaches us, after
/// libxml2 decoded the attribute once, as `Privacy &amp; Technology`. A character reference
/// left in metadata text (a title, a tag, a byline) is decoded once more: named ones of the
/// common set (`&amp;` `&lt;` `&gt;` `&quot;` `&apos;` `&nbsp;` and typographic quotes and
/// dashes) and numeric ones (`&#39;`, `&#x27;`). Unknown names stay as written.
enum DoubleEncoding {
    static let named: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{00A0}", "ndash": "–", "mdash": "—",
        "lsquo": "‘", "rsquo": "’", "ldquo": "“", "rdquo": "”", "hellip": "…", "laquo": "«", "raquo": "»", "shy": "",
    ]

    /// The text with character references decoded once; the text itself when it has none.
    static func decoded(_ text: String) -> String {
        guard text.utf8.contains(0x26), text.utf8.contains(0x3B) else { return text }
        var result = ""
        var rest = Substring(text)
        while let ampersand = rest.firstIndex(of: "&") {
            result += rest[..<ampersand]
            let tail = rest[rest.index(after: ampersand)...]
            if let semicolon = tail.prefix(12).firstIndex(of: ";"), let value = reference(String(tail[..<semicolon])) {
                result += value
                rest = tail[tail.index(after: semicolon)...]
            } else {
                result += "&"
                rest = tail
            }
        }
        return result + rest
    }

    private static func reference(_ name: String) -> String? {
        if let value = named[name] { return value }
        guard name.hasPrefix("#") else { return nil }
        let digits = name.dropFirst()
        let code = digits.first == "x" || digits.first == "X" ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits, radix: 10)
        guard let code, code >= 0x20, code != 0x7F, let scalar = Unicode.Scalar(code) else { return nil }
        return String(Character(scalar))
    }
}

/// The one escaper for every place galley writes text into markup: HTML pages (templates,
/// the tables the normaliser writes as raw HTML, the preview server's error box), XML files
/// (feeds, sitemaps) and JSON inside a `<script>` element (the article's JSON-LD).
///
/// Every function works on UTF-8 bytes: a character that must be escaped is found by its
/// byte, never by comparing `Character`s. Swift counts `"` followed by a combining mark
/// (`"\u{301}`) as one `Character`, which is not equal to `"`; an escaper that compared
/// `Character`s let such a quote through, and it ended an attribute early. Runs of bytes that
/// need nothing are copied whole, and text that needs nothing is returned as it is.
///
/// (Markdown is escaped elsewhere: `MarkdownEscaper` in GalleyNormalize.)
package enum MarkupEscaper {
    /// What replaces the bytes at one position: how many bytes, and the text written instead
    /// (empty for a character that is dropped).
    private typealias Replacement = (length: Int, text: StaticString)

    // MARK: HTML

    /// Text for HTML element content or a quoted attribute value: `&` `<` `>` `"` `'` become
    /// `&amp;` `&lt;` `&gt;` `&quot;` `&#39;`, the characters Mustache's `{{value}}` escapes.
    /// Escaping the quotes in element content too is harmless, and it lets one function serve
    /// both contexts, so a caller (a template variable) need not know which it is in.
    package static func html(_ text: String) -> String {
        guard containsByte(in: text, where: isHTMLSpecial) else { return text }
        var output = buffer(for: text)
        appendHTML(text, to: &output)
        return String(decoding: output, as: UTF8.self)
    }

    /// Appends the UTF-8 of `html(text)` to `output` (the compiled template renderer's form).
    package static func appendHTML(_ text: String, to output: inout [UInt8]) {
        transform(text, into: &output, replacing: htmlReplacement)
    }

    private static func isHTMLSpecial(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">")
            || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")
    }

    private static func htmlReplacement(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> Replacement? {
        switch bytes[index] {
        case UInt8(ascii: "&"): (1, "&amp;")
        case UInt8(ascii: "<"): (1, "&lt;")
        case UInt8(ascii: ">"): (1, "&gt;")
        case UInt8(ascii: "\""): (1, "&quot;")
        case UInt8(ascii: "'"): (1, "&#39;")
        default: nil
        }
    }

    // MARK: XML

    /// Text for XML 1.0 element content or a quoted attribute value (Atom feeds, sitemaps):
    /// `&` `<` `>` `"` `'` become `&amp;` `&lt;` `&gt;` `&quot;` `&apos;`, and the characters
    /// XML 1.0 forbids are dropped: C0 controls other than tab, line feed and carriage return,
    /// and U+FFFE and U+FFFF (the surrogates, the only others, never occur in a Swift string).
    /// DEL and the C1 controls are allowed by XML 1.0 and kept.
    package static func xml(_ text: String) -> String {
        guard containsByte(in: text, where: mayNeedXMLEscape) else { return text }
        var output = buffer(for: text)
        appendXML(text, to: &output)
        return String(decoding: output, as: UTF8.self)
    }

    /// Appends the UTF-8 of `xml(text)` to `output` (a sitemap written as bytes).
    package static func appendXML(_ text: String, to output: inout [UInt8]) {
        transform(text, into: &output, replacing: xmlReplacement)
    }

    /// Whether a byte of `text` satisfies `predicate`: over the contiguous UTF-8 of a native
    /// string (a tight loop), else through the view (bridged strings).
    private static func containsByte(in text: String, where predicate: (UInt8) -> Bool) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { $0.contains(where: predicate) } ?? text.utf8.contains(where: predicate)
    }

    /// The five markup characters, the C0 controls XML forbids, and `EF`, which leads U+FFFE
    /// and U+FFFF (and other characters, which are copied).
    private static func mayNeedXMLEscape(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: "'"), 0xEF: true
        case 0x09, 0x0A, 0x0D: false
        default: byte < 0x20
        }
    }

    private static func xmlReplacement(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> Replacement? {
        switch bytes[index] {
        case UInt8(ascii: "&"): (1, "&amp;")
        case UInt8(ascii: "<"): (1, "&lt;")
        case UInt8(ascii: ">"): (1, "&gt;")
        case UInt8(ascii: "\""): (1, "&quot;")
        case UInt8(ascii: "'"): (1, "&apos;")
        case 0x09, 0x0A, 0x0D: nil
        case 0..<0x20: (1, "")
        case 0xEF where isFollowed(by: 0xBF, 0xBE, in: bytes, at: index) || isFollowed(by: 0xBF, 0xBF, in: bytes, at: index): (3, "")
        default: nil
        }
    }

    // MARK: JSON in a script element

    /// A JSON string literal, quotes included, that can sit inside a `<script>` element. It is
    /// written as `JSONSerialization` writes it (`"` and `\` escaped; `\b` `\f` `\n` `\r` `\t`;
    /// other control characters as `\u00xx`; `/` kept), and then `<` `>` `&` become `\u003c`
    /// `\u003e` `\u0026` (so neither `</script>` nor `<!--` can appear) and U+2028 and U+2029
    /// become `\u2028` `\u2029` (line terminators to older JavaScript parsers).
    package static func jsonStringInScript(_ text: String) -> String {
        guard containsByte(in: text, where: mayNeedJSONEscape) else { return "\"" + text + "\"" }
        var output = buffer(for: text)
        output.append(UInt8(ascii: "\""))
        transform(text, into: &output, replacing: jsonReplacement)
        output.append(UInt8(ascii: "\""))
        return String(decoding: output, as: UTF8.self)
    }

    /// Control characters, `"`, `\`, `<`, `>`, `&`, and `E2`, which leads U+2028 and U+2029
    /// (and other characters, such as typographic quotes, which are copied).
    private static func mayNeedJSONEscape(_ byte: UInt8) -> Bool {
        switch byte {
        case 0..<0x20, UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "&"), 0xE2: true
        default: false
        }
    }

    private static func jsonReplacement(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> Replacement? {
        switch bytes[index] {
        case 0..<0x20: (1, jsonControlEscapes[Int(bytes[index])])
        case UInt8(ascii: "\""): (1, "\\\"")
        case UInt8(ascii: "\\"): (1, "\\\\")
        case UInt8(ascii: "<"): (1, "\\u003c")
        case UInt8(ascii: ">"): (1, "\\u003e")
        case UInt8(ascii: "&"): (1, "\\u0026")
        case 0xE2 where isFollowed(by: 0x80, 0xA8, in: bytes, at: index): (3, "\\u2028")
        case 0xE2 where isFollowed(by: 0x80, 0xA9, in: bytes, at: index): (3, "\\u2029")
        default: nil
        }
    }

    /// The escapes of U+0000…U+001F, as `JSONSerialization` writes them.
    private static let jsonControlEscapes: [StaticString] = [
        "\\u0000", "\\u0001", "\\u0002", "\\u0003", "\\u0004", "\\u0005", "\\u0006", "\\u0007",
        "\\b", "\\t", "\\n", "\\u000b", "\\f", "\\r", "\\u000e", "\\u000f",
        "\\u0010", "\\u0011", "\\u0012", "\\u0013", "\\u0014", "\\u0015", "\\u0016", "\\u0017",
        "\\u0018", "\\u0019", "\\u001a", "\\u001b", "\\u001c", "\\u001d", "\\u001e", "\\u001f",
    ]

    // MARK: The byte loop

    /// Copies the UTF-8 of `text` to `output`, replacing the bytes at each position where
    /// `replacement` gives a `Replacement`; the runs between are copied whole.
    @inline(__always)
    private static func transform(_ text: String, into output: inout [UInt8],
                                  replacing replacement: (UnsafeBufferPointer<UInt8>, Int) -> Replacement?) {
        var text = text
        text.withUTF8 { bytes in
            var copied = 0
            var index = 0
            while index < bytes.count {
                guard let (length, replacementText) = replacement(bytes, index) else {
                    index += 1
                    continue
                }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<index]))
                replacementText.withUTF8Buffer { output.append(contentsOf: $0) }
                index += length
                copied = index
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<bytes.count]))
        }
    }

    /// An empty buffer with room for `text` and a few escapes. (Only for a new buffer: reserving
    /// capacity in one that grows append by append, such as a page being rendered, would
    /// reallocate it to the exact size each time instead of doubling it.)
    private static func buffer(for text: String) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count + 16)
        return output
    }

    /// Whether the two bytes after `index` are `second` and `third` (the rest of a three-byte
    /// UTF-8 sequence whose lead byte is at `index`).
    private static func isFollowed(by second: UInt8, _ third: UInt8, in bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        index + 2 < bytes.count && bytes[index + 1] == second && bytes[index + 2] == third
    }
}

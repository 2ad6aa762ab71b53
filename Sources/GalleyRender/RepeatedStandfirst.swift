import GalleyCore

/// Whether an article's summary would repeat the opening of its body.
///
/// The summary is the page's description or, failing that, the opening of the body; many pages
/// also print their description as the lead paragraph, which the extractor keeps in the body. The
/// article page shows the summary as a standfirst only when the body's first paragraph does not
/// already say it, so a reader never reads the same lead twice.
enum RepeatedStandfirst {
    /// A first paragraph shorter than this that the summary merely begins with is not taken
    /// as the summary printed again (a dateline or a one-word line).
    static let minimumSharedLength = 40

    /// Whether the first paragraph of `bodyHTML` (cmark's output) begins with `summary` (a
    /// trailing ellipsis ignored), or is a beginning of it at least `minimumSharedLength` long.
    static func isRepeated(summary: String, bodyHTML: String) -> Bool {
        let lead = collapsed(summary).droppingTrailingEllipsis
        guard !lead.isEmpty, let paragraph = firstParagraphText(bodyHTML) else { return false }
        return paragraph.hasPrefix(lead) || (paragraph.count >= minimumSharedLength && lead.hasPrefix(paragraph))
    }

    /// The text of the first `<p>` element, tags removed, entities decoded, whitespace collapsed.
    ///
    /// Works on the UTF-8 bytes: `<`, `>` and `&` never occur inside a multi-byte sequence, and
    /// cmark writes a literal `<` in text as `&lt;`. (Searching with Foundation and walking
    /// `Character`s took 13 % of a whole build of the 10,000-article benchmark, and collapsing
    /// whitespace by `Character` another 5 %.)
    static func firstParagraphText(_ html: String) -> String? {
        var html = html
        return html.withUTF8 { bytes -> String? in
            guard let open = ByteSearch.firstOffset(of: paragraphOpen, in: bytes),
                  let close = ByteSearch.firstOffset(of: paragraphClose, in: bytes, from: open + 3) else { return nil }
            var text: [UInt8] = []
            text.reserveCapacity(close - open - 3)
            var insideTag = false
            var index = open + 3
            while index < close {
                let byte = bytes[index]
                if byte == UInt8(ascii: "<") {
                    insideTag = true
                } else if byte == UInt8(ascii: ">"), insideTag {
                    insideTag = false
                } else if !insideTag {
                    if byte == UInt8(ascii: "&"), let (decoded, length) = entity(in: bytes, at: index, before: close) {
                        text.append(decoded)
                        index += length
                        continue
                    }
                    text.append(byte)
                }
                index += 1
            }
            return collapsed(String(decoding: text, as: UTF8.self))
        }
    }

    /// The five entities cmark writes (`&lt; &gt; &quot; &#39; &amp;`): the character and the
    /// entity's length, or nil.
    private static func entity(in bytes: UnsafeBufferPointer<UInt8>, at index: Int, before end: Int) -> (UInt8, Int)? {
        for (name, character) in entities {
            let length = name.count
            guard index + length <= end else { continue }
            if (0..<length).allSatisfy({ bytes[index + $0] == name[$0] }) { return (character, length) }
        }
        return nil
    }

    private static let paragraphOpen = Array("<p>".utf8)
    private static let paragraphClose = Array("</p>".utf8)

    private static let entities: [([UInt8], UInt8)] = [
        (Array("&lt;".utf8), UInt8(ascii: "<")), (Array("&gt;".utf8), UInt8(ascii: ">")),
        (Array("&quot;".utf8), UInt8(ascii: "\"")), (Array("&#39;".utf8), UInt8(ascii: "'")),
        (Array("&amp;".utf8), UInt8(ascii: "&")),
    ]

    private static func collapsed(_ text: String) -> String { Whitespace.collapsed(text) }
}

import GalleyCore
import GalleyTestSupport
import Testing

/// Each context's escaping, with combining marks after every special character (Swift counts
/// `"\u{301}` as one `Character`, not equal to `"`), and against a scalar-by-scalar reference
/// over random strings made of the pieces that have broken escapers before.
@Suite struct MarkupEscaperTests {
    /// Special characters followed by a combining mark (acute accent, enclosing circle, long
    /// solidus overlay), the pieces the escapers that compared `Character`s let through.
    static let combined = ["\"\u{301}", "&\u{301}", "<\u{301}", "'\u{301}", ">\u{20DD}", "<\u{338}", "\\\u{301}"]

    static let pieces = combined + [
        "a", " ", "Banjir", "&", "<", ">", "\"", "'", "\\", "/", "\t", "\n", "\r", "\r\n", "\u{0}", "\u{8}", "\u{C}", "\u{1F}",
        "\u{7F}", "\u{85}", "é", "e\u{301}", "\u{301}", "\u{20DD}", "北京", "🌊", "👩‍👩‍👧", "\u{FFFD}", "\u{FFFE}", "\u{FFFF}",
        "\u{FEFF}", "\u{EFFF}", "\u{2027}", "\u{2028}", "\u{2029}", "\u{201C}", "</script>", "<!--", "&amp;", "\u{10FFFF}",
    ]

    // MARK: One test per context

    @Test func htmlEscapesTheFiveCharactersEvenBeforeACombiningMark() {
        #expect(MarkupEscaper.html("\"\u{301}") == "&quot;\u{301}")
        #expect(MarkupEscaper.html("&\u{301}") == "&amp;\u{301}")
        #expect(MarkupEscaper.html("<\u{301}") == "&lt;\u{301}")
        #expect(MarkupEscaper.html("'\u{301}") == "&#39;\u{301}")
        #expect(MarkupEscaper.html(">\u{20DD}") == "&gt;\u{20DD}")
        #expect(MarkupEscaper.html("a \"b\" & <c> 'd'") == "a &quot;b&quot; &amp; &lt;c&gt; &#39;d&#39;")
        #expect(MarkupEscaper.html("Banjir di 北京 🌊 e\u{301}, \u{7F}\n") == "Banjir di 北京 🌊 e\u{301}, \u{7F}\n")
        var bytes = Array("<p>".utf8)
        MarkupEscaper.appendHTML("x=\"\u{301}\"", to: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == "<p>x=&quot;\u{301}&quot;")
    }

    @Test func xmlEscapesTheFiveCharactersAndDropsWhatXMLForbids() {
        #expect(MarkupEscaper.xml("\"\u{301}") == "&quot;\u{301}")
        #expect(MarkupEscaper.xml("&\u{301}") == "&amp;\u{301}")
        #expect(MarkupEscaper.xml("<\u{301}") == "&lt;\u{301}")
        #expect(MarkupEscaper.xml("'\u{301}") == "&apos;\u{301}")
        #expect(MarkupEscaper.xml(">\u{20DD}") == "&gt;\u{20DD}")
        #expect(MarkupEscaper.xml("a\u{0}b\u{8}c\u{1F}d\u{FFFE}e\u{FFFF}f") == "abcdef")
        #expect(MarkupEscaper.xml("\t\n\r\u{7F}\u{85}\u{FEFF}\u{FFFD}\u{EFFF}\u{10FFFF}") == "\t\n\r\u{7F}\u{85}\u{FEFF}\u{FFFD}\u{EFFF}\u{10FFFF}")
        #expect(MarkupEscaper.xml("Banjir di 北京") == "Banjir di 北京")
    }

    @Test func jsonInAScriptCannotCloseItAndKeepsCombiningMarksApart() {
        #expect(MarkupEscaper.jsonStringInScript("\"\u{301}") == "\"\\\"\u{301}\"")
        #expect(MarkupEscaper.jsonStringInScript("\\\u{301}") == "\"\\\\\u{301}\"")
        #expect(MarkupEscaper.jsonStringInScript("&\u{301}<\u{301}>\u{20DD}'\u{301}") == "\"\\u0026\u{301}\\u003c\u{301}\\u003e\u{20DD}'\u{301}\"")
        #expect(MarkupEscaper.jsonStringInScript("</script><!--") == "\"\\u003c/script\\u003e\\u003c!--\"")
        #expect(MarkupEscaper.jsonStringInScript("a\u{2028}b\u{2029}c\u{2027}\u{201C}") == "\"a\\u2028b\\u2029c\u{2027}\u{201C}\"")
        #expect(MarkupEscaper.jsonStringInScript("\u{0}\u{8}\t\n\u{B}\u{C}\r\u{1F}\u{7F}/") == "\"\\u0000\\b\\t\\n\\u000b\\f\\r\\u001f\u{7F}/\"")
        #expect(MarkupEscaper.jsonStringInScript("Banjir di 北京") == "\"Banjir di 北京\"")
        #expect(MarkupEscaper.jsonStringInScript("") == "\"\"")
    }

    // MARK: Against the scalar-by-scalar reference

    @Test func everyContextMatchesItsScalarwiseReference() {
        var random = SeededRandom(seed: 13)
        for _ in 0..<20_000 {
            let text = (0..<random.below(7)).map { _ in random.pick(Self.pieces) }.joined()
            #expect(MarkupEscaper.html(text).utf8.elementsEqual(ScalarEscaping.html(text).utf8), "\(text.debugDescription)")
            var bytes: [UInt8] = []
            MarkupEscaper.appendHTML(text, to: &bytes)
            #expect(bytes.elementsEqual(ScalarEscaping.html(text).utf8), "\(text.debugDescription)")
            #expect(MarkupEscaper.xml(text).utf8.elementsEqual(Self.referenceXML(text).utf8), "\(text.debugDescription)")
            #expect(MarkupEscaper.jsonStringInScript(text).utf8.elementsEqual(Self.referenceJSONInScript(text).utf8), "\(text.debugDescription)")
        }
    }

    static func referenceXML(_ text: String) -> String {
        ScalarEscaping.replacing(text) { scalar in
            switch scalar {
            case "&": "&amp;"
            case "<": "&lt;"
            case ">": "&gt;"
            case "\"": "&quot;"
            case "'": "&apos;"
            default: isXMLChar(scalar.value) ? nil : ""
            }
        }
    }

    /// XML 1.0's `Char` production: tab, line feed, carriage return, and U+0020 up, less the
    /// surrogates, U+FFFE and U+FFFF.
    static func isXMLChar(_ value: UInt32) -> Bool {
        value == 0x9 || value == 0xA || value == 0xD || (0x20...0xD7FF).contains(value) || (0xE000...0xFFFD).contains(value)
            || (0x10000...0x10FFFF).contains(value)
    }

    static func referenceJSONInScript(_ text: String) -> String {
        let body = ScalarEscaping.replacing(text) { scalar in
            switch scalar {
            case "\"": "\\\""
            case "\\": "\\\\"
            case "\u{8}": "\\b"
            case "\u{C}": "\\f"
            case "\n": "\\n"
            case "\r": "\\r"
            case "\t": "\\t"
            case "<", ">", "&", "\u{0}"..."\u{1F}", "\u{2028}", "\u{2029}": ScalarEscaping.jsonUnicodeEscape(scalar)
            default: nil
            }
        }
        return "\"" + body + "\""
    }
}

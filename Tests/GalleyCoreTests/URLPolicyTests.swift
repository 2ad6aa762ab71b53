@testable import GalleyCore
import Testing

@Suite struct URLPolicyTests {
    @Test(arguments: [
        "javascript:alert(1)", "JaVaScRiPt:alert(1)", " javascript:alert(1)", "java\nscript:alert(1)",
        "java\tscript:alert(1)", "\u{01}javascript:alert(1)", "vbscript:msgbox(1)", "data:text/html;base64,PHNjcmlwdD4=",
        "DATA:image/svg+xml,<svg onload=alert(1)>", "file:///etc/passwd", "ftp://x.org/a", "#section", "",
    ])
    func dropsDangerousAndUselessURLs(url: String) {
        #expect(URLPolicy.safeURL(url, base: "https://example.org/a/b.html") == nil)
    }

    @Test(arguments: [
        ("https://example.org/x", "https://example.org/x"),
        ("/foto/1.jpg", "https://example.org/foto/1.jpg"),
        ("c.html", "https://example.org/a/c.html"),
        ("//cdn.example.org/i.png", "https://cdn.example.org/i.png"),
        ("mailto:redaksi@example.org", "mailto:redaksi@example.org"),
        ("https://example.org/a b", "https://example.org/a%20b"),
    ])
    func keepsAndResolvesGoodURLs(url: String, expected: String) {
        #expect(URLPolicy.safeURL(url, base: "https://example.org/a/b.html") == expected)
    }

    /// The byte-wise scheme and `data:` checks agree with the same checks over characters,
    /// including a colon that a combining mark joins (`:\u{301}` is one character, not a colon).
    @Test func schemesReadAsBytesAgreeWithCharacters() {
        let tricky = ["https://a.org/x.jpg", "HTTP://A.ORG", "data:image/png;base64,AA", "DaTa:x", "data:", "data:\u{301}image/png,x",
                      "http:\u{301}x:y", "h\u{301}ttp://a", "\u{600}http:x", "1http://a", "+a:b", "a+b-c.d:e", "img/x.jpg", ":x", "a:",
                      "é:x", "x\u{301}:y", "data\u{301}:x", "dat:", "DATA:\u{0}", "mailto:a@b", "galley-inline:abc", "ﬀ:x", "Ｈttp:x"]
        var random = SystemRandomNumberGenerator()
        let pieces = ["a", "Z", "9", "+", "-", ".", ":", "/", "\u{301}", "é", "\u{600}", "d", "ata", "DATA", " ", "#"]
        let generated = (0..<2000).map { _ in (0..<Int.random(in: 0...7, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined() }
        for url in tricky + generated {
            #expect(URLPolicy.scheme(of: url) == URLPolicy.schemeByCharacters(of: url), "\(url.unicodeScalars.map(\.value))")
            #expect(URLPolicy.isDataURI(url) == (url.utf8.count > 5 && url.prefix(5).lowercased() == "data:"), "\(url.unicodeScalars.map(\.value))")
        }
    }

    @Test func relativeURLsWithoutABaseAreDropped() {
        #expect(URLPolicy.safeURL("/x.jpg", base: nil) == nil)
    }
}

/// Pictures inlined as `data:` URIs, kept for the images phase.
@Suite struct InlineImageURITests {
    static let payload = String(repeating: "QUJD", count: 200)

    /// The byte-wise whitespace filter of ASCII text drops exactly the characters a walk over
    /// `Character.isWhitespace` drops (a CR LF pair is one character), and non-ASCII text keeps
    /// that walk.
    @Test func whitespaceIsDroppedAsCharactersWouldBe() {
        let texts = ["", "abc", " a\tb\nc\rd\u{0B}e\u{0C}f ", "a\r\nb", "\r\n", "QUJD QUJD\n\nQUJD", "a\u{00A0}b\u{2028}c d", "é \u{85}x",
                     Self.payload + "\n" + Self.payload]
        for text in texts {
            #expect(URLPolicy.withoutWhitespace(text) == text.filter { !$0.isWhitespace }, "\(text.debugDescription)")
        }
    }

    @Test func onlyBase64ImagesOfKnownTypesAndRealSizeAreKept() {
        #expect(URLPolicy.inlineImage("data:image/jpeg;base64,\(Self.payload)") == "data:image/jpeg;base64,\(Self.payload)")
        #expect(URLPolicy.inlineImage(" DATA:Image/PNG;base64,\(Self.payload.prefix(400))\n\(Self.payload.dropFirst(400)) ")
                == "data:image/png;base64,\(Self.payload)", "case and whitespace as a browser reads them")
        #expect(URLPolicy.inlineImage("data:image/svg+xml;base64,\(Self.payload)") == nil, "SVG can carry script")
        #expect(URLPolicy.inlineImage("data:text/html;base64,\(Self.payload)") == nil)
        #expect(URLPolicy.inlineImage("data:image/png,\(Self.payload)") == nil, "not base64")
        #expect(URLPolicy.inlineImage("data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7") == nil,
                "a lazy loader's 1×1 placeholder")
        #expect(URLPolicy.inlineImage("data:image/png;base64,\(Self.payload)\"onerror=alert(1)") == nil, "only base64 characters")
        #expect(URLPolicy.safeURL("data:image/png;base64,\(Self.payload)", base: nil) == nil, "never a link or a page URL")
    }

    /// A URI already in the form `inlineImage` makes is given back by its one-pass check, and
    /// that check never accepts what the full normalisation would change or refuse.
    @Test func theOnePassCheckAgreesWithTheFullNormalisation() {
        let uris = ["data:image/jpeg;base64,\(Self.payload)", "data:image/JPEG;base64,\(Self.payload)", "DATA:image/png;base64,\(Self.payload)",
                    "data:image/png;base64, \(Self.payload)", "data:image/png;base64,\(Self.payload)\n", "data:image/svg+xml;base64,\(Self.payload)",
                    "data:image/gif;base64,\(Self.payload)=", "data:image/webp;charset=x;base64,\(Self.payload)", "data:image/png;base64,\(Self.payload)!",
                    "data:image/png;base64,QUJD", "data:;base64,\(Self.payload)", ",\(Self.payload)"]
        for uri in uris {
            let plain = URLPolicy.plainInlineImage(uri, minimumLength: 512)
            #expect(plain == nil || plain == URLPolicy.inlineImage(uri), "\(uri.prefix(40))")
            #expect((plain != nil) == (URLPolicy.inlineImage(uri) == uri), "\(uri.prefix(40))")
        }
    }

    @Test func bytesAreDecoded() throws {
        let decoded = try #require(URLPolicy.inlineImageBytes("data:image/webp;base64,\(Self.payload)"))
        #expect(decoded.mimeType == "image/webp" && decoded.bytes.count == 600 && decoded.bytes.prefix(3) == [0x41, 0x42, 0x43])
    }
}

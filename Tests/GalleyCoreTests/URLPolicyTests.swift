import GalleyCore
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

    @Test func relativeURLsWithoutABaseAreDropped() {
        #expect(URLPolicy.safeURL("/x.jpg", base: nil) == nil)
    }
}

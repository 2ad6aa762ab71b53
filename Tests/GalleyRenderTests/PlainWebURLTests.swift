import GalleyCore
@testable import GalleyRender
import GalleyTestSupport
import Testing

/// Every URL `MarkdownRenderer.isPlainWebURL` lets skip `URLPolicy` is one `URLPolicy` keeps.
@Suite struct PlainWebURLTests {
    @Test func plainWebURLsAreAlwaysKept() {
        var random = TemplateRandom(seed: 3)
        let starts = ["http://", "https://", "https://", "HTTP://", "javascript:", "x:", "//", ""]
        let hosts = ["www", "example", ".", "-", "org", "a", "1", "999", "0x1", "xn--bcher-kva", "_", "é", ":80", "@"]
        let pieces = ["/", "//", "?", "#", "%", "%2F", "%zz", "&", "=", ":", "@", "'", "(", "!", "~", "a", ".", "..", "-", " ", "\t", "é",
                      "[", "]", "\\", "\"", "<", "{", "|", "^", "`"]
        var plain = 0
        for _ in 0..<50_000 {
            let url = random.pick(starts) + (0..<random.below(4)).map { _ in random.pick(hosts) }.joined()
                + (0..<random.below(7)).map { _ in random.pick(pieces) }.joined()
            guard MarkdownRenderer.isPlainWebURL(url) else { continue }
            plain += 1
            #expect(URLPolicy.safeURL(url, base: "https://relative.invalid/") != nil, "\(url)")
        }
        #expect(plain > 1_000)
        #expect(MarkdownRenderer.isPlainWebURL("https://www.example.org/berita/bidan-perketat-perda-baru-di-kepulauan-b-69691"))
        #expect(!MarkdownRenderer.isPlainWebURL("javascript:alert(1)"))
    }
}

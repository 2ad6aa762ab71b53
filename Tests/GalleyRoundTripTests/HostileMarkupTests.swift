import Foundation
import GalleyCore
import GalleyExtract
import GalleyNormalize
import GalleyRender
import Testing

/// Hostile markup through the whole chain — `extractFragment` → Markdown → cmark HTML — and
/// hostile hand-written Markdown through the renderer: the output holds only allowlisted
/// elements and attributes, and every URL is `http`, `https` or `mailto`.
@Suite struct HostileMarkupTests {
    static let snippets: [String] = [
        "<script>alert(1)</script><p>isi</p>",
        "<SCRIPT SRC=//evil.example/x.js></SCRIPT><p>isi</p>",
        "<scr<script>ipt>alert(1)</script>",
        "<p><img src=x onerror=alert(1)>teks</p>",
        "<p><img src=\"https://ok.example/a.png\" onerror=\"alert(1)\" srcset=\"javascript:alert(1) 1x\"></p>",
        "<p><a href=\"javascript:alert(1)\">a</a></p>",
        "<p><a href=\"JaVaScRiPt:alert(1)\">b</a></p>",
        "<p><a href=\"&#106;avascript:alert(1)\">c</a></p>",
        "<p><a href=\"&#x6A;avascript:alert(1)\">d</a></p>",
        "<p><a href=\"&#0000106&#0000097vascript:alert(1)\">e</a></p>",
        "<p><a href=\"java&#115;cript:alert(1)\">f</a></p>",
        "<p><a href=\"java\tscript:alert(1)\">g</a></p>",
        "<p><a href=\"java&#9;script:alert(1)\">h</a></p>",
        "<p><a href=\"java&#x0A;script:alert(1)\">i</a></p>",
        "<p><a href=\"java\nscript:alert(1)\">j</a></p>",
        "<p><a href=\" \u{1}javascript:alert(1)\">k</a></p>",
        "<p><a href=\"vbscript:msgbox(1)\">l</a></p>",
        "<p><a href=\"VBScript:msgbox(1)\">m</a></p>",
        "<p><a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">n</a></p>",
        "<p><img src=\"data:image/svg+xml,&lt;svg onload=alert(1)&gt;\" alt=\"o\"></p>",
        "<p><img src=\"data:image/png;base64,iVBORw0KGgo=\" alt=\"p\"></p>",
        "<p><a href=\"file:///etc/passwd\">q</a></p>",
        "<p><a href=\"https://ok.example/\" onclick=\"alert(1)\" style=\"color:red\">r</a></p>",
        "<p><a href=\"https://ok.example/&quot; onclick=&quot;alert(1)\">s</a></p>",
        "<p><a href=\"https://ok.example/\" title='\" onclick=\"alert(1)'>t</a></p>",
        "<p><img alt='\"><script>alert(1)</script>' src=\"https://ok.example/a.png\"></p>",
        "<iframe src=\"javascript:alert(1)\"></iframe><p>u</p>",
        "<iframe src=\"https://evil.example/frame\"></iframe><p>v</p>",
        "<iframe src=\"https://www.youtube.com/embed/abc123\" onload=\"alert(1)\"></iframe>",
        "<object data=\"https://evil.example/x.swf\"></object><embed src=\"https://evil.example/y.swf\"><p>w</p>",
        "<form action=\"https://evil.example/\"><input name=q><button>kirim</button></form><p>x</p>",
        "<svg onload=\"alert(1)\"><script>alert(1)</script><a xlink:href=\"javascript:alert(1)\"><text>y</text></a></svg>",
        "<math><mtext><script>alert(1)</script></mtext><maction actiontype=\"statusline\" xlink:href=\"javascript:alert(1)\">z</maction></math>",
        "<div style=\"background:url(javascript:alert(1))\"><p style=\"x\" onmouseover=\"alert(1)\">gaya</p></div>",
        "<style>@import 'javascript:alert(1)';</style><link rel=stylesheet href=\"javascript:alert(1)\"><p>aa</p>",
        "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\"><base href=\"javascript:alert(1)//\"><p>bb</p>",
        "<noscript><img src=x onerror=alert(1)></noscript><template><script>alert(1)</script></template><p>cc</p>",
        "<!-- <script>alert(1)</script> --><![CDATA[<script>alert(1)</script>]]><p>dd</p>",
        "<table onmouseover=\"alert(1)\"><tr><th style=\"x\">a</th><th>b</th></tr><tr><td><a href=\"javascript:alert(1)\">c</a><img src=x onerror=alert(1)></td><td onclick=\"x\">d</td></tr></table>",
        "<table><tr><th>a</th></tr><tr><td>&lt;/td&gt;&lt;script&gt;alert(1)&lt;/script&gt;</td></tr></table>",
        "<figure onclick=\"x\"><img src=\"javascript:alert(1)\"><figcaption onmouseover=\"x\">ee</figcaption></figure>",
        "<figure><img src=\"https://ok.example/f.jpg\" alt=\"ff\"><figcaption><a href=\"vbscript:x\">gg</a></figcaption></figure>",
        "<pre><code class='language-\"><script>alert(1)</script>'>kode</code></pre>",
        "<ol start=\"1&quot; onclick=&quot;alert(1)\"><li>hh</li></ol>",
        "<p>&lt;script&gt;alert(1)&lt;/script&gt; [x](javascript:alert(1)) ![y](javascript:alert(1)) &lt;img src=x onerror=alert(1)&gt;</p>",
        "<p>&lt;em onclick=\"alert(1)\"&gt;ii&lt;/em&gt; &lt;sub&gt;jj &lt;/table&gt;</p>",
        "<p><a href=\"//evil.example/relative\">kk</a> <a href=\"/lokal\">ll</a> <a href=\"#atas\">mm</a></p>",
        "<blockquote><p><a href=\"javascript:alert(1)\"><em>nn</em></a></p><blockquote><img src=\"vbscript:x\" alt=\"oo\"></blockquote></blockquote>",
        "<ul><li><a href=\"data:text/html,x\">pp</a><ul><li onclick=\"x\">qq</li></ul></li></ul>",
        "<p>rr<sup><a href=\"#cite_note-1\">[1]</a></sup> <sub onclick=\"x\">ss</sub> <del style=\"x\">tt</del></p>",
        "<video src=\"https://evil.example/v.mp4\" onplay=\"alert(1)\"></video><audio src=x onerror=alert(1)></audio><p>uu</p>",
        "<details open ontoggle=\"alert(1)\"><summary>vv</summary>ww</details>",
        "<p><a href=\"https://ok.example/a\" target=\"_blank\" rel=\"opener\" ping=\"https://evil.example\">xx</a></p>",
        "<p><img src=\"https://ok.example/a.png\" usemap=\"#m\" ismap><map name=m><area href=\"javascript:alert(1)\"></map></p>",
    ]

    static let hostileMarkdown: [String] = [
        "Teks <script>alert(1)</script> [x](javascript:alert(1))\n\n<div onclick=\"x()\">blok</div>\n\n<img src=x onerror=alert(1)>\n",
        "[a](JAVASCRIPT:alert(1)) [b](vbscript:x) [c](data:text/html,x) ![d](data:image/png;base64,iVBORw0KGgo=) [e](file:///etc/passwd)\n",
        "[f](java&#115;cript:alert(1)) [g](&#106;avascript:alert(1)) [h](<java script:alert(1)>) [i](java%0ascript:alert(1))\n",
        "<em onclick=\"alert(1)\">a</em> <sub>unpaired <strong style=\"x\">b</strong> </em> <br onclick=\"x\"> <STRONG>c</STRONG>\n",
        "<table><tr><td onclick=\"x()\">a</td></tr></table>\n\n<table><tr><td><a href=\"java&#115;cript:alert(1)\">a</a></td></tr></table>\n",
        "![x](https://ok.example/a.png \"\\\" onerror=\\\"alert(1)\")\n<figcaption onclick=\"x\">b</figcaption>\n",
        "<svg onload=alert(1)>\n\n<math><mi xlink:href=\"javascript:alert(1)\">x</mi></math>\n\n<iframe src=\"javascript:alert(1)\"></iframe>\n",
        "```\"><script>alert(1)</script>\ncode\n```\n",
    ]

    static let normalizer = MarkdownNormalizer()
    static let renderer = MarkdownRenderer()

    @Test(arguments: snippets)
    func hostileHTMLBecomesSafeHTML(snippet: String) throws {
        let content = try RoundTrip.tree(fromHTML: snippet)
        let markdown = Self.normalizer.markdown(for: content, baseURL: "https://news.example/berita/1")
        let html = Self.renderer.html(from: markdown)
        for problem in SafeHTMLScanner.problems(in: html) {
            Issue.record("\(problem)\n  snippet: \(snippet)\n  markdown: \(markdown)\n  html: \(html)")
        }
    }

    @Test(arguments: hostileMarkdown)
    func hostileHandWrittenMarkdownRendersSafely(markdown: String) {
        let html = Self.renderer.html(from: markdown)
        for problem in SafeHTMLScanner.problems(in: html) {
            Issue.record("\(problem)\n  markdown: \(markdown)\n  html: \(html)")
        }
    }

    @Test func knownEmbedsBecomePlainLinksAndTheRestGoes() throws {
        let embeds = Self.snippets.filter { $0.hasPrefix("<iframe src=\"https:") }
        #expect(embeds.count == 2)
        let content = try RoundTrip.tree(fromHTML: embeds.joined())
        let html = Self.renderer.html(from: Self.normalizer.markdown(for: content, baseURL: nil))
        #expect(html.contains("<a href=\"https://www.youtube.com/embed/abc123\">"), "\(html)")
        #expect(!html.contains("evil.example"))
    }

    @Test func textThatLooksLikeAttacksStaysVisibleText() throws {
        let content = try RoundTrip.tree(fromHTML: try #require(Self.snippets.first { $0.hasPrefix("<p>&lt;script&gt;") }))
        let html = Self.renderer.html(from: Self.normalizer.markdown(for: content, baseURL: nil))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; [x](javascript:alert(1))"), "\(html)")
    }

    @Test func theScannerCatchesWhatItMust() {
        // The checks above are only as good as the scanner: it must see each of these.
        let bad = [
            "<script>x</script>", "<p onclick=\"x\">a</p>", "<a href=\"javascript:x\">a</a>", "<img src=\"data:image/png;base64,x\" alt=\"\" />",
            "<a href=\"&#106;avascript:x\">a</a>", "<iframe src=\"https://x.org\"></iframe>", "<p style=\"x\">a</p>", "<svg></svg>",
            "<a href=\"java&#x09;script:x\">a</a>", "<a href=\"vbscript:x\">a</a>", "<img src=x onerror=alert(1)>",
        ]
        for html in bad { #expect(!SafeHTMLScanner.problems(in: html).isEmpty, "missed \(html)") }
        #expect(SafeHTMLScanner.problems(in: "<p><a href=\"https://x.org/a?b=1&amp;c=2\" title=\"t\">a</a><img src=\"https://x.org/i.png\" alt=\"\" /></p>").isEmpty)
    }
}

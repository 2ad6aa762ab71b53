import GalleyCore
import GalleyNormalize
import Testing

@Suite struct MarkdownWriterTests {
    let normalizer = MarkdownNormalizer()

    func markdown(_ nodes: [ContentNode], base: String? = "https://example.org/a/") -> String {
        normalizer.markdown(for: nodes, baseURL: base)
    }

    func p(_ children: ContentNode...) -> ContentNode { .node(.p, children) }

    @Test func paragraphsAreOneLineEachSeparatedByBlankLines() {
        #expect(markdown([p(.text("Satu\n  dua.")), p(.text("Tiga."))]) == "Satu dua.\n\nTiga.\n")
    }

    @Test func textThatLooksLikeMarkdownStaysText() {
        let cases: [(String, String)] = [
            ("# not a heading", "\\# not a heading"),
            ("1. not a list", "1\\. not a list"),
            ("- not a bullet", "\\- not a bullet"),
            ("+ not a bullet", "\\+ not a bullet"),
            ("> not a quote", "\\> not a quote"),
            ("a *b* c", "a \\*b\\* c"),
            ("snake_case stays", "snake_case stays"),
            ("_under_", "\\_under\\_"),
            ("[x](y)", "\\[x\\](y)"),
            ("<script>", "\\<script>"),
            ("a < b & c", "a < b & c"),
            ("&amp; literal", "\\&amp; literal"),
            ("back`tick", "back\\`tick"),
            ("path\\to", "path\\\\to"),
            ("-5 derajat", "-5 derajat"),
            ("#hashtag", "#hashtag"),
        ]
        for (text, expected) in cases {
            #expect(markdown([p(.text(text))]) == expected + "\n", "for \(text)")
        }
    }

    @Test func inlineMarkup() {
        let nodes = [p(.text("Ini "), .node(.em, [.text("miring")]), .text(", "), .node(.strong, [.text(" tebal ")]), .text(" dan "),
                       .node(.code, [.text("a`b")]), .text("."))]
        #expect(markdown(nodes) == "Ini *miring*, **tebal** dan ``a`b``.\n")
    }

    @Test func linksAndImagesAreAbsoluteAndUnsafeOnesBecomeText() {
        let nodes = [p(.element(.a, attributes: ["href": "/x", "title": "Judul \"kutip\""], children: [.text("tautan")]), .text(" "),
                       .element(.a, attributes: ["href": "javascript:alert(1)"], children: [.text("jahat")]), .text(" "),
                       .element(.img, attributes: ["src": "foto (1).jpg", "alt": "Foto *a*"], children: []))]
        #expect(markdown(nodes) == "[tautan](https://example.org/x \"Judul \\\"kutip\\\"\") jahat ![Foto \\*a\\*](<https://example.org/a/foto%20(1).jpg>)\n"
            || markdown(nodes) == "[tautan](https://example.org/x \"Judul \\\"kutip\\\"\") jahat ![Foto \\*a\\*](https://example.org/a/foto%20(1).jpg)\n")
    }

    @Test func headingsListsQuotesCodeAndRules() {
        let nodes: [ContentNode] = [
            .node(.h2, [.text("Sub judul")]),
            .element(.ol, attributes: ["start": "3"], children: [.node(.li, [.text("tiga")]), .node(.li, [.text("empat")])]),
            .node(.ul, [.node(.li, [.text("a")]), .node(.li, [.text("b"), .node(.ul, [.node(.li, [.text("c")])])])]),
            .node(.blockquote, [p(.text("kutipan")), p(.text("dua"))]),
            .element(.pre, attributes: ["language": "swift"], children: [.text("let a = \"```\"\n")]),
            .node(.hr),
        ]
        let expected = """
        ## Sub judul

        3. tiga
        4. empat

        - a
        - b
          - c

        > kutipan
        >
        > dua

        ````swift
        let a = "```"
        ````

        ***

        """
        #expect(markdown(nodes) == expected)
    }

    @Test func figuresPutTheCaptionUnderTheImageAndTablesStayHTML() {
        let figure = ContentNode.node(.figure, [.element(.img, attributes: ["src": "https://x.org/a.jpg", "alt": "Banjir"], children: []),
                                                .node(.figcaption, [.text("Foto: AFP")])])
        #expect(markdown([figure]) == "![Banjir](https://x.org/a.jpg)\n*Foto: AFP*\n")
        let table = ContentNode.node(.table, [.node(.tbody, [.node(.tr, [.node(.td, [.text("<b>")]), .node(.td, [.text("2")])])])])
        #expect(markdown([table]) == "<table><tbody><tr><td>&lt;b&gt;</td><td>2</td></tr>\n</tbody>\n</table>\n")
    }

    @Test func hardBreaks() {
        #expect(markdown([p(.text("baris satu"), .node(.br), .text("baris dua"), .node(.br))]) == "baris satu\\\nbaris dua\n")
    }
}

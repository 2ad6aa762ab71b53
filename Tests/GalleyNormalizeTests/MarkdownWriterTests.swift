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
        #expect(markdown([p(.text("  \u{00A0}")), p(.text("Isi."))]) == "Isi.\n")
    }

    @Test(arguments: [
        ("# not a heading", "\\# not a heading"),
        ("1. not a list", "1\\. not a list"),
        ("2024) tahun", "2024\\) tahun"),
        ("- not a bullet", "\\- not a bullet"),
        ("+ not a bullet", "\\+ not a bullet"),
        ("* not a bullet", "\\* not a bullet"),
        ("> not a quote", "\\> not a quote"),
        ("***", "\\***"),
        ("- - -", "\\- - -"),
        ("===", "\\==="),
        ("~~~ pagar", "\\~~~ pagar"),
        ("a *b* c", "a \\*b\\* c"),
        ("_under_", "\\_under\\_"),
        ("[x](y)", "\\[x](y)"),
        ("<script>", "\\<script>"),
        ("<http://x.org>", "\\<http://x.org>"),
        ("&amp; literal", "\\&amp; literal"),
        ("&#106;avascript", "\\&#106;avascript"),
        ("back`tick", "back\\`tick"),
        ("diakhiri \\", "diakhiri \\"),
        ("a\\*b", "a\\\\\\*b"),
        ("wow![x]", "wow!\\[x]"),
        ("2*3*4", "2\\*3\\*4"),
        ("2024. Tahun", "2024\\. Tahun"),
    ])
    func textThatLooksLikeMarkdownStaysText(text: String, expected: String) {
        #expect(markdown([p(.text(text))]) == expected + "\n")
    }

    /// Readable: characters that cannot start markup where they stand keep no backslash.
    @Test(arguments: [
        "a * b", "2 * 3", "snake_case dan foo_bar_baz", "#hashtag", "C# dan F#", "-5 derajat", "1.5 juta", "Tahun 2024.",
        "a < b & c", "AT&T", "path\\to", "x]y", "50% | 20%", "harga (Rp) :", "e-mail", "«kutip»", "a_b", "===a", "wow!", "!important",
    ])
    func plainTextNeedsNoEscapes(text: String) {
        #expect(markdown([p(.text(text))]) == text + "\n")
    }

    @Test func controlCharactersNeverReachTheMarkdown() {
        #expect(markdown([p(.text("Kota\u{1}\u{8}\u{1B}[31mMerah\u{7F} \u{FEFF}Lama"))]) == "Kota\\[31mMerah Lama\n")
        #expect(markdown([.element(.pre, attributes: [:], children: [.text("a\u{7}\tb\n")])]) == "```\na\tb\n```\n")
    }

    @Test func inlineMarkup() {
        let nodes = [p(.text("Ini "), .node(.em, [.text("miring")]), .text(", "), .node(.strong, [.text(" tebal ")]), .text(" dan "),
                       .node(.code, [.text("a`b")]), .text("."))]
        #expect(markdown(nodes) == "Ini *miring*, **tebal** dan ``a`b``.\n")
    }

    @Test func emphasisThatMarkersCannotExpressBecomesTags() {
        // `a*(b)*c` is not emphasis in CommonMark: the tag is used.
        #expect(markdown([p(.text("a"), .node(.em, [.text("(b)")]), .text("c"))]) == "a<em>(b)</em>c\n")
        // A label glued to the next word.
        #expect(markdown([p(.node(.strong, [.text("Foto:")]), .text("AFP"))]) == "<strong>Foto:</strong>AFP\n")
        // Nested: em around strong, strong around em.
        #expect(markdown([p(.node(.em, [.node(.strong, [.text("x")])]))]) == "***x***\n")
        #expect(markdown([p(.node(.strong, [.node(.em, [.text("x")])]))]) == "**_x_**\n")
        // Two emphases side by side, and the same emphasis twice (merged).
        #expect(markdown([p(.node(.em, [.text("a")]), .node(.strong, [.text("b")]))]) == "*a*<strong>b</strong>\n")
        #expect(markdown([p(.node(.em, [.text("a")]), .node(.em, [.text("b")]))]) == "*ab*\n")
        // Spaces move outside; empty emphasis goes.
        #expect(markdown([p(.text("a"), .node(.em, [.text(" b ")]), .text("c"))]) == "a *b* c\n")
        #expect(markdown([p(.text("a"), .node(.em, [.text(" ")]), .text("c"))]) == "a c\n")
    }

    @Test func elementsWithoutMarkdownAreBareTags() {
        let nodes = [p(.text("CO"), .node(.sub, [.text("2")]), .text(" dan x"), .node(.sup, [.text("2")]), .text(" "), .node(.del, [.text("lama")]))]
        #expect(markdown(nodes) == "CO<sub>2</sub> dan x<sup>2</sup> <del>lama</del>\n")
    }

    @Test func codeSpansWithBackticksAndSpaces() {
        #expect(markdown([p(.node(.code, [.text("`a`")]))]) == "`` `a` ``\n")
        #expect(markdown([p(.node(.code, [.text(" a ")]))]) == "`  a  `\n")
        #expect(markdown([p(.node(.code, [.text("a\n  b")]))]) == "`a b`\n")
    }

    @Test func linksAndImagesAreAbsoluteAndUnsafeOnesBecomeText() {
        let nodes = [p(.element(.a, attributes: ["href": "/x", "title": "Judul \"kutip\""], children: [.text("tautan")]), .text(" "),
                       .element(.a, attributes: ["href": "javascript:alert(1)"], children: [.text("jahat")]), .text(" "),
                       .element(.img, attributes: ["src": "foto (1).jpg", "alt": "Foto *a*"], children: []))]
        #expect(markdown(nodes) == "[tautan](https://example.org/x \"Judul \\\"kutip\\\"\") jahat ![Foto \\*a\\*](https://example.org/a/foto%20(1).jpg)\n")
    }

    @Test func linkTextWithBracketsAndFootnoteReferencesStayLinks() {
        let footnote = p(.text("Kata"), .node(.sup, [.element(.a, attributes: ["href": "https://x.org/#cite-1"], children: [.text("[1]")])]))
        #expect(markdown([footnote]) == "Kata<sup>[\\[1\\]](https://x.org/#cite-1)</sup>\n")
        let link = p(.element(.a, attributes: ["href": "https://x.org/a_(b)", "title": "&amp;"], children: [.text("a ] b")]))
        #expect(markdown([link]) == "[a \\] b](https://x.org/a_(b) \"&amp;amp;\")\n")
        let unbalanced = p(.element(.a, attributes: ["href": "https://x.org/a(b"], children: [.text("x")]))
        #expect(markdown([unbalanced]) == "[x](<https://x.org/a(b>)\n")
    }

    @Test func headingsListsQuotesCodeAndRules() {
        let nodes: [ContentNode] = [
            .node(.h2, [.text("Sub judul")]),
            .element(.ol, attributes: ["start": "3"], children: [.node(.li, [.text("tiga")]), .node(.li, [.text("empat")])]),
            .node(.ul, [.node(.li, [.text("a")]), .node(.li, [.text("b"), .node(.ul, [.node(.li, [.text("c")])])])]),
            .node(.blockquote, [p(.text("kutipan")), .node(.blockquote, [p(.text("dalam"))])]),
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
        > > dalam

        ````swift
        let a = "```"
        ````

        ***

        """
        #expect(markdown(nodes) == expected)
    }

    @Test func headingEndsAndBreaks() {
        #expect(markdown([.node(.h2, [.text("C #")])]) == "## C \\#\n")
        #expect(markdown([.node(.h3, [.text("Satu"), .node(.br), .text("dua")])]) == "### Satu<br>dua\n")
        #expect(markdown([.node(.h2, [.text("  ")])]) == "")
    }

    @Test func looseListsHaveBlankLinesTightOnesNone() {
        let loose = ContentNode.node(.ul, [.node(.li, [p(.text("a")), p(.text("a2"))]), .node(.li, [p(.text("b"))])])
        #expect(markdown([loose]) == "- a\n\n  a2\n\n- b\n")
        let tight = ContentNode.node(.ol, [.node(.li, [.text("a")]), .node(.li, [.text("b")])])
        #expect(markdown([tight]) == "1. a\n2. b\n")
    }

    @Test func adjacentListsAndBlocksThatCannotFollowTextStaySeparate() {
        let two = [ContentNode.node(.ul, [.node(.li, [.text("a")])]), .node(.ul, [.node(.li, [.text("b")])])]
        #expect(markdown(two) == "- a\n\n* b\n")
        let nested = ContentNode.node(.ul, [.node(.li, [.text("a"), .element(.ol, attributes: ["start": "3"], children: [.node(.li, [.text("c")])])])])
        #expect(markdown([nested]) == "- a\n  <!-- -->\n  3. c\n")
    }

    @Test func hardBreaks() {
        #expect(markdown([p(.text("baris satu "), .node(.br), .text(" baris dua"), .node(.br))]) == "baris satu\\\nbaris dua\n")
        #expect(markdown([p(.text("a"), .node(.br), .text("- b"))]) == "a\\\n\\- b\n")
        #expect(markdown([p(.text("a\\"), .node(.br), .text("b"))]) == "a\\\\\\\nb\n")
    }

    @Test func figuresPutTheCaptionUnderTheImageAndTablesStayHTML() {
        let figure = ContentNode.node(.figure, [.element(.img, attributes: ["src": "https://x.org/a.jpg", "alt": "Banjir"], children: []),
                                                .node(.figcaption, [.text("Foto: AFP")])])
        #expect(markdown([figure]) == "![Banjir](https://x.org/a.jpg)\nFoto: AFP\n")
        let listCaption = ContentNode.node(.figure, [.element(.img, attributes: ["src": "https://x.org/a.jpg", "alt": ""], children: []),
                                                     .node(.figcaption, [.text("1. Banjir")])])
        #expect(markdown([listCaption]) == "![](https://x.org/a.jpg)\n1\\. Banjir\n")
        let table = ContentNode.node(.table, [.node(.tbody, [.node(.tr, [.node(.td, [.text("<b>\n")]), .node(.td, [.text("2")])])])])
        #expect(markdown([table]) == "<table><tbody><tr><td>&lt;b&gt; </td><td>2</td></tr>\n</tbody>\n</table>\n")
    }
}

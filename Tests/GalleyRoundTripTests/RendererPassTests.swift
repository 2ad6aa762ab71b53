import GalleyRender
import Testing

/// The three shapes `MarkdownRenderer` lets through cmark's safe mode (bare inline tags, figures,
/// validated tables) and the URL rule for hand-written Markdown.
@Suite struct RendererPassTests {
    let renderer = MarkdownRenderer()

    @Test(arguments: [
        ("CO<sub>2</sub> x<sup>2</sup> <del>lama</del>", "<p>CO<sub>2</sub> x<sup>2</sup> <del>lama</del></p>\n"),
        ("a<em>(b)</em>c <strong>d</strong>", "<p>a<em>(b)</em>c <strong>d</strong></p>\n"),
        ("<em>**x** [l](https://x.org)</em>", "<p><em><strong>x</strong> <a href=\"https://x.org\">l</a></em></p>\n"),
        ("<em><sub>x</sub></em>", "<p><em><sub>x</sub></em></p>\n"),
        ("## Satu<br>dua", "<h2>Satu<br />\ndua</h2>\n"),
    ])
    func pairedBareTagsBecomeElements(markdown: String, html: String) {
        #expect(renderer.html(from: markdown) == html)
    }

    @Test(arguments: [
        "<sub>unpaired", "a</em>", "<em><sub>x</em></sub>", "<em onclick=\"x\">a</em>", "<EM>a</EM>", "<em >a</em>",
        "<span>a</span>", "<br onclick=\"x\">", "<strong>a\n\nb</strong>",
    ])
    func otherInlineHTMLStaysOmitted(markdown: String) {
        let html = renderer.html(from: markdown)
        #expect(html.contains("<!-- raw HTML omitted -->"), "\(html)")
        #expect(!html.contains("onclick") && !html.contains("<span") && !html.contains("<EM"))
    }

    @Test func imagesWithACaptionLineBecomeFigures() {
        #expect(renderer.html(from: "![a](https://x.org/a.jpg)\nFoto: *AFP*\n")
            == "<figure>\n\(Self.img)https://x.org/a.jpg\" alt=\"a\" /><figcaption>Foto: <em>AFP</em></figcaption>\n</figure>\n")
        #expect(renderer.html(from: "![a](https://x.org/a.jpg)\n![b](https://x.org/b.jpg)\n")
            == "<figure>\n\(Self.img)https://x.org/a.jpg\" alt=\"a\" />\(Self.img)https://x.org/b.jpg\" alt=\"b\" />\n</figure>\n")
        #expect(renderer.html(from: "[![a](https://x.org/a.jpg)](https://x.org/)\nKeterangan\n").hasPrefix("<figure>\n<a href=\"https://x.org/\"><img"))
    }

    @Test(arguments: [
        "![a](https://x.org/a.jpg)\n", "![a](https://x.org/a.jpg) teks di baris yang sama\n", "Teks\n![a](https://x.org/a.jpg)\n",
        "![a](https://x.org/a.jpg)\\\nbaris dengan hard break\n",
    ])
    func otherImageParagraphsStayParagraphs(markdown: String) {
        let html = renderer.html(from: markdown)
        #expect(html.hasPrefix("<p>") && !html.contains("<figure"), "\(html)")
    }

    @Test func handWrittenLinksKeepOnlySafeSchemes() {
        let html = renderer.html(from: "[a](ftp://x.org/) [b](/lokal) [c](mailto:r@x.org) ![d](data:image/png;base64,AAAA) [e](tel:123)\n")
        // A picture inlined as `data:` that the images phase did not copy is left out, never written.
        #expect(html == "<p><a href=\"\">a</a> <a href=\"/lokal\">b</a> <a href=\"mailto:r@x.org\">c</a>  <a href=\"\">e</a></p>\n")
    }

    /// How every body image starts: remote, so lazily loaded and sent without a referrer.
    static let img = #"<img loading="lazy" decoding="async" referrerpolicy="no-referrer" src=""#

    /// `images.remote: drop`: images go with their figure and caption, a link that only held
    /// one, and a paragraph left empty; the text around them stays.
    @Test func droppedRemoteImagesTakeTheirFiguresAndEmptyParagraphsWithThem() {
        let dropping = MarkdownRenderer(remoteImages: .drop)
        let markdown = """
            Awal berita.

            ![a](https://x.org/a.jpg)
            Foto: *AFP*

            ![b](https://x.org/b.jpg)
            ![c](https://x.org/c.jpg)

            [![d](https://x.org/d.jpg)](https://x.org/)

            Teks dengan ![e](https://x.org/e.jpg) di tengah.

            Akhir berita.

            """
        #expect(dropping.html(from: markdown) == "<p>Awal berita.</p>\n<p>Teks dengan  di tengah.</p>\n<p>Akhir berita.</p>\n")
    }
}

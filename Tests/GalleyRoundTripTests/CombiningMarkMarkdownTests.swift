import GalleyCore
import Testing

/// Text whose Markdown specials are followed by a combining mark (one `Character` to Swift,
/// not equal to the special alone; cmark still reads the special) comes back from the Markdown
/// trip as it went in: no link, emphasis, code span or block quote appears, none is lost.
@Suite struct CombiningMarkMarkdownTests {
    @Test(arguments: [
        "<p>&gt;\u{301} kutipan di awal baris</p>",
        "<p>kurung [\u{301}tautan](https://x.example) bukan tautan</p>",
        "<p>bintang *\u{301}miring*\u{301} dan garis _\u{301}bawah_\u{301} tetap</p>",
        "<p>kode `\u{301}sebaris`\u{301} tetap teks</p>",
        "<p>tag &lt;\u{301}b&gt; dan entitas &amp;\u{301}amp; tetap</p>",
        "<p>garis miring \\\u{301}* tetap</p>",
        "<p><a href=\"https://ok.example/a\" title=\"judul &quot;\u{301} dan \\\u{301}\">tautan berjudul</a></p>",
        "<p><a href=\"https://ok.example/a&lt;\u{301}b\">tautan aneh</a></p>",
    ])
    func specialsBeforeCombiningMarksSurviveTheTrip(html: String) throws {
        let trip = try RoundTrip(try RoundTrip.tree(fromHTML: html))
        #expect(trip.isExact, "\(trip.report)")
    }
}

import GalleyCore
import Testing

/// A table whose text or attributes hold a quote, ampersand or bracket followed by a combining
/// mark (one `Character` to Swift, not equal to the character alone) keeps its content through
/// extract → normalise → render. The table serialiser once compared `Character`s, wrote such a
/// quote unescaped, and the renderer's check then dropped the whole table.
@Suite struct CombiningMarkTableTests {
    static let page = """
        <table><tr><th>Kutipan</th><th>Foto</th></tr>
        <tr><td>Ia berkata "\u{301}cukup" &amp;\u{301} &lt;\u{338} '\u{301} &gt;\u{20DD}</td>
        <td><img src="https://ok.example/a.png" alt="foto &quot;\u{301}x"><a href="https://ok.example/b" title="t '\u{301} &amp;\u{301}">tautan</a></td></tr></table>
        """

    @Test func aTableWithCombiningMarksAfterSpecialCharactersSurvives() throws {
        let content = try RoundTrip.tree(fromHTML: Self.page)
        let markdown = RoundTrip.normalizer.markdown(for: content, baseURL: nil)
        #expect(markdown.contains("<td>Ia berkata &quot;\u{301}cukup&quot; &amp;\u{301} &lt;\u{338} &#39;\u{301} &gt;\u{20DD}</td>"), "\(markdown)")
        #expect(markdown.contains("alt=\"foto &quot;\u{301}x\""), "\(markdown)")
        #expect(markdown.contains("title=\"t &#39;\u{301} &amp;\u{301}\""), "\(markdown)")
        let html = RoundTrip.renderer.html(from: markdown)
        #expect(!html.contains("raw HTML omitted"), "\(html)")
        #expect(html.contains("<table>") && html.contains("Ia berkata &quot;\u{301}cukup&quot;"), "\(html)")
        #expect(html.contains("alt=\"foto &quot;\u{301}x\"") && html.contains(">tautan</a>"), "\(html)")
        let trip = try RoundTrip(content)
        #expect(trip.isExact, "\(trip.report)")
    }
}

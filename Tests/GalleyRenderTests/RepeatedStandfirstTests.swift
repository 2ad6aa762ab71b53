import Foundation
@testable import GalleyRender
import Testing

/// The standfirst is left out when the body opens with the summary, and only then.
@Suite struct RepeatedStandfirstTests {
    @Test func aDescriptionPrintedAsTheLeadParagraphIsRepeated() {
        let body = "<figure><img src=\"a.jpg\" alt=\"\"><figcaption>Photo</figcaption></figure>\n<p>Warga <em>mengungsi</em> ke balai &amp; musala.</p>\n<p>Second.</p>"
        #expect(RepeatedStandfirst.isRepeated(summary: "Warga mengungsi ke balai & musala.", bodyHTML: body))
    }

    @Test func aGeneratedSummaryCutWithAnEllipsisIsRepeated() {
        let body = "<p>WASHINGTON — A Senate committee on Thursday advanced bipartisan legislation that would require maps.</p>"
        #expect(RepeatedStandfirst.isRepeated(summary: "WASHINGTON — A Senate committee on Thursday advanced…", bodyHTML: body))
    }

    @Test func aLeadParagraphThatIsTheStartOfALongerDescriptionIsRepeated() {
        let body = "<p>The committee voted six to three to keep the rate.</p><p>More.</p>"
        #expect(RepeatedStandfirst.isRepeated(summary: "The committee voted six to three to keep the rate. Three members backed a cut.", bodyHTML: body))
    }

    @Test func aSummaryTheBodyDoesNotOpenWithIsShown() {
        let body = "<p>Harga cabai rawit merah tembus Rp90.000 per kilogram.</p>"
        #expect(!RepeatedStandfirst.isRepeated(summary: "Pemkot menyiapkan operasi pasar.", bodyHTML: body))
        #expect(!RepeatedStandfirst.isRepeated(summary: "Harga cabai rawit merah tembus Rp90.000 per kilogram.", bodyHTML: "<h2>No paragraph</h2>"))
    }

    @Test func aShortFirstParagraphTheSummaryMerelyBeginsWithIsNotARepeat() {
        #expect(!RepeatedStandfirst.isRepeated(summary: "JAKARTA — Banjir rob kembali merendam permukiman warga.", bodyHTML: "<p>JAKARTA</p><p>Banjir.</p>"))
    }

    /// The byte-wise first-paragraph reader gives what the obvious one gives (Foundation's
    /// search, a walk over `Character`s, entity by entity) on HTML shaped like cmark's output.
    @Test func firstParagraphTextEqualsTheCharacterWiseReference() {
        let pieces = ["Warga", " ", "  ", "\n", "\u{A0}", "mengungsi", "é", "e\u{301}", "北京", "—", "…", "&amp;", "&lt;", "&gt;", "&quot;",
                      "&#39;", "&amp;lt;", "&", "<em>", "</em>", "<a href=\"https://a.example/?a=1&amp;b=2\">", "</a>", "<code>", "</code>",
                      "<br />", "\u{1F600}", "'", "\""]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func below(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        for _ in 0..<5_000 {
            let paragraph = (0..<below(12)).map { _ in pieces[below(pieces.count)] }.joined()
            let html = [below(3) == 0 ? "<h2>Kepala</h2>\n" : "", below(4) == 0 ? "" : "<p>\(paragraph)</p>\n<p>Dua.</p>"].joined()
            #expect(RepeatedStandfirst.firstParagraphText(html) == Self.referenceFirstParagraphText(html), "\(html.debugDescription)")
        }
    }

    static func referenceFirstParagraphText(_ html: String) -> String? {
        guard let open = html.range(of: "<p>"), let close = html.range(of: "</p>", range: open.upperBound..<html.endIndex) else {
            return nil
        }
        var text = ""
        var insideTag = false
        for character in html[open.upperBound..<close.lowerBound] {
            switch character {
            case "<": insideTag = true
            case ">" where insideTag: insideTag = false
            default: if !insideTag { text.append(character) }
            }
        }
        let decoded = text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
        return decoded.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}

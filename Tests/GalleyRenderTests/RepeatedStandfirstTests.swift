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
}

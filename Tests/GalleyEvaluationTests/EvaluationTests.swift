import Foundation
@testable import GalleyEvaluation
import Testing

@Suite struct WordShinglesTests {
    @Test func tokensAreUnicodeWordRuns() {
        #expect(WordShingles("Hello, wörld! 42_x café—naïve").tokens == ["Hello", "wörld", "42_x", "café", "naïve"])
        #expect(WordShingles("北京 新闻").tokens == ["北京", "新闻"])
    }

    @Test func sharedShinglesCountAsInTheBenchmark() {
        let expected = WordShingles("a b c d e f")
        #expect(WordShingles.compare(predicted: WordShingles("a b c d e f"), expected: expected) == (3, 0, 0))
        #expect(WordShingles.compare(predicted: WordShingles("a b c d x"), expected: expected) == (1, 1, 2))
        #expect(WordShingles.compare(predicted: WordShingles(""), expected: expected) == (0, 0, 3))
        #expect(WordShingles.compare(predicted: WordShingles("a b c d a b c d"), expected: WordShingles("a b c d")) == (1, 4, 0))
    }

    @Test func floorsOnlyGoUp() {
        let baseline = EvaluationBaseline(fingerprints: ["a": "1"], floors: ["body.f1": 0.9])
        #expect(baseline.raised(by: ["body.f1": 0.8]).floors["body.f1"] == 0.9)
        #expect(baseline.raised(by: ["body.f1": 0.95]).floors["body.f1"] == 0.95)
        #expect(baseline.regressions(in: ["body.f1": 0.89]).map(\.name) == ["body.f1"])
        #expect(baseline.regressions(in: ["body.f1": 0.9]).isEmpty)
    }
}

/// The quality floors of `eval/baseline.json` on the shared corpora (skipped when they are absent).
@Suite struct QualityFloorTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test(.enabled(if: SharedCorpora(repository: repository) != nil, "../shared/corpora is not beside the repository"))
    func extractionStaysAboveItsFloors() throws {
        let corpora = try #require(SharedCorpora(repository: Self.repository))
        let baseline = try #require(EvaluationBaseline.load(Self.repository.appendingPathComponent("eval/baseline.json")))
        let run = try EvaluationRun.run(corpora: corpora)
        #expect(baseline.changedCorpora(run.fingerprints).isEmpty, "a corpus changed since its floors were pinned")
        #expect(Set(baseline.fingerprints.keys) == Set(run.fingerprints.keys), "every corpus has pinned floors")
        for regression in baseline.regressions(in: run.figures) {
            Issue.record("\(regression.name) fell to \(regression.measured), below its floor \(regression.floor)")
        }
    }
}

/// The Readability metadata matchers: a title or byline that leaves out the annotated site name.
@Suite struct MetadataMatchingTests {
    @Test func aTitleMayLeaveOutTheAnnotatedSiteName() {
        #expect(MetadataEvaluation.titleMatches("How to Build a Terrarium | eHow", "How to Build a Terrarium", siteName: "eHow"))
        #expect(MetadataEvaluation.titleMatches("Friday Facts #282 - 0.17 in sight | Factorio", "Friday Facts #282 - 0.17 in sight", siteName: "Factorio.com"))
        #expect(!MetadataEvaluation.titleMatches("How to Build a Terrarium | eHow", "How to Build", siteName: "eHow"))
        #expect(!MetadataEvaluation.titleMatches("Mozilla - Wikipedia", "Mozilla", siteName: nil))
    }

    @Test func aBylineThatIsTheSiteNameMustBeEmpty() {
        #expect(MetadataEvaluation.bylineMatches("BBC News", nil, siteName: "BBC News"))
        #expect(!MetadataEvaluation.bylineMatches("Jane Doe", nil, siteName: "BBC News"))
        #expect(MetadataEvaluation.bylineMatches("By Nathan Willis March 25, 2015", "Nathan Willis", siteName: nil))
        #expect(!MetadataEvaluation.bylineMatches("Nathan Willison", "Nathan Willis", siteName: nil))
    }
}

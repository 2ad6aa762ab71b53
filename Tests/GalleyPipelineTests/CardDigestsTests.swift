import Foundation
import GalleyCore
@testable import GalleyPipeline
import Testing

/// The card table finds a summary's digest by its box, by its path for a copy in a box of its
/// own, and nothing for an article it was not given, at sizes around its table's powers of two.
@Suite struct CardDigestsTests {
    static func summary(_ number: Int, path: String? = nil) -> ArticleSummary {
        ArticleSummary(slug: "berita-\(number)", title: "Berita \(number)", path: path ?? "2025/10/berita-\(number)/index.html",
                       published: RenderKeyTests.date, source: "berita-\(number).md")
    }

    @Test(arguments: [0, 1, 7, 8, 56, 57, 1_000, 3_585])
    func everySummaryIsFoundByBoxAndByPath(count: Int) {
        let summaries = (0..<count).map { Self.summary($0) }
        let table = CardDigests(summaries: summaries, digests: summaries.indices.map { UInt64($0) * 7 + 3 })
        for (position, summary) in summaries.enumerated() {
            #expect(table[summary] == UInt64(position) * 7 + 3)
            var copy = summary
            copy.slug = summary.slug  // a box of its own: found by path
            #expect(copy.identity != summary.identity)
            #expect(table[copy] == UInt64(position) * 7 + 3)
        }
        #expect(table[Self.summary(count + 1)] == nil)
    }

    @Test func aPathGivenTwiceHasTheLastDigestForBoth() {
        let first = Self.summary(1, path: "sama/index.html"), second = Self.summary(2, path: "sama/index.html")
        let table = CardDigests(summaries: [first, Self.summary(3), second], digests: [10, 30, 20])
        #expect(table[first] == 20 && table[second] == 20 && table[Self.summary(3)] == 30)
        var stray = first
        stray.slug = "lain"
        #expect(table[stray] == 20)
    }

    @Test func theSameSummaryGivenTwiceKeepsOneDigest() {
        let summary = Self.summary(1)
        let table = CardDigests(summaries: [summary, summary], digests: [5, 5])
        #expect(table[summary] == 5)
    }
}

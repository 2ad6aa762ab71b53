import Foundation
import GalleyCore
import Testing

/// The round trip over real article markup: the `expected.html` of every Readability test page
/// (`../shared/corpora/readability-test-pages`, beside the repository) → content tree T1 →
/// Markdown → cmark HTML → content tree T2; T1 and T2 must be the same (`CanonicalTree`).
/// Skipped when the corpora are not there.
@Suite struct CorpusRoundTripTests {
    /// The repository root: three levels up from `Tests/GalleyRoundTripTests/<file>.swift`.
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let corpus = repository.deletingLastPathComponent().appendingPathComponent("shared/corpora/readability-test-pages")

    /// The share of pages that must round-trip exactly. Raise it when the writer gets better;
    /// never lower it to make a change pass.
    static let floor = 0.99

    static var pages: [URL] {
        let folders = (try? FileManager.default.contentsOfDirectory(at: corpus, includingPropertiesForKeys: nil)) ?? []
        return folders.filter { FileManager.default.fileExists(atPath: $0.appendingPathComponent("expected.html").path) }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    @Test(.enabled(if: !pages.isEmpty, "../shared/corpora/readability-test-pages is not beside the repository"))
    func readabilityExpectedContentRoundTrips() throws {
        var exact = 0
        var failures: [String] = []
        for page in Self.pages {
            let html = try String(contentsOf: page.appendingPathComponent("expected.html"), encoding: .utf8)
            let trip = try RoundTrip(try RoundTrip.tree(fromHTML: html, source: page.lastPathComponent))
            if trip.isExact {
                exact += 1
            } else {
                failures.append("\(page.lastPathComponent): \(trip.difference.prefix(300))")
            }
        }
        let share = Double(exact) / Double(Self.pages.count)
        print("round trip, corpus: \(exact) of \(Self.pages.count) Readability pages exact (\(String(format: "%.2f", share * 100))%)")
        for failure in failures { print("  not exact: \(failure)") }
        #expect(Self.pages.count >= 100, "the corpus lost pages: \(Self.pages.count)")
        #expect(share >= Self.floor, "round-trip share \(share) fell below the pinned floor \(Self.floor)")
    }
}

import Foundation
import GalleyCore
import Testing

/// Property: for random article content (see `ContentTreeGenerator`), the Markdown the
/// normaliser writes renders back to the same content (see `CanonicalTree` for "same"). Each
/// tree first passes extraction (`RoundTrip(generated:)`), as every real tree does.
@Suite struct RoundTripPropertyTests {
    static let trees = 2_000
    /// Every generated tree must come back; the share is printed for the record.
    static let requiredShare = 1.0

    @Test func randomContentTreesRoundTrip() throws {
        var exact = 0
        var failures: [String] = []
        var tags: [ContentTag: Int] = [:]
        var extractedTags: [ContentTag: Int] = [:]
        for seed in 0..<UInt64(Self.trees) {
            var generator = ContentTreeGenerator(seed: seed)
            let document = generator.document()
            let trip = try RoundTrip(generated: document)
            Self.count(CanonicalTree.blocks(document), into: &tags)
            Self.count(trip.original, into: &extractedTags)
            if trip.isExact {
                exact += 1
            } else if failures.count < 5 {
                failures.append("seed \(seed): \(trip.report)")
            }
        }
        let share = Double(exact) / Double(Self.trees)
        print("round trip, property: \(exact) of \(Self.trees) random trees exact (\(String(format: "%.2f", share * 100))%)")
        for failure in failures { print(failure) }
        #expect(share >= Self.requiredShare, "replay with ROUND_TRIP_SEED=<seed> swift test --filter ReplayTests\n\(failures.first ?? "")")
        // The property means something only if the trees hold every kind of markup, often, and
        // extraction keeps nearly all of it (it may rename some, as <h1> in a body to <h2>).
        for tag in ContentTag.allCases where ![.caption, .tfoot].contains(tag) {
            #expect(tags[tag, default: 0] >= 50, "generated trees hold too few <\(tag.rawValue)>: \(tags[tag, default: 0])")
        }
        let generated = tags.values.reduce(0, +)
        let extracted = extractedTags.values.reduce(0, +)
        #expect(Double(extracted) >= 0.9 * Double(generated), "extraction kept \(extracted) of \(generated) elements")
    }

    static func count(_ nodes: [ContentNode], into tags: inout [ContentTag: Int]) {
        for node in nodes {
            if let tag = node.tag { tags[tag, default: 0] += 1 }
            count(node.children, into: &tags)
        }
    }
}

import Foundation
import Testing

/// Tools for a failing property case, skipped unless asked for:
/// `ROUND_TRIP_SEED=42,43 swift test --filter ReplayTests` prints each case's Markdown, HTML
/// and first difference; `ROUND_TRIP_SURVEY=5000` prints the first difference of every
/// failing seed below 5000.
@Suite struct ReplayTests {
    static let environment = ProcessInfo.processInfo.environment

    @Test(.enabled(if: environment["ROUND_TRIP_SEED"] != nil, "set ROUND_TRIP_SEED to replay cases"))
    func replaySeeds() throws {
        let seeds = (Self.environment["ROUND_TRIP_SEED"] ?? "").split(separator: ",").compactMap { UInt64($0) }
        for seed in seeds {
            var generator = ContentTreeGenerator(seed: seed)
            let trip = try RoundTrip(generated: generator.document())
            print("seed \(seed): exact \(trip.isExact)\n\(trip.report)")
        }
    }

    @Test(.enabled(if: environment["ROUND_TRIP_SURVEY"] != nil, "set ROUND_TRIP_SURVEY to survey seeds"))
    func survey() throws {
        let count = UInt64(Self.environment["ROUND_TRIP_SURVEY"] ?? "") ?? 0
        for seed in 0..<count {
            var generator = ContentTreeGenerator(seed: seed)
            let trip = try RoundTrip(generated: generator.document())
            if !trip.isExact { print("seed \(seed): \(trip.difference.prefix(240))") }
        }
    }
}

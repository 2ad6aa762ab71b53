import Foundation
import GalleyCore
import GalleyPipeline

/// The outcome of the last build, as `/__galley/status` reports it (JSON) and the reload
/// script shows it: a failed rebuild leaves the last good site in place and its error on screen.
package struct BuildStatus: Sendable, Equatable, Codable {
    /// `building` before the first build ends, then `ok` or `failed`.
    package enum State: String, Sendable, Codable {
        case building, ok, failed
    }

    package var state: State
    /// How many builds have finished (failed ones included).
    package var build: Int
    /// The error that stopped the last build (`config: galley.yml: …`), when it failed.
    package var error: String?
    /// Pages that failed in the last successful build (the rest of the site was published).
    package var problems: [String]
    /// Articles the last successful build published.
    package var published: Int?
    /// Seconds the last build took.
    package var seconds: Double?
    /// When the last build ended (RFC 3339, UTC).
    package var finishedAt: String?

    /// The status before any build finished.
    package static let initial = BuildStatus(state: .building, build: 0, error: nil, problems: [])

    /// The status after build number `build`.
    static func finished(_ result: Result<BuildReport, GalleyError>, build: Int, seconds: Double, at date: Date) -> BuildStatus {
        let finishedAt = ISO8601DateFormatter().string(from: date)
        switch result {
        case .success(let report):
            return BuildStatus(state: .ok, build: build, error: nil, problems: report.failed.map { $0.description },
                               published: report.published, seconds: seconds, finishedAt: finishedAt)
        case .failure(let error):
            return BuildStatus(state: .failed, build: build, error: error.description, problems: [],
                               published: nil, seconds: seconds, finishedAt: finishedAt)
        }
    }

    /// One line of JSON (no line breaks: it also travels as one server-sent event line).
    var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(self) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }
}

import Foundation
import GalleyCore
import GalleyExtract
import GalleyPipeline

/// Publication-day accuracy on htmldate's test pages: the share of pages whose date read from
/// the page (published, else modified, as the build takes it) falls on the expected calendar
/// day in the page's own offset. Fallbacks outside the page (fetch time, file time) do not count.
public struct DateEvaluation: Sendable {
    /// One page's outcome.
    public struct PageScore: Sendable {
        public var id: String
        public var expected: String
        /// The day found (`YYYY-MM-DD`), nil when the page gave none.
        public var found: String?
        public var correct: Bool { found == expected }
    }

    public var pages: [PageScore]

    public var accuracy: Double { pages.isEmpty ? 0 : Double(pages.filter(\.correct).count) / Double(pages.count) }
    /// Pages where no date was found at all.
    public var missingShare: Double { pages.isEmpty ? 0 : Double(pages.filter { $0.found == nil }.count) / Double(pages.count) }

    /// Reads every page's date and scores it.
    public static func run(corpus: URL, jobs: Int = ProcessInfo.processInfo.activeProcessorCount) throws -> DateEvaluation {
        let data = try Data(contentsOf: corpus.appendingPathComponent("truth.json"))
        let truth = (try JSONSerialization.jsonObject(with: data) as? [String: [String: Any]] ?? [:])
            .compactMapValues { $0["published"] as? String }
        let html = corpus.appendingPathComponent("html")
        let extractor = HTMLExtractor()
        let pages = parallelMap(truth.keys.sorted(), jobs: jobs) { id -> PageScore in
            let file = ContentDiscovery.file(at: html.appendingPathComponent(id + ".html.gz").path)
            let metadata = (try? SourceReader.page(file, mirrorURLs: false)).flatMap { try? extractor.metadata(of: $0) }
            let date = metadata?.published ?? metadata?.modified
            return PageScore(id: id, expected: truth[id] ?? "", found: date.map { String($0.rfc3339.prefix(10)) })
        }
        return DateEvaluation(pages: pages)
    }
}

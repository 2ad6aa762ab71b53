import Foundation
import GalleyCore
import GalleyPipeline

/// Main-text quality on trafilatura's evaluation set: `with` snippets the extraction must
/// contain, `without` snippets (menus, teasers, comments) it must not.
///
/// The upstream metric: the extracted text and each snippet have every run of whitespace
/// collapsed to one space (ends trimmed); a snippet is found when it is a substring. Counts are
/// summed over all entries: tp = `with` found, fn = `with` missing, fp = `without` found,
/// tn = `without` missing. A page stage 1 rejects has no text, so it finds no snippet.
public struct SnippetEvaluation: Sendable {
    /// One entry's outcome.
    public struct PageScore: Sendable {
        public var file: String
        public var truePositives: Int
        public var falseNegatives: Int
        public var falsePositives: Int
        public var trueNegatives: Int
        public var status: String
        public var reason: String?
        /// `with` snippets the text lacks.
        public var missing: [String] = []
        /// `without` snippets the text contains.
        public var leaked: [String] = []
    }

    public var pages: [PageScore]
    /// Pages per second on both cores (read, gunzip, parse, extract, normalise).
    public var pagesPerSecond: Double

    var totals: (tp: Int, fn: Int, fp: Int, tn: Int) {
        pages.reduce((0, 0, 0, 0)) { ($0.0 + $1.truePositives, $0.1 + $1.falseNegatives, $0.2 + $1.falsePositives, $0.3 + $1.trueNegatives) }
    }

    public var precision: Double { let t = totals; return t.tp + t.fp == 0 ? 0 : Double(t.tp) / Double(t.tp + t.fp) }
    public var recall: Double { let t = totals; return t.tp + t.fn == 0 ? 0 : Double(t.tp) / Double(t.tp + t.fn) }
    public var f1: Double { let t = totals; return t.tp == 0 ? 0 : 2 * Double(t.tp) / Double(2 * t.tp + t.fp + t.fn) }
    public var accuracy: Double {
        let t = totals
        let all = t.tp + t.fn + t.fp + t.tn
        return all == 0 ? 0 : Double(t.tp + t.tn) / Double(all)
    }
    /// Entries with `with` snippets whose page was not published (rejected or failed).
    public var rejectedShare: Double {
        let scored = pages.filter { $0.truePositives + $0.falseNegatives > 0 }
        return scored.isEmpty ? 0 : Double(scored.filter { $0.status != "ok" }.count) / Double(scored.count)
    }

    struct Entry: Sendable {
        var file: String
        var with: [String]
        var without: [String]
    }

    /// Extracts every page of the set and scores it.
    public static func run(corpus: URL, jobs: Int = ProcessInfo.processInfo.activeProcessorCount) throws -> SnippetEvaluation {
        let entries = try Self.entries(corpus.appendingPathComponent("evaldata.json"))
        let html = corpus.appendingPathComponent("html")
        let processor = PageProcessor(config: SiteConfig())
        let start = DispatchTime.now().uptimeNanoseconds
        let pages = parallelMap(entries, jobs: jobs) { entry -> PageScore in
            let outcome = processor.process(ContentDiscovery.file(at: html.appendingPathComponent(entry.file + ".gz").path))
            // The text is what stage 1 found; whether the page was published is counted apart.
            let text = outcome.extracted.map { PlainText.of($0.content) } ?? ""
            var status = "ok"
            var reason: String?
            if case .failure(let error) = outcome.document {
                status = error.kind == .rejected ? "rejected" : "failed"
                reason = error.reason
            }
            return score(entry, text: Self.collapsed(text), status: status, reason: reason)
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        return SnippetEvaluation(pages: pages, pagesPerSecond: Double(entries.count) / seconds)
    }

    static func score(_ entry: Entry, text: String, status: String, reason: String?) -> PageScore {
        let missing = entry.with.filter { !text.contains(collapsed($0)) }
        let leaked = entry.without.filter { text.contains(collapsed($0)) }
        return PageScore(file: entry.file, truePositives: entry.with.count - missing.count, falseNegatives: missing.count,
                         falsePositives: leaked.count, trueNegatives: entry.without.count - leaked.count,
                         status: status, reason: reason, missing: missing, leaked: leaked)
    }

    /// Every run of Unicode whitespace as one space, ends trimmed.
    static func collapsed(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    static func entries(_ url: URL) throws -> [Entry] {
        let data = try Data(contentsOf: url)
        guard let object = try JSONSerialization.jsonObject(with: data) as? [String: [String: Any]] else { return [] }
        return object.keys.sorted().compactMap { key in
            guard let value = object[key], let file = value["file"] as? String else { return nil }
            return Entry(file: file, with: value["with"] as? [String] ?? [], without: value["without"] as? [String] ?? [])
        }
    }
}

import Foundation
import GalleyCore
import GalleyPipeline

/// Body precision, recall and F1 on the article-extraction benchmark (181 pages), with the
/// benchmark's own averaging: every page's (tp, fp, fn) are divided by their sum first.
public struct BodyEvaluation: Sendable {
    public struct PageScore: Sendable {
        public var id: String
        public var precision: Double
        public var recall: Double
        public var status: String
    }

    public var precision: Double
    public var recall: Double
    public var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }
    /// Share of pages whose token lists are identical.
    public var accuracy: Double
    public var pages: [PageScore]
    /// Share of benchmark pages (all are articles) that stages 1–2 publish.
    public var publishedShare: Double { pages.isEmpty ? 0 : Double(pages.filter { $0.status == "ok" }.count) / Double(pages.count) }
    /// Pages per second extracting on one thread (read, gunzip, parse, extract).
    public var pagesPerSecond: Double

    /// Extracts every benchmark page and scores it.
    public static func run(corpus: URL) throws -> BodyEvaluation {
        let truth = try groundTruth(corpus.appendingPathComponent("ground-truth.json"))
        let ids = truth.keys.sorted()
        let files = ids.map { ContentDiscovery.file(at: corpus.appendingPathComponent("html/\($0).html.gz").path) }
        let processor = PageProcessor(config: SiteConfig())
        let start = DispatchTime.now().uptimeNanoseconds
        let outcomes = files.map { file in processor.process(file) }
        let texts = outcomes.map { outcome in outcome.extracted.map { PlainText.of($0.content) } }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        var precisions: [Double] = []
        var recalls: [Double] = []
        var identical = 0
        var pages: [PageScore] = []
        for (index, id) in ids.enumerated() {
            let predicted = WordShingles(texts[index] ?? "")
            let expected = WordShingles(truth[id] ?? "")
            if predicted.tokens == expected.tokens { identical += 1 }
            let (tp, fp, fn) = WordShingles.compare(predicted: predicted, expected: expected)
            let sum = Double(tp + fp + fn)
            guard sum > 0 else { continue }
            let (t, p, n) = (Double(tp) / sum, Double(fp) / sum, Double(fn) / sum)
            let perfect = fp == 0 && fn == 0
            let precision = perfect ? 1 : (t + p > 0 ? t / (t + p) : 0)
            let recall = perfect ? 1 : (t + n > 0 ? t / (t + n) : 0)
            if t + p > 0 { precisions.append(precision) }
            if t + n > 0 { recalls.append(recall) }
            pages.append(PageScore(id: id, precision: precision, recall: recall, status: Self.status(outcomes[index])))
        }
        return BodyEvaluation(
            precision: precisions.reduce(0, +) / Double(max(1, precisions.count)),
            recall: recalls.reduce(0, +) / Double(max(1, recalls.count)),
            accuracy: Double(identical) / Double(max(1, ids.count)), pages: pages,
            pagesPerSecond: Double(ids.count) / seconds)
    }

    static func status(_ outcome: PageProcessor.ProcessedPage) -> String {
        guard case .failure(let error) = outcome.document else { return "ok" }
        return error.kind == .rejected ? "rejected" : "failed: \(error.reason)"
    }

    static func groundTruth(_ url: URL) throws -> [String: String] {
        let data = try Data(contentsOf: url)
        guard let object = try JSONSerialization.jsonObject(with: data) as? [String: [String: Any]] else { return [:] }
        return object.compactMapValues { $0["articleBody"] as? String }
    }
}

import Foundation

/// Quality floors pinned in `eval/baseline.json`, each with the fingerprint of the corpus it
/// was measured on. Floors only ever go up (`raised(by:)` keeps the larger value).
public struct EvaluationBaseline: Codable, Sendable, Equatable {
    public var benchmarkFingerprint: String
    public var readabilityFingerprint: String
    /// Figure name (`body.f1`, `metadata.title`, …) → floor.
    public var floors: [String: Double]

    /// Creates a baseline.
    public init(benchmarkFingerprint: String, readabilityFingerprint: String, floors: [String: Double]) {
        self.benchmarkFingerprint = benchmarkFingerprint
        self.readabilityFingerprint = readabilityFingerprint
        self.floors = floors
    }

    public static func load(_ url: URL) -> EvaluationBaseline? {
        guard let data = FileManager.default.contents(atPath: url.path) else { return nil }
        return try? JSONDecoder().decode(EvaluationBaseline.self, from: data)
    }

    public func save(_ url: URL) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try (encoder.encode(self) + Data("\n".utf8)).write(to: url, options: .atomic)
    }

    /// Figures below their floor (name, measured, floor).
    public func regressions(in figures: [String: Double]) -> [(name: String, measured: Double, floor: Double)] {
        floors.keys.sorted().compactMap { name in
            guard let floor = floors[name] else { return nil }
            let measured = figures[name] ?? 0
            // Floors are stored rounded down to 4 places; compare at that precision.
            return (measured * 10_000).rounded(.down) / 10_000 < floor ? (name, measured, floor) : nil
        }
    }

    /// The baseline with every floor raised to the measured figure where that is higher.
    public func raised(by figures: [String: Double]) -> EvaluationBaseline {
        var copy = self
        for (name, value) in figures {
            let rounded = (value * 10_000).rounded(.down) / 10_000
            copy.floors[name] = max(copy.floors[name] ?? 0, rounded)
        }
        return copy
    }
}

/// One evaluation run over both corpora.
public struct EvaluationRun: Sendable {
    public var body: BodyEvaluation
    public var metadata: MetadataEvaluation
    public var benchmarkFingerprint: String
    public var readabilityFingerprint: String

    public static func run(corpora: SharedCorpora) throws -> EvaluationRun {
        EvaluationRun(body: try BodyEvaluation.run(corpus: corpora.benchmark),
                      metadata: try MetadataEvaluation.run(corpus: corpora.readabilityPages),
                      benchmarkFingerprint: SharedCorpora.fingerprint(of: corpora.benchmark),
                      readabilityFingerprint: SharedCorpora.fingerprint(of: corpora.readabilityPages))
    }

    /// The gated figures by name.
    public var figures: [String: Double] {
        var figures = ["body.f1": body.f1, "body.precision": body.precision, "body.recall": body.recall]
        for field in metadata.fields { figures["metadata.\(field.name)"] = field.accuracy }
        return figures
    }

    /// A readable report.
    public func report(verbose: Bool) -> String {
        func percent(_ value: Double) -> String { String(format: "%.1f%%", value * 100) }
        var lines = [
            "body (article-extraction-benchmark, \(body.pages.count) pages): F1 \(String(format: "%.3f", body.f1))  precision \(String(format: "%.3f", body.precision))  recall \(String(format: "%.3f", body.recall))  identical \(percent(body.accuracy))",
            "speed: \(String(format: "%.0f", body.pagesPerSecond)) pages/s on one thread (read + gunzip + parse + extract)",
        ]
        for field in metadata.fields {
            lines.append("metadata \(field.name): \(percent(field.accuracy)) (\(field.correct)/\(field.total) Readability pages)")
        }
        if verbose {
            lines.append("worst body pages (precision recall id):")
            for page in body.pages.sorted(by: { $0.precision + $0.recall < $1.precision + $1.recall }).prefix(25) {
                lines.append(String(format: "  %.2f %.2f ", page.precision, page.recall) + page.id.prefix(12) + " " + page.status)
            }
            for field in metadata.fields where !field.misses.isEmpty {
                lines.append("\(field.name) misses:")
                lines += field.misses.map { "  " + $0 }
            }
        }
        return lines.joined(separator: "\n")
    }
}

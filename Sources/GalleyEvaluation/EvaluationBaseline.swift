import Foundation

/// Quality floors pinned in `eval/baseline.json`, with the fingerprint of each corpus they
/// were measured on. Floors only ever go up (`raised(by:)` keeps the larger value); every figure
/// is one where higher is better.
public struct EvaluationBaseline: Codable, Sendable, Equatable {
    /// Corpus folder name → fingerprint (`SharedCorpora.fingerprint(of:)`).
    public var fingerprints: [String: String]
    /// Figure name (`body.f1`, `metadata.title`, `snippets.f1`, `dates.day`, …) → floor.
    public var floors: [String: Double]

    /// Creates a baseline.
    public init(fingerprints: [String: String], floors: [String: Double]) {
        self.fingerprints = fingerprints
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

    /// Corpora whose fingerprint differs from the pinned one (a corpus not pinned yet is new, not changed).
    public func changedCorpora(_ measured: [String: String]) -> [String] {
        measured.keys.sorted().filter { name in fingerprints[name].map { $0 != measured[name] } ?? false }
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

    /// The baseline with every floor raised to the measured figure where that is higher, and
    /// the fingerprints of corpora measured for the first time added.
    public func raised(by figures: [String: Double], fingerprints measured: [String: String] = [:]) -> EvaluationBaseline {
        var copy = self
        for (name, value) in figures {
            let rounded = (value * 10_000).rounded(.down) / 10_000
            copy.floors[name] = max(copy.floors[name] ?? 0, rounded)
        }
        copy.fingerprints.merge(measured) { pinned, _ in pinned }
        return copy
    }
}

/// One evaluation run over the four shared corpora.
public struct EvaluationRun: Sendable {
    public var body: BodyEvaluation
    public var metadata: MetadataEvaluation
    public var snippets: SnippetEvaluation
    public var dates: DateEvaluation
    /// Corpus folder name → fingerprint.
    public var fingerprints: [String: String]

    public static func run(corpora: SharedCorpora) throws -> EvaluationRun {
        let folders = [corpora.benchmark, corpora.readabilityPages, corpora.trafilaturaEval, corpora.htmldate]
        return EvaluationRun(body: try BodyEvaluation.run(corpus: corpora.benchmark),
                             metadata: try MetadataEvaluation.run(corpus: corpora.readabilityPages),
                             snippets: try SnippetEvaluation.run(corpus: corpora.trafilaturaEval),
                             dates: try DateEvaluation.run(corpus: corpora.htmldate),
                             fingerprints: Dictionary(uniqueKeysWithValues: folders.map {
                                 ($0.lastPathComponent, SharedCorpora.fingerprint(of: $0))
                             }))
    }

    /// The gated figures by name; every one is better when higher.
    public var figures: [String: Double] {
        var figures = ["body.f1": body.f1, "body.precision": body.precision, "body.recall": body.recall,
                       "body.published": body.publishedShare,
                       "metadata.published-pages": metadata.publishedShare,
                       "snippets.f1": snippets.f1, "snippets.precision": snippets.precision, "snippets.recall": snippets.recall,
                       "snippets.published": 1 - snippets.rejectedShare,
                       "dates.day": dates.accuracy]
        for field in metadata.fields { figures["metadata.\(field.name)"] = field.accuracy }
        return figures
    }

    /// A readable report.
    public func report(verbose: Bool, misses: Bool = false) -> String {
        func percent(_ value: Double) -> String { String(format: "%.1f%%", value * 100) }
        var lines = [
            "body (article-extraction-benchmark, \(body.pages.count) pages): F1 \(String(format: "%.3f", body.f1))  precision \(String(format: "%.3f", body.precision))  recall \(String(format: "%.3f", body.recall))  identical \(percent(body.accuracy))",
            "speed: \(String(format: "%.0f", body.pagesPerSecond)) pages/s on one thread (read + gunzip + parse + extract)",
        ]
        for field in metadata.fields {
            lines.append("metadata \(field.name): \(percent(field.accuracy)) (\(field.correct)/\(field.total) Readability pages)")
        }
        lines.append("readability pages published: \(percent(metadata.publishedShare)) (\(metadata.readerableCount - metadata.unpublished.count)/\(metadata.readerableCount) readerable pages)")
        lines.append("snippets (trafilatura-eval-train, \(snippets.pages.count) entries): F1 \(String(format: "%.3f", snippets.f1))  precision \(String(format: "%.3f", snippets.precision))  recall \(String(format: "%.3f", snippets.recall))  accuracy \(String(format: "%.3f", snippets.accuracy))  not published \(percent(snippets.rejectedShare)) of pages with `with` snippets  \(String(format: "%.0f", snippets.pagesPerSecond)) pages/s on \(ProcessInfo.processInfo.activeProcessorCount) cores")
        lines.append("dates (htmldate-train, \(dates.pages.count) pages): day \(percent(dates.accuracy))  none found \(percent(dates.missingShare))")
        if verbose {
            lines.append("worst body pages (precision recall id):")
            for page in body.pages.sorted(by: { $0.precision + $0.recall < $1.precision + $1.recall }).prefix(25) {
                lines.append(String(format: "  %.2f %.2f ", page.precision, page.recall) + page.id.prefix(12) + " " + page.status)
            }
            lines.append("readability pages not published:")
            lines += metadata.unpublished.map { "  " + $0 }
            lines.append("snippet pages not published:")
            lines += snippets.pages.filter { $0.status != "ok" }.map { "  \($0.file): \($0.status) \($0.reason ?? "")" }
            lines.append("worst snippet pages (with found/all, without leaked/all):")
            for page in snippets.pages.filter({ $0.falseNegatives + $0.falsePositives > 0 })
                .sorted(by: { $0.falseNegatives + $0.falsePositives > $1.falseNegatives + $1.falsePositives }).prefix(40) {
                lines.append("  \(page.truePositives)/\(page.truePositives + page.falseNegatives) \(page.falsePositives)/\(page.falsePositives + page.trueNegatives) \(page.file)")
            }
            lines.append("date misses (expected found id):")
            lines += dates.pages.filter { !$0.correct }.map { "  \($0.expected) \($0.found ?? "none") \($0.id)" }
            for field in metadata.fields where !field.misses.isEmpty {
                lines.append("\(field.name) misses:")
                lines += field.misses.map { "  " + $0 }
            }
        }
        if misses {
            lines.append("snippet misses (- a `with` snippet missing, + a `without` snippet leaked):")
            for page in snippets.pages where !page.missing.isEmpty || !page.leaked.isEmpty {
                lines.append("  \(page.file) [\(page.status)]")
                lines += page.missing.map { "    - " + $0 }
                lines += page.leaked.map { "    + " + $0 }
            }
        }
        return lines.joined(separator: "\n")
    }
}

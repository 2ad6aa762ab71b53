import Foundation
import GalleyCore
import GalleyExtract
import GalleyPipeline

/// Metadata accuracy on Mozilla Readability's test pages (`expected-metadata.json`): per field,
/// the share of pages that have an expected value where ours matches.
///
/// Matching: title and language exactly after whitespace is collapsed (language
/// case-insensitively); byline case-insensitively after a leading "By"/"Oleh" label and
/// trailing punctuation are removed, where Readability's raw byline may go on after the name
/// (it keeps the date or role set in the same element: "By Nathan Willis March 25, 2015"
/// matches "Nathan Willis"), and where Readability's byline is the page's annotated site name,
/// galley's must be empty (a publisher is no byline); published time as the same instant.
public struct MetadataEvaluation: Sendable {
    public struct Field: Sendable {
        public var name: String
        public var correct: Int
        public var total: Int
        public var misses: [String]
        public var accuracy: Double { total == 0 ? 1 : Double(correct) / Double(total) }
    }

    public var fields: [Field]
    /// Pages Readability calls readerable that the whole of stages 1–2 did not publish, with
    /// their reasons.
    public var unpublished: [String]
    /// How many pages Readability calls readerable.
    public var readerableCount: Int
    /// Share of readerable pages that stages 1–2 publish.
    public var publishedShare: Double { readerableCount == 0 ? 1 : 1 - Double(unpublished.count) / Double(readerableCount) }

    public static func run(corpus: URL) throws -> MetadataEvaluation {
        let cases = try FileManager.default.contentsOfDirectory(atPath: corpus.path).sorted()
        let extractor = HTMLExtractor()
        let processor = PageProcessor(config: SiteConfig())
        var unpublished: [String] = []
        var readerableCount = 0
        var fields = ["title", "byline", "language", "published"].map { Field(name: $0, correct: 0, total: 0, misses: []) }
        for name in cases {
            let folder = corpus.appendingPathComponent(name)
            guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent("expected-metadata.json").path),
                  let expected = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { continue }
            let bytes = FileManager.default.contents(atPath: folder.appendingPathComponent("source.html").path).map { [UInt8]($0) } ?? []
            let metadata = try? extractor.metadata(of: SourcePage(path: name, bytes: bytes))
            if expected["readerable"] as? Bool ?? true {
                readerableCount += 1
                let outcome = processor.process(ContentDiscovery.file(at: folder.appendingPathComponent("source.html").path))
                if case .failure(let error) = outcome.document { unpublished.append("\(name): \(error.reason)") }
            }
            let siteName = expected["siteName"] as? String
            let pairs: [(String?, String?, (String, String?) -> Bool)] = [
                (expected["title"] as? String, metadata?.title, { want, got in got.map { titleMatches(want, $0, siteName: siteName) } ?? false }),
                (expected["byline"] as? String, metadata?.byline, { want, got in bylineMatches(want, got, siteName: siteName) }),
                (expected["lang"] as? String, metadata?.language, { want, got in got.map { normalized(want).lowercased() == normalized($0).lowercased() } ?? false }),
                (expected["publishedTime"] as? String, metadata?.published?.rfc3339, { want, got in got.map { sameInstant(want, $0) } ?? false }),
            ]
            for (index, (want, got, matches)) in pairs.enumerated() {
                guard let want, !normalized(want).isEmpty else { continue }
                fields[index].total += 1
                if matches(want, got) {
                    fields[index].correct += 1
                } else {
                    fields[index].misses.append("\(name): want \(want.prefix(60)) got \(got.map { String($0.prefix(60)) } ?? "nil")")
                }
            }
        }
        return MetadataEvaluation(fields: fields, unpublished: unpublished, readerableCount: readerableCount)
    }

    /// Readability keeps a title as the page's metadata wrote it, site name and all ("How to
    /// Build a Terrarium | eHow"); galley drops the site's name (issue 12). A title matches when
    /// it equals the expected one, or the expected one without a leading or trailing segment,
    /// behind a separator, that is the page's annotated `siteName`.
    static func titleMatches(_ want: String, _ got: String, siteName: String?) -> Bool {
        let expected = normalized(want)
        let actual = normalized(got)
        if expected == actual { return true }
        guard let siteName, !siteName.isEmpty else { return false }
        let site = folded(siteName)
        for separator in [" | ", " - ", " – ", " — ", " · ", " :: ", " » ", " « ", " / ", " _ "] {
            let parts = expected.components(separatedBy: separator)
            guard parts.count > 1 else { continue }
            if let last = parts.last, folded(last) == site || folded(last).contains(site) || site.contains(folded(last)),
               parts.dropLast().joined(separator: separator) == actual { return true }
            if let first = parts.first, folded(first) == site, parts.dropFirst().joined(separator: separator) == actual { return true }
        }
        return false
    }

    static func folded(_ text: String) -> String {
        String(text.lowercased().filter { $0.isLetter || $0.isNumber })
    }

    static func normalized(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    static func byline(_ text: String) -> String {
        var value = normalized(text).lowercased()
        for label in ["written by ", "posted by ", "by ", "oleh ", "von ", "par ", "por "] where value.hasPrefix(label) { value.removeFirst(label.count) }
        return value.trimmingCharacters(in: CharacterSet(charactersIn: " .,;:|-"))
    }

    /// Where Readability's byline is the page's annotated site name, galley's must be empty (a
    /// publisher is no byline; issue 12); otherwise ours is the name Readability's starts with.
    static func bylineMatches(_ want: String, _ got: String?, siteName: String?) -> Bool {
        guard let got else {
            guard let siteName, !folded(siteName).isEmpty else { return false }
            return folded(want).hasPrefix(folded(siteName))
        }
        let expected = byline(want)
        let actual = byline(got)
        guard !actual.isEmpty, expected.hasPrefix(actual) else { return false }
        let rest = expected.dropFirst(actual.count)
        return rest.first.map { !$0.isLetter } ?? true
    }

    static func sameInstant(_ want: String, _ got: String) -> Bool {
        guard let expected = Timestamp.parseISO8601(want), let actual = Timestamp.parseISO8601(got) else { return want == got }
        return expected.date == actual.date
    }
}

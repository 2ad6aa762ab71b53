import Foundation
import GalleyCore
import GalleyNormalize
import GalleyTestSupport
import Testing
import Yams

/// Property: the front matter galley writes is valid YAML that any YAML reader (here Yams)
/// reads back as the same strings — for titles, bylines, tags and regions made of the
/// characters YAML treats specially — and dates are RFC 3339 with their offset.
@Suite struct FrontMatterPropertyTests {
    static let cases = 3_000

    /// Pieces values are made of: YAML indicators, quotes, line breaks, plain-scalar lookalikes
    /// of other types, Unicode line separators, right-to-left text, emoji, control characters.
    static let pieces = [
        ": ", ":", " #", "#", "- ", "-", "? ", "?", "\"", "'", "\\", "\n", "\r\n", "\r", "\t", "---", "...", "&a", "*a", "!tag", "!!str",
        "|", ">", "%", "@", "`", "{", "}", "[", "]", ",", "=", "<<", "~", "null", "Null", "true", "False", "yes", "no", "on", "off",
        "y", "n", ".inf", "-.inf", ".nan", "0x1F", "0o17", "1e3", "123", "-7", "+1", "1_000", "2020-10-13", "2020-10-13T10:15:00+07:00",
        "12:30", " ", "  ", "\u{00A0}", "\u{2028}", "\u{2029}", "\u{0085}", "\u{FEFF}", "\u{200B}", "\u{0001}", "\u{001B}", "\u{007F}",
        "مرحبا بالعالم", "שלום", "\u{202E}rtl", "🌊🏠", "👩‍👩‍👧", "é", "e\u{0301}", "北京", "Banjir", "Surabaya", "kata", "x",
    ]

    @Test func anyValueIsWrittenAsYAMLThatReadsBackTheSame() throws {
        var random = SeededRandom(seed: 2026)
        let normalizer = MarkdownNormalizer()
        var failures: [String] = []
        for index in 0..<Self.cases {
            let values = (0..<5).map { _ in Self.value(&random) }
            let offset = random.uniformPick([0, 3600, 7 * 3600, -5 * 3600, 5 * 3600 + 1800, -(3 * 3600 + 1800)])
            let date = Timestamp(date: Date(timeIntervalSince1970: Double(Int.random(in: 0...2_000_000_000, using: &random))), utcOffsetSeconds: offset)
            let matter = FrontMatter(title: values[0], date: date, author: values[1], tags: [values[2], values[3]], region: values[4], summary: values[0])
            let text = normalizer.serialize(ArticleDocument(source: "a.md", frontMatter: matter, body: "Isi.\n"))
            if let problem = Self.problem(reading: text, matter: matter) {
                failures.append("case \(index): \(problem)\n\(text)")
            }
        }
        #expect(failures.isEmpty, "\(failures.count) of \(Self.cases) failed; first: \(failures.first ?? "")")
    }

    static func value(_ random: inout SeededRandom) -> String {
        let count = random.chance(0.05) ? Int.random(in: 200...400, using: &random) : Int.random(in: 1...6, using: &random)
        var value = (0..<count).map { _ in random.uniformPick(pieces) }.joined()
        // The writer leaves empty values out; keep one visible character.
        if value.allSatisfy(\.isWhitespace) { value += "x" }
        return value
    }

    /// What is wrong with reading `text` back, or nil.
    static func problem(reading text: String, matter: FrontMatter) -> String? {
        let lines = text.components(separatedBy: "\n")
        guard lines.first == "---", let end = lines.dropFirst().firstIndex(of: "---") else { return "no --- fences" }
        let yaml = lines[1..<end].joined(separator: "\n")
        guard lines[(end + 1)...].joined(separator: "\n") == "\nIsi.\n" else { return "the body moved" }
        let loaded: Any?
        do { loaded = try Yams.load(yaml: yaml) } catch { return "not valid YAML: \(error)" }
        guard let mapping = loaded as? [String: Any] else { return "not a mapping" }
        // Byte order marks and control characters are not text: the writer drops them.
        func written(_ value: String?) -> String { CanonicalTree.withoutControls(value ?? "") }
        let expected = ["title": written(matter.title), "author": written(matter.author), "region": written(matter.region), "summary": written(matter.summary)]
        for (key, value) in expected where mapping[key] as? String != (value.isEmpty ? nil : value) {
            return "\(key): wrote \(value.debugDescription), read \(String(describing: mapping[key]).debugDescription)"
        }
        guard let tags = mapping["tags"] as? [Any] ?? (matter.tags.allSatisfy { written($0).isEmpty } ? [] : nil), tags.compactMap({ $0 as? String }) == matter.tags.map(written).filter({ !$0.isEmpty }) else {
            return "tags: wrote \(matter.tags), read \(String(describing: mapping["tags"]))"
        }
        guard let dateLine = lines.first(where: { $0.hasPrefix("date: ") }), dateLine == "date: " + matter.date.rfc3339,
              dateLine.range(of: #"^date: \d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(Z|[+-]\d\d:\d\d)$"#, options: .regularExpression) != nil else {
            return "date is not RFC 3339 with offset"
        }
        return nil
    }
}

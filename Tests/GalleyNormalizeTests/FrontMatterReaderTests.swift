import Foundation
import GalleyCore
@testable import GalleyNormalize
import GalleyTestSupport
import Testing

/// The fast front matter path (`FrontMatterReader`, byte-level `split`) reads exactly what the
/// Yams path and the line-splitting `split` read: on the benchmark corpus, on front matter
/// galley writes for awkward values, and on generated YAML in many styles.
@Suite struct FrontMatterReaderTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Both readers' result: the front matter, or the error's reason.
    static func bothWays(_ yaml: String) -> (fast: Result<FrontMatter, GalleyError>, yams: Result<FrontMatter, GalleyError>) {
        let fast = Result { () throws(GalleyError) in try FrontMatterCoder.decode(yaml, source: "a.md") }
        let yams = Result { () throws(GalleyError) in try FrontMatterCoder.decode(yaml, source: "a.md", fastPath: false) }
        return (fast, yams)
    }

    static func same(_ pair: (fast: Result<FrontMatter, GalleyError>, yams: Result<FrontMatter, GalleyError>)) -> Bool {
        switch pair {
        case (.success(let fast), .success(let yams)): fast == yams
        case (.failure(let fast), .failure(let yams)): fast.reason == yams.reason
        default: false
        }
    }

    @Test func benchmarkCorpusReadsTheSameBothWays() throws {
        let folder = Self.repository.appendingPathComponent("bench/.cache/corpus-10000-seed42/galley/posts")
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return } // corpus not generated here
        var fastCount = 0
        for name in names.sorted() where name.hasSuffix(".md") {
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            let parts = try #require(FrontMatterCoder.split(text))
            #expect(parts.yaml == Self.referenceSplit(text)?.yaml && parts.body == Self.referenceSplit(text)?.body, "\(name)")
            if FrontMatterReader.read(parts.yaml) != nil { fastCount += 1 }
            #expect(Self.same(Self.bothWays(parts.yaml)), "\(name)")
        }
        #expect(fastCount == names.count, "only \(fastCount) of \(names.count) took the fast path")
    }

    static let pieces = [
        ": ", ":", " #", "#", "- ", "-", "? ", "?", "\"", "'", "\\", "\n", "\r\n", "\r", "\t", "---", "...", "&a", "*a", "!tag", "!!str",
        "|", ">", "%", "@", "`", "{", "}", "[", "]", ",", "=", "<<", "~", "null", "Null", "true", "False", "yes", "no", "on", "off",
        "y", "n", ".inf", "0x1F", "123", "-7", "+1", "1_000", "2020-10-13", "2020-10-13T10:15:00+07:00", "12:30", " ", "  ", "\u{00A0}",
        "\u{2028}", "\u{2029}", "\u{0085}", "\u{FEFF}", "\u{200B}", "\u{0001}", "\u{001B}", "\u{007F}", "\u{0080}", "\u{FFFE}", "مرحبا",
        "🌊🏠", "é", "e\u{0301}", "北京", "Banjir", "Surabaya", "kata", "x", "https://x.org/a:b?c=d#e",
    ]

    static func value(_ random: inout SeededRandom) -> String {
        (0..<(1 + random.below(5))).map { _ in random.pick(pieces) }.joined()
    }

    @Test func frontMatterGalleyWritesReadsTheSameBothWays() throws {
        var random = SeededRandom(seed: 2026)
        let normalizer = MarkdownNormalizer()
        var fastCount = 0
        for index in 0..<3_000 {
            let values = (0..<6).map { _ in Self.value(&random) }
            let date = Timestamp(date: Date(timeIntervalSince1970: Double(random.below(2_000_000_000))), utcOffsetSeconds: random.pick([0, 3600, 7 * 3600, -5 * 3600]))
            let matter = FrontMatter(title: values[0], date: date, dateSource: DateSource.allCases[index % 3], author: values[1], tags: [values[2], values[3]], region: values[4],
                                     summary: values[5], image: random.below(2) == 0 ? nil : "https://img.example/a.jpg", lang: random.pick([nil, "id", "en-GB"]),
                                     draft: random.below(5) == 0)
            let text = normalizer.serialize(ArticleDocument(source: "a.md", frontMatter: matter, body: "Isi.\n"))
            let parts = try #require(FrontMatterCoder.split(text))
            if FrontMatterReader.read(parts.yaml) != nil { fastCount += 1 }
            #expect(Self.same(Self.bothWays(parts.yaml)), "case \(index)\n\(parts.yaml)")
        }
        #expect(fastCount > 100, "the fast path took only \(fastCount) cases")
    }

    /// Lines of every style the reader takes or refuses: plain, quoted, escaped, flow and block
    /// lists, empty values, comments, indentation, repeated keys.
    @Test func generatedYAMLReadsTheSameBothWays() {
        var random = SeededRandom(seed: 7)
        let keys = ["title", "date", "modified", "author", "tags", "region", "summary", "slug", "draft", "lang", "image", "x-y", "Title", "tags"]
        let escapes = ["\\\"", "\\\\", "\\/", "\\n", "\\t", "\\0", "\\a", "\\e", "\\ ", "\\N", "\\_", "\\L", "\\P", "\\x41", "\\xE9", "\\u00e9",
                       "\\u4EAC", "\\U0001F30A", "\\uD800", "\\q", "\\x4", "\\"]
        var fastCount = 0
        for index in 0..<20_000 {
            var lines: [String] = []
            if random.below(3) != 0 { lines.append("title: " + random.pick(["Banjir", "\"Banjir\"", "'Banjir'"])) }
            if random.below(4) != 0 { lines.append("date: " + random.pick(["2026-10-12T09:30:00+07:00", "'2026-10-12T09:30:00Z'", "kemarin"])) }
            for _ in 0..<random.below(5) {
                let key = random.pick(keys)
                let plainText = Self.value(&random).replacingOccurrences(of: "\n", with: " ")
                let quotedText = Self.value(&random).replacingOccurrences(of: "\n", with: "").replacingOccurrences(of: "\r", with: "")
                let item = { (random: inout SeededRandom) -> String in
                    random.pick(["\"" + random.pick(["a", "b c", "北京", ""]) + "\"", "'" + random.pick(["a", "it''s", ""]) + "'", random.pick(["a", "b c", "Jakarta"])])
                }
                var line = key + random.pick([": ", ":", ":  ", " : ", ": "])
                switch random.below(9) {
                case 0: line += plainText
                case 1: line += "'" + quotedText.replacingOccurrences(of: "'", with: random.pick(["''", "'"])) + "'"
                case 2: line += "\"" + quotedText.replacingOccurrences(of: "\"", with: "\\\"").replacingOccurrences(of: "\\", with: random.pick(["\\\\", "\\"])) + "\""
                case 3: line += "\"" + (0..<(1 + random.below(3))).map { _ in random.pick(escapes) + random.pick(["", "x", " "]) }.joined() + "\""
                case 4: line += "[" + (0..<random.below(4)).map { _ in item(&random) }.joined(separator: random.pick([", ", ",", " , "])) + random.pick(["]", " ]", "], ", "] # c"])
                case 5: line = key + ":" + (0..<(1 + random.below(3))).map { _ in "\n" + random.pick(["", "", "  "]) + "- " + item(&random) }.joined()
                case 6: line += random.pick(["", "# comment", "&anchor x", "*alias", "!!str x", "|\n  text", ">\n  folded", "x # comment", "x  "])
                case 7: line += random.pick(["true", "True", "TRUE", "yes", "on", "Off", "no", "tRuE", "'true'", "\"yes\"", "1"])
                default: line = random.pick(["", "# comment", "  indented: x", "\t", "- a", "---", "..."])
                }
                lines.append(line)
            }
            lines.shuffle(using: &random)
            let yaml = lines.joined(separator: random.pick(["\n", "\n", "\n\n"]))
            if FrontMatterReader.read(yaml) != nil { fastCount += 1 }
            #expect(Self.same(Self.bothWays(yaml)), "case \(index)\n\(yaml)")
        }
        #expect(fastCount > 2_000, "the fast path took only \(fastCount) cases")
    }

    /// The line-splitting `split` it replaced.
    static func referenceSplit(_ text: String) -> (yaml: String, body: String)? {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.first?.hasPrefix("\u{FEFF}") == true { lines[0] = lines[0].dropFirst() }
        guard lines.first?.trimmingCharacters(in: .whitespaces) == "---" else { return nil }
        guard let end = lines.indices.dropFirst().first(where: {
            let line = lines[$0].trimmingCharacters(in: .whitespaces)
            return line == "---" || line == "..."
        }) else { return nil }
        return (lines[1..<end].joined(separator: "\n"), lines[(end + 1)...].joined(separator: "\n"))
    }

    @Test func splitMatchesTheLineSplittingReference() {
        var random = SeededRandom(seed: 11)
        let pieces = ["---", "...", "--", "----", " ", "\t", "\u{00A0}", "\u{3000}", "\u{FEFF}", "\n", "\r\n", "\r", "title: x", "é", "北京", "- a", "#", ""]
        for _ in 0..<30_000 {
            let text = (0..<random.below(12)).map { _ in random.pick(pieces) }.joined()
            let fast = FrontMatterCoder.split(text)
            let reference = Self.referenceSplit(text)
            #expect(fast?.yaml == reference?.yaml && fast?.body == reference?.body && (fast == nil) == (reference == nil), "\(text.debugDescription)")
        }
    }

    @Test func controlCharactersAndTrimmingMatchTheirReferences() {
        var random = SeededRandom(seed: 12)
        let pieces = ["a", " ", "\t", "\n", "\r", "\u{0}", "\u{1B}", "\u{7F}", "\u{80}", "\u{85}", "\u{9F}", "\u{A0}", "\u{FEFF}", "\u{EFFF}", "é", "\u{2028}", "\u{3000}", "\u{B}", "\u{C}", "🌊"]
        for _ in 0..<30_000 {
            let text = (0..<random.below(6)).map { _ in random.pick(pieces) }.joined()
            let reference = String(String.UnicodeScalarView(text.unicodeScalars.filter { !ControlCharacters.isDropped($0) }))
            #expect(ControlCharacters.removed(from: text).utf8.elementsEqual(reference.utf8), "\(text.debugDescription)")
            #expect(text.trimmingWhitespace.utf8.elementsEqual(text.trimmingCharacters(in: .whitespacesAndNewlines).utf8), "\(text.debugDescription)")
            #expect(text.trimmedSpacesAndTabs.utf8.elementsEqual(text.trimmingCharacters(in: .whitespaces).utf8), "\(text.debugDescription)")
        }
    }
}

import Foundation
import GalleyCore
import Yams

/// Writes and reads the YAML front matter of an article file with Yams (libyaml), so any title,
/// byline or tag — colons, quotes, `#`, leading dashes, newlines, emoji, right-to-left text —
/// comes back exactly as written, as a string, for any YAML reader.
///
/// Values are plain when that is safe (`title: Banjir di Surabaya`); a value whose plain form a
/// reader would take for another type (`true`, `no`, `123`, `2020-10-13`, `null`, `12:30`) is
/// single-quoted; one with line breaks, tabs or other control or separator characters is
/// double-quoted, on one line, with escapes. libyaml quotes YAML indicators (`: `, `#`, `- `)
/// itself. Byte order marks and control characters other than tab and line breaks are dropped
/// from values, and `lang` must be a language tag, on the way in and out. Dates are RFC 3339
/// with their offset, plain.
enum FrontMatterCoder {
    /// Key order in written files.
    static func node(for matter: FrontMatter) -> Node {
        var pairs: [(Node, Node)] = []
        func add(_ key: String, _ value: String?) {
            guard let value = value.map(cleaned), !value.isEmpty else { return }
            pairs.append((Node(key), string(value)))
        }
        add("title", matter.title)
        pairs.append((Node("date"), Node(matter.date.rfc3339, Tag(.str), .plain)))
        // Written only when the date is not the page's own: an absent key reads as `page`.
        if matter.dateSource != .page { pairs.append((Node("date_source"), Node(matter.dateSource.rawValue, Tag(.str), .plain))) }
        if let modified = matter.modified { pairs.append((Node("modified"), Node(modified.rfc3339, Tag(.str), .plain))) }
        add("author", matter.author)
        add("editor", matter.editor)
        let tags = matter.tags.map(cleaned).filter { !$0.isEmpty }
        if !tags.isEmpty {
            pairs.append((Node("tags"), Node(tags.map(string))))
        }
        add("region", matter.region)
        add("section", matter.section)
        add("summary", matter.summary)
        add("image", matter.image)
        add("image_caption", matter.imageCaption)
        add("source_url", matter.sourceURL)
        add("lang", matter.lang)
        add("slug", matter.slug)
        if matter.draft { pairs.append((Node("draft"), Node("true", Tag(.bool)))) }
        return Node(pairs)
    }

    /// A value without `ControlCharacters` (a leading byte order mark could not even come back:
    /// YAML readers drop it).
    static func cleaned(_ value: String) -> String {
        ControlCharacters.removed(from: value)
    }

    /// Every text value of front matter `cleaned`, and `lang` only when it is a language tag.
    static func cleaned(_ matter: FrontMatter) -> FrontMatter {
        var matter = matter
        func clean(_ value: String?) -> String? {
            value.map(cleaned).flatMap { $0.trimmingWhitespace.isEmpty ? nil : $0 }
        }
        matter.title = cleaned(matter.title)
        matter.author = clean(matter.author)
        matter.editor = clean(matter.editor)
        matter.tags = matter.tags.map(cleaned).filter { !$0.trimmingWhitespace.isEmpty }
        matter.region = clean(matter.region)
        matter.summary = clean(matter.summary)
        matter.image = clean(matter.image)
        matter.imageCaption = clean(matter.imageCaption)
        matter.section = clean(matter.section)
        matter.sourceURL = clean(matter.sourceURL)
        matter.lang = matter.lang.flatMap(languageTag)
        matter.slug = clean(matter.slug)
        return matter
    }

    /// A BCP 47-shaped language tag (`id`, `en-GB`, `zh-Hant-TW`), or nil.
    static func languageTag(_ text: String) -> String? {
        let parts = text.trimmingCharacters(in: .whitespaces).split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, (2...8).contains(first.count), first.allSatisfy({ $0.isASCII && $0.isLetter }),
              parts.dropFirst().allSatisfy({ (1...8).contains($0.count) && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } })
        else { return nil }
        return parts.joined(separator: "-")
    }

    /// A string value in the style that reads back as the same string (see the type's notes).
    static func string(_ value: String) -> Node {
        Node(value, Tag(.str), style(for: value))
    }

    static func style(for value: String) -> Node.Scalar.Style {
        if value.unicodeScalars.contains(where: needsEscape) { return .doubleQuoted }
        if Resolver.default.resolveTag(of: Node(value)) != .str || looksTyped(value) { return .singleQuoted }
        return .any
    }

    /// Control characters (tab and line breaks included), Unicode line and paragraph separators,
    /// the byte order mark and noncharacters: written as escapes.
    private static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .control, .lineSeparator, .paragraphSeparator: return true
        default: return scalar.value == 0xFEFF || scalar.properties.isNoncharacterCodePoint
        }
    }

    /// Plain values that YAML 1.1 readers (older than Yams' rules) take for booleans, numbers
    /// (`1_000`, `12:30` in base 60) or dates.
    private static func looksTyped(_ value: String) -> Bool {
        let words: Set<String> = ["y", "n", "yes", "no", "on", "off", "true", "false", "null", "~"]
        if words.contains(value.lowercased()) { return true }
        guard let first = value.first, first.isNumber || "+-.".contains(first) else { return false }
        let numberLike = value.allSatisfy { $0.isASCII && ($0.isHexDigit || "+-._:xXoO".contains($0)) }
        let dateLike = value.prefix(4).allSatisfy(\.isNumber) && value.contains("-")
        return numberLike || dateLike
    }

    /// The `---`-fenced front matter block.
    static func encode(_ matter: FrontMatter) -> String {
        let yaml = (try? Yams.serialize(node: node(for: matter), width: -1, allowUnicode: true)) ?? ""
        return "---\n" + yaml + "---\n"
    }

    /// Splits a Markdown file into its front matter text and body: the first line is `---`
    /// (after a byte order mark), the front matter ends at the next `---` or `...` line (spaces
    /// and tabs around them allowed). Lines end at `\n` only (a CR LF pair is one character,
    /// not a line break). Works on bytes and reads only up to the closing line.
    static func split(_ text: String) -> (yaml: String, body: String)? {
        var text = text
        return text.withUTF8 { bytes -> (yaml: String, body: String)? in
            var lines = FenceLines(bytes)
            guard let first = lines.next(), lines.isFence(first, dropping: bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0, dots: false),
                  let second = lines.next() else { return nil }
            var line = second
            while !lines.isFence(line, dropping: 0, dots: true) {
                guard let next = lines.next() else { return nil }
                line = next
            }
            let yaml = line.lowerBound > second.lowerBound ? bytes[second.lowerBound..<(line.lowerBound - 1)] : bytes[second.lowerBound..<second.lowerBound]
            let body = line.upperBound < bytes.count ? bytes[(line.upperBound + 1)...] : bytes[bytes.count...]
            return (String(decoding: UnsafeBufferPointer(rebasing: yaml), as: UTF8.self),
                    String(decoding: UnsafeBufferPointer(rebasing: body), as: UTF8.self))
        }
    }

    /// The lines of a text as byte ranges (line breaks excluded), one at a time.
    private struct FenceLines {
        let bytes: UnsafeBufferPointer<UInt8>
        var start = 0

        init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

        /// The next line; nil after the last one (a text ending in `\n` has an empty last line).
        mutating func next() -> Range<Int>? {
            guard start <= bytes.count else { return nil }
            var end = start
            while end < bytes.count, !(bytes[end] == 0x0A && (end == 0 || bytes[end - 1] != 0x0D)) { end += 1 }
            defer { start = end + 1 }
            return start..<end
        }

        /// Whether a line is `---` (or `...` with `dots`) once whitespace around it is trimmed.
        func isFence(_ line: Range<Int>, dropping: Int, dots: Bool) -> Bool {
            let content = bytes[(line.lowerBound + min(dropping, line.count))..<line.upperBound]
            if content.allSatisfy({ $0 < 0x80 }) {
                let trimmed = content.drop { $0 == 0x20 || $0 == 0x09 }.reversed().drop { $0 == 0x20 || $0 == 0x09 }
                return trimmed.elementsEqual([0x2D, 0x2D, 0x2D]) || (dots && trimmed.elementsEqual([0x2E, 0x2E, 0x2E]))
            }
            // Other whitespace (no-break and typographic spaces) is trimmed too; the line must
            // still hold the fence itself.
            guard Self.holdsThree(0x2D, content) || (dots && Self.holdsThree(0x2E, content)) else { return false }
            let text = String(decoding: UnsafeBufferPointer(rebasing: content), as: UTF8.self).trimmingCharacters(in: .whitespaces)
            return text == "---" || (dots && text == "...")
        }

        private static func holdsThree(_ byte: UInt8, _ content: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
            var run = 0
            for current in content {
                run = current == byte ? run + 1 : 0
                if run == 3 { return true }
            }
            return false
        }
    }

    /// Reads front matter. Errors name the key that is wrong.
    /// Front matter of the plain shape (see `FrontMatterReader`) is read without Yams, unless
    /// `fastPath` is false (tests compare the two).
    static func decode(_ yaml: String, source: String, fastPath: Bool = true) throws(GalleyError) -> FrontMatter {
        if fastPath, let values = FrontMatterReader.read(yaml) { return try decode(Fields(values), source: source) }
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch {
            throw GalleyError(.normalize, source: source,
                              reason: "front matter is not valid YAML: \(String(describing: error).split(separator: "\n").first ?? "")")
        }
        guard let mapping = root?.mapping else {
            throw GalleyError(.normalize, source: source, reason: "front matter must be a YAML mapping of keys to values")
        }
        return try decode(Fields(mapping), source: source)
    }

    /// What `decode` asks of a YAML mapping, whoever read it.
    struct Fields {
        /// The text of a scalar value.
        let scalar: (String) -> String?
        /// The texts of a list's scalar items (nested lists and mappings left out).
        let sequence: (String) -> [String]?
        /// A value YAML reads as a boolean.
        let bool: (String) -> Bool?

        init(_ mapping: Node.Mapping) {
            scalar = { mapping[$0]?.scalar?.string }
            sequence = { mapping[$0]?.sequence?.compactMap { $0.scalar?.string } }
            bool = { mapping[$0]?.bool }
        }

        init(_ values: [String: FrontMatterReader.Value]) {
            scalar = { key in
                guard case .scalar(let text, _)? = values[key] else { return nil }
                return text
            }
            sequence = { key in
                guard case .sequence(let items)? = values[key] else { return nil }
                return items
            }
            bool = { key in
                guard case .scalar(let text, plain: true)? = values[key] else { return nil }
                return FrontMatterReader.booleans[text]
            }
        }
    }

    /// `date_source`: absent is `page`; another value than `page`, `fetched` or `file` is an error.
    private static func parseDateSource(_ text: String?, fail: (String) -> GalleyError) throws(GalleyError) -> DateSource {
        guard let text else { return .page }
        guard let value = DateSource(rawValue: text.lowercased()) else {
            throw fail("date_source \"\(text)\" must be page, fetched or file")
        }
        return value
    }

    private static func decode(_ mapping: Fields, source: String) throws(GalleyError) -> FrontMatter {
        func fail(_ reason: String) -> GalleyError { GalleyError(.normalize, source: source, reason: reason) }
        func string(_ key: String) -> String? {
            guard let value = mapping.scalar(key).map(cleaned)?.trimmingWhitespace,
                  !value.isEmpty else { return nil }
            return value
        }
        func timestamp(_ key: String) throws(GalleyError) -> Timestamp? {
            guard let text = string(key) else { return nil }
            guard let value = Timestamp.parseISO8601(text) else {
                throw fail("\(key) \"\(text)\" is not an RFC 3339 date (like 2026-10-12T09:30:00+07:00)")
            }
            return value
        }
        guard let title = string("title") else { throw fail("front matter has no title") }
        guard let date = try timestamp("date") else { throw fail("front matter has no date") }
        let dateSource = try parseDateSource(string("date_source"), fail: fail)
        var tags: [String] = []
        if let sequence = mapping.sequence("tags") {
            tags = sequence.map { $0.trimmedSpacesAndTabs }.filter { !$0.isEmpty }
        } else if let list = string("tags") {
            tags = list.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
        let draft = mapping.bool("draft") ?? (string("draft")?.lowercased() == "true")
        return cleaned(FrontMatter(
            title: title, date: date, dateSource: dateSource, modified: try timestamp("modified"), author: string("author"),
            editor: string("editor"), tags: tags, region: string("region"), summary: string("summary"),
            image: string("image"), imageCaption: string("image_caption"), section: string("section"),
            sourceURL: string("source_url"), lang: string("lang"), slug: string("slug"), draft: draft))
    }
}

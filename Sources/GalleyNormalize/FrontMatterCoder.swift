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
    /// The fields in schema order (`FrontMatter.fields`), each only when it has a value, then
    /// `extra` with its keys sorted.
    static func node(for matter: FrontMatter) -> Node {
        var pairs: [(Node, Node)] = []
        for field in FrontMatter.fields {
            guard let value = field.value(in: matter), let node = node(for: value) else { continue }
            pairs.append((Node(field.key), node))
        }
        if !matter.extra.isEmpty, let extra = node(for: .map(matter.extra)) { pairs.append((Node(FrontMatter.extraKey), extra)) }
        return Node(pairs)
    }

    /// A schema value as written: text in the style that reads back the same (nil when empty
    /// once cleaned), times as plain RFC 3339, lists without their empty items, flags plain.
    private static func node(for value: ArticleField.Value) -> Node? {
        switch value {
        case .text(let text):
            let text = cleaned(text)
            return text.isEmpty ? nil : string(text)
        case .time(let time): return Node(time.rfc3339, Tag(.str), .plain)
        case .list(let items):
            let items = items.map(cleaned).filter { !$0.isEmpty }
            return items.isEmpty ? nil : Node(items.map(string))
        case .flag(let flag): return Node(flag ? "true" : "false", Tag(.bool))
        }
    }

    /// An `extra` value as written (empty texts kept: they are the author's).
    private static func node(for value: FrontMatterValue) -> Node? {
        switch value {
        case .text(let text): return string(cleaned(text))
        case .flag(let flag): return Node(flag ? "true" : "false", Tag(.bool))
        case .list(let items): return Node(items.compactMap { node(for: $0) })
        case .map(let members):
            return Node(members.sorted { $0.key < $1.key }.compactMap { key, member in node(for: member).map { (string(cleaned(key)), $0) } })
        }
    }

    /// A value without `ControlCharacters` (a leading byte order mark could not even come back:
    /// YAML readers drop it).
    static func cleaned(_ value: String) -> String {
        ControlCharacters.removed(from: value)
    }

    /// Every text value of front matter `cleaned` (optional ones dropped when blank), and
    /// language tags only when they are one.
    static func cleaned(_ matter: FrontMatter) -> FrontMatter {
        var matter = matter
        func clean(_ value: String?) -> String? {
            value.map(cleaned).flatMap { $0.trimmingWhitespace.isEmpty ? nil : $0 }
        }
        for field in FrontMatter.fields {
            switch field.storage {
            case .requiredText(let path): matter[path] = cleaned(matter[path])
            case .text(let path): matter[path] = clean(matter[path])
            case .languageTag(let path): matter[path] = matter[path].flatMap(languageTag)
            case .list(let path): matter[path] = matter[path].map(cleaned).filter { !$0.trimmingWhitespace.isEmpty }
            case .requiredTime, .time, .flag, .dateSource: break
            }
        }
        matter.extra = cleaned(matter.extra)
        return matter
    }

    private static func cleaned(_ extra: [String: FrontMatterValue]) -> [String: FrontMatterValue] {
        var result: [String: FrontMatterValue] = [:]
        for (key, value) in extra { result[cleaned(key)] = cleaned(value) }
        return result
    }

    private static func cleaned(_ value: FrontMatterValue) -> FrontMatterValue {
        switch value {
        case .text(let text): .text(cleaned(text))
        case .flag: value
        case .list(let items): .list(items.map(cleaned))
        case .map(let members): .map(cleaned(members))
        }
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
        if startsAsPlainText(value) { return .any }
        if Resolver.default.resolveTag(of: Node(value)) != .str || looksTyped(value) { return .singleQuoted }
        return .any
    }

    /// Whether a value starts with a letter that begins none of the typed forms YAML readers
    /// know (`null`, `~`, booleans `y n yes no on off true false`, numbers, `.inf`, dates, `<<`,
    /// `=`): such a value is text, without asking Yams' resolver, whose regular expressions
    /// cost more than the rest of the front matter. Most titles, names and tags start so.
    static func startsAsPlainText(_ value: String) -> Bool {
        guard let first = value.unicodeScalars.first, first.properties.isAlphabetic else { return false }
        return !"nNyYtTfFoO".unicodeScalars.contains(first)
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
    static func looksTyped(_ value: String) -> Bool {
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
        // Byte offsets of the two parts; they start and end at line breaks, so the parts are cut
        // from the text as it is (no copy decoded and checked again: 1.2% of a cold build).
        let parts = text.withUTF8 { bytes -> (yaml: Range<Int>, body: Range<Int>)? in
            var lines = FenceLines(bytes)
            guard let first = lines.next(), lines.isFence(first, dropping: bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0, dots: false),
                  let second = lines.next() else { return nil }
            var line = second
            while !lines.isFence(line, dropping: 0, dots: true) {
                guard let next = lines.next() else { return nil }
                line = next
            }
            let yaml = line.lowerBound > second.lowerBound ? second.lowerBound..<(line.lowerBound - 1) : second.lowerBound..<second.lowerBound
            let body = line.upperBound < bytes.count ? (line.upperBound + 1)..<bytes.count : bytes.count..<bytes.count
            return (yaml, body)
        }
        guard let parts else { return nil }
        let utf8 = text.utf8
        let part = { (range: Range<Int>) in
            String(Substring(utf8[utf8.index(utf8.startIndex, offsetBy: range.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: range.upperBound)]))
        }
        return (part(parts.yaml), part(parts.body))
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
        if fastPath, let values = FrontMatterReader.read(yaml), let fields = Fields(values) { return try decode(fields, source: source) }
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
        /// The values of keys outside the schema (`extra` among them), as YAML gave them.
        let unknown: [String: FrontMatterValue]
        /// The first key outside the schema whose value is beyond `ExtraLimits`.
        let oversized: String?

        init(_ mapping: Node.Mapping) {
            scalar = { mapping[$0]?.scalar?.string }
            sequence = { mapping[$0]?.sequence?.compactMap { $0.scalar?.string } }
            bool = { mapping[$0]?.bool }
            var unknown: [String: FrontMatterValue] = [:]
            var budget = ExtraLimits.values
            var oversized: String?
            for (key, value) in mapping {
                guard let key = key.scalar?.string, FrontMatter.field(key) == nil else { continue }
                guard let value = Self.value(value, depth: 0, budget: &budget) else {
                    oversized = key
                    break
                }
                unknown[key] = value
            }
            self.unknown = unknown
            self.oversized = oversized
        }

        /// Nil when a key outside the schema has a list (whose items' types the fast reader does
        /// not keep): Yams reads that front matter.
        init?(_ values: [String: FrontMatterReader.Value]) {
            var unknown: [String: FrontMatterValue] = [:]
            for (key, value) in values where FrontMatter.field(key) == nil {
                guard case .scalar(let text, let plain) = value else { return nil }
                unknown[key] = plain ? FrontMatterReader.booleans[text].map(FrontMatterValue.flag) ?? .text(text) : .text(text)
            }
            self.unknown = unknown
            oversized = nil
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

        /// A YAML value outside the schema: booleans as flags, other scalars as their text; nil
        /// when it is nested deeper than `ExtraLimits.depth` or the front matter's values
        /// outside the schema run past `ExtraLimits.values` (an alias bomb expands to billions).
        private static func value(_ node: Node, depth: Int, budget: inout Int) -> FrontMatterValue? {
            budget -= 1
            guard budget >= 0, depth <= ExtraLimits.depth else { return nil }
            switch node {
            case .scalar: return node.bool.map(FrontMatterValue.flag) ?? node.scalar.map { .text($0.string) }
            case .sequence(let items):
                var values: [FrontMatterValue] = []
                for item in items {
                    guard let value = value(item, depth: depth + 1, budget: &budget) else { return nil }
                    values.append(value)
                }
                return .list(values)
            case .mapping(let pairs):
                var members: [String: FrontMatterValue] = [:]
                for (key, member) in pairs {
                    guard let key = key.scalar?.string else { continue }
                    guard let member = value(member, depth: depth + 1, budget: &budget) else { return nil }
                    members[key] = member
                }
                return .map(members)
            case .alias: return nil
            }
        }
    }

    /// How much front matter outside the schema one file may hold.
    enum ExtraLimits {
        /// Lists and mappings inside one another.
        static let depth = 16
        /// Scalars, lists and mappings in all.
        static let values = 10_000
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
        var matter = FrontMatter(title: "", date: Timestamp(date: Date(timeIntervalSince1970: 0), utcOffsetSeconds: 0))
        for field in FrontMatter.fields {
            let key = field.key
            switch field.storage {
            case .requiredText(let path):
                guard let text = string(key) else { throw fail("front matter has no \(key)") }
                matter[path] = text
            case .text(let path), .languageTag(let path): matter[path] = string(key)
            case .requiredTime(let path):
                guard let time = try timestamp(key) else { throw fail("front matter has no \(key)") }
                matter[path] = time
            case .time(let path): matter[path] = try timestamp(key)
            case .list(let path): matter[path] = list(key, in: mapping, string: string)
            case .flag(let path): matter[path] = mapping.bool(key) ?? (string(key)?.lowercased() == "true")
            case .dateSource(let path):
                guard let text = string(key) else { continue }
                guard let value = DateSource(rawValue: text.lowercased()) else {
                    let words = DateSource.allCases.map(\.rawValue)
                    throw fail("\(key) \"\(text)\" must be \(words.dropLast().joined(separator: ", ")) or \(words.last ?? "")")
                }
                matter[path] = value
            }
        }
        if let key = mapping.oversized {
            throw fail("\(key) is nested deeper than \(ExtraLimits.depth) levels or holds more than \(ExtraLimits.values) values")
        }
        matter.extra = try extra(mapping.unknown, fail: fail)
        return cleaned(matter)
    }

    /// A list field: a YAML list, or one text of comma-separated items.
    private static func list(_ key: String, in mapping: Fields, string: (String) -> String?) -> [String] {
        if let sequence = mapping.sequence(key) {
            return sequence.map { $0.trimmedSpacesAndTabs }.filter { !$0.isEmpty }
        }
        guard let list = string(key) else { return [] }
        return list.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// Keys outside the schema and the members of the `extra:` mapping (which win when both
    /// name a key).
    private static func extra(_ unknown: [String: FrontMatterValue], fail: (String) -> GalleyError) throws(GalleyError) -> [String: FrontMatterValue] {
        var extra = unknown
        guard let given = extra.removeValue(forKey: FrontMatter.extraKey) else { return extra }
        guard case .map(let members) = given else { throw fail("\(FrontMatter.extraKey) must be a mapping of names to values") }
        extra.merge(members) { _, explicit in explicit }
        return extra
    }
}

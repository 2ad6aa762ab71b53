import Foundation
import GalleyCore
import Yams

/// Writes and reads the YAML front matter of an article file with Yams (libyaml), so any title,
/// byline or tag — colons, quotes, `#`, leading dashes, newlines, emoji, right-to-left text —
/// comes back exactly as written.
enum FrontMatterCoder {
    /// Key order in written files.
    static func node(for matter: FrontMatter) -> Node {
        var pairs: [(Node, Node)] = []
        func add(_ key: String, _ value: String?) {
            guard let value, !value.isEmpty else { return }
            pairs.append((Node(key), Node(value, Tag(.str), .any)))
        }
        add("title", matter.title)
        add("date", matter.date.rfc3339)
        add("modified", matter.modified?.rfc3339)
        add("author", matter.author)
        add("editor", matter.editor)
        if !matter.tags.isEmpty {
            pairs.append((Node("tags"), Node(matter.tags.map { Node($0, Tag(.str), .any) })))
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

    /// The `---`-fenced front matter block.
    static func encode(_ matter: FrontMatter) -> String {
        let yaml = (try? Yams.serialize(node: node(for: matter), width: -1, allowUnicode: true)) ?? ""
        return "---\n" + yaml + "---\n"
    }

    /// Splits a Markdown file into its front matter text and body.
    static func split(_ text: String) -> (yaml: String, body: String)? {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.first?.hasPrefix("\u{FEFF}") == true { lines[0] = lines[0].dropFirst() }
        guard lines.first?.trimmingCharacters(in: .whitespaces) == "---" else { return nil }
        guard let end = lines.indices.dropFirst().first(where: {
            let line = lines[$0].trimmingCharacters(in: .whitespaces)
            return line == "---" || line == "..."
        }) else { return nil }
        let yaml = lines[1..<end].joined(separator: "\n")
        let body = lines[(end + 1)...].joined(separator: "\n")
        return (yaml, body)
    }

    /// Reads front matter. Errors name the key that is wrong.
    static func decode(_ yaml: String, source: String) throws(GalleyError) -> FrontMatter {
        func fail(_ reason: String) -> GalleyError { GalleyError(.normalize, source: source, reason: reason) }
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch {
            throw fail("front matter is not valid YAML: \(String(describing: error).split(separator: "\n").first ?? "")")
        }
        guard let mapping = root?.mapping else { throw fail("front matter must be a YAML mapping of keys to values") }
        func string(_ key: String) -> String? {
            guard let value = mapping[key]?.scalar?.string.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty else { return nil }
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
        var tags: [String] = []
        if let sequence = mapping["tags"]?.sequence {
            tags = sequence.compactMap { $0.scalar?.string.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        } else if let list = string("tags") {
            tags = list.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
        let draft = mapping["draft"]?.bool ?? (string("draft")?.lowercased() == "true")
        return FrontMatter(
            title: title, date: date, modified: try timestamp("modified"), author: string("author"),
            editor: string("editor"), tags: tags, region: string("region"), summary: string("summary"),
            image: string("image"), imageCaption: string("image_caption"), section: string("section"),
            sourceURL: string("source_url"), lang: string("lang"), slug: string("slug"), draft: draft)
    }
}

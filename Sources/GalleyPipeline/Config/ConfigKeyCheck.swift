import GalleyCore
import Yams

/// The strict part of reading `galley.yml`: a key galley does not know is an error (as in
/// Zola), with the nearest known key suggested, and errors name the line of the key they are
/// about. A misspelt `items_per_pages: 5` would otherwise be ignored without a word.
enum ConfigKeyCheck {
    /// A problem and the line (1-based) it is on.
    struct Finding: Equatable {
        var line: Int?
        var reason: String
    }

    /// The first key in `root` that `SiteConfig` does not know, or a top-level value that is
    /// not a mapping; nil when all is well.
    static func firstProblem(in root: Node) -> Finding? {
        guard let mapping = root.mapping else {
            return Finding(line: line(of: root), reason: "the config must be a mapping of keys to values")
        }
        for (key, value) in mapping {
            let name = key.string ?? String(describing: key)
            guard SiteConfig.keys.contains(name) else { return unknown(name, at: key, known: SiteConfig.keys) }
            guard let allowed = SiteConfig.sectionKeys[name], let section = value.mapping else { continue }
            for (inner, _) in section {
                let innerName = inner.string ?? String(describing: inner)
                if !allowed.contains(innerName) { return unknown(innerName, at: inner, known: allowed, under: name) }
            }
        }
        return nil
    }

    /// The line of the key at `path` (`["tags", "aliases"]`), or of the deepest part of it the
    /// file has; nil when the file has not even its first key (a value left at its default).
    static func line(of path: [String], in root: Node) -> Int? {
        var node = root
        var found: Int?
        for key in path {
            guard let (keyNode, value) = node.mapping?.first(where: { $0.key.string == key }) else { break }
            found = line(of: keyNode)
            node = value
        }
        return found
    }

    /// The known key nearest to `key`, when it is near enough to be a slip: at most two edits,
    /// and fewer than half the key's length.
    static func suggestion(for key: String, among known: [String]) -> String? {
        let scored = known.map { ($0, editDistance(key.lowercased(), $0)) }.filter { $0.1 <= 2 && $0.1 * 2 < max(key.count, 2) }
        return scored.min { $0.1 < $1.1 || ($0.1 == $1.1 && $0.0 < $1.0) }?.0
    }

    private static func unknown(_ name: String, at node: Node, known: [String], under section: String? = nil) -> Finding {
        let place = section.map { "under `\($0)` " } ?? ""
        var reason = "unknown key `\(name)` \(place)"
        if let near = suggestion(for: name, among: known) {
            reason += "(did you mean `\(near)`?)"
        } else {
            reason += "(known keys: \(known.joined(separator: ", ")))"
        }
        return Finding(line: line(of: node), reason: reason)
    }

    private static func line(of node: Node) -> Int? { node.mark.map(\.line) }

    /// Levenshtein distance over characters.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}

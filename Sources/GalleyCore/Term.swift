import Synchronization

/// A taxonomy term (a tag or a region): its display name and URL slug.
///
/// A term is one reference to a shared, never-mutated box holding both strings: every
/// article's summary lists its terms, and a list of five took 160 bytes of strings' references
/// instead of 40 (7.5 MB of a 50,000-article build's peak).
public struct Term: Sendable, Hashable, Codable, Comparable {
    /// The shared holder of a term's strings.
    final class Box: Sendable {
        let name: String
        let slug: String

        init(name: String, slug: String) {
            self.name = name
            self.slug = slug
        }
    }

    private let box: Box

    /// The name as the articles give it.
    public var name: String { box.name }

    /// The term's URL slug (`Slug.make` of its name).
    public var slug: String { box.slug }

    /// The term's box: interned terms (every term made from a name) of the same name share it,
    /// so equal identities mean equal terms. Valid only while a copy of the term is alive.
    package var identity: ObjectIdentifier { ObjectIdentifier(box) }

    /// Creates a term whose slug is derived from its name. Terms are interned: the same name
    /// (byte for byte) gives the term made the first time, so the thousands of articles that
    /// carry a tag share its box and its slug is made once (`Slug.make` per tag of every
    /// article was both time and about 250 bytes of memory per article).
    public init(name: String) {
        let key = ExactText(text: name)
        let shard = Self.shard(of: name)
        if let known = shard.terms.withLock({ $0[key] }) {
            self = known
            return
        }
        box = Box(name: name, slug: Slug.make(name))
        let made = self
        shard.terms.withLock { table in
            if table.count >= Self.internLimit / Self.shards.count { table.removeAll() }
            table[key] = made
        }
    }

    public static func == (lhs: Term, rhs: Term) -> Bool {
        lhs.box === rhs.box || (lhs.name == rhs.name && lhs.slug == rhs.slug)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(name)
        hasher.combine(slug)
    }

    private enum CodingKeys: String, CodingKey { case name, slug }

    /// Decoded from its two strings, under the keys it always had.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        box = Box(name: try container.decode(String.self, forKey: .name), slug: try container.decode(String.self, forKey: .slug))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(slug, forKey: .slug)
    }

    public static func < (lhs: Term, rhs: Term) -> Bool {
        (lhs.slug, lhs.name) < (rhs.slug, rhs.name)
    }

    /// Terms made so far, by name, in shards that the threads making an index's summaries
    /// (five terms an article) rarely wait on together, as they did on one lock.
    private static let shards = (0..<16).map { _ in Shard() }
    /// Terms kept at most (over all shards); past its share, a shard starts again.
    private static let internLimit = 100_000

    /// One shard of the interned terms.
    private final class Shard: Sendable {
        let terms = Mutex<[ExactText: Term]>([:])
    }

    /// The shard of a name, from its length and end bytes (no pass over the name: the table's
    /// own hash is that).
    private static func shard(of name: String) -> Shard {
        let bytes = name.utf8
        let mix = bytes.count &* 31 &+ Int(bytes.first ?? 0) &* 7 &+ Int(bytes.last ?? 0)
        return shards[mix & (shards.count - 1)]
    }
}

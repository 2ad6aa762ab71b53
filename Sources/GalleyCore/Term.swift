import Synchronization

/// A taxonomy term (a tag or a region): its display name and URL slug.
public struct Term: Sendable, Hashable, Codable, Comparable {
    public var name: String
    public var slug: String

    /// Creates a term whose slug is derived from its name. Terms are interned: the same name
    /// (byte for byte) gives the term made the first time, so the thousands of articles that
    /// carry a tag share its strings and its slug is made once (`Slug.make` per tag of every
    /// article was both time and about 250 bytes of memory per article).
    public init(name: String) {
        let key = ExactText(text: name)
        if let known = Self.interned.withLock({ $0[key] }) {
            self = known
            return
        }
        self.name = name
        slug = Slug.make(name)
        let made = self
        Self.interned.withLock { table in
            if table.count >= Self.internLimit { table.removeAll() }
            table[key] = made
        }
    }

    public static func < (lhs: Term, rhs: Term) -> Bool {
        (lhs.slug, lhs.name) < (rhs.slug, rhs.name)
    }

    /// Terms made so far, by name.
    private static let interned = Mutex<[ExactText: Term]>([:])
    /// Terms kept at most; past it the table starts again.
    private static let internLimit = 100_000
}

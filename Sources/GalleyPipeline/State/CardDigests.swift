import GalleyCore

/// The card digest of each of the index's summaries (`RenderKey`), found by the summary's
/// identity (`ArticleSummary.identity`: list pages, feeds and relations hold copies of the
/// index's summaries) or, for a summary made anew, by its path.
///
/// Two `Dictionary`s did this (by identity and by path): 5.3 MB at 50,000 articles, each past
/// its power of two at a load of ¾ (131,072 buckets of 16 and 24 bytes). Here two tables of
/// positions (`PositionIndex`) and the digests in order: 0.9 MB. A path is looked up only when
/// the identity is not found (a copy whose box changed).
struct CardDigests {
    /// Held so that no identity is reused by another summary while the table lives.
    private let summaries: [ArticleSummary]
    /// Each summary's digest, in order (a path given twice: the last one's, for all of them).
    private let digests: [UInt64]
    /// Positions in `summaries` by identity, and by path (the first of each).
    private let byIdentity: PositionIndex
    private let byPath: PositionIndex

    /// `digests`: each summary's card digest, in order.
    init(summaries: [ArticleSummary], digests given: [UInt64]) {
        precondition(summaries.count == given.count, "one digest per summary")
        self.summaries = summaries
        var byIdentity = PositionIndex(capacity: summaries.count), byPath = PositionIndex(capacity: summaries.count)
        var pathsRepeat = false
        for (position, summary) in summaries.enumerated() {
            let path = summary.path, identity = summary.identity
            if byPath.find(hash: path.hashValue, where: { summaries[$0].path == path }) == nil {
                byPath.insert(position, hash: path.hashValue) { summaries[$0].path.hashValue }
            } else {
                pathsRepeat = true
            }
            if byIdentity.find(hash: identity.hashValue, where: { summaries[$0].identity == identity }) == nil {
                byIdentity.insert(position, hash: identity.hashValue) { summaries[$0].identity.hashValue }
            }
        }
        self.byIdentity = byIdentity
        self.byPath = byPath
        // A path given twice (never, in a build): every summary of it has the last one's digest.
        if pathsRepeat {
            var last: [String: UInt64] = [:]
            for (summary, digest) in zip(summaries, given) { last[summary.path] = digest }
            digests = summaries.map { last[$0.path]! }
        } else {
            digests = given
        }
    }

    /// The digest of `summary`, by its identity, else by its path; nil for an article not in the table.
    subscript(summary: ArticleSummary) -> UInt64? {
        let identity = summary.identity
        if let position = byIdentity.find(hash: identity.hashValue, where: { summaries[$0].identity == identity }) {
            return digests[position]
        }
        let path = summary.path
        return byPath.find(hash: path.hashValue, where: { summaries[$0].path == path }).map { digests[$0] }
    }
}

/// The stamps the no-change check took of the content folder's sources when it found some
/// changed, for the phases that would otherwise stat them again: the changed sources' by path
/// (what the builds of edits or new sources alone process), and every source's in the order of
/// the build's files, made into a table by path only for the source stage (a build of one
/// edit made a table of 10,000 paths on the main thread that it read one entry of).
struct SeenStamps {
    /// The changed sources' stamps, by path.
    var changed: [String: SourceStamps] = [:]
    /// Every source's stamps, in the order of the files the check was given; empty: none taken.
    var inOrder: [SourceStamps?] = []

    /// Every source's stamps by path, `files` being those the check was given.
    func byPath(_ files: [SourceFile]) -> [String: SourceStamps] {
        guard inOrder.count == files.count else { return changed }
        var table: [String: SourceStamps] = [:]
        table.reserveCapacity(files.count)
        for (file, stamps) in zip(files, inOrder) { if let stamps { table[file.path] = stamps } }
        return table
    }
}

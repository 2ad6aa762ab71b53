import GalleyCore

/// The last build's output records this build may keep files by, with the files found unchanged
/// on disk: a file is kept when its record holds the render key the page has now and the file
/// still has the stamp it had right after it was written.
struct TrustedOutputs: Sendable {
    let records: [String: OutputRecord]
    /// The paths of `records` whose file no longer has its recorded stamp (`changedFiles`).
    let changed: Set<String>

    /// `records`, their files checked already (`changedFiles`: the build checks them on another
    /// thread while it extracts); nil: the output folder could not be read, and none is trusted.
    init(_ records: [String: OutputRecord], changed: Set<String>?) {
        self.records = changed == nil ? [:] : records
        self.changed = changed ?? []
    }

    /// `records`, every file of which was checked unchanged (a build that makes edited pages
    /// alone checks them all first).
    init(everyFileUnchanged records: [String: OutputRecord]) {
        self.records = records
        changed = []
    }

    /// The record of `path` when it was made from render key `key` and its file is still the
    /// one written then; nil otherwise.
    func reusable(_ path: String, key: OutputKey) -> OutputRecord? {
        guard let record = records[path], record.renderKey == key, changed.isEmpty || !changed.contains(path) else { return nil }
        return record
    }

    /// The paths of `records` whose file in the output folder no longer has the recorded stamp
    /// (rewritten, removed), stat-ed relative to the folder's descriptor (the kernel walks
    /// `2024/01/slug/index.html`, not the whole absolute path, for each of 17,000 files), the
    /// records walked in place on the calling thread (a build runs it on its own thread while
    /// it extracts); nil when the folder could not be opened. What a build that goes on keeps
    /// files by: usually none, so no set of the 17,000 unchanged paths is made.
    static func changedFiles(_ records: [String: OutputRecord], in folder: FolderStamps?) -> Set<String>? {
        guard let folder else { return records.isEmpty ? [] : nil }
        var changed: Set<String> = []
        for (path, record) in records where !isUnchanged(path, record, in: folder) { changed.insert(path) }
        return changed
    }

    /// Whether every file of `records` still has its recorded stamp (`changedFiles` finding
    /// none), stat-ed the same way; stops at the first that has not. On one thread the
    /// records are walked in place: no array of their 17,000 pairs, no set of their paths (what
    /// the builds that make edited pages alone ask, on the thread left beside their own work).
    static func everyFileUnchanged(_ records: [String: OutputRecord], in folder: FolderStamps?, jobs: Int) -> Bool {
        guard !records.isEmpty else { return true }
        guard let folder else { return false }
        guard jobs > 1 else {
            return records.allSatisfy { path, record in isUnchanged(path, record, in: folder) }
        }
        let all = Array(records)
        let chunks = stride(from: 0, to: all.count, by: chunkSize).map { $0..<min($0 + chunkSize, all.count) }
        return parallelMap(chunks, jobs: jobs) { range in
            all[range].allSatisfy { path, record in isUnchanged(path, record, in: folder) }
        }.allSatisfy(\.self)
    }

    /// Whether the file at `path` still has the stamp `record` holds.
    private static func isUnchanged(_ path: String, _ record: OutputRecord, in folder: FolderStamps) -> Bool {
        Freshness.ofOutput(folder.stamp(path), recorded: record) == .unchanged
    }

    /// Records stat-ed together by one thread in `everyFileUnchanged`.
    private static let chunkSize = 512
}

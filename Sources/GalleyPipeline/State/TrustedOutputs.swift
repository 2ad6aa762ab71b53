import GalleyCore

/// The last build's output records this build may keep files by, with the files found unchanged
/// on disk: a file is kept when its record holds the render key the page has now and the file
/// still has the stamp it had right after it was written.
struct TrustedOutputs: Sendable {
    let records: [String: OutputRecord]
    /// The paths whose file has its recorded stamp (`unchangedFiles`); nil: every one has.
    let unchanged: Set<String>?

    /// `records`, their files checked already (`unchangedFiles`: the build checks them on
    /// another thread while it extracts).
    init(_ records: [String: OutputRecord], unchanged: Set<String>) {
        self.records = records
        self.unchanged = unchanged
    }

    /// `records`, every file of which was checked unchanged (a build that makes edited pages
    /// alone checks them all first): no set of their 17,000 paths is made to say so.
    init(everyFileUnchanged records: [String: OutputRecord]) {
        self.records = records
        unchanged = nil
    }

    /// The record of `path` when it was made from render key `key` and its file is still the
    /// one written then; nil otherwise.
    func reusable(_ path: String, key: OutputKey) -> OutputRecord? {
        guard let record = records[path], record.renderKey == key, unchanged?.contains(path) ?? true else { return nil }
        return record
    }

    /// The paths of `records` whose file in the output folder still has the recorded stamp,
    /// stat-ed relative to the folder's descriptor (the kernel walks `2024/01/slug/index.html`,
    /// not the whole absolute path, for each of 17,000 files) on `jobs` threads; none when the
    /// folder could not be opened. What the no-change check asks of every file, and what a build
    /// that goes on keeps files by.
    static func unchangedFiles(_ records: [String: OutputRecord], in folder: FolderStamps?, jobs: Int) -> Set<String> {
        guard !records.isEmpty, let folder else { return [] }
        let all = Array(records)
        let same = parallelMap(all, jobs: jobs) { path, record in isUnchanged(path, record, in: folder) }
        var unchanged = Set<String>(minimumCapacity: records.count)
        for ((path, _), same) in zip(all, same) where same { unchanged.insert(path) }
        return unchanged
    }

    /// Whether every file of `records` still has its recorded stamp (`unchangedFiles` holding
    /// them all), stat-ed the same way; stops at the first that has not. On one thread the
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

import GalleyCore

/// The last build's output records this build may keep files by, with the output folder their
/// files are checked in: a file is kept when its record holds the render key the page has now
/// and the file still has the stamp it had right after it was written.
struct TrustedOutputs: Sendable {
    let records: [String: OutputRecord]
    /// The output folder opened (files are stat-ed relative to it: the kernel walks
    /// `2024/01/slug/index.html`, not the whole absolute path, for each of 17,000 files); nil
    /// when there are no records, or no folder to check them in (then no file is kept).
    let folder: FolderStamps?

    /// `records` checked in the output folder at `root`, opened now.
    init(_ records: [String: OutputRecord], root: String) {
        self.records = records
        folder = records.isEmpty ? nil : FolderStamps(folder: root)
    }

    /// The record of `path` when it was made from render key `key` and its file is still the
    /// one written then; nil otherwise.
    func reusable(_ path: String, key: String) -> OutputRecord? {
        guard let record = records[path], record.renderKey == key, let folder,
              Freshness.ofOutput(folder.stamp(path), recorded: record) == .unchanged else { return nil }
        return record
    }
}

import GalleyCore

/// A source file's stamps (and its sidecar's) as the no-change check found them, handed to the
/// source stage when the check fails, so that the stage does not stat every source a second
/// time (10,000 `fstatat` calls of a build that changed one article).
struct SourceStamps: Sendable, Hashable {
    /// The file's stamp; nil: missing, or not a regular file.
    var file: FileStamp?
    /// Its sidecar's stamp; nil: none.
    var sidecar: FileStamp?
    /// When the check compared the file's bytes with its racy record and found them the same:
    /// the record brought up to date, which the stage takes instead of reading and hashing the
    /// file again (10,000 files after a scraper's run).
    var verified: SourceFingerprint? = nil
}

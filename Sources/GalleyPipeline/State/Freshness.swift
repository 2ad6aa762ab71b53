import Foundation
import GalleyCore

/// Whether what the build state remembers of a file still holds for the file on disk: the one
/// question behind every incremental decision (reuse a source's document, keep an output file,
/// stop early because nothing changed).
enum Freshness: Sendable, Hashable {
    /// The same size and mtime (and sidecar) as recorded, and the record is not racy: trusted
    /// without reading the file.
    case unchanged
    /// The same size, sidecar and bytes (compared by hash), but the mtime moved (a `touch`, a
    /// checkout) or was too recent to trust: the record holds, with the file's new stamp.
    case sameBytes
    /// Anything else, or nothing recorded: the file must be processed (or written) again.
    case changed

    /// A source file against its recorded fingerprint, by size and mtime alone (no read): what
    /// the no-change check asks. Never `.sameBytes`.
    static func byStamps(_ stamp: FileStamp?, sidecar: FileStamp?, recorded: SourceFingerprint?) -> Freshness {
        guard let recorded, let stamp, !recorded.racy, recorded.file == stamp, recorded.sidecar == sidecar else { return .changed }
        return .unchanged
    }

    /// A source file against its recorded fingerprint, reading the file's bytes (`read`: the
    /// file's bytes if it is still stamped as given) when size and mtime cannot decide (the
    /// mtime moved, or the record is racy). A sidecar is compared by size and mtime only.
    /// Returns, when the record holds, its fingerprint brought up to date (the new mtime, and
    /// whether it is racy now).
    static func bySourceBytes(stamp: FileStamp, sidecar: FileStamp?, recorded: SourceFingerprint?,
                              read: (FileStamp) -> [UInt8]?) -> (Freshness, SourceFingerprint?) {
        guard let recorded, recorded.sidecar == sidecar, recorded.file.size == stamp.size else { return (.changed, nil) }
        if recorded.file.modified == stamp.modified, !recorded.racy { return (.unchanged, recorded) }
        let readAt = SourceFingerprint.nowNanoseconds()
        guard let bytes = read(stamp), SourceFingerprint.hash(bytes) == recorded.hash else { return (.changed, nil) }
        var updated = recorded
        updated.file = stamp
        updated.racy = SourceFingerprint.isRacy(stamp, readAt: readAt)
        return (.sameBytes, updated)
    }

    /// An output file (stamped `stamp` now) against its record: unchanged when it still has the
    /// size and mtime it had right after it was written.
    static func ofOutput(_ stamp: FileStamp?, recorded: OutputRecord?) -> Freshness {
        guard let recorded = recorded?.stamp, stamp == recorded else { return .changed }
        return .unchanged
    }
}

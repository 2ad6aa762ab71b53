import Foundation
import GalleyCore

/// The stamps of many files below one folder, looked up relative to the folder's descriptor:
/// the kernel walks only the relative part of each path, and no absolute path is built. What
/// the no-change check stats 28,000 files with (10,000 sources, 18,000 outputs).
final class FolderStamps: Sendable {
    private let descriptor: Int32

    /// The folder at `path`; nil when it cannot be opened.
    init?(folder path: String) {
        descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
    }

    deinit {
        close(descriptor)
    }

    /// The stamp of the regular file at `relative` (links are not followed), as
    /// `FileStamp.of(path:)` gives it; nil when it is missing or not a regular file.
    func stamp(_ relative: String) -> FileStamp? {
        var info = stat()
        guard fstatat(descriptor, relative, &info, AT_SYMLINK_NOFOLLOW) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        return FileStamp(info)
    }
}

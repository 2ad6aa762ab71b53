import Foundation

/// Size and modification time of a file as `lstat` sees it (links are not followed): enough to
/// notice that a file was changed or replaced since it was last seen, without reading it.
public struct FileStamp: Sendable, Hashable, Codable {
    public var size: Int
    /// Nanoseconds since 1970.
    public var modified: Int64

    /// Creates a stamp.
    public init(size: Int, modified: Int64) {
        self.size = size
        self.modified = modified
    }

    /// The stamp of a regular file; nil when it is missing, a link or not a regular file.
    public static func of(path: String) -> FileStamp? {
        var info = stat()
        guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        return FileStamp(info)
    }

    /// The stamp `stat`, `lstat` or `fstat` gave: the one formula for a file's stamp, so a
    /// stamp taken while writing a file equals the one taken when it is looked at later.
    public init(_ info: stat) {
        self.init(size: Int(info.st_size), modified: Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec))
    }
}

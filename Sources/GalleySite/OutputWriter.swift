import Foundation
import GalleyCore
import Synchronization

/// Writes the site into the output folder: each file atomically (a temporary file, then
/// `rename` over the target, so a reader sees the old file or the new one, never a part),
/// only when its bytes changed (unchanged files keep their mtime), and removes the files it is
/// told are stale. It never writes or removes anything outside the output folder: paths with
/// `..`, absolute paths and folders that are links leading out are refused.
///
/// A new file (nothing at its path yet, as in a cold build) is created without a name in its
/// folder (`O_TMPFILE`), filled, and linked at its path when whole, so a build killed midway
/// leaves no name behind. A changed file, or a new one where the file system cannot do that,
/// is written to a temporary file in a staging folder beside the output when it is on the
/// same file system (so a build killed mid-write leaves nothing in the output), else beside
/// its target, and renamed over it.
public struct OutputWriter: Sendable {
    /// What a write did.
    public struct Report: Sendable, Hashable {
        public var written = 0
        public var unchanged = 0
        public var removed = 0
        /// The paths whose bytes were written (new or changed), sorted.
        public var writtenPaths: [String] = []
        /// The paths removed, sorted.
        public var removedPaths: [String] = []
        /// Size and mtime of every file of `files` after the write.
        public var stamps: [String: FileStamp] = [:]
    }

    let outputFolder: URL
    let stagingFolder: URL?
    let jobs: Int

    /// Creates a writer for `outputFolder` (created when missing). `stagingFolder` holds the
    /// temporary files (created when missing; its old contents are removed).
    public init(outputFolder: URL, stagingFolder: URL? = nil, jobs: Int = 1) {
        self.outputFolder = outputFolder.standardizedFileURL
        self.stagingFolder = stagingFolder?.standardizedFileURL
        self.jobs = max(1, jobs)
    }

    /// Writes `files` (paths relative to the output folder), then removes `stale` paths
    /// (files an earlier build wrote that this one does not produce) and folders they leave empty.
    /// Every path is checked before the first file is written.
    public func write(_ files: [RenderedPage], removing stale: [String] = []) throws(GalleyError) -> Report {
        try checkPaths(files)
        let session = try OutputSession(writer: self)
        let results = parallelMap(files, jobs: jobs) { file in
            Result { () throws(GalleyError) in try session.write(file) }
        }
        var report = Report()
        for (file, result) in zip(files, results) {
            let outcome = try result.get()
            report.stamps[file.path] = outcome.stamp
            if outcome.written {
                report.written += 1
                report.writtenPaths.append(file.path)
            } else {
                report.unchanged += 1
            }
        }
        report.writtenPaths.sort()
        report.removedPaths = session.remove(stale)
        report.removed = report.removedPaths.count
        return report
    }

    /// Whether a path is relative, without `..`, `.`, empty segments, backslashes or NUL.
    public static func isSafeRelativePath(_ path: String) -> Bool {
        guard !path.isEmpty, !path.hasPrefix("/"), !path.contains("\\"), !path.contains("\0") else { return false }
        return path.split(separator: "/", omittingEmptySubsequences: false).allSatisfy { segment in
            !segment.isEmpty && segment != "." && segment != ".." && segment.utf8.count <= 255
        }
    }

    private func checkPaths(_ files: [RenderedPage]) throws(GalleyError) {
        var seen = Set<String>()
        for file in files {
            guard Self.isSafeRelativePath(file.path) else {
                throw GalleyError(.write, source: file.path, reason: "refusing an output path that could leave the output folder")
            }
            guard seen.insert(file.path).inserted else {
                throw GalleyError(.write, source: file.path, reason: "two outputs want the same path")
            }
        }
    }

    /// The staging folder, emptied, when it is on the output's file system (rename needs that).
    func stagingFolderOnSameDevice() throws(GalleyError) -> URL? {
        guard let stagingFolder else { return nil }
        try? FileManager.default.removeItem(at: stagingFolder)
        try Self.createFolder(stagingFolder)
        var staging = stat(), output = stat()
        guard stat(stagingFolder.path, &staging) == 0, stat(outputFolder.path, &output) == 0, staging.st_dev == output.st_dev else {
            return nil
        }
        return stagingFolder
    }

    /// Writes one file unless the same bytes are already there; returns its stamp afterwards.
    /// `folder` and `staging` are absolute paths (strings: a `URL` per file cost two failing
    /// `stat`s and an allocation). `targetIsNew`: the file's folder was just made, so there is
    /// nothing to compare with (a cold build skips a failing `stat` per file).
    static func writeIfChanged(_ file: RenderedPage, in folder: String, staging: String?,
                               targetIsNew: Bool = false) throws(GalleyError) -> (written: Bool, stamp: FileStamp?) {
        let target = folder + "/" + file.path
        if !targetIsNew, let stamp = FileStamp.of(path: target) {
            if stamp.size == file.bytes.count, hasBytes(file.bytes, at: target) { return (false, stamp) }
        } else if let created = try createUnnamed(file.bytes, at: target) {
            return (true, created)
        }
        return (true, try atomicWrite(file.bytes, to: target, via: temporaryPath(for: target, staging: staging)))
    }

    /// Temporary names: the process id and a counter (a `UUID` cost three system calls).
    private static let temporaryCounter = Atomic<Int>(0)

    static func temporaryPath(for target: String, staging: String?) -> String {
        let number = temporaryCounter.add(1, ordering: .relaxed).newValue
        if let staging { return staging + "/\(getpid())-\(number)" }
        let slash = target.lastIndex(of: "/") ?? target.startIndex
        return String(target[..<slash]) + "/." + String(target[target.index(after: slash)...]) + ".tmp-\(getpid())-\(number)"
    }

    /// Linux's `O_TMPFILE` (`__O_TMPFILE | O_DIRECTORY`), a macro Swift does not import.
    private static let unnamedFileFlag: Int32 = 0o20000000 | O_DIRECTORY

    /// A new file made without a name in the target's folder, filled, then linked at `target`;
    /// its stamp. nil when the file system cannot make unnamed files, when `/proc` is missing,
    /// or when a file appeared at `target` meanwhile: the caller then writes it the other way.
    static func createUnnamed(_ bytes: [UInt8], at target: String) throws(GalleyError) -> FileStamp? {
        guard let slash = target.lastIndex(of: "/") else { return nil }
        let descriptor = open(String(target[..<slash]), O_WRONLY | O_CLOEXEC | unnamedFileFlag, 0o644)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        try writeAll(bytes, to: descriptor, target: target)
        var info = stat()
        fstat(descriptor, &info)
        guard link(descriptor, at: target) else { return nil }
        return FileStamp(info)
    }

    /// Whether `linkat(descriptor, "", …, AT_EMPTY_PATH)` works here: since Linux 6.10 for a
    /// file this process opened, before that only with `CAP_DAC_READ_SEARCH`. It saves
    /// resolving `/proc/self/fd/N` for every new file.
    private static let linksByDescriptor = Atomic<Bool>(true)

    /// Linux's `AT_EMPTY_PATH`, which Swift does not import without `_GNU_SOURCE`.
    private static let emptyPathFlag: Int32 = 0x1000

    /// Links the unnamed open file at `target`, by its descriptor where the kernel allows it,
    /// else through `/proc/self/fd`.
    private static func link(_ descriptor: Int32, at target: String) -> Bool {
        if linksByDescriptor.load(ordering: .relaxed) {
            if linkat(descriptor, "", AT_FDCWD, target, emptyPathFlag) == 0 { return true }
            guard errno == ENOENT || errno == EPERM || errno == EINVAL else { return false }
            linksByDescriptor.store(false, ordering: .relaxed)
        }
        return linkat(AT_FDCWD, "/proc/self/fd/\(descriptor)", AT_FDCWD, target, AT_SYMLINK_FOLLOW) == 0
    }

    /// Writes every byte to an open file.
    private static func writeAll(_ bytes: [UInt8], to descriptor: Int32, target: String) throws(GalleyError) {
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress! + written, $0.count - written) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { throw GalleyError(.write, source: target, reason: "could not write: \(String(cString: strerror(errno)))") }
            written += count
        }
    }

    /// Whether the regular file at `path` holds exactly `bytes`.
    static func hasBytes(_ bytes: [UInt8], at path: String) -> Bool {
        let descriptor = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var existing = [UInt8](repeating: 0, count: bytes.count + 1)
        var filled = 0
        while filled < existing.count {
            let count = existing.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress! + filled, $0.count - filled) }
            if count <= 0 { break }
            filled += count
        }
        return filled == bytes.count && existing[..<filled].elementsEqual(bytes)
    }

    /// Writes bytes to `temporary`, then renames it over `target`; returns the file's stamp
    /// (a rename keeps size and mtime).
    @discardableResult
    static func atomicWrite(_ bytes: [UInt8], to target: String, via temporary: String) throws(GalleyError) -> FileStamp {
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw GalleyError(.write, source: target, reason: "could not create a temporary file: \(String(cString: strerror(errno)))")
        }
        do throws(GalleyError) {
            try writeAll(bytes, to: descriptor, target: target)
        } catch {
            close(descriptor)
            unlink(temporary)
            throw error
        }
        var info = stat()
        fstat(descriptor, &info)
        close(descriptor)
        guard rename(temporary, target) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw GalleyError(.write, source: target, reason: "could not move the new file into place: \(reason)")
        }
        return FileStamp(info)
    }

    static func createFolder(_ url: URL) throws(GalleyError) {
        var info = stat()
        if stat(url.path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR { return }
        do {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        } catch {
            throw GalleyError(.write, source: url.path, reason: "could not create the folder: \(error.localizedDescription)")
        }
    }

    static func isInside(_ path: String, root: String) -> Bool {
        path == root || path.hasPrefix(root == "/" ? "/" : root + "/")
    }
}

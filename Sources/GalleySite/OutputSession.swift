import Foundation
import GalleyCore
import Synchronization

/// The output folder open for writing one file at a time, from any number of threads: what
/// `OutputWriter.write` does for a list of files, for pages written as soon as they are
/// rendered, so that a build never holds the bytes of the whole site (at 50,000 articles the
/// rendered pages were 1.2 GB of a 1.6 GB peak).
///
/// Every file gets the writer's guarantees: only safe relative paths, never through a folder
/// that leads out of the output folder, each file atomic, unchanged bytes left alone (mtime
/// kept). A path written twice in one session is refused.
public final class OutputSession: Sendable {
    private let base: String
    private let root: String
    private let staging: String?
    /// Folders (relative, "" for the root) created or checked to be real folders inside the
    /// root, each with whether this session created it (then it held nothing but what the
    /// session writes). A page's own folder (the folder of an `index.html`) is not kept: it
    /// nearly always holds that one file (one folder per article: 50,000 paths held to the end
    /// of a build), and another file there checks it again.
    private let checkedFolders = Mutex<[String: Bool]>(["": false])
    private let writtenPaths = Mutex<Set<String>>([])

    /// Opens `writer`'s output folder (created when missing) and empties its staging folder.
    public init(writer: OutputWriter) throws(GalleyError) {
        try OutputWriter.createFolder(writer.outputFolder)
        base = writer.outputFolder.path
        root = writer.outputFolder.resolvingSymlinksInPath().path
        staging = try writer.stagingFolderOnSameDevice()?.path
    }

    /// Writes one file unless the same bytes are already there; whether it wrote, and the
    /// file's stamp afterwards.
    public func write(_ file: RenderedPage) throws(GalleyError) -> (written: Bool, stamp: FileStamp?) {
        guard OutputWriter.isSafeRelativePath(file.path) else {
            throw GalleyError(.write, source: file.path, reason: "refusing an output path that could leave the output folder")
        }
        guard writtenPaths.withLock({ $0.insert(file.path).inserted }) else {
            throw GalleyError(.write, source: file.path, reason: "two outputs want the same path")
        }
        let folderIsNew = try prepareFolders(of: file.path)
        return try OutputWriter.writeIfChanged(file, in: base, staging: staging, targetIsNew: folderIsNew)
    }

    /// Whether this session wrote (or found unchanged) a file at `path`.
    public func produced(_ path: String) -> Bool { writtenPaths.withLock { $0.contains(path) } }

    /// Creates the folders above `path` that are not checked yet (parents first) and checks that
    /// none resolves outside the output folder; whether `path`'s own folder is one this session
    /// created (so nothing can be at `path` yet). A folder made here with `mkdir` inside a
    /// checked parent is a real folder there, so only folders that already existed and are not
    /// plain folders (links) need their real path resolved.
    private func prepareFolders(of path: String) throws(GalleyError) -> Bool {
        var ancestors: [String] = []
        var current = Substring(path)
        while let slash = current.lastIndex(of: "/") {
            current = current[..<slash]
            ancestors.append(String(current))
        }
        var created = false
        let isPage = path.hasSuffix("/index.html")
        for (index, folder) in ancestors.enumerated().reversed() {
            if let known = checkedFolders.withLock({ $0[folder] }) {
                created = known
                continue
            }
            created = try check(folder)
            if index > 0 || !isPage { checkedFolders.withLock { $0[folder] = created } }
        }
        return ancestors.isEmpty ? false : created
    }

    /// Makes `folder` or checks the one there; whether it made it.
    private func check(_ folder: String) throws(GalleyError) -> Bool {
        let full = base + "/" + folder
        if mkdir(full, 0o755) == 0 { return true }
        guard errno == EEXIST else {
            throw GalleyError(.write, source: folder, reason: "could not create the folder: \(String(cString: strerror(errno)))")
        }
        var info = stat()
        guard lstat(full, &info) == 0 else {
            throw GalleyError(.write, source: folder, reason: "could not read the folder: \(String(cString: strerror(errno)))")
        }
        if (info.st_mode & S_IFMT) == S_IFDIR { return false }
        guard OutputWriter.isInside(URL(fileURLWithPath: full).resolvingSymlinksInPath().path, root: root),
              stat(full, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else {
            throw GalleyError(.write, source: folder, reason: "the output folder contains a link that leads outside it, or a file where a folder belongs")
        }
        return false
    }

    /// Removes stale files (those of `stale` this session did not write): only safe relative
    /// paths, only regular files or links (never through a link: the parent folder must resolve
    /// inside the output folder), then folders left empty. Returns the removed paths, sorted.
    public func remove(_ stale: [String]) -> [String] {
        var removed: [String] = []
        let outputFolder = URL(fileURLWithPath: base)
        for path in stale.sorted() where OutputWriter.isSafeRelativePath(path) && !produced(path) {
            let url = outputFolder.appendingPathComponent(path)
            let parent = url.deletingLastPathComponent()
            guard OutputWriter.isInside(parent.resolvingSymlinksInPath().path, root: root) else { continue }
            var info = stat()
            guard lstat(url.path, &info) == 0 else { continue }
            let type = info.st_mode & S_IFMT
            guard type == S_IFREG || type == S_IFLNK, unlink(url.path) == 0 else { continue }
            removed.append(path)
            removeEmptyFolders(from: parent)
        }
        return removed
    }

    private func removeEmptyFolders(from folder: URL) {
        var current = folder.standardizedFileURL
        while current.path.hasPrefix(base + "/"), OutputWriter.isInside(current.resolvingSymlinksInPath().path, root: root),
              rmdir(current.path) == 0 {
            current = current.deletingLastPathComponent()
        }
    }
}

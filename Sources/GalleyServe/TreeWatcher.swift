import Foundation

/// Notices changes to the content folder, the templates folder and the config file by scanning
/// them every `interval` (sizes, modification times, inodes; portable, no inotify), and reports
/// them once the trees have been quiet for the debounce time.
struct TreeWatcher: Sendable {
    /// What a scan records of one file or folder.
    struct Stamp: Equatable, Sendable {
        var size: Int64
        var seconds: Int
        var nanoseconds: Int
        var inode: UInt64
        var mode: UInt32
    }

    /// Every watched path with its stamp.
    typealias Snapshot = [String: Stamp]

    /// Folders (scanned recursively) and files to watch.
    let roots: [String]
    /// A folder never scanned (the output, should it lie inside a watched folder).
    let excluded: String

    /// Scans until the task is cancelled; calls `changed` with the changed paths (sorted) after
    /// each burst of changes since `baseline`, once nothing changed for `debounce`.
    func watch(from baseline: Snapshot, every interval: Duration, debounce: Duration, changed: @Sendable ([String]) -> Void) async {
        let clock = ContinuousClock()
        var last = baseline
        var pending: Set<String> = []
        var quietSince = clock.now
        while !Task.isCancelled {
            let wait = pending.isEmpty ? interval : min(interval, max(.milliseconds(1), debounce - (clock.now - quietSince)))
            do { try await Task.sleep(for: wait) } catch { return }
            let current = snapshot()
            let differences = Self.changes(from: last, to: current)
            last = current
            if !differences.isEmpty {
                pending.formUnion(differences)
                quietSince = clock.now
            } else if !pending.isEmpty, clock.now - quietSince >= debounce {
                changed(pending.sorted())
                pending = []
            }
        }
    }

    /// The paths added, removed or changed between two scans.
    static func changes(from old: Snapshot, to new: Snapshot) -> [String] {
        var paths = Set(old.keys).symmetricDifference(new.keys)
        for (path, stamp) in new where old[path].map({ $0 != stamp }) ?? false { paths.insert(path) }
        return paths.sorted()
    }

    /// One scan of every root; hidden names (editor swap files, `.git`) are skipped.
    func snapshot() -> Snapshot {
        var snapshot: Snapshot = [:]
        for root in roots { scan(root, followLink: true, into: &snapshot) }
        return snapshot
    }

    private func scan(_ path: String, followLink: Bool, into snapshot: inout Snapshot) {
        guard path != excluded, let stamp = Self.stamp(path, followLink: followLink) else { return }
        snapshot[path] = stamp
        guard stamp.mode & UInt32(S_IFMT) == UInt32(S_IFDIR) else { return }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        for name in names where !name.hasPrefix(".") {
            scan(path + "/" + name, followLink: false, into: &snapshot)
        }
    }

    private static func stamp(_ path: String, followLink: Bool) -> Stamp? {
        var info = stat()
        guard (followLink ? stat(path, &info) : lstat(path, &info)) == 0 else { return nil }
        #if canImport(Darwin)
        let modified = info.st_mtimespec
        #else
        let modified = info.st_mtim
        #endif
        return Stamp(size: Int64(info.st_size), seconds: Int(modified.tv_sec), nanoseconds: Int(modified.tv_nsec),
                     inode: UInt64(info.st_ino), mode: UInt32(info.st_mode))
    }
}

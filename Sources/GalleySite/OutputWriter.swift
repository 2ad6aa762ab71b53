import Foundation
import GalleyCore

/// Writes the site into the output folder: each file atomically (a temporary file in the same
/// folder, then `rename`), only when its bytes changed (so unchanged files keep their mtime),
/// and removes files an earlier build wrote that this build no longer produces. It never
/// writes outside the output folder.
public struct OutputWriter: Sendable {
    /// The list of files the last build wrote, kept in the output folder.
    public static let manifestName = ".galley-outputs"

    /// What a write did.
    public struct Report: Sendable, Hashable {
        public var written = 0
        public var unchanged = 0
        public var removed = 0
    }

    let outputFolder: URL

    /// Creates a writer for `outputFolder` (created when missing).
    public init(outputFolder: URL) {
        self.outputFolder = outputFolder.standardizedFileURL
    }

    /// Writes `files` (paths relative to the output folder) and prunes stale ones.
    public func write(_ files: [RenderedPage]) throws(GalleyError) -> Report {
        var report = Report()
        try createFolder(outputFolder)
        let root = outputFolder.resolvingSymlinksInPath().path
        var written = Set<String>()
        for file in files.sorted(by: { $0.path < $1.path }) {
            guard Self.isSafeRelativePath(file.path) else {
                throw GalleyError(.write, source: file.path, reason: "refusing an output path that could leave the output folder")
            }
            guard written.insert(file.path).inserted else {
                throw GalleyError(.write, source: file.path, reason: "two outputs want the same path")
            }
            let target = outputFolder.appendingPathComponent(file.path)
            try createFolder(target.deletingLastPathComponent())
            let folder = target.deletingLastPathComponent().resolvingSymlinksInPath().path
            guard folder == root || folder.hasPrefix(root + "/") else {
                throw GalleyError(.write, source: file.path, reason: "the output folder contains a link that leads outside it")
            }
            if let existing = FileManager.default.contents(atPath: target.path), existing.elementsEqual(file.bytes) {
                report.unchanged += 1
                continue
            }
            try Self.atomicWrite(file.bytes, to: target)
            report.written += 1
        }
        report.removed = try prune(keeping: written)
        try Self.atomicWrite(Array((written.sorted().joined(separator: "\n") + "\n").utf8),
                             to: outputFolder.appendingPathComponent(Self.manifestName))
        return report
    }

    /// Whether a path is relative, without `..`, `.`, empty segments, backslashes or NUL.
    public static func isSafeRelativePath(_ path: String) -> Bool {
        guard !path.isEmpty, !path.hasPrefix("/"), !path.contains("\\"), !path.contains("\0") else { return false }
        return path.split(separator: "/", omittingEmptySubsequences: false).allSatisfy { segment in
            !segment.isEmpty && segment != "." && segment != ".." && segment.utf8.count <= 255
        }
    }

    /// Writes bytes to a temporary file beside `target`, then renames it over `target`.
    static func atomicWrite(_ bytes: [UInt8], to target: URL) throws(GalleyError) {
        let temporary = target.deletingLastPathComponent()
            .appendingPathComponent(".\(target.lastPathComponent).tmp-\(ProcessInfo.processInfo.processIdentifier)")
        do {
            try Data(bytes).write(to: temporary)
            if rename(temporary.path, target.path) != 0 {
                throw GalleyError(.write, source: target.path, reason: "could not move the new file into place: \(String(cString: strerror(errno)))")
            }
        } catch let error as GalleyError {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw GalleyError(.write, source: target.path, reason: "could not write: \(error.localizedDescription)")
        }
    }

    private func createFolder(_ url: URL) throws(GalleyError) {
        do {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        } catch {
            throw GalleyError(.write, source: url.path, reason: "could not create the folder: \(error.localizedDescription)")
        }
    }

    /// Removes files listed in the previous manifest that this build did not write, then
    /// folders left empty by that.
    private func prune(keeping written: Set<String>) throws(GalleyError) -> Int {
        let manifest = outputFolder.appendingPathComponent(Self.manifestName)
        guard let data = FileManager.default.contents(atPath: manifest.path) else { return 0 }
        var removed = 0
        let previous = String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
        for path in previous where !written.contains(path) && Self.isSafeRelativePath(path) {
            let url = outputFolder.appendingPathComponent(path)
            if (try? FileManager.default.removeItem(at: url)) != nil {
                removed += 1
                removeEmptyFolders(from: url.deletingLastPathComponent())
            }
        }
        return removed
    }

    private func removeEmptyFolders(from folder: URL) {
        var current = folder.standardizedFileURL
        while current.path.hasPrefix(outputFolder.path + "/"),
              let contents = try? FileManager.default.contentsOfDirectory(atPath: current.path), contents.isEmpty {
            try? FileManager.default.removeItem(at: current)
            current = current.deletingLastPathComponent()
        }
    }
}

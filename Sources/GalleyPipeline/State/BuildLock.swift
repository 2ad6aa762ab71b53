import Foundation
import GalleyCore

/// One build at a time per output folder: an exclusive `flock` on a lock file beside the
/// output, holding the owner's pid. The kernel drops the lock when its process dies (even with
/// `kill -9`), so a lock left by a dead build is simply taken over.
public final class BuildLock {
    /// Why the lock could not be taken.
    public struct Held: Error, Sendable, CustomStringConvertible {
        public var path: String
        public var holder: Int32?
        public var description: String {
            "another build holds \(path)" + (holder.map { " (pid \($0))" } ?? "")
        }
    }

    private let descriptor: Int32
    public let path: String

    /// Takes the lock at `path` (its folder is created), or throws `Held`.
    public init(path: String) throws {
        try? FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw GalleyError(.write, source: path, reason: "cannot open the lock file: \(String(cString: strerror(errno)))")
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            let holder = Self.readPID(descriptor)
            close(descriptor)
            throw Held(path: path, holder: holder)
        }
        self.descriptor = descriptor
        self.path = path
        let pid = "\(getpid())\n"
        _ = ftruncate(descriptor, 0)
        _ = pid.withCString { pwrite(descriptor, $0, strlen($0), 0) }
    }

    /// The lock file for an output folder: `.galley/<name>.lock` beside it.
    public static func path(forOutput output: URL) -> String {
        let folder = output.standardizedFileURL
        return folder.deletingLastPathComponent().appendingPathComponent(".galley/\(folder.lastPathComponent).lock").path
    }

    deinit {
        _ = ftruncate(descriptor, 0)
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }

    private static func readPID(_ descriptor: Int32) -> Int32? {
        var buffer = [UInt8](repeating: 0, count: 32)
        let count = pread(descriptor, &buffer, 31, 0)
        guard count > 0 else { return nil }
        return Int32(String(decoding: buffer.prefix(count), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
    }
}

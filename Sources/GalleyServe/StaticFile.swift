#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file of the output folder read for one response: its bytes and what validators need.
struct StaticFile: Sendable {
    let bytes: [UInt8]
    /// Seconds and nanoseconds of the last modification.
    let modifiedSeconds: Int
    let modifiedNanoseconds: Int
    let inode: UInt64

    /// Reads a regular file (a link is not followed: the path comes from `realpath`); nil when
    /// it is missing, not a regular file or unreadable.
    static func read(_ path: String) -> StaticFile? {
        let descriptor = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        guard let bytes = readAll(descriptor, expected: Int(info.st_size)) else { return nil }
        #if canImport(Darwin)
        let modified = info.st_mtimespec
        #else
        let modified = info.st_mtim
        #endif
        return StaticFile(bytes: bytes, modifiedSeconds: Int(modified.tv_sec), modifiedNanoseconds: Int(modified.tv_nsec),
                          inode: UInt64(info.st_ino))
    }

    /// A strong validator that changes whenever the file is replaced or rewritten (builds write
    /// by renaming a new file into place); `variant` marks a served form that differs from the
    /// bytes on disk (HTML with the reload script).
    func entityTag(variant: String? = nil) -> String {
        let parts = [String(inode, radix: 16), String(bytes.count, radix: 16), String(modifiedSeconds, radix: 16),
                     String(modifiedNanoseconds, radix: 16)] + (variant.map { [$0] } ?? [])
        return "\"" + parts.joined(separator: "-") + "\""
    }

    private static func readAll(_ descriptor: Int32, expected: Int) -> [UInt8]? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(expected)
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = chunk.withUnsafeMutableBytes { readBytes(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                return nil
            }
            if count == 0 { return bytes }
            bytes.append(contentsOf: chunk[0..<count])
        }
    }
}

/// `read(2)`, named apart from `StaticFile.read`.
private func readBytes(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}

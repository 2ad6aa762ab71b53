import Foundation
import GalleyCore

/// What a source looked like when it was last processed: its file's size and mtime, its
/// sidecar's, and a hash of its bytes. Size and mtime decide quickly that nothing changed; the
/// hash decides when only the mtime moved (a `touch`, a fresh checkout, a scraper rewriting the
/// same bytes).
public struct SourceFingerprint: Codable, Sendable, Hashable {
    public var file: FileStamp
    /// The sidecar `NAME.json`, when there is one.
    public var sidecar: FileStamp?
    /// FNV-1a 64 of the file's bytes, hex.
    public var hash: String
    /// The file was modified so shortly before it was read that a later change could keep the
    /// same mtime (file systems stamp with a coarse clock): its bytes must be compared next
    /// time, not only its size and mtime (git calls this "racily clean").
    public var racy: Bool

    /// How long after its mtime a file must have been read for size and mtime to be trusted.
    public static let racyWindow: Int64 = 2_000_000_000

    /// Creates a fingerprint.
    public init(file: FileStamp, sidecar: FileStamp?, hash: String, racy: Bool = false) {
        self.file = file
        self.sidecar = sidecar
        self.hash = hash
        self.racy = racy
    }

    /// Whether a file stamped `stamp` and read at `readAt` (nanoseconds since 1970) is racy.
    public static func isRacy(_ stamp: FileStamp, readAt: Int64) -> Bool {
        readAt - stamp.modified < racyWindow
    }

    /// Now, in nanoseconds since 1970 (the unit of file stamps).
    public static func nowNanoseconds() -> Int64 {
        var time = timespec()
        clock_gettime(CLOCK_REALTIME, &time)
        return Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec)
    }

    /// FNV-1a 64 of `bytes`, hex.
    public static func hash(_ bytes: some Sequence<UInt8>) -> String {
        var hasher = StableHasher()
        hasher.combine(bytes)
        return hasher.hex
    }

    /// FNV-1a 64 of a file's bytes; nil when it cannot be read.
    public static func hash(ofFile path: String) -> String? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        var hasher = StableHasher()
        data.withUnsafeBytes { hasher.combine(buffer: $0) }
        return hasher.hex
    }
}

/// FNV-1a 64, fed piece by piece: a hash that is the same in every process and on every
/// machine (Swift's `Hasher` is seeded per process), for cache keys kept on disk.
public struct StableHasher: Sendable {
    public private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    /// An empty hasher.
    public init() {}

    /// Mixes bytes in.
    public mutating func combine(_ bytes: some Sequence<UInt8>) {
        for byte in bytes {
            value ^= UInt64(byte)
            value = value &* 0x100_0000_01b3
        }
    }

    /// Mixes raw bytes in.
    public mutating func combine(buffer: UnsafeRawBufferPointer) {
        var current = value
        for byte in buffer {
            current ^= UInt64(byte)
            current = current &* 0x100_0000_01b3
        }
        value = current
    }

    /// Mixes a string in, followed by a separator so that ("ab", "c") and ("a", "bc") differ.
    public mutating func combine(_ text: String) {
        var text = text
        text.withUTF8 { combine(buffer: UnsafeRawBufferPointer($0)) }
        combine(CollectionOfOne(0xff))
    }

    /// Mixes an integer in.
    public mutating func combine(_ number: Int) { combine(String(number)) }

    /// The hash so far, hex.
    public var hex: String { String(value, radix: 16) }
}

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
    /// `StableHasher`'s hash of the file's bytes, hex.
    public var hash: String
    /// The file was modified so shortly before it was read that a later change could keep the
    /// same mtime (file systems stamp with a coarse clock): its bytes must be compared next
    /// time, not only its size and mtime (git calls this "racily clean"). Stored as it was
    /// when the file was read; a later verification of every racy source clears it on reading
    /// (`trusted(after:)`).
    public var racy: Bool

    /// How long after its mtime a file stamped in whole seconds must have been read for size
    /// and mtime to be trusted: its file system may count mtimes in steps of 1 s (ext3, HFS+)
    /// or 2 s (FAT).
    public static let racyWindow: Int64 = 2_000_000_000
    /// The same for a file whose mtime has a fraction of a second: its file system keeps fine
    /// mtimes (ext4, XFS, Btrfs, tmpfs, APFS: nanoseconds; exFAT: 10 ms), stamped from the
    /// kernel's clock, which moves in ticks of at most 10 ms. A write after a read that came
    /// this long after the mtime gets a later mtime. (With 2 s for every file, all the sources
    /// a scraper wrote just before the build were racy, and the first no-change run after it
    /// hashed every one: a third of that run.) A network file system whose server's clock is
    /// behind the build's by more than this could stamp a second write like the first; the
    /// whole-second window is kept for mtimes without a fraction, as `touch -d` or `tar` leave
    /// them.
    public static let fineRacyWindow: Int64 = 100_000_000

    /// The racy window of a file stamped `stamp`: `fineRacyWindow` when its mtime has a
    /// fraction of a second, else `racyWindow`.
    public static func racyWindow(of stamp: FileStamp) -> Int64 {
        stamp.modified % 1_000_000_000 == 0 ? racyWindow : fineRacyWindow
    }

    /// Creates a fingerprint.
    public init(file: FileStamp, sidecar: FileStamp?, hash: String, racy: Bool = false) {
        self.file = file
        self.sidecar = sidecar
        self.hash = hash
        self.racy = racy
    }

    /// Whether a file stamped `stamp` and read at `readAt` (nanoseconds since 1970) is racy.
    public static func isRacy(_ stamp: FileStamp, readAt: Int64) -> Bool {
        readAt - stamp.modified < racyWindow(of: stamp)
    }

    /// This fingerprint once every racy source's bytes were found unchanged at `verifiedAt` or
    /// later: no longer racy when its mtime is at least its racy window older than that time (a
    /// later write would have moved the mtime). A record made after `verifiedAt` is unaffected:
    /// it was read later still, so when it is racy its mtime is within the window of
    /// `verifiedAt` too.
    public func trusted(after verifiedAt: Int64?) -> SourceFingerprint {
        guard racy, let verifiedAt, !Self.isRacy(file, readAt: verifiedAt) else { return self }
        var trusted = self
        trusted.racy = false
        return trusted
    }

    /// Now, in nanoseconds since 1970 (the unit of file stamps).
    public static func nowNanoseconds() -> Int64 {
        var time = timespec()
        clock_gettime(CLOCK_REALTIME, &time)
        return Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec)
    }

    /// `StableHasher`'s hash of `bytes`, hex.
    public static func hash(_ bytes: some Sequence<UInt8>) -> String {
        var hasher = StableHasher()
        hasher.combine(bytes)
        return hasher.hex
    }
}

/// A 64-bit hash fed piece by piece that is the same in every process and on every machine
/// (Swift's `Hasher` is seeded per process), for change detection and cache keys kept on disk.
/// Not for hostile collisions. Eight bytes at a time (a multiply and a shift each: FNV-1a's byte
/// at a time was 2% of a cold build, hashing every source and body), on four lanes for long
/// pieces; every piece ends with its length, so pieces of different lengths never hash alike
/// by padding.
public struct StableHasher: Sendable {
    public private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    /// An empty hasher.
    public init() {}

    /// Mixes bytes in.
    public mutating func combine(_ bytes: some Sequence<UInt8>) {
        if let done: Void = bytes.withContiguousStorageIfAvailable({ combine(buffer: UnsafeRawBufferPointer($0)) }) { return done }
        let array = Array(bytes)
        array.withUnsafeBytes { combine(buffer: $0) }
    }

    /// Mixes raw bytes in: 32-byte blocks on four lanes (independent chains the processor runs
    /// side by side: a single chain waits for each multiply, and hashing every racy source of
    /// a no-change check went at about 1.5 bytes a cycle), folded into the hash; then the
    /// remaining little-endian words, the last bytes and the length.
    public mutating func combine(buffer: UnsafeRawBufferPointer) {
        var current = value
        var offset = 0
        if buffer.count >= 32 {
            var lanes = (current, current ^ 0x243f_6a88_85a3_08d3, current ^ 0x1319_8a2e_0370_7344, current ^ 0xa409_3822_299f_31d0)
            while offset + 32 <= buffer.count {
                lanes.0 = Self.mix(lanes.0, UInt64(littleEndian: buffer.loadUnaligned(fromByteOffset: offset, as: UInt64.self)))
                lanes.1 = Self.mix(lanes.1, UInt64(littleEndian: buffer.loadUnaligned(fromByteOffset: offset + 8, as: UInt64.self)))
                lanes.2 = Self.mix(lanes.2, UInt64(littleEndian: buffer.loadUnaligned(fromByteOffset: offset + 16, as: UInt64.self)))
                lanes.3 = Self.mix(lanes.3, UInt64(littleEndian: buffer.loadUnaligned(fromByteOffset: offset + 24, as: UInt64.self)))
                offset += 32
            }
            current = Self.mix(Self.mix(Self.mix(Self.mix(current, lanes.0), lanes.1), lanes.2), lanes.3)
        }
        while offset + 8 <= buffer.count {
            current = Self.mix(current, UInt64(littleEndian: buffer.loadUnaligned(fromByteOffset: offset, as: UInt64.self)))
            offset += 8
        }
        var last: UInt64 = 0
        for (shift, byte) in buffer[offset...].enumerated() { last |= UInt64(byte) << (8 * UInt64(shift)) }
        current = Self.mix(current, last)
        value = Self.mix(current, UInt64(buffer.count))
    }

    private static func mix(_ state: UInt64, _ word: UInt64) -> UInt64 {
        let product = (state ^ word) &* 0x9e37_79b9_7f4a_7c15
        return product ^ (product >> 29)
    }

    /// Mixes a string in (its length makes ("ab", "c") and ("a", "bc") differ).
    public mutating func combine(_ text: String) {
        var text = text
        text.withUTF8 { combine(buffer: UnsafeRawBufferPointer($0)) }
    }

    /// Mixes an integer in.
    public mutating func combine(_ number: Int) { combine(String(number)) }

    /// Mixes another hash in (its eight bytes, no text made of it).
    public mutating func combine(digest: UInt64) {
        withUnsafeBytes(of: digest.littleEndian) { combine(buffer: $0) }
    }

    /// The hash so far, hex.
    public var hex: String { String(value, radix: 16) }
}

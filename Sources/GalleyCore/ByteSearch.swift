#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Finding a byte string inside bytes without going through `String` or the standard library's
/// generic `firstRange(of:)`, which asks for generic metadata on every call and cost 14% of
/// `galley extract` when it looked for comments at the top of each page.
package enum ByteSearch {
    /// The offset of the first `needle` in `haystack` at or after `start`; nil when there is none
    /// (or `needle` is empty).
    package static func firstOffset(of needle: [UInt8], in haystack: UnsafeBufferPointer<UInt8>, from start: Int = 0) -> Int? {
        needle.withUnsafeBufferPointer { firstOffset(of: $0, in: haystack, from: start) }
    }

    /// `firstOffset(of:in:from:)` for a needle already in memory.
    package static func firstOffset(of needle: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>, from start: Int = 0) -> Int? {
        guard let first = needle.first, let base = haystack.baseAddress, let pattern = needle.baseAddress, start >= 0 else { return nil }
        var index = start
        while index + needle.count <= haystack.count {
            guard let hit = memchr(base + index, Int32(first), haystack.count - index - needle.count + 1) else { return nil }
            let offset = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            if memcmp(base + offset, pattern, needle.count) == 0 { return offset }
            index = offset + 1
        }
        return nil
    }

    /// `text` with every occurrence of `target` replaced by `replacement`, found byte by byte
    /// (Foundation's `replacingOccurrences` took about 9 ms to replace one 540 KB `data:` URI
    /// in its body).
    package static func replacing(_ target: String, with replacement: String, in text: String) -> String {
        let needle = Array(target.utf8)
        guard !needle.isEmpty else { return text }
        var text = text
        return text.withUTF8 { haystack -> String in
            guard var hit = firstOffset(of: needle, in: haystack) else { return String(decoding: haystack, as: UTF8.self) }
            var result: [UInt8] = []
            result.reserveCapacity(haystack.count)
            var position = 0
            while true {
                result += haystack[position..<hit]
                result += replacement.utf8
                position = hit + needle.count
                guard let next = firstOffset(of: needle, in: haystack, from: position) else { break }
                hit = next
            }
            result += haystack[position...]
            return String(decoding: result, as: UTF8.self)
        }
    }

    /// Whether `needle` occurs in `haystack[range]`.
    package static func contains(_ needle: [UInt8], in haystack: UnsafeBufferPointer<UInt8>, range: Range<Int>) -> Bool {
        guard range.lowerBound >= 0, range.upperBound <= haystack.count else { return false }
        let slice = UnsafeBufferPointer(rebasing: haystack[range])
        return firstOffset(of: needle, in: slice) != nil
    }
}

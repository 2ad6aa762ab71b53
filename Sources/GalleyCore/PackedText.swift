#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// A fixed number of optional strings kept as one buffer: the length of each present string
/// (LEB128: one byte up to 127), then their UTF-8, in slot order. The text fields of front
/// matter, held for every article of a build from its index to its last list page.
///
/// As separate `String?` fields they took 16 bytes each in their box and, past 15 bytes of
/// text (titles, summaries, slugs, URLs, captions), an allocation each with a 32-byte header;
/// here one allocation in all, and a byte or two per string. (Where each string ended was 12
/// four-byte offsets in the front matter's box: 48 bytes an article, where the lengths of its
/// usual six strings take six.) A string read back is made anew from its bytes (no allocation
/// up to 15 bytes of UTF-8).
///
/// Two values are equal when their strings are equal byte for byte (not by Unicode canonical
/// equivalence, as `String`'s `==`): the output is made of those bytes.
@usableFromInline
struct PackedText: Sendable, Hashable {
    /// How many strings a value holds (slots `0..<slots`).
    @usableFromInline static let slots = 12

    /// The lengths of the present strings, then their UTF-8, in slot order.
    @usableFromInline var bytes: ContiguousArray<UInt8> = []
    /// Bit `slot` is set when that slot holds a string (so nil and "" differ).
    @usableFromInline var present: UInt16 = 0

    @usableFromInline init() {}

    /// The strings of `values` in slots `0...` (at most `slots`), in one buffer made at once.
    @usableFromInline init(_ values: [String?]) {
        precondition(values.count <= Self.slots, "more strings than slots")
        var lengths = InlineArray<12, Int>(repeating: 0)
        for (slot, value) in values.enumerated() {
            guard let value else { continue }
            present |= 1 << slot
            lengths[slot] = value.utf8.count
        }
        bytes = Self.packed(present: present, lengths: lengths) { slot, destination in
            var value = values[slot]!
            value.withUTF8 { source in if let start = source.baseAddress { destination.initialize(from: start, count: source.count) } }
        }
    }

    /// The string in `slot`, or nil when none was set.
    @inlinable subscript(slot: Int) -> String? {
        get {
            guard present & (1 << slot) != 0 else { return nil }
            let range = byteRange(slot)
            return bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[range]), as: UTF8.self) }
        }
        set {
            let isPresent = present & (1 << slot) != 0
            // Nothing to move (a missing field set missing, as a decoder sets every field): no new buffer.
            if !isPresent, newValue == nil { return }
            var lengths = InlineArray<12, Int>(repeating: 0)
            let dataStart = lengthsOfStrings(into: &lengths)
            var starts = InlineArray<12, Int>(repeating: 0)
            var offset = dataStart
            for other in 0..<Self.slots where present & (1 << other) != 0 {
                starts[other] = offset
                offset += lengths[other]
            }
            let newPresent = newValue == nil ? present & ~(1 << slot) : present | (1 << slot)
            var text = newValue ?? ""
            lengths[slot] = text.utf8.count
            let old = bytes
            bytes = old.withUnsafeBufferPointer { old in
                text.withUTF8 { new in
                    Self.packed(present: newPresent, lengths: lengths) { other, destination in
                        let source = other == slot ? new : UnsafeBufferPointer(rebasing: old[starts[other]..<(starts[other] + lengths[other])])
                        if let start = source.baseAddress { destination.initialize(from: start, count: source.count) }
                    }
                }
            }
            present = newPresent
        }
    }

    /// Whether `slot` holds `text`, byte for byte (no string made to compare).
    @usableFromInline func holds(_ text: String, in slot: Int) -> Bool {
        guard present & (1 << slot) != 0 else { return false }
        let range = byteRange(slot)
        var text = text
        return text.withUTF8 { given in
            given.count == range.count && bytes.withUnsafeBufferPointer { held in
                given.count == 0 || memcmp(held.baseAddress! + range.lowerBound, given.baseAddress!, given.count) == 0
            }
        }
    }

    /// Whether `lhs`'s string in `slot` orders before `rhs`'s, byte by byte (a missing one as
    /// ""): `String`'s `<` for text in Unicode's normal form C, which slugs (ASCII) are.
    @usableFromInline static func precedes(_ lhs: PackedText, _ rhs: PackedText, in slot: Int) -> Bool {
        let left = lhs.byteRange(slot), right = rhs.byteRange(slot)
        return lhs.bytes.withUnsafeBufferPointer { l in
            rhs.bytes.withUnsafeBufferPointer { r in
                let common = min(left.count, right.count)
                let order = common == 0 ? 0 : memcmp(l.baseAddress! + left.lowerBound, r.baseAddress! + right.lowerBound, common)
                return order != 0 ? order < 0 : left.count < right.count
            }
        }
    }

    /// How many bytes of text the value holds (its strings' UTF-8, not their lengths).
    var textByteCount: Int {
        var lengths = InlineArray<12, Int>(repeating: 0)
        return bytes.count - lengthsOfStrings(into: &lengths)
    }

    /// Where `slot`'s bytes are in `bytes`; an empty range for a missing string.
    @inlinable func byteRange(_ slot: Int) -> Range<Int> {
        var lengths = InlineArray<12, Int>(repeating: 0)
        var start = lengthsOfStrings(into: &lengths)
        for earlier in 0..<slot { start += lengths[earlier] }
        return start..<(start + lengths[slot])
    }

    /// Reads the lengths of the present strings into `lengths` (0 for the missing ones);
    /// returns where their bytes start.
    @usableFromInline func lengthsOfStrings(into lengths: inout InlineArray<12, Int>) -> Int {
        bytes.withUnsafeBufferPointer { buffer in
            var position = 0
            for slot in 0..<Self.slots where present & (1 << slot) != 0 {
                var length = 0, shift = 0
                while true {
                    let byte = buffer[position]
                    position += 1
                    length |= Int(byte & 0x7F) << shift
                    if byte < 0x80 { break }
                    shift += 7
                }
                lengths[slot] = length
            }
            return position
        }
    }

    /// A buffer of the lengths of the slots in `present` and their bytes, of just that size
    /// (replacing in place grows a buffer by half again or more, slack every article then kept:
    /// 26 MB at 50,000 articles). `write` puts a slot's `lengths[slot]` bytes at the pointer.
    @usableFromInline static func packed(present: UInt16, lengths: InlineArray<12, Int>,
                                         write: (Int, UnsafeMutablePointer<UInt8>) -> Void) -> ContiguousArray<UInt8> {
        var total = 0
        for slot in 0..<slots where present & (1 << slot) != 0 {
            precondition(lengths[slot] <= Int(UInt32.max), "front matter text past 4 GB")
            total += lengthSize(lengths[slot]) + lengths[slot]
        }
        guard total > 0 else { return [] }
        return ContiguousArray(unsafeUninitializedCapacity: total) { buffer, count in
            let base = buffer.baseAddress!
            for slot in 0..<slots where present & (1 << slot) != 0 {
                var length = lengths[slot]
                while length >= 0x80 {
                    base[count] = UInt8(length & 0x7F) | 0x80
                    count += 1
                    length >>= 7
                }
                base[count] = UInt8(length)
                count += 1
            }
            for slot in 0..<slots where present & (1 << slot) != 0 {
                write(slot, base + count)
                count += lengths[slot]
            }
        }
    }

    /// Bytes of a length in LEB128.
    @usableFromInline static func lengthSize(_ length: Int) -> Int {
        var size = 1, rest = length >> 7
        while rest > 0 { size += 1; rest >>= 7 }
        return size
    }

    // Equal strings make equal bytes (each length in its shortest form): `==` and `hash` are
    // the synthesised ones, on `bytes` and `present`.
}
